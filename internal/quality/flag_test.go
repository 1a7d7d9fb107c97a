package quality

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestFlagNamesRoundTrip(t *testing.T) {
	for i := range flagNames {
		f := Flag(1) << i
		t.Run(f.String(), func(t *testing.T) {
			got, err := ParseFlag(f.String())
			if err != nil || got != f {
				t.Fatalf("ParseFlag(%q) = %v, %v; want %v", f.String(), got, err, f)
			}
		})
	}
	if AllFlags != Flag(1)<<len(flagNames)-1 {
		t.Fatalf("AllFlags = %b, names for %d bits", AllFlags, len(flagNames))
	}
}

func TestFlagString(t *testing.T) {
	tests := []struct {
		name string
		f    Flag
		want string
	}{
		{"zero", 0, "ok"},
		{"one", FlagSpike, "spike"},
		{"two in bit order", FlagMissing | FlagHardRange, "hard_range|missing"},
		{"unnamed bit", Flag(1) << 30, "bit_30"},
		{"filled", FilledFlags, "gap_filled|estimated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			back, err := ParseFlag(tt.want)
			if err != nil || back != tt.f {
				t.Errorf("ParseFlag(%q) = %v, %v", tt.want, back, err)
			}
		})
	}
}

func TestParseFlag(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Flag
		wantErr bool
	}{
		{"empty", "", 0, false},
		{"ok", "ok", 0, false},
		{"comma and spaces", " spike , flat_line ", FlagSpike | FlagFlatLine, false},
		{"pipe", "too_old|corrected", FlagTooOld | FlagCorrected, false},
		{"unknown", "spike|bogus", 0, true},
		{"bad bit", "bit_40", 0, true},
		{"bit with junk", "bit_3x", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFlag(tt.in)
			if tt.wantErr {
				if !errors.Is(err, ErrUnknownFlag) {
					t.Fatalf("err = %v, want ErrUnknownFlag", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseFlag(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFlagJSON(t *testing.T) {
	tests := []struct {
		name string
		f    Flag
		js   string
	}{
		{"zero", 0, `[]`},
		{"two", FlagRateOfChange | FlagEstimated, `["rate_of_change","estimated"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(struct{ F Flag }{tt.f})
			if err != nil || string(b) != `{"F":`+tt.js+`}` {
				t.Fatalf("Marshal = %s, %v", b, err)
			}
			var back struct{ F Flag }
			if err := json.Unmarshal(b, &back); err != nil || back.F != tt.f {
				t.Fatalf("Unmarshal = %v, %v", back.F, err)
			}
		})
	}
	var f Flag = FlagSpike
	if err := json.Unmarshal([]byte(`null`), &f); err != nil || f != 0 {
		t.Errorf("null: %v, %v", f, err)
	}
	if err := json.Unmarshal([]byte(`["nope"]`), &f); !errors.Is(err, ErrUnknownFlag) {
		t.Errorf("unknown name: err = %v", err)
	}
	if err := json.Unmarshal([]byte(`"spike"`), &f); err == nil {
		t.Error("a string instead of an array: no error")
	}
}

func TestFlagGrade(t *testing.T) {
	tests := []struct {
		name string
		f    Flag
		want Grade
	}{
		{"none", 0, Good},
		{"estimated only", FilledFlags | FlagCorrected, Good},
		{"soft", FlagSoftRange, Doubtful},
		{"too old", FlagTooOld | FlagEstimated, Doubtful},
		{"hard beats soft", FlagHardRange | FlagSpike, Unreliable},
		{"rollback", FlagMeterRollback, Unreliable},
		{"missing beats all", FlagMissing | FlagHardRange, Missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Grade(); got != tt.want {
				t.Errorf("Grade() = %v, want %v", got, tt.want)
			}
		})
	}
	if !(FlagSpike | FlagMissing).Has(FlagSpike) || FlagSpike.Has(FlagSpike|FlagMissing) || !FlagSpike.Any(FlagSpike|FlagMissing) {
		t.Error("Has/Any")
	}
}
