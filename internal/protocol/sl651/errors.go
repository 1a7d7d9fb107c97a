package sl651

import (
	"errors"
	"fmt"
)

// Sentinel errors. Decoding errors are wrapped in a *ParseError that carries the
// byte (HEX) or character (ASCII) offset in the frame; compare with errors.Is.
var (
	// ErrChecksum: the received CRC does not match the one computed over the frame.
	ErrChecksum = errors.New("checksum mismatch")
	// ErrTruncated: the frame or a field ends before its declared length.
	ErrTruncated = errors.New("truncated")
	// ErrLength: a length field is inconsistent with the data (too long, too many bytes).
	ErrLength = errors.New("bad length")
	// ErrUnknownFunction: the function code is in a reserved range of Appendix B.
	ErrUnknownFunction = errors.New("unknown function code")
	// ErrSyntax: a field is malformed (bad start/end character, bad BCD or hex digit, bad date).
	ErrSyntax = errors.New("syntax error")
	// ErrRange: a value does not fit the data definition it is to be encoded with.
	ErrRange = errors.New("value out of range")
	// ErrUnsupported: the encoder cannot express the frame in the requested format.
	ErrUnsupported = errors.New("unsupported")
	// ErrPacket: an M3 packet is inconsistent (sequence 0 or above the total, not multi-packet).
	ErrPacket = errors.New("bad packet")
)

// ParseError is returned by the decoder. Offset counts bytes (HEX) or characters
// (ASCII) from the first byte of the frame, or from the start of the body for
// Decoder.DecodeBody.
type ParseError struct {
	Offset int
	Err    error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("sl651: offset %d: %v", e.Offset, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

func parseErr(off int, err error, detail string) *ParseError {
	if detail != "" {
		err = fmt.Errorf("%w: %s", err, detail)
	}
	return &ParseError{Offset: off, Err: err}
}
