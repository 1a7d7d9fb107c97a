package pricing

import "testing"

func TestAmountRounding(t *testing.T) {
	for _, tc := range []struct {
		name    string
		qty     int64
		rate    Rate
		factors []Milli
		want    Fen
	}{
		{"whole fen", 125, 32500, nil, 40625},
		{"0.008 元/kWh × 1 kWh is 0.8 fen → 1", 1, 80, nil, 1},
		{"0.008 元/kWh × 1,000,000 kWh", 1_000_000, 80, nil, 800_000},
		{"half a fen rounds up", 1, 50, nil, 1},
		{"just under half rounds down", 1, 49, nil, 0},
		{"negative half rounds away from zero", -1, 50, nil, -1},
		{"negative just under half", -1, 49, nil, 0},
		{"2.5 × 0.05 元 = 0.125 元 → 13 fen", 1, 500, []Milli{2500}, 13},
		{"3 m³ × 2.5 × 0.05 = 0.375 元 → 38 fen", 3, 500, []Milli{2500}, 38},
		{"negative 3 m³ × 2.5 × 0.05 → -38 fen", -3, 500, []Milli{2500}, -38},
		{"relief 20 %", 1000, 4000, []Milli{1000, 800}, 32000},
		{"1.5 × 2.5 × 0.3333 on 7 m³: 8.74913 → 8.75 元", 7, 3333, []Milli{1500, 2500}, 875},
		{"large volume exact", 1_000_000_000_000, 15000, nil, 150_000_000_000_000},
		{"large with factors", 1_000_000_000_000, 15000, []Milli{3000, 800}, 360_000_000_000_000},
		{"zero", 0, 99999, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Amount(tc.qty, tc.rate, tc.factors...); got != tc.want {
				t.Fatalf("Amount(%d, %v, %v) = %v, want %v", tc.qty, tc.rate, tc.factors, got, tc.want)
			}
			if got := Amount(-tc.qty, tc.rate, tc.factors...); got != -tc.want {
				t.Fatalf("Amount of the negated quantity = %v, want %v (a reversal mirrors its line)", got, -tc.want)
			}
		})
	}
}

func TestFastPathAgreesWithExact(t *testing.T) {
	// The fast path (no factors) and the exact path (factor 1×) agree.
	for q := int64(-2000); q <= 2000; q += 7 {
		for _, r := range []Rate{1, 49, 50, 51, 80, 1250, 32500, 99999} {
			if a, b := Amount(q, r), Amount(q, r, One); a != b {
				t.Fatalf("Amount(%d, %d) = %v fast, %v exact", q, r, a, b)
			}
		}
	}
}

func TestScale(t *testing.T) {
	for _, tc := range []struct{ v, num, den, want int64 }{
		{144, 4, 12, 48},
		{204, 4, 12, 68},
		{125, 4, 12, 42}, // 41.67
		{206, 1, 12, 17}, // 17.17
		{15, 1, 2, 8},    // 7.5 → 8
		{-15, 1, 2, -8},  // half away from zero
		{1_000_000, 910, 1000, 910_000},
	} {
		if got := Scale(tc.v, tc.num, tc.den); got != tc.want {
			t.Errorf("Scale(%d, %d, %d) = %d, want %d", tc.v, tc.num, tc.den, got, tc.want)
		}
	}
	if got := LitresToM3(1500); got != 2 {
		t.Errorf("LitresToM3(1500) = %d", got)
	}
	if got := LitresToM3(1499); got != 1 {
		t.Errorf("LitresToM3(1499) = %d", got)
	}
}

func TestParseAndFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Rate
		err  bool
	}{
		{"3.25", 32500, false}, {"0.008", 80, false}, {"0.125", 1250, false}, {"7.1", 71000, false},
		{"-0.5", -5000, false}, {"0.00001", 0, true}, {"abc", 0, true}, {"", 0, true}, {"1e3", 0, true},
	} {
		got, err := ParseRate(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseRate(%q) = %v, %v", tc.in, got, err)
		}
	}
	if s := Rate(80).String(); s != "0.008" {
		t.Errorf("Rate(80) = %s", s)
	}
	if s := Rate(32500).String(); s != "3.25" {
		t.Errorf("Rate(32500) = %s", s)
	}
	if s := Fen(-1205).String(); s != "-12.05" {
		t.Errorf("Fen(-1205) = %s", s)
	}
	if m, err := ParseMilli("2.5"); err != nil || m != 2500 || m.String() != "2.5" {
		t.Errorf("ParseMilli(2.5) = %v %v", m, err)
	}
}
