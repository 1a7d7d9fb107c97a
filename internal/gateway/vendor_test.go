package gateway

import (
	"strings"
	"testing"

	"github.com/sishui/sishui"
)

func TestParseVendorMapping(t *testing.T) {
	m, err := ParseVendorMapping([]byte("sl651:\n  \"80\": volume_m3\n  FF0AH: energy_kwh\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.SL651Vendor[0x80] != sishui.MetricVolumeM3 || m.SL651Vendor[0xFF0A] != sishui.MetricEnergyKWh {
		t.Fatalf("mapping %v", m.SL651Vendor)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"standard identifier", "sl651:\n  20: volume_m3\n", "sl651.20"},
		{"unknown metric", "sl651:\n  \"80\": colour\n", "colour"},
		{"unknown key", "szy206:\n  \"80\": volume_m3\n", "szy206"},
		{"not hex", "sl651:\n  XY: volume_m3\n", "sl651.XY"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseVendorMapping([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want mention of %q", err, tc.want)
			}
		})
	}
}
