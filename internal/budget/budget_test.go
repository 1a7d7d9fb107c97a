package budget

import "testing"

func TestSplit(t *testing.T) {
	eq := Split(100, [12]int64{})
	var sum int64
	for _, v := range eq {
		sum += v
		if v != 8 && v != 9 {
			t.Fatalf("equal split %v", eq)
		}
	}
	if sum != 100 {
		t.Fatalf("sum %d", sum)
	}
	w := Split(1000, [12]int64{1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 4})
	if w != [12]int64{100, 100, 200, 200, 0, 0, 0, 0, 0, 0, 0, 400} {
		t.Fatalf("weighted split %v", w)
	}
	for a := int64(0); a < 500; a += 37 {
		s := Split(a, [12]int64{3, 7, 11, 0, 5, 5, 5, 1, 2, 9, 0, 4})
		var sum int64
		for _, v := range s {
			sum += v
		}
		if sum != a {
			t.Fatalf("Split(%d) sums to %d", a, sum)
		}
	}
}

func TestExecute(t *testing.T) {
	monthly := Split(1200, [12]int64{}) // 100 a month
	th := Thresholds{Warn: 50, Over: 100}
	for _, tc := range []struct {
		name    string
		use     [12]int64
		upTo    int
		level   string
		var_    int64
		surplus int64
	}{
		{"on budget", [12]int64{100, 100, 100}, 3, LevelOK, 0, 0},
		{"5 % over is still ok", [12]int64{105, 105, 105}, 3, LevelOK, 50, 0},
		{"6 % over warns", [12]int64{106, 106, 106}, 3, LevelWarn, 60, 0},
		{"11 % over", [12]int64{111, 111, 111}, 3, LevelOver, 110, 0},
		{"under budget: surplus", [12]int64{80, 80, 80}, 3, LevelOK, -200, 240},
		{"beyond the annual budget", [12]int64{1300}, 1, LevelOver, 12000, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := Execute(monthly, tc.use, tc.upTo, th)
			last := ex.Months[len(ex.Months)-1]
			if ex.Level != tc.level || last.Variance != tc.var_ || ex.SurplusM3 != tc.surplus {
				t.Fatalf("got level %s variance %d surplus %d (%+v)", ex.Level, last.Variance, ex.SurplusM3, ex)
			}
		})
	}
	if err := (Thresholds{Warn: 100, Over: 50}).Validate(); err == nil {
		t.Fatal("warn above over accepted")
	}
}
