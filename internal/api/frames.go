package api

import (
	"encoding/json"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/inspect"
)

// decodeFrames sets each archived frame's decoded summary, or the decode
// error and its byte offset (the web frame inspector marks that byte).
func decodeFrames(frames []*sishui.RawFrame) {
	for _, f := range frames {
		if f == nil || len(f.Bytes) == 0 {
			continue
		}
		sum, err := inspect.Decode(f.Bytes, f.Protocol, "")
		if err != nil {
			f.DecodeError = err.Error()
			off := inspect.Offset(err)
			if off >= 0 {
				f.DecodeOffset = &off
			}
			continue
		}
		if b, err := json.Marshal(sum); err == nil {
			f.Decoded = b
		}
	}
}
