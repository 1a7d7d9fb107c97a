package szy206

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestSummary(t *testing.T) {
	sample := flowSample(t)
	tp7 := wrap(t, "B35303810D00C0 0059000000 8261100000 0000 0000 00301512062503")
	mode2 := wrap(t, "B05303810D0002F0")
	mode2[4] = 0 // make it a mode-2 address, then fix the check byte
	mode2[len(mode2)-2] = CRC8(mode2[3 : len(mode2)-2])
	tests := []struct {
		name string
		fr   []byte
		p    Profile
		ref  time.Time
		want []string // substrings of the JSON
	}{
		{"C0 flow with 5-byte Tp, no reference", sample, ProfileSZY206(), time.Time{}, []string{
			`"protocol":"szy206"`, `"afn":"C0"`, `"function":"C0"`, `"direction":"up"`,
			`"address":{"hex":"3715020700","mode":1,"region":"371502","station":7}`,
			`"time_tag":{"day":21,"hour":10,"minute":30,"second":15,"delay_min":5}`,
			`{"id":"flow","index":1,"value":12.345,"unit":"m3/s"}`, `{"id":"volume","index":1,"value":204816,"unit":"m3"}`,
			`"alarm":["ac_power_lost","remaining_volume_low"]`, `"door_closed":true`}},
		{"5-byte Tp resolved with a reference", sample, ProfileSZY206(), time.Date(2025, 5, 21, 1, 0, 0, 0, time.UTC),
			[]string{`"time":"2025-05-21T10:30:15+08:00"`}},
		{"7-byte Tp", tp7, ProfileSLT427(), time.Time{}, []string{`"time":"2025-06-12T15:30:00+08:00"`}},
		{"missing value is null", noTimeSample(t), ProfileSZY206(), time.Time{},
			[]string{`{"id":"flow","index":1,"value":null,"unit":"m3/s","missing":true}`}},
		{"link and mode-2 address", mode2, ProfileSZY206(), time.Time{}, []string{`"link":"login"`, `"mode":2`, `"code":"03810D00"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Decode(tt.fr, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			j, err := json.Marshal(SummaryAt(f, tt.ref))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(j), w) {
					t.Errorf("summary lacks %s:\n%s", w, j)
				}
			}
		})
	}
}
