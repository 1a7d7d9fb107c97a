package sishui

import (
	"errors"
	"fmt"
)

// Error codes: a small closed set, mapped to HTTP statuses in one table (internal/api).
const (
	EINVALID      = "invalid"      // bad input; Field says which
	ENOTFOUND     = "not_found"    // the thing asked for does not exist (or is outside the caller's scope)
	ECONFLICT     = "conflict"     // the change collides with existing data or a rule (e.g. 限批)
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials fine, permission missing
	ETOOMANY      = "too_many"     // rate limited; try again later
	EINTERNAL     = "internal"     // a bug or an unavailable dependency
	EUNAVAILABLE  = "unavailable"  // overloaded or shutting down; nothing was done, try again later
)

// Error is the one error type of the domain. Op names the operation, Field the
// offending input field (JSON name) when Code is EINVALID.
type Error struct {
	Code    string
	Op      string
	Field   string
	Message string
	Err     error
}

func (e *Error) Error() string {
	var s string
	if e.Op != "" {
		s = e.Op + ": "
	}
	if e.Field != "" {
		s += e.Field + ": "
	}
	s += e.Message
	if e.Err != nil {
		if e.Message != "" {
			s += ": "
		}
		s += e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid reports bad input in the named field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound reports a missing entity.
func NotFound(format string, args ...any) *Error {
	return &Error{Code: ENOTFOUND, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// other non-nil errors and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorField returns the field of the first *Error in err's chain.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ErrorMessage returns a message suitable for a client: the text of an *Error,
// or a generic text for internal errors (whose details belong in logs only).
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Error()
	}
	return "internal error"
}
