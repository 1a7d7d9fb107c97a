package main

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// decodeError is what `sishui decode` prints for a frame that does not decode.
type decodeError struct {
	Error  string `json:"error"`
	Offset int    `json:"offset"`
	Input  string `json:"input,omitempty"`
}

func cmdDecode(ctx context.Context, e *env, args []string) error {
	fs, _, err := e.newFlags("decode", args)
	if err != nil {
		return err
	}
	proto := fs.String("protocol", "auto", "sl651, szy206 or auto (by the first bytes)")
	profile := fs.String("profile", "", "SZY 206 profile name (default: the first that decodes cleanly)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *proto {
	case "auto", "sl651", "szy206":
	default:
		return fmt.Errorf("--protocol must be sl651, szy206 or auto, got %q", *proto)
	}
	frames := fs.Args()
	if len(frames) == 0 {
		sc := bufio.NewScanner(e.stdin)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
				frames = append(frames, line)
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, h := range frames {
		out, err := decodeOne(h, *proto, *profile)
		if err != nil {
			failed++
			de := decodeError{Error: err.Error(), Offset: -1, Input: h}
			var p1 *sl651.ParseError
			var p2 *szy206.ParseError
			switch {
			case errors.As(err, &p1):
				de.Offset = p1.Offset
			case errors.As(err, &p2):
				de.Offset = p2.Offset
			}
			out = de
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

// decodeOne decodes one hex frame (spaces allowed) by protocol.
func decodeOne(h, proto, profile string) (any, error) {
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
	if len(b) == 0 {
		return nil, errors.New("empty frame")
	}
	if proto == "auto" {
		switch {
		case len(b) >= 2 && b[0] == 0x7E && b[1] == 0x7E, b[0] == 0x01:
			proto = "sl651"
		case b[0] == 0x68:
			proto = "szy206"
		default:
			return nil, &sl651.ParseError{Offset: 0, Err: fmt.Errorf("unrecognised start byte %02X: neither SL 651 (7E7E, SOH) nor SZY 206 (68)", b[0])}
		}
	}
	if proto == "sl651" {
		f, err := sl651.Decode(b)
		if err != nil {
			return nil, err
		}
		return sl651.Summary(f), nil
	}
	var p szy206.Profile
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
