package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sishui/sishui/internal/protocol/inspect"
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
			out = decodeError{Error: err.Error(), Offset: inspect.Offset(err), Input: h}
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
	return inspect.DecodeHex(h, proto, profile)
}
