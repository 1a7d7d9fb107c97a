package api_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// TestFramesDecoded: the frames API returns each frame's decoded summary, or
// for a frame that does not decode the error and its byte offset.
func TestFramesDecoded(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var a szy206.Address
	copy(a[:], []byte{0x37, 0x15, 0x02, 0x01, 0x00})
	tt := szy206.NewTimeTag(time.Now(), 0, 5)
	good, err := szy206.AppendReport(nil, &szy206.Report{Address: a, FCB: 3, Type: szy206.TypeFlow, Time: &tt,
		Readings: []szy206.Reading{szy206.NewReading(szy206.KindFlow, 1, 0.5), szy206.NewReading(szy206.KindVolume, 1, 1234)}}, szy206.ProfileSZY206())
	if err != nil {
		t.Fatal(err)
	}
	bad := append([]byte(nil), good...)
	bad[len(bad)-2] ^= 0xFF // the check byte
	if err := f.st.ArchiveFrames(ctx, []*sishui.RawFrame{
		{Received: time.Now(), Protocol: "szy206", Station: "3715020100", Bytes: good, Status: sishui.FrameOK},
		{Received: time.Now(), Protocol: "szy206", Station: "3715020100", Bytes: bad, Status: sishui.FrameQuarantined, Reason: "checksum"},
	}); err != nil {
		t.Fatal(err)
	}
	var list struct {
		Items []struct {
			Hex          string          `json:"hex"`
			Decoded      json.RawMessage `json:"decoded"`
			DecodeError  string          `json:"decode_error"`
			DecodeOffset *int            `json:"decode_offset"`
		} `json:"items"`
	}
	if code := f.do(t, "admin", "GET", "/api/v1/frames?station=3715020100", nil, &list); code != 200 || len(list.Items) != 2 {
		t.Fatalf("frames: %d, %d items", code, len(list.Items))
	}
	for _, it := range list.Items {
		switch {
		case strings.EqualFold(it.Hex, hexOf(good)):
			if !strings.Contains(string(it.Decoded), `"volume"`) || !strings.Contains(string(it.Decoded), "1234") || it.DecodeError != "" {
				t.Fatalf("good frame decoded %s (%s)", it.Decoded, it.DecodeError)
			}
		default:
			if it.Decoded != nil || it.DecodeError == "" || it.DecodeOffset == nil || *it.DecodeOffset != len(bad)-2 {
				t.Fatalf("bad frame: decoded %s, error %q at %v; want the check byte at %d", it.Decoded, it.DecodeError, it.DecodeOffset, len(bad)-2)
			}
		}
	}
}

func hexOf(b []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, 2*len(b))
	for _, x := range b {
		out = append(out, digits[x>>4], digits[x&15])
	}
	return string(out)
}

// TestCommandsAPI: a county queues a command for its own point (201), not
// for another county's (the point is not found), bad input is 400 naming the
// field, a queued command can be cancelled once (then 409).
func TestCommandsAPI(t *testing.T) {
	f := newFixture(t)
	pts, _, err := f.st.ListPoints(context.Background(), sishui.PointFilter{Region: "371502", Protocol: "sl651", Page: sishui.Page{Limit: 1}})
	if err != nil || len(pts) == 0 {
		t.Fatal("no SL 651 point", err)
	}
	path := "/api/v1/points/" + strconv.FormatInt(pts[0].ID, 10) + "/commands"
	var c sishui.TerminalCommand
	if code := f.do(t, "county", "POST", path, map[string]any{"kind": "set_interval", "interval_h": 4}, &c); code != 201 || c.Status != "queued" || c.Station != pts[0].Code {
		t.Fatalf("create: %d %+v", code, c)
	}
	if code := f.do(t, "county2", "POST", path, map[string]any{"kind": "set_clock"}, nil); code != 400 && code != 404 && code != 403 {
		t.Fatalf("another county's point: %d", code)
	}
	var e api.ErrorBody
	if code := f.do(t, "county", "POST", path, map[string]any{"kind": "set_password", "password": "12G4"}, &e); code != 400 || e.Error.Field != "password" {
		t.Fatalf("bad password: %d %+v", code, e)
	}
	var list []sishui.TerminalCommand
	if code := f.do(t, "county", "GET", path, nil, &list); code != 200 || len(list) != 1 || list[0].ID != c.ID {
		t.Fatalf("list: %d %+v", code, list)
	}
	cancel := "/api/v1/terminal-commands/" + strconv.FormatInt(c.ID, 10) + "/cancel"
	if code := f.do(t, "county", "POST", cancel, nil, &c); code != 200 || c.Status != "cancelled" {
		t.Fatalf("cancel: %d %+v", code, c)
	}
	if code := f.do(t, "county", "POST", cancel, nil, nil); code != 409 {
		t.Fatalf("cancel again: %d, want 409", code)
	}
}
