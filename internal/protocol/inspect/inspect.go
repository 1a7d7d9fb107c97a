// Package inspect decodes one SL 651 or SZY 206 frame into the summary people
// read (`sishui decode`, the frames API and the web frame inspector), and
// finds the byte offset of a decode error.
package inspect

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// Protocol names Decode takes.
const (
	Auto   = "auto"
	SL651  = "sl651"
	SZY206 = "szy206"
)

// Guess tells the protocol of a frame by its first bytes ("" when neither).
func Guess(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0x7E && b[1] == 0x7E, len(b) > 0 && b[0] == 0x01:
		return SL651
	case len(b) > 0 && b[0] == 0x68:
		return SZY206
	}
	return ""
}

// Decode decodes one frame of proto (sl651, szy206 or auto: by the first
// bytes) into its summary (sl651.Summary or szy206.Summary). profile names an
// SZY 206 profile; "" takes the first that decodes cleanly. A decode error
// carries the byte offset (Offset).
func Decode(b []byte, proto, profile string) (any, error) {
	if len(b) == 0 {
		return nil, errors.New("empty frame")
	}
	if proto == Auto || proto == "" {
		if proto = Guess(b); proto == "" {
			return nil, &sl651.ParseError{Offset: 0, Err: fmt.Errorf("unrecognised start byte %02X: neither SL 651 (7E7E, SOH) nor SZY 206 (68)", b[0])}
		}
	}
	switch proto {
	case SL651:
		f, err := sl651.Decode(b)
		if err != nil {
			return nil, err
		}
		return sl651.Summary(f), nil
	case SZY206:
		var p szy206.Profile
		var err error
		if profile != "" {
			var ok bool
			if p, ok = szy206.ProfileByName(profile); !ok {
				return nil, fmt.Errorf("unknown SZY 206 profile %q", profile)
			}
		} else if p, err = szy206.BestProfile(b); err != nil {
			return nil, err
		}
		f, err := szy206.Decode(b, p)
		if err != nil {
			return nil, err
		}
		return szy206.Summary(f), nil
	}
	return nil, fmt.Errorf("unknown protocol %q: sl651, szy206 or auto", proto)
}

// DecodeHex is Decode of a frame written in hex (spaces, tabs, colons and
// dashes allowed).
func DecodeHex(h, proto, profile string) (any, error) {
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == ':' || r == '-' {
			return -1
		}
		return r
	}, h)
	b, err := hex.DecodeString(clean)
	if err != nil {
		return nil, fmt.Errorf("not hex: %w", err)
	}
	return Decode(b, proto, profile)
}

// Offset returns the byte offset of a decode error, or -1 when it has none.
func Offset(err error) int {
	var p1 *sl651.ParseError
	var p2 *szy206.ParseError
	switch {
	case errors.As(err, &p1):
		return p1.Offset
	case errors.As(err, &p2):
		return p2.Offset
	}
	return -1
}
