package inspect

import (
	"strings"
	"testing"
)

func TestDecodeHex(t *testing.T) {
	for _, tc := range []struct {
		name, hex, proto string
		want             string // in the error, or in the summary's JSON
		offset           int    // -1: no error
	}{
		{"sl651 keep-alive", "7E7E01001234567812342F0008020003591011155111036BCA", Auto, "", -1},
		{"bad start byte", "99 01 02", Auto, "unrecognised start byte", 0},
		{"not hex", "7E7G", Auto, "not hex", -1},
		{"sl651 bad crc", "7E7E01001234567812342F0008020003591011155111036BCB", SL651, "", 23},
		{"unknown protocol", "7E7E", "modbus", "unknown protocol", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum, err := DecodeHex(tc.hex, tc.proto, "")
			if tc.want == "" && tc.offset < 0 {
				if err != nil || sum == nil {
					t.Fatalf("%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("decoded %+v, want an error", sum)
			}
			if tc.want != "" && !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if tc.offset >= 0 && Offset(err) != tc.offset {
				t.Fatalf("offset %d, want %d (%v)", Offset(err), tc.offset, err)
			}
		})
	}
}
