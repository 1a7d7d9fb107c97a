package rights_test

import (
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
)

func TestPropose(t *testing.T) {
	in := rights.AllocInput{
		Year: 2026, Weights: rights.DefaultWeights(), ReservePermille: rights.DefaultReservePermille,
		Regions: []rights.AllocRegion{
			{Region: "371502", Population: 120, IrrigatedMu: 600_000, IndustrialOutput: 4_000_000, EcologyM3: 5_000_000, CapTotalM3: 300_000_000, CapGroundM3: 60_000_000},
			{Region: "371521", Population: 80, IrrigatedMu: 1_200_000, IndustrialOutput: 1_000_000, EcologyM3: 2_000_000, CapTotalM3: 150_000_000, CapGroundM3: 50_000_000},
			{Region: "371522", Population: 90, IrrigatedMu: 1_400_000, IndustrialOutput: 1_500_000, EcologyM3: 2_000_000, CapTotalM3: 20_000_000, CapGroundM3: 5_000_000},
		},
		Sources: []rights.AllocSource{{Code: "yellow_river", AllocableM3: 300_000_001}, {Code: "ground_shallow", Groundwater: true, AllocableM3: 90_000_000}},
	}
	p, err := rights.Propose(in)
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int64{}
	for _, r := range p.Rows {
		per[r.Source] += r.VolumeM3
	}
	for _, s := range in.Sources {
		if got := per[s.Code] + p.Reserve[s.Code]; got != s.AllocableM3 {
			t.Errorf("%s: rows %d + reserve %d = %d, want %d exactly", s.Code, per[s.Code], p.Reserve[s.Code], got, s.AllocableM3)
		}
		if p.Reserve[s.Code] < s.AllocableM3*50/1000 {
			t.Errorf("%s: reserve %d below 5%%", s.Code, p.Reserve[s.Code])
		}
	}
	for i, r := range p.Regions {
		if r.TotalM3 > r.CapTotalM3 || r.GroundM3 > r.CapGroundM3 {
			t.Errorf("%s above its caps: %+v", r.Region, r)
		}
		if i == 2 && r.TotalM3 != r.CapTotalM3 {
			t.Errorf("the small-capped region should be filled to its cap: %+v", r)
		}
	}
	if p.Regions[0].TotalM3 <= p.Regions[1].TotalM3 {
		t.Errorf("the larger index should get more: %+v", p.Regions)
	}
	// Weights matter: population only.
	in.Weights = rights.Weights{Population: 1}
	in.Regions[2].CapTotalM3 = 1_000_000_000
	in.Regions[2].CapGroundM3 = 1_000_000_000
	p2, err := rights.Propose(in)
	if err != nil {
		t.Fatal(err)
	}
	ratio := float64(p2.Regions[0].TotalM3) / float64(p2.Regions[1].TotalM3)
	if ratio < 1.49 || ratio > 1.51 {
		t.Errorf("population-only proposal ratio %.3f, want 1.5", ratio)
	}
	// Adoption: one balanced allocation per source.
	txs, err := p.Txs(1, 2, map[string]int64{"371502": 3, "371521": 4, "371522": 5})
	if err != nil {
		t.Fatal(err)
	}
	l := rights.NewLedger()
	for id, k := range map[int64]string{1: sishui.HolderPool, 2: sishui.HolderReserve, 3: sishui.HolderRegion, 4: sishui.HolderRegion, 5: sishui.HolderRegion} {
		l.AddHolder(&sishui.RightsHolder{ID: id, Kind: k})
	}
	for _, s := range in.Sources {
		l.SetAllocable(s.Code, 2026, s.AllocableM3)
	}
	for _, tx := range txs {
		if err := l.Post(tx); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Verify(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []func(*rights.AllocInput){
		func(in *rights.AllocInput) { in.Weights = rights.Weights{} },
		func(in *rights.AllocInput) { in.Weights.Ecology = -1 },
		func(in *rights.AllocInput) { in.ReservePermille = 1001 },
		func(in *rights.AllocInput) { in.Regions[0].CapTotalM3 = 0 },
		func(in *rights.AllocInput) { in.Regions = append(in.Regions, in.Regions[0]) },
	} {
		x := in
		x.Regions = append([]rights.AllocRegion(nil), in.Regions...)
		bad(&x)
		if _, err := rights.Propose(x); sishui.ErrorCode(err) != sishui.EINVALID {
			t.Errorf("bad input accepted: %v", err)
		}
	}
}

func TestCertificates(t *testing.T) {
	rows := []rights.CertificateRow{{Holder: 2, AreaMu: 1000, QuotaM3PerMu: 200}, {Holder: 3, AreaMu: 500.5, QuotaM3PerMu: 200}, {Holder: 4, AreaMu: 0, QuotaM3PerMu: 200}}
	sum := func(tx *sishui.RightsTx) map[int64]int64 {
		out := map[int64]int64{}
		for _, e := range tx.Entries {
			out[e.Holder] += e.VolumeM3
		}
		return out
	}
	tx, err := rights.Certificates(1, "yellow_river", 2026, 1_000_000, rows)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum(tx); got[2] != 200_000 || got[3] != 100_100 || got[4] != 0 || got[1] != -300_100 {
		t.Fatalf("within the right: %v", got)
	}
	tx, err = rights.Certificates(1, "yellow_river", 2026, 150_050, rows)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum(tx); got[1] != -150_050 || got[2] != 100_000 || got[3] != 50_050 {
		t.Fatalf("scaled to the district's right: %v", got)
	}
	if _, err := rights.Certificates(1, "yellow_river", 2026, 1, []rights.CertificateRow{{Holder: 2, AreaMu: -1}}); sishui.ErrorCode(err) != sishui.EINVALID {
		t.Fatalf("negative area: %v", err)
	}
}
