package inspect

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/protocol/sl651"
)

// keepAlive is an SL 651 link keep-alive encoded here, and the same frame
// with its CRC's last byte changed.
func keepAlive(t *testing.T) (good, badCRC string, crcAt int) {
	t.Helper()
	addr, err := sl651.ParseAddress("0012345678")
	if err != nil {
		t.Fatal(err)
	}
	b, err := sl651.AppendFrame(nil, &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Station: addr,
		Password: 0x1234, Function: sl651.FuncKeepAlive, Serial: 2,
		Sent: time.Date(2026, 3, 5, 10, 11, 15, 0, sl651.Beijing())})
	if err != nil {
		t.Fatal(err)
	}
	good = strings.ToUpper(hex.EncodeToString(b))
	b[len(b)-1] ^= 1
	return good, strings.ToUpper(hex.EncodeToString(b)), len(b) - 2
}

func TestDecodeHex(t *testing.T) {
	good, badCRC, crcAt := keepAlive(t)
	for _, tc := range []struct {
		name, hex, proto string
		want             string // in the error, or in the summary's JSON
		offset           int    // -1: no error
	}{
		{"sl651 keep-alive", good, Auto, "", -1},
		{"bad start byte", "99 01 02", Auto, "unrecognised start byte", 0},
		{"not hex", "7E7G", Auto, "not hex", -1},
		{"sl651 bad crc", badCRC, SL651, "", crcAt},
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
