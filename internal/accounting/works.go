package accounting

import (
	"context"
	"fmt"
	"sort"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/indicator"
)

// worksMeasure is an indicator computed from the works register.
type worksMeasure struct {
	m    indicator.Measure
	note string
}

// worksMeasures computes, for region and year, the indicators that come from
// the works and their measurements: 4 (irrigation districts' 首尾法 surveys),
// 7 (water works' supplied and registered volumes, CJJ 92-2016), 8 (enterprise
// reuse reports), 9 (chemical parks' meters) and 10 (the WWTP register). An
// indicator without data is absent: the entered statistic, if any, stands.
func (s *Service) worksMeasures(ctx context.Context, ri *regionInfo, region string, year int, through indicator.Date) (map[indicator.ID]worksMeasure, error) {
	ctx = system(ctx)
	works, err := s.store.ListWorks(ctx, sishui.WorkFilter{})
	if err != nil {
		return nil, fmt.Errorf("accounting: works: %w", err)
	}
	ms, err := s.store.ListMeasurements(ctx, year, "")
	if err != nil {
		return nil, fmt.Errorf("accounting: measurements: %w", err)
	}
	in := map[string]*sishui.Work{}
	for _, w := range works {
		if region == ri.root || w.Region == region || contains(w.Counties, region) {
			in[w.Code] = w
		}
	}
	type key struct{ work, metric, season string }
	byWork := map[string][]*sishui.Measurement{}
	sum := map[key]float64{}
	for _, m := range ms {
		if in[m.Work] == nil {
			continue
		}
		byWork[m.Work] = append(byWork[m.Work], m)
		sum[key{m.Work, m.Metric, ""}] += m.Value
	}
	codes := make([]string, 0, len(in))
	for c := range in {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := map[indicator.ID]worksMeasure{}
	put := func(id indicator.ID, v float64, note string) {
		if m, err := indicator.ComputedValue(id, region, year, through, v); err == nil {
			out[id] = worksMeasure{m, note}
		}
	}

	// 4: irrigation districts with a survey.
	var surveys []indicator.DistrictSurvey
	for _, c := range codes {
		w := in[c]
		if w.Kind != sishui.WorkDistrict || sum[key{c, sishui.MeasGrossWithdrawalM3, ""}] <= 0 {
			continue
		}
		d := indicator.DistrictSurvey{Code: c, Type: w.DistrictType, GrossM3: sum[key{c, sishui.MeasGrossWithdrawalM3, ""}]}
		seasons := map[string]*indicator.SeasonSurvey{}
		var order []string
		for _, m := range byWork[c] {
			ss := seasons[m.Season]
			if ss == nil && (m.Metric == sishui.MeasFieldAreaMu || m.Metric == sishui.MeasFieldNetM3PerMu) {
				ss = &indicator.SeasonSurvey{Season: m.Season}
				seasons[m.Season] = ss
				order = append(order, m.Season)
			}
			switch m.Metric {
			case sishui.MeasFieldAreaMu:
				ss.AreaMu += m.Value
			case sishui.MeasFieldNetM3PerMu:
				ss.FieldsM3PerMu = append(ss.FieldsM3PerMu, m.Value)
			}
		}
		for _, sn := range order {
			d.Seasons = append(d.Seasons, *seasons[sn])
		}
		surveys = append(surveys, d)
	}
	if len(surveys) > 0 {
		if _, v, err := indicator.IrrigationCoefficient(surveys); err == nil {
			put(indicator.IrrigationEfficiency, v, fmt.Sprintf("首尾法 over %d irrigation districts, withdrawal-weighted by type", len(surveys)))
		} else {
			s.cfg.Logger.Warn("irrigation coefficient", "region", region, "year", year, "err", err)
		}
	}

	// 7: water works with supplied and registered volumes; the registered use
	// from the customers' issued bills where the works has billed accounts.
	billed, err := s.worksBilledUse(ctx, year, in)
	if err != nil {
		return nil, fmt.Errorf("accounting: billed use: %w", err)
	}
	var wws []indicator.WaterWorksYear
	fromBills := 0
	for _, c := range codes {
		if in[c].Kind != sishui.WorkWaterWorks || sum[key{c, sishui.MeasSuppliedM3, ""}] <= 0 {
			continue
		}
		ww := indicator.WaterWorksYear{
			SuppliedM3: sum[key{c, sishui.MeasSuppliedM3, ""}], RegisteredM3: sum[key{c, sishui.MeasRegisteredM3, ""}],
			ResidentialM3: sum[key{c, sishui.MeasResidentialM3, ""}], PipeLengthKm: sum[key{c, sishui.MeasPipeLengthKm, ""}],
			MeanPressureMPa: sum[key{c, sishui.MeasMeanPressureMPa, ""}], FrostDepthM: sum[key{c, sishui.MeasFrostDepthM, ""}],
		}
		if b := billed[c]; b != nil {
			ww.RegisteredM3 = b.registeredM3
			if b.residential {
				ww.ResidentialM3 = b.residentialM3
			}
			fromBills++
		}
		wws = append(wws, ww)
	}
	if len(wws) > 0 {
		if l, err := indicator.LeakageRate(wws, s.cfg.Leakage); err == nil {
			billNote := ""
			if fromBills > 0 {
				billNote = fmt.Sprintf("; registered use from the bills of %d", fromBills)
			}
			put(indicator.NetworkLeakageRate, l.Rate, fmt.Sprintf("CJJ 92-2016 over %d water works%s: comprehensive %.2f%% − corrections R1 %.2f, R2 %.2f, R3 %.2f, R4 %.2f (corrections unverified)",
				len(wws), billNote, l.Comprehensive, l.R1, l.R2, l.R3, l.R4))
		} else {
			s.cfg.Logger.Warn("leakage", "region", region, "year", year, "err", err)
		}
	}

	// 8 and 9: shares from meters and reports.
	share := func(id indicator.ID, kind, part, rest, note string) {
		var ps, rs []float64
		for _, c := range codes {
			if kind != "" && in[c].Kind != kind {
				continue
			}
			p, r := sum[key{c, part, ""}], sum[key{c, rest, ""}]
			if p+r > 0 {
				ps, rs = append(ps, p), append(rs, r)
			}
		}
		if len(ps) > 0 {
			if v, err := indicator.SharePercent(ps, rs); err == nil {
				put(id, v, fmt.Sprintf(note, len(ps)))
			}
		}
	}
	share(indicator.ChemParkUnconventionalShare, sishui.WorkChemPark, sishui.MeasUnconventionalM3, sishui.MeasConventionalM3, "non-conventional / all water metered at %d chemical parks")
	// 8: its own register of enterprise reuse reports when it has any for the
	// region and year; else the works' measurements.
	if v, n, err := s.reuseFromRegister(ctx, region, ri.root, year); err != nil {
		return nil, err
	} else if n > 0 {
		put(indicator.IndustrialReuseRate, v, fmt.Sprintf("reused / (reused + intake) over %d enterprises above designated size (reuse register)", n))
	} else {
		share(indicator.IndustrialReuseRate, "", sishui.MeasReusedM3, sishui.MeasIntakeM3, "reused / (reused + intake) over the reports of %d works' enterprises")
	}

	// 10: the plant register.
	var plants, upgraded int
	for _, c := range codes {
		w := in[c]
		if w.Kind != sishui.WorkWWTP || w.Status != sishui.WorkInService {
			continue
		}
		plants++
		if w.Upgraded && (w.UpgradeYear == 0 || w.UpgradeYear <= year) {
			upgraded++
		}
	}
	if plants > 0 {
		put(indicator.WWTPUpgradeRate, 100*float64(upgraded)/float64(plants), fmt.Sprintf("%d of %d plants in service upgraded (register)", upgraded, plants))
	}
	return out, nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
