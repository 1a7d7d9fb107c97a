package szy206

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestSummary(t *testing.T) {
	sample := mustHex(t, "681A68B35303810D00C00059000000826110000001106000004508090A3516")
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
			`"address":{"hex":"5303810d00","mode":1,"region":"530381","station":13}`,
			`"time_tag":{"day":9,"hour":8,"minute":45,"second":0,"delay_min":10}`,
			`{"id":"flow","index":1,"value":5.9,"unit":"m3/s"}`, `{"id":"volume","index":1,"value":106182,"unit":"m3"}`,
			`"alarm":["ac_power_lost","remaining_volume_low"]`, `"door_closed":true`}},
		{"5-byte Tp resolved with a reference", sample, ProfileSZY206(), time.Date(2025, 5, 9, 1, 0, 0, 0, time.UTC),
			[]string{`"time":"2025-05-09T08:45:00+08:00"`}},
		{"7-byte Tp", tp7, ProfileSLT427(), time.Time{}, []string{`"time":"2025-06-12T15:30:00+08:00"`}},
		{"missing value is null", mustHex(t, "681568B34406070001C0AAAAAAAAAA004040000000000101E516"), ProfileSZY206(), time.Time{},
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
