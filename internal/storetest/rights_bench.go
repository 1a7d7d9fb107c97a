package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights/rightssim"
)

// BenchRights runs the rights benchmarks on fresh stores from open: settled
// trades per second (listing, agreement, approval after notice: three
// writes), ledger entries per second (two-entry allocations), the replay of
// simulated operations against the pure run and, when
// verify is set, `rights verify` over a million stored entries.
func BenchRights(b *testing.B, open func(testing.TB) (sishui.Store, *sql.DB), verify bool) {
	b.Run("SettledTrades", func(b *testing.B) {
		s, _ := open(b)
		Seed(b, s)
		at := setClock(b, s)
		w := rightssim.NewWorld()
		ids := rightsWorld(b, s, w)
		ctx := context.Background()
		pool, seller, buyer := ids[w.Pool.ID], ids[6], ids[7]
		must(b, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
			{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -100_000_000}, {Holder: seller, Source: "yellow_river", Year: 2026, VolumeM3: 100_000_000}}}))
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			at(day(2026, 2, 2))
			l := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeLease, Method: sishui.MethodAgreement, Seller: seller, Buyer: buyer,
				Source: "yellow_river", VolumeM3: 10, PriceFen: 50, From: day(2026, 3, 1), To: day(2026, 9, 30)}
			must(b, s.CreateListing(ctx, l))
			t, err := s.AcceptAgreement(ctx, l.ID)
			must(b, err)
			at(day(2026, 2, 28))
			_, err = s.DecideTrade(ctx, &sishui.TradeApproval{Trade: t.ID, Decision: sishui.DecisionApprove})
			must(b, err)
		}
		b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "trades/s")
	})
	b.Run("LedgerEntries", func(b *testing.B) {
		s, _ := open(b)
		Seed(b, s)
		w := rightssim.NewWorld()
		ids := rightsWorld(b, s, w)
		ctx := context.Background()
		pool, to := ids[w.Pool.ID], ids[6]
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			must(b, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
				{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -1}, {Holder: to, Source: "yellow_river", Year: 2026, VolumeM3: 1}}}))
		}
		b.ReportMetric(float64(2*b.N)/time.Since(start).Seconds(), "entries/s")
	})
	// Replay: b.N simulated operations through the store, checked against the
	// pure run (the 1M-operation store run is -benchtime 1000000x).
	b.Run("Replay", func(b *testing.B) {
		s, _ := open(b)
		start := time.Now()
		r := ReplayRights(b, s, b.N)
		b.ReportMetric(float64(r.Stats.Ops)/time.Since(start).Seconds(), "ops/s")
	})
	if !verify {
		return
	}
	b.Run("Verify1M", func(b *testing.B) {
		s, db := open(b)
		holders, txs := 1000, 500_000
		if n, err := strconv.Atoi(os.Getenv("SISHUI_RIGHTS_VERIFY_TXS")); err == nil && n > 0 {
			txs = n // a smaller ledger for profiling
		}
		fillLedger(b, s, db, holders, txs)
		ctx := context.Background()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			v, err := s.VerifyRights(ctx)
			must(b, err)
			if v.Entries != 2*txs {
				b.Fatalf("verified %d entries", v.Entries)
			}
		}
		b.ReportMetric(float64(2*txs), "entries")
	})
}

// fillLedger writes txs balanced allocations (pool → one of n regions) straight
// into the tables, with literal values so the SQL suits both engines.
func fillLedger(b testing.TB, s sishui.Store, db *sql.DB, n, txs int) {
	ctx := context.Background()
	must(b, s.UpsertRightsHolder(ctx, &sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "pool"}))
	must(b, s.UpsertRightsHolder(ctx, &sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "escrow"}))
	var poolID int64
	must(b, db.QueryRow(`SELECT id FROM rights_holders WHERE code = 'pool'`).Scan(&poolID))
	for i := 0; i < n; i++ {
		must(b, s.UpsertRightsHolder(ctx, &sishui.RightsHolder{Code: fmt.Sprintf("region:%d", i), Kind: sishui.HolderRegion, Name: "r"}))
	}
	var first int64
	must(b, db.QueryRow(`SELECT MIN(id) FROM rights_holders WHERE kind = 'region'`).Scan(&first))
	sums := make([]int64, n)
	const batch = 1000
	for start := 1; start <= txs; start += batch {
		tx, err := db.Begin()
		must(b, err)
		var t, e strings.Builder
		t.WriteString(`INSERT INTO rights_txs (id, reason, ref, memo, actor, created_ms) VALUES `)
		e.WriteString(`INSERT INTO rights_entries (tx_id, holder_id, source, year, volume_m3, from_ms, to_ms) VALUES `)
		for id := start; id < start+batch && id <= txs; id++ {
			if id > start {
				t.WriteString(", ")
				e.WriteString(", ")
			}
			v := int64(1 + id%1000)
			r := (id * 7919) % n
			sums[r] += v
			fmt.Fprintf(&t, "(%d, 'allocation', '', '', 'bench', 0)", id)
			fmt.Fprintf(&e, "(%d, %d, 'yellow_river', 2026, %d, 0, 0), (%d, %d, 'yellow_river', 2026, %d, 0, 0)", id, poolID, -v, id, first+int64(r), v)
		}
		_, err = tx.Exec(t.String())
		must(b, err)
		_, err = tx.Exec(e.String())
		must(b, err)
		must(b, tx.Commit())
	}
	var total int64
	var sb strings.Builder
	sb.WriteString(`INSERT INTO rights_sums (holder_id, source, year, from_ms, to_ms, volume_m3) VALUES `)
	for r, v := range sums {
		total += v
		fmt.Fprintf(&sb, "(%d, 'yellow_river', 2026, 0, 0, %d), ", first+int64(r), v)
	}
	fmt.Fprintf(&sb, "(%d, 'yellow_river', 2026, 0, 0, %d)", poolID, -total)
	_, err := db.Exec(sb.String())
	must(b, err)
}
