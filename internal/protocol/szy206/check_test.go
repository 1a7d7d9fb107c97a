package szy206

import (
	"fmt"
	"strconv"
	"testing"
)

func wantHeader(t *testing.T, f *Frame, up bool, fcb uint8, typ TypeCode, afn AFN) {
	t.Helper()
	if f.Control.Up() != up || f.Control.FCB() != fcb || f.Control.Type() != typ || f.AFN != afn {
		t.Errorf("header: up %v fcb %d type %d AFN %02X; want %v %d %d %02X",
			f.Control.Up(), f.Control.FCB(), f.Control.Type(), byte(f.AFN), up, fcb, typ, byte(afn))
	}
}

func wantRegion(t *testing.T, f *Frame, region uint32, station uint16) {
	t.Helper()
	r, ok := f.Address.Region()
	if !ok || r != region || f.Station != station {
		t.Errorf("address: region %d (%v) station %d; want %d %d", r, ok, f.Station, region, station)
	}
}

func wantState(t *testing.T, f *Frame, alarm AlarmWord, status StatusWord) {
	t.Helper()
	if !f.HasState || f.Alarm != alarm || f.Status != status {
		t.Errorf("state: alarm %04X status %04X (has %v); want %04X %04X", uint16(f.Alarm), uint16(f.Status), f.HasState, uint16(alarm), uint16(status))
	}
}

// readingString formats a reading as "id/index=value unit" with the exact
// scaled integer, e.g. "flow/1=5.900 m3/s".
func readingString(r Reading) string {
	s := fmt.Sprintf("%s/%d=", r.Kind, r.Index)
	if r.Missing {
		return s + "missing"
	}
	v := r.Raw
	neg := v < 0
	if neg {
		v = -v
	}
	num := strconv.FormatInt(v, 10)
	if r.Scale > 0 {
		for len(num) <= int(r.Scale) {
			num = "0" + num
		}
		num = num[:len(num)-int(r.Scale)] + "." + num[len(num)-int(r.Scale):]
	}
	if neg {
		num = "-" + num
	}
	s += num
	if r.Unit != UnitNone {
		s += " " + r.Unit.String()
	}
	return s
}

func wantReadings(t *testing.T, f *Frame, want ...string) {
	t.Helper()
	if len(f.Readings) != len(want) {
		var got []string
		for _, r := range f.Readings {
			got = append(got, readingString(r))
		}
		t.Fatalf("readings %q, want %q", got, want)
	}
	for i, r := range f.Readings {
		if got := readingString(r); got != want[i] {
			t.Errorf("reading %d = %q, want %q", i, got, want[i])
		}
	}
}
