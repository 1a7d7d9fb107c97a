package szy206

import (
	"errors"
	"strings"
	"testing"
)

// TestFramesTSV decodes every SZY206 row of the shared sample file: rows with
// crc_ok=yes must decode under some preset, rows with crc_ok=no must fail
// with ErrChecksum. Values stated by the sources are checked per row.
func TestFramesTSV(t *testing.T) {
	// Checks for the stated meanings that are machine-checkable, keyed by a
	// prefix of the frame's hex.
	checks := map[string]func(t *testing.T, f *Frame){
		"681A68B3": func(t *testing.T, f *Frame) {
			wantHeader(t, f, true, 3, TypeFlow, AFNSelfReport)
			wantReadings(t, f, "flow/1=5.900 m3/s", "volume/1=106182 m3")
			if r, _ := f.Address.Region(); r != 530381 {
				t.Errorf("region %d", r)
			}
			want := TimeTag{Minute: 45, Hour: 8, Day: 9, DelayMin: 10, Len: 5}
			if f.Time != want {
				t.Errorf("Tp %+v, want %+v", f.Time, want)
			}
			// PROTOCOLS.md §2.8: its confirm by hm1212's rule, check byte 3E.
			c, err := AppendConfirm(nil, f, ProfileSZY206(), ModeCompatible, nil)
			if got := strings.ToUpper(encodeHex(c)); err != nil || got != "680868335303810D00C0003E16" {
				t.Errorf("confirm %s, %v", got, err)
			}
		},
		"681568B3": func(t *testing.T, f *Frame) {
			wantReadings(t, f, "flow/1=missing", "volume/1=404000 m3")
			wantState(t, f, 0, 0x0101)
			if r, _ := f.Address.Region(); r != 440607 || f.HasTime {
				t.Errorf("region %d, time %v", r, f.HasTime)
			}
		},
		"680168F0": func(t *testing.T, f *Frame) {
			if !f.Picture || !f.Control.Split() || f.DIVS != 0x2A || f.AFN != AFNQueryImage || len(f.Data) != 1024 {
				t.Errorf("picture %v split %v DIVS %d AFN %02X data %d", f.Picture, f.Control.Split(), f.DIVS, byte(f.AFN), len(f.Data))
			}
			if !f.Control.Up() || f.Control.FCB() != 3 || f.Address.String() != "4406070001" {
				t.Errorf("control %02X address %s", byte(f.Control), f.Address)
			}
		},
	}
	n := 0
	for _, row := range readTSV(t) {
		if !strings.HasPrefix(row.protocol, "SZY") {
			continue
		}
		n++
		t.Run("line"+itoa(row.line), func(t *testing.T) {
			switch row.crcOK {
			case "yes":
				p, err := BestProfile(row.frame)
				if err != nil {
					t.Fatalf("no preset decodes it: %v (%s)", err, row.meaning)
				}
				f, err := Decode(row.frame, p)
				if err != nil {
					t.Fatal(err)
				}
				if n := len(row.frame); !f.Picture && CRC8(row.frame[3:n-2]) != row.frame[n-2] {
					t.Errorf("CRC8 of the user data %02X, check byte %02X", CRC8(row.frame[3:n-2]), row.frame[n-2])
				}
				hexs := strings.ToUpper(encodeHex(row.frame))
				for prefix, check := range checks {
					if strings.HasPrefix(hexs, prefix) {
						check(t, f)
					}
				}
			case "no":
				for _, p := range Presets() {
					if _, err := Decode(row.frame, p); !errors.Is(err, ErrChecksum) {
						t.Errorf("profile %s: err = %v, want ErrChecksum", p.Name, err)
					}
				}
			default:
				t.Fatalf("crc_ok = %q", row.crcOK)
			}
		})
	}
	if n == 0 {
		t.Fatal("no SZY206 rows in frames.tsv")
	}
}

// TestFramesTSVCorrupted flips one bit in each valid SZY206 sample: every
// single-bit error in the user data must be caught by the CRC.
func TestFramesTSVCorrupted(t *testing.T) {
	for _, row := range readTSV(t) {
		if !strings.HasPrefix(row.protocol, "SZY") || row.crcOK != "yes" {
			continue
		}
		t.Run("line"+itoa(row.line), func(t *testing.T) {
			fr := append([]byte(nil), row.frame...)
			for i := 3; i < len(fr)-2 && i < 64; i++ {
				fr[i] ^= 0x10
				if _, err := Decode(fr, ProfileSZY206()); !errors.Is(err, ErrChecksum) && !errors.Is(err, ErrLength) {
					t.Errorf("bit flip at %d: err = %v", i, err)
				}
				fr[i] ^= 0x10
			}
		})
	}
}
