package workspace

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"math"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

func modelsFS(t testing.TB) fs.FS {
	sub, err := fs.Sub(liaocheng.Models, "models")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func liaochengModel(t testing.TB) *Model {
	t.Helper()
	m, err := LoadModel(modelsFS(t), LiaochengRegions)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func load[T any](t *testing.T, name string, fn func([]byte) (*T, error)) *T {
	t.Helper()
	b, err := fs.ReadFile(modelsFS(t), name)
	if err != nil {
		t.Fatal(err)
	}
	v, err := fn(b)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func close(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// byHand runs the four models the way `sishui model` does, with the edits
// written out here rather than by Prepare.
type byHand struct {
	fr *forecast.Result
	sr *supply.Result
	ar *allocate.Result
	cr *capacity.Result
}

func runByHand(t *testing.T, year, pct int, editF func(*forecast.Scenario), editS func(*supply.Scenario), caps map[string]float64) byHand {
	t.Helper()
	fs := load(t, "forecast.yaml", func(b []byte) (*forecast.Scenario, error) { return forecast.LoadScenario(bytes.NewReader(b)) })
	ss := load(t, "supply.yaml", func(b []byte) (*supply.Scenario, error) { return supply.LoadScenario(bytes.NewReader(b)) })
	as := load(t, "allocate.yaml", func(b []byte) (*allocate.Scenario, error) { return allocate.LoadScenario(bytes.NewReader(b)) })
	cs := load(t, "capacity.yaml", func(b []byte) (*capacity.Scenario, error) { return capacity.LoadScenario(bytes.NewReader(b)) })
	fs.IrrigationGuaranteePct = pct
	if editF != nil {
		editF(fs)
	}
	if editS != nil {
		editS(ss)
	}
	var h byHand
	var err error
	if h.fr, err = forecast.Run(fs); err != nil {
		t.Fatal(err)
	}
	if h.sr, err = supply.Run(ss); err != nil {
		t.Fatal(err)
	}
	// The allocation, sized by hand: demands by the forecast's year/2025
	// ratio, sources by supply(pct)/supply(75).
	groups := map[string][]forecast.Sector{
		"domestic": {forecast.SectorUrbanDomestic, forecast.SectorRuralDomestic}, "industry": {forecast.SectorIndustry},
		"agriculture": {forecast.SectorIrrigation, forecast.SectorLivestock}, "eco_basic": {forecast.SectorEcology},
	}
	for i := range as.Demands {
		d := &as.Demands[i]
		code := LiaochengRegions[d.Region]
		var now, then float64
		for _, s := range groups[d.Sector] {
			now += h.fr.DemandM3(code, s, year)
			then += h.fr.DemandM3(code, s, 2025)
		}
		for j := range d.DemandM3 {
			d.DemandM3[j] *= now / then
		}
	}
	for i := range as.Sources {
		s := &as.Sources[i]
		if s.Kind == "reclaimed" {
			continue
		}
		code := LiaochengRegions[s.Region]
		now, base := h.sr.NetM3(code, s.Kind, pct, 0), h.sr.NetM3(code, s.Kind, 75, 0)
		if base > 0 {
			for j := range s.AvailableM3 {
				s.AvailableM3[j] *= now / base
			}
			s.AnnualQuotaAnnualM3 *= now / base
		}
	}
	for i := range as.Regions {
		if c, ok := caps[LiaochengRegions[as.Regions[i].Name]]; ok {
			as.Regions[i].TotalCapAnnualM3 = c
		}
	}
	if h.ar, err = allocate.Run(context.Background(), as, nil); err != nil {
		t.Fatal(err)
	}
	cs.Year, cs.GuaranteePct = year, pct
	if caps != nil {
		cs.UseCapM3, cs.CityUseCapM3 = caps, 0
	}
	if h.cr, err = capacity.FromResults(cs, h.fr, h.sr); err != nil {
		t.Fatal(err)
	}
	return h
}

// compare checks the chain's result against the models run by hand.
func compare(t *testing.T, res *Result, h byHand) {
	t.Helper()
	type key struct{ region, sector string }
	delivered, short := map[key]float64{}, map[key]float64{}
	for _, pr := range h.ar.Periods {
		for _, d := range pr.Demands {
			k := key{LiaochengRegions[d.Region], d.Sector}
			delivered[k] += d.DeliveredM3
			short[k] += d.ShortageM3
		}
	}
	if len(res.Counties) != 8 {
		t.Fatalf("%d counties", len(res.Counties))
	}
	for _, c := range res.Counties {
		for _, s := range AllocSectors {
			k := key{c.Region, s}
			if math.Abs(c.DeliveredM3[s]-delivered[k]) > 1 || math.Abs(c.ShortageM3[s]-short[k]) > 1 {
				t.Errorf("%s %s: chain delivered %v short %v, by hand %v, %v", c.Region, s, c.DeliveredM3[s], c.ShortageM3[s], delivered[k], short[k])
			}
		}
		if !close(c.ForecastDemandM3, h.fr.DemandM3(c.Region, forecast.SectorTotal, res.Year)) {
			t.Errorf("%s forecast demand %v, by hand %v", c.Region, c.ForecastDemandM3, h.fr.DemandM3(c.Region, forecast.SectorTotal, res.Year))
		}
		var sup float64
		for _, v := range h.sr.Annual(res.GuaranteePct)[c.Region] {
			sup += v
		}
		if !close(c.SupplyM3, sup) {
			t.Errorf("%s supply %v, by hand %v", c.Region, c.SupplyM3, sup)
		}
		var found bool
		for _, r := range h.cr.Regions {
			if r.Region != c.Region {
				continue
			}
			found = true
			if c.Grade != r.Assessment.Overall.Code() {
				t.Errorf("%s grade %s, by hand %s", c.Region, c.Grade, r.Assessment.Overall.Code())
			}
			if !close(c.Carry.MaxPopulation, r.Carry.MaxPopulation) || !close(c.Carry.MaxIrrigatedAreaMu, r.Carry.MaxIrrigatedAreaMu) ||
				!close(c.Carry.MaxIndustryVA10kCNY, r.Carry.MaxIndustryVA10kCNY) || !close(c.Carry.MaxGDP10kCNY, r.Carry.MaxGDP10kCNY) ||
				c.Carry.PopulationBinding != r.Carry.PopulationBinding {
				t.Errorf("%s carry %+v, by hand %+v", c.Region, c.Carry, r.Carry)
			}
		}
		if !found {
			t.Errorf("%s missing from the capacity by hand", c.Region)
		}
	}
}

// TestChainUnchangedIsTheModels: without changes, in the allocation's own
// year at the base guarantee rate, the chain is the four embedded models run
// one after the other.
func TestChainUnchangedIsTheModels(t *testing.T) {
	m := liaochengModel(t)
	res, err := m.Run(context.Background(), &Changes{Year: 2025}, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain := load(t, "allocate.yaml", func(b []byte) (*allocate.Scenario, error) { return allocate.LoadScenario(bytes.NewReader(b)) })
	ar, err := allocate.Run(context.Background(), plain, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := runByHand(t, 2025, 75, nil, nil, nil)
	h.ar = ar // the embedded allocation exactly as `sishui model allocate` runs it
	compare(t, res, h)
	if res.ShortageM3 < 0 || res.DeliveredM3 <= 0 {
		t.Fatalf("totals %v %v", res.ShortageM3, res.DeliveredM3)
	}
}

// TestChainWithChangesIsTheModelsByHand: a drought year, faster growth in one
// county, less Yellow River water, new industry and reclaimed water and store
// caps give what editing the four scenarios by hand and running them gives.
func TestChainWithChangesIsTheModelsByHand(t *testing.T) {
	m := liaochengModel(t)
	g, yr := 2.0, 8.0e8
	ch := &Changes{Year: 2030, GuaranteePct: 95, YellowRiverQuotaM3: &yr,
		Counties:      map[string]CountyChange{"371522": {PopulationGrowthPct: &g, IrrigatedAreaPct: -10}},
		NewIndustries: []NewIndustry{{County: "371581", Name: "化工园", VA10kCNY: 100000, QuotaM3Per10kCNY: 20}}}
	caps := map[string]float64{}
	bl := &Baseline{Year: 2026, Counties: map[string]BaselineCounty{}}
	for i, c := range m.Counties() {
		caps[c.Region] = float64(200_000_000 + i*10_000_000)
		bl.Counties[c.Region] = BaselineCounty{UseCapM3: caps[c.Region], MeteredM3: 1e6}
	}
	res, err := m.Run(context.Background(), ch, bl)
	if err != nil {
		t.Fatal(err)
	}
	h := runByHand(t, 2030, 95, func(fs *forecast.Scenario) {
		for i := range fs.Regions {
			r := &fs.Regions[i]
			switch r.Code {
			case "371522":
				r.Population10k = forecast.Path{Values: map[int]float64{2023: 91.22}, GrowthPerYear: 0.02}
				for crop, p := range r.IrrigatedAreaMu {
					q := forecast.Path{Values: map[int]float64{}, GrowthPerYear: p.GrowthPerYear}
					for y, v := range p.Values {
						q.Values[y] = v * 0.9
					}
					r.IrrigatedAreaMu[crop] = q
				}
			case "371581":
				// 2,000,000 m³ of new industry at the 2030 intensity 14.1 m³/万元.
				// The years before 2030 keep their values.
				va := r.IndustryVA10kCNY
				q := forecast.Path{Values: map[int]float64{}, GrowthPerYear: va.GrowthPerYear}
				for y := 2023; y < 2030; y++ {
					q.Values[y] = va.At(y)
				}
				q.Values[2030] = va.At(2030) + 2_000_000/14.1
				r.IndustryVA10kCNY = q
			}
		}
	}, func(ss *supply.Scenario) {
		var sum float64
		for _, r := range ss.Regions {
			if r.YellowRiver != nil {
				sum += r.YellowRiver.AnnualQuotaM3
			}
		}
		for _, r := range ss.Regions {
			if r.YellowRiver != nil {
				r.YellowRiver.AnnualQuotaM3 *= 8e8 / sum
			}
		}
	}, caps)
	compare(t, res, h)
	var linqing County
	for _, c := range res.Counties {
		if c.Region == "371581" {
			linqing = c
		}
	}
	if d0, d1 := base2025(t, m), res.Steps.Forecast.DemandM3("371581", forecast.SectorIndustry, 2025); !close(d0, d1) {
		t.Fatalf("new industry in 2030 changed 临清's 2025 industry demand: %v → %v", d0, d1)
	}
	if linqing.NewIndustryM3 != 2_000_000 || linqing.MeteredM3 != 1e6 || linqing.UseCapM3 != caps["371581"] {
		t.Fatalf("临清 %+v", linqing)
	}
	// The drought and the cut show: more shortage than the unchanged chain.
	base, err := m.Run(context.Background(), &Changes{Year: 2030}, bl)
	if err != nil {
		t.Fatal(err)
	}
	if res.ShortageM3 <= base.ShortageM3 {
		t.Fatalf("shortage %v with drought and cut, %v without", res.ShortageM3, base.ShortageM3)
	}
}

func base2025(t *testing.T, m *Model) float64 {
	res, err := m.Run(context.Background(), &Changes{Year: 2030}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Steps.Forecast.DemandM3("371581", forecast.SectorIndustry, 2025)
}

func TestReclaimedCapacityAddsWater(t *testing.T) {
	m := liaochengModel(t)
	base, err := m.Run(context.Background(), &Changes{Year: 2030}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Run(context.Background(), &Changes{Year: 2030, Counties: map[string]CountyChange{"371502": {ReclaimedM3: 3e7}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Counties[0].Region != "371502" {
		t.Fatal(res.Counties[0].Region)
	}
	d := res.Counties[0].SourceMixM3["reclaimed"] - base.Counties[0].SourceMixM3["reclaimed"]
	if d <= 1e6 || d > 3e7+1 {
		t.Fatalf("reclaimed delivered grew by %v", d)
	}
	if res.Counties[0].SupplyM3 <= base.Counties[0].SupplyM3 {
		t.Fatal("supply did not grow")
	}
}

func TestChangesValidation(t *testing.T) {
	m := liaochengModel(t)
	neg := -5.0
	for _, tc := range []struct {
		json, field string
	}{
		{`{"guarantee_pct": 80}`, "changes.guarantee_pct"},
		{`{"year": 1900}`, "changes.year"},
		{`{"counties": {"999999": {}}}`, "changes.counties.999999"},
		{`{"counties": {"371502": {"population_growth_pct": 99}}}`, "changes.counties.371502.population_growth_pct"},
		{`{"new_industries": [{"county": "371502", "name": "x", "va_10k_cny": 0, "quota_m3_per_10k_cny": 1}]}`, "changes.new_industries[0].va_10k_cny"},
		{`{"irrigation_efficiency": 2}`, "changes.irrigation_efficiency"},
		{`{"bogus": 1}`, "changes.bogus"},
		{`{"year": "x"}`, "changes.year"},
	} {
		ch, err := DecodeChanges([]byte(tc.json))
		if err == nil {
			err = ch.Validate(m)
		}
		if sishui.ErrorField(err) != tc.field || sishui.ErrorCode(err) != sishui.EINVALID {
			t.Errorf("%s: %v (field %q), want %s", tc.json, err, sishui.ErrorField(err), tc.field)
		}
	}
	ch := &Changes{YangtzeQuotaM3: &neg}
	if sishui.ErrorField(ch.Validate(m)) != "changes.yangtze_quota_m3" {
		t.Error("negative quota accepted")
	}
}

// TestCarry: the annual maximum is capacity's; with plenty of transfer water
// the county carries more people than now and the bisection finds the
// monthly limit at or below the annual one, never adding shortage beyond the
// tolerance.
func TestCarry(t *testing.T) {
	m := liaochengModel(t)
	yr, yz := 3e9, 1e9
	ch := &Changes{Year: 2025, YellowRiverQuotaM3: &yr, YangtzeQuotaM3: &yz}
	res, err := m.Run(context.Background(), ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := m.Carry(context.Background(), ch, nil, "371522", QuantityPopulation)
	if err != nil {
		t.Fatal(err)
	}
	var c County
	for _, x := range res.Counties {
		if x.Region == "371522" {
			c = x
		}
	}
	if !close(a.AnnualMax, c.Carry.MaxPopulation) || a.AnnualBinding != c.Carry.PopulationBinding {
		t.Fatalf("annual %v %s, chain %v %s", a.AnnualMax, a.AnnualBinding, c.Carry.MaxPopulation, c.Carry.PopulationBinding)
	}
	if !(a.AnnualMax > a.Current) || a.MonthlyMax > a.AnnualMax || a.MonthlyMax < a.Current || a.Max != math.Min(a.AnnualMax, a.MonthlyMax) {
		t.Fatalf("answer %+v", a)
	}
	if a.MonthlyMax < a.AnnualMax && (len(a.MonthlyBinding) == 0 || a.Binding != "monthly_allocation") {
		t.Fatalf("monthly limit without its binding: %+v", a)
	}
	// Check the bisection's answer with a run of the allocation by hand at it.
	p, _ := m.Prepare(ch, nil)
	fr, _ := forecast.Run(p.set.f)
	sr, _ := supply.Run(p.set.s)
	short := func(x float64) float64 {
		as, err := m.sizeAllocation(p, fr, sr, &demandScale{county: "371522", sectors: map[string]float64{"domestic": x / a.Current}})
		if err != nil {
			t.Fatal(err)
		}
		ar, err := allocate.Run(context.Background(), as, nil)
		if err != nil {
			t.Fatal(err)
		}
		var s float64
		for _, pr := range ar.Periods {
			for _, d := range pr.Demands {
				s += d.ShortageM3
			}
		}
		return s
	}
	s0, sMax := short(a.Current), short(a.MonthlyMax)
	added := (a.MonthlyMax - a.Current) * c.Carry.DomesticM3 / a.Current * 1.0
	if sMax-s0 > carryTolerance*added*1.5+1 {
		t.Fatalf("at the monthly max the shortage grows by %v (added demand about %v)", sMax-s0, added)
	}
	if a.MonthlyMax < a.AnnualMax {
		over := a.MonthlyMax + (a.AnnualMax-a.Current)/100
		if s := short(over); s-s0 <= carryTolerance*(over-a.Current)*c.Carry.DomesticM3/a.Current {
			t.Fatalf("1 %% above the monthly max still carried (shortage +%v)", s-s0)
		}
	}
	if _, err := m.Carry(context.Background(), ch, nil, "371522", "cats"); sishui.ErrorField(err) != "quantity" {
		t.Fatalf("bad quantity: %v", err)
	}
	if _, err := m.Carry(context.Background(), ch, nil, "999999", QuantityGDP); sishui.ErrorField(err) != "region" {
		t.Fatalf("bad region: %v", err)
	}
	b, _ := json.Marshal(a)
	t.Logf("%s", b)
}

// BenchmarkWhatIf is one what-if run of the whole chain on the Liaocheng
// network (8 counties × 5 sources × 4 sectors, 12 months).
func BenchmarkWhatIf(b *testing.B) {
	m := liaochengModel(b)
	g := 1.5
	ch := &Changes{Year: 2030, GuaranteePct: 95, Counties: map[string]CountyChange{"371502": {PopulationGrowthPct: &g}}}
	for b.Loop() {
		if _, err := m.Run(context.Background(), ch, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCarry is one 以水定人 answer with the bisection (10 allocation runs).
func BenchmarkCarry(b *testing.B) {
	m := liaochengModel(b)
	yr, yz := 3e9, 1e9
	ch := &Changes{Year: 2025, YellowRiverQuotaM3: &yr, YangtzeQuotaM3: &yz}
	for b.Loop() {
		if _, err := m.Carry(context.Background(), ch, nil, "371522", QuantityPopulation); err != nil {
			b.Fatal(err)
		}
	}
}
