package accounting

import (
	"context"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
	"github.com/sishui/sishui/internal/permitting"
)

// TestCapReductions: a county that missed a configured target last year gets
// a proposed cut of this year's cap by the configured share; with the
// default targets (intensities the county has none of) nothing is proposed
// for it, and a share of 0 only flags.
func TestCapReductions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	s := newService(t, st, &clock{T: bj("2026-12-31T12:00")}, Config{})
	if err := st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: "371502", Source: "surface", Sector: "industry", Month: 202505, VolumeM3: 520_000_000}); err != nil {
		t.Fatal(err)
	}
	find := func(ps []*permitting.CapReduction, region string) *permitting.CapReduction {
		for _, p := range ps {
			if p.Region == region {
				return p
			}
		}
		return nil
	}
	cfg := permitting.DefaultConfig()
	got, err := s.CapReductions(ctx, 2026, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if p := find(got, "371502"); p != nil {
		t.Fatalf("proposed without a missed intensity target: %+v", p)
	}
	cfg.CapReductionIndicators = []string{"total_use"}
	cfg.CapReductionBasisPoints = 500
	got, err = s.CapReductions(ctx, 2026, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := find(got, "371502")
	if p == nil || p.Year != 2026 || p.CapM3 != 503_000_000 || p.ReductionM3 != 25_150_000 || p.ProposedCapM3 != 477_850_000 || p.FlagOnly ||
		len(p.Missed) != 1 || p.Missed[0] != "total_use" {
		t.Fatalf("proposal %+v", p)
	}
	cfg.CapReductionBasisPoints = 0
	got, err = s.CapReductions(ctx, 2026, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if p := find(got, "371502"); p == nil || !p.FlagOnly || p.ReductionM3 != 0 || p.ProposedCapM3 != p.CapM3 {
		t.Fatalf("flag-only proposal %+v", p)
	}
	if _, err := s.CapReductions(ctx, 1800, cfg); sishui.ErrorCode(err) != sishui.EINVALID {
		t.Fatalf("year 1800: %v", err)
	}
}

// BenchmarkCapReductions: one proposal run over the Liaocheng city and its
// counties (one indicator evaluation per region for last year).
func BenchmarkCapReductions(b *testing.B) {
	ctx := context.Background()
	st := citytest.SQLite(b)
	s, err := New(st, Config{Now: (&clock{T: bj("2026-12-31T12:00")}).Now})
	if err != nil {
		b.Fatal(err)
	}
	cfg := permitting.DefaultConfig()
	for b.Loop() {
		if _, err := s.CapReductions(ctx, 2026, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
