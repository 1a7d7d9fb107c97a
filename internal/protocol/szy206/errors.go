package szy206

import (
	"errors"
	"strconv"
)

// Sentinel errors. Decode and the encoders wrap them (usually inside a
// *ParseError); compare with errors.Is.
var (
	// ErrChecksum: the CS byte does not match CRC-8/E5 over the user-data area.
	ErrChecksum = errors.New("checksum mismatch")
	// ErrTruncated: the input ends before the frame does.
	ErrTruncated = errors.New("truncated frame")
	// ErrLength: a length field, or the length of a data field, is inconsistent.
	ErrLength = errors.New("bad length")
	// ErrUnknownFunction: the AFN or type code has no meaning for the requested operation.
	ErrUnknownFunction = errors.New("unknown function")
	// ErrSyntax: a byte breaks the format (start/end byte, BCD digit, sign nibble, clock field).
	ErrSyntax = errors.New("syntax error")
	// ErrRange: a value does not fit the field it is encoded into.
	ErrRange = errors.New("value out of range")
	// ErrSequence: a split-message fragment arrived out of order; the partial message was dropped.
	ErrSequence = errors.New("split message out of sequence")
)

// ParseError reports where in a frame decoding failed. Offset counts bytes from
// the first 68H of the frame.
type ParseError struct {
	Offset int
	Err    error
}

func (e *ParseError) Error() string {
	return "szy206: byte " + strconv.Itoa(e.Offset) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error, so errors.Is(err, ErrChecksum) works.
func (e *ParseError) Unwrap() error { return e.Err }

func perr(off int, err error) error { return &ParseError{Offset: off, Err: err} }
