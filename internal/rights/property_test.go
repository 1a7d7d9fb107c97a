package rights_test

import (
	"flag"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
	"github.com/sishui/sishui/internal/rights/rightssim"
)

var propertyOps = flag.Int("rights.ops", 20_000, "random operations in TestProperty (e.g. 1000000 for the long run)")

// TestProperty drives random allocations, listings, bids, closes,
// agreements, cancellations, decisions, leases, expiries, buy-backs and
// reversals against the rules and checks every invariant as it goes.
func TestProperty(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		r := rightssim.NewRunner(seed, nil)
		if err := r.Run(*propertyOps/2, 2_000); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		s := r.Stats
		t.Logf("seed %d: %d ops, %d accepted, %d refused, %d entries, %d settled; %v", seed, s.Ops, s.Accepted, s.Refused, s.Entries, s.Settled, s.ByKind)
		for kind, c := range s.ByKind {
			if c[0] == 0 {
				t.Errorf("seed %d: no %s operation was accepted: the generator does not exercise it", seed, kind)
			}
		}
		if s.Settled == 0 {
			t.Errorf("seed %d: no trade settled", seed)
		}
	}
}

// BenchmarkProperty1M runs a million random operations (invariants checked
// every 50,000 and at the end): go test -bench Property1M -benchtime 1x ./internal/rights
func BenchmarkProperty1M(b *testing.B) {
	for i := 0; i < b.N; i++ {
		r := rightssim.NewRunner(uint64(100+i), nil)
		if err := r.Run(1_000_000, 50_000); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(r.Stats.Ops), "ops")
		b.ReportMetric(float64(r.Stats.Entries), "entries")
		b.ReportMetric(float64(r.Stats.Settled), "settled")
	}
}

// BenchmarkVerify1M replays a million ledger entries (500,000 allocations to
// 1,000 holders) through the Verifier, as `sishui rights verify` does after
// reading them from the store.
func BenchmarkVerify1M(b *testing.B) {
	holders := []*sishui.RightsHolder{{ID: 1, Kind: sishui.HolderPool}, {ID: 2, Kind: sishui.HolderEscrow}}
	for i := 0; i < 1000; i++ {
		holders = append(holders, &sishui.RightsHolder{ID: int64(3 + i), Kind: sishui.HolderRegion})
	}
	txs := make([]*sishui.RightsTx, 500_000)
	for i := range txs {
		v := int64(1 + i%1000)
		txs[i] = &sishui.RightsTx{ID: int64(i + 1), Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
			{Holder: 1, Source: "yellow_river", Year: 2026, VolumeM3: -v}, {Holder: int64(3 + (i*7919)%1000), Source: "yellow_river", Year: 2026, VolumeM3: v}}}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := rights.NewVerifier(holders, nil)
		for _, tx := range txs {
			if err := v.Add(tx); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := v.Finish(nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(1_000_000, "entries")
}
