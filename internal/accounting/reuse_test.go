package accounting

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/sishui/sishui"
)

// TestReuseFromRegister: with reports in indicator 8's register, the city's
// 2025 value is Σ reused / (Σ reused + Σ intake) over the enterprises above
// designated size — here (900,000 + 300,000) / (900,000 + 100,000 + 300,000
// + 200,000) = 80 % — and not the works' measurements (91.596 %); a county
// counts its own enterprises: 东昌府区 900,000 / 1,000,000 = 90 %.
func TestReuseFromRegister(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	s := newService(t, st, &clock{T: bj("2026-02-01T12:00")}, Config{})
	users := map[string]int64{}
	for _, region := range []string{"371502", "371503"} {
		us, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: region, Page: sishui.Page{Limit: 2}})
		if err != nil || len(us) < 2 {
			t.Fatalf("users of %s: %v", region, err)
		}
		users[region] = us[0].ID
		users[region+"-small"] = us[1].ID
	}
	for _, r := range []*sishui.ReuseReport{
		{UserID: users["371502"], Year: 2025, IntakeM3: 100_000, ReusedM3: 900_000, AboveSize: true, Basis: sishui.ReuseEntered},
		{UserID: users["371503"], Year: 2025, IntakeM3: 200_000, ReusedM3: 300_000, AboveSize: true, Basis: sishui.ReuseEntered},
		{UserID: users["371503-small"], Year: 2025, IntakeM3: 500_000, ReusedM3: 0, AboveSize: false, Basis: sishui.ReuseEntered}, // not 规上: not counted
	} {
		if err := st.PutReuseReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		region string
		want   float64
		n      string
	}{{"", 80, "over 2 enterprises"}, {"371502", 90, "over 1 enterprises"}} {
		got, err := s.Indicators(ctx, tc.region, 2025)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, x := range got {
			if x.ID != "industrial_reuse_rate" {
				continue
			}
			found = true
			if x.Basis != BasisComputed || x.Actual == nil || math.Abs(*x.Actual-tc.want) > 1e-9 || !strings.Contains(x.Note, tc.n) || !strings.Contains(x.Note, "reuse register") {
				t.Errorf("%q: %+v actual %v, want %v", tc.region, x, deref(x.Actual), tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no indicator 8", tc.region)
		}
	}
}
