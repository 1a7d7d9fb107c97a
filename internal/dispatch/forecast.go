package dispatch

import (
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/sishui/sishui"
	liaocheng "github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/forecast"
)

// The demand forecast of the dispatch comes from the demand-forecast model
// (internal/forecast, the quota method): each demand work stands for a share
// of its county's forecast demand of its sectors, the share fixed in the year
// of its baseline (BaselineDemand: the recorded yearly volume, else 70 % of a
// water works' capacity in the forecast's base year):
//
//	yearly(work, y) = baseline(work) × F(county, sectors, y) / F(county, sectors, y₀)
//	daily(work, d)  = yearly(work, year(d)) × w[month(d)] / Σₘ w[m]·days(m)
//
// with F the forecast, y₀ the baseline's year and w the sector's monthly
// pattern (MonthWeights). A work the forecast does not cover (its county or
// sectors absent, a zero forecast, no baseline) falls back to the metered use
// of the last 7 days, then to its baseline; the basis of every work's demand
// is kept in the plan (PlanBody.DemandBasis).

// workSectors are the forecast sectors a demand work stands for.
var workSectors = map[string][]forecast.Sector{
	sishui.WorkDistrict:   {forecast.SectorIrrigation},
	sishui.WorkWaterWorks: {forecast.SectorUrbanDomestic, forecast.SectorRuralDomestic},
	sishui.WorkChemPark:   {forecast.SectorIndustry},
}

// MonthWeights are the relative monthly demands of a work kind, the monthly
// patterns of the allocation model's demo demands
// (data/liaocheng/models/allocate.yaml; INVENTED FOR THE DEMO): spring and
// autumn irrigation, a summer peak of domestic use, level industry.
var MonthWeights = map[string][12]float64{
	sishui.WorkDistrict:   {2, 3, 14, 16, 15, 12, 5, 4, 5, 12, 10, 2},
	sishui.WorkWaterWorks: {0.975, 0.9375, 1, 1.025, 1.075, 1.125, 1.1875, 1.1875, 1.1, 1, 0.9375, 0.95},
	sishui.WorkChemPark:   {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
}

// dailyShare is the share of a year's demand that falls on one day of month m.
func dailyShare(kind string, year int, m time.Month) float64 {
	w := MonthWeights[kind]
	var den float64
	for i := range 12 {
		den += w[i] * float64(daysIn(year, time.Month(i+1)))
	}
	return w[m-1] / den
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Baseline is a work's demand before the forecast: m³ a year, in Year.
type Baseline struct {
	M3   float64
	Year int // 0: no year of its own (a capacity), the forecast's base year
	From string
}

// Baselines returns each demand work's baseline: a year's recorded volume
// (irrigation districts: gross head withdrawal; water works: supplied volume;
// chemical parks: conventional sources; the latest year wins), else 70 % of a
// water works' daily capacity × 365.
func Baselines(works []*sishui.Work, ms []*sishui.Measurement) map[string]Baseline {
	metric := map[string]string{sishui.WorkDistrict: sishui.MeasGrossWithdrawalM3, sishui.WorkWaterWorks: sishui.MeasSuppliedM3, sishui.WorkChemPark: sishui.MeasConventionalM3}
	kind := map[string]string{}
	for _, w := range works {
		kind[w.Code] = w.Kind
	}
	sum, year := map[string]float64{}, map[string]int{}
	for _, m := range ms {
		if metric[kind[m.Work]] != m.Metric {
			continue
		}
		if m.Year > year[m.Work] {
			year[m.Work], sum[m.Work] = m.Year, 0
		}
		if m.Year == year[m.Work] {
			sum[m.Work] += m.Value
		}
	}
	out := map[string]Baseline{}
	for _, w := range works {
		switch {
		case sum[w.Code] > 0:
			out[w.Code] = Baseline{M3: sum[w.Code], Year: year[w.Code], From: fmt.Sprintf("recorded %s %d", metric[w.Kind], year[w.Code])}
		case w.Kind == sishui.WorkWaterWorks && w.CapacityM3Day > 0:
			out[w.Code] = Baseline{M3: 0.7 * w.CapacityM3Day * 365, From: "70% of capacity"}
		}
	}
	return out
}

// ForecastDemand gives each demand work's demand per day of the horizon
// (days from start) from the forecast scenario, and its basis in words; works
// the forecast does not cover are absent.
func ForecastDemand(sc *forecast.Scenario, works []*sishui.Work, base map[string]Baseline, start time.Time, days int) (map[string][]float64, map[string]string, error) {
	start = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	years := []int{}
	add := func(y int) {
		y = max(y, sc.BaseYear)
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	add(sc.BaseYear)
	for _, b := range base {
		add(b.Year)
	}
	for d := 0; d < days; d++ {
		add(start.AddDate(0, 0, d).Year())
	}
	slices.Sort(years)
	run := *sc
	run.Years = years
	res, err := forecast.Run(&run)
	if err != nil {
		return nil, nil, fmt.Errorf("dispatch: demand forecast: %w", err)
	}
	inForecast := map[string]bool{}
	for _, r := range res.Regions {
		inForecast[r] = true
	}
	f := func(region string, sectors []forecast.Sector, y int) float64 {
		var v float64
		for _, s := range sectors {
			v += res.DemandM3(region, s, max(y, sc.BaseYear))
		}
		return v
	}
	perDay, basis := map[string][]float64{}, map[string]string{}
	for _, w := range works {
		sectors, b := workSectors[w.Kind], base[w.Code]
		if sectors == nil || w.Status != sishui.WorkInService || !inForecast[w.Region] || b.M3 <= 0 {
			continue
		}
		y0 := max(b.Year, sc.BaseYear)
		f0 := f(w.Region, sectors, y0)
		if f0 <= 0 {
			continue
		}
		xs := make([]float64, days)
		for d := range xs {
			day := start.AddDate(0, 0, d)
			xs[d] = round3(b.M3 * f(w.Region, sectors, day.Year()) / f0 * dailyShare(w.Kind, day.Year(), day.Month()))
		}
		perDay[w.Code] = xs
		basis[w.Code] = fmt.Sprintf("forecast %s: %s × F(%s, %v, year)/F(%d) = %.0f m³ in %d, by month", sc.Name, b.From, w.Region, sectors, y0,
			b.M3*f(w.Region, sectors, start.Year())/f0, start.Year())
	}
	return perDay, basis, nil
}

// demoForecast is the Liaocheng demand-forecast scenario shipped with the
// models (data/liaocheng/models/forecast.yaml), read once.
var demoForecast = sync.OnceValues(func() (*forecast.Scenario, error) {
	f, err := liaocheng.Models.Open("models/forecast.yaml")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return forecast.LoadScenario(f.(fs.File))
})
