package allocate

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Result is the allocation over all periods. Volumes are m³.
type Result struct {
	Scenario string         `json:"scenario"`
	Mode     string         `json:"mode"`
	Sharing  string         `json:"sharing"`
	Solves   int            `json:"lp_solves"`
	Periods  []PeriodResult `json:"periods"`
}

// PeriodResult is one month.
type PeriodResult struct {
	Period   int             `json:"period"`
	Month    string          `json:"month"` // YYYY-MM
	Flows    []FlowResult    `json:"flows"`
	Demands  []DemandResult  `json:"demands"`
	Sources  []SourceResult  `json:"sources"`
	Storages []StorageResult `json:"storages,omitempty"`
	Sinks    []SinkResult    `json:"sinks,omitempty"`
	// Binding names the limits reached: "source X exhausted", "link A→B at capacity",
	// "quota X reached", "region R total cap reached", "region R groundwater cap
	// reached", "permit A→B reached", "junction J at capacity", "storage S empty".
	Binding []string `json:"binding,omitempty"`
}

// FlowResult is one link's flow: withdrawn at its start, delivered at its end.
type FlowResult struct {
	From        string  `json:"from"`
	To          string  `json:"to"`
	WithdrawnM3 float64 `json:"withdrawn_m3"`
	DeliveredM3 float64 `json:"delivered_m3"`
}

// DemandResult is one demand's supply and shortage.
type DemandResult struct {
	Name        string  `json:"name"`
	Region      string  `json:"region"`
	Sector      string  `json:"sector"`
	Priority    int     `json:"priority"`
	DemandM3    float64 `json:"demand_m3"`
	DeliveredM3 float64 `json:"delivered_m3"`
	ShortageM3  float64 `json:"shortage_m3"`
	Coverage    float64 `json:"coverage"` // delivered / demand (1 when demand is 0)
	ReturnM3    float64 `json:"return_m3"`
}

// SourceResult is one source's use.
type SourceResult struct {
	Name        string  `json:"name"`
	Kind        string  `json:"kind"`
	AvailableM3 float64 `json:"available_m3"`
	ReturnInM3  float64 `json:"return_in_m3"`
	UsedM3      float64 `json:"used_m3"`
	UnusedM3    float64 `json:"unused_m3"`
}

// StorageResult is one storage's balance.
type StorageResult struct {
	Name       string  `json:"name"`
	StartM3    float64 `json:"start_m3"`
	InflowM3   float64 `json:"inflow_m3"`
	InM3       float64 `json:"in_m3"`
	ReturnInM3 float64 `json:"return_in_m3"`
	OutM3      float64 `json:"out_m3"`
	SpillM3    float64 `json:"spill_m3"`
	EndM3      float64 `json:"end_m3"`
}

// SinkResult is the volume reaching a sink.
type SinkResult struct {
	Name       string  `json:"name"`
	InflowM3   float64 `json:"inflow_m3"`
	ReturnInM3 float64 `json:"return_in_m3"`
}

// extract reads the solved horizon starting at t0 into period results and advances
// the carried state.
func (h *horizon) extract(t0 int, st *state) []PeriodResult {
	n, md, sc := h.n, h.md, h.n.sc
	x := h.s.Primal()
	act := h.s.RowActivity()
	val := func(j int) float64 { return math.Max(0, x[j]) / scale }
	const tol = 1e-6 // 万m³
	out := make([]PeriodResult, md.H)
	var horizonBinding []string
	for s, row := range md.quotaRow {
		if row >= 0 {
			used := act[row]
			if used >= remaining(sc.Sources[s].AnnualQuotaAnnualM3, st.quotaUsed[s])-tol {
				horizonBinding = append(horizonBinding, "quota "+sc.Sources[s].Name+" reached")
			}
			st.quotaUsed[s] += used
		}
	}
	for l, row := range md.permitRow {
		if row >= 0 {
			used := act[row]
			if used >= remaining(n.links[l].permitM3, st.permitUsed[l])-tol {
				horizonBinding = append(horizonBinding, fmt.Sprintf("permit %s→%s reached", n.links[l].from, n.links[l].to))
			}
			st.permitUsed[l] += used
		}
	}
	for r, row := range md.regTotalRow {
		if row >= 0 {
			used := act[row]
			if used >= remaining(sc.Regions[r].TotalCapAnnualM3, st.totalUsed[r])-tol {
				horizonBinding = append(horizonBinding, "region "+sc.Regions[r].Name+" total cap reached")
			}
			st.totalUsed[r] += used
		}
	}
	for r, row := range md.regGroundRow {
		if row >= 0 {
			used := act[row]
			if used >= remaining(sc.Regions[r].GroundwaterCapAnnualM3, st.groundUsed[r])-tol {
				horizonBinding = append(horizonBinding, "region "+sc.Regions[r].Name+" groundwater cap reached")
			}
			st.groundUsed[r] += used
		}
	}
	for t := 0; t < md.H; t++ {
		p := t0 + t
		pr := PeriodResult{Period: p, Month: n.label(p)}
		pr.Flows = make([]FlowResult, len(n.links))
		for l := range n.links {
			lk := &n.links[l]
			w := val(md.f[l][t])
			pr.Flows[l] = FlowResult{From: lk.from, To: lk.to, WithdrawnM3: w, DeliveredM3: w * (1 - lk.loss)}
			if !math.IsInf(lk.capM3, 1) && x[md.f[l][t]] >= lk.capM3*scale-tol && lk.capM3 > 0 {
				pr.Binding = append(pr.Binding, fmt.Sprintf("link %s→%s at capacity", lk.from, lk.to))
			}
		}
		// returns generated this period, by target node
		retNow := map[node]float64{}
		retNext := map[node]float64{}
		pr.Demands = make([]DemandResult, len(sc.Demands))
		for d := range sc.Demands {
			dm := &sc.Demands[d]
			dem := h.dem[d][t] / scale
			got := math.Min(val(md.del[d][t]), dem)
			cov := 1.0
			if dem > 0 {
				cov = got / dem
			}
			ret := dm.ReturnFraction * val(md.del[d][t])
			pr.Demands[d] = DemandResult{Name: dm.DemandName(), Region: dm.Region, Sector: dm.Sector, Priority: n.level[d],
				DemandM3: dem, DeliveredM3: val(md.del[d][t]), ShortageM3: math.Max(0, dem-got), Coverage: cov, ReturnM3: ret}
			if ret > 0 {
				if dm.ReturnLagMonths == 0 {
					retNow[n.retTo[d]] += ret
				} else {
					retNext[n.retTo[d]] += ret
				}
			}
		}
		pr.Sources = make([]SourceResult, len(sc.Sources))
		for i := range sc.Sources {
			src := &sc.Sources[i]
			sn := node{kindSource, i}
			var used float64
			for _, l := range n.out[sn] {
				used += pr.Flows[l].WithdrawnM3
			}
			unused := val(md.unused[i][t])
			pr.Sources[i] = SourceResult{Name: src.Name, Kind: src.Kind, AvailableM3: n.series(src.AvailableM3, p),
				ReturnInM3: st.lagReturn[i]/scale + retNow[sn], UsedM3: used, UnusedM3: unused}
			lower := math.Min(n.series(src.MinFlowM3, p)*scale, n.series(src.AvailableM3, p)*scale+st.lagReturn[i])
			if x[md.unused[i][t]] <= lower+tol && used > 0 {
				pr.Binding = append(pr.Binding, "source "+src.Name+" exhausted")
			}
			st.lagReturn[i] = retNext[sn] * scale
		}
		for r := range sc.Storages {
			sto := &sc.Storages[r]
			sn := node{kindStorage, r}
			var in, outV float64
			for _, l := range n.in[sn] {
				in += pr.Flows[l].DeliveredM3
			}
			for _, l := range n.out[sn] {
				outV += pr.Flows[l].WithdrawnM3
			}
			end := val(md.stor[r][t])
			pr.Storages = append(pr.Storages, StorageResult{Name: sto.Name, StartM3: st.storage[r] / scale,
				InflowM3: n.series(sto.InflowM3, p), InM3: in, ReturnInM3: st.lagStorage[r]/scale + retNow[sn],
				OutM3: outV, SpillM3: val(md.spill[r][t]), EndM3: end})
			if x[md.stor[r][t]] <= sto.MinM3*scale+tol && outV > 0 {
				pr.Binding = append(pr.Binding, "storage "+sto.Name+" empty")
			}
			st.storage[r] = x[md.stor[r][t]]
			st.lagStorage[r] = retNext[sn] * scale
		}
		for j := range sc.Junctions {
			if row := md.junCap[j][t]; row >= 0 {
				if act[row] >= *sc.Junctions[j].CapacityM3PerMonth*scale-tol && *sc.Junctions[j].CapacityM3PerMonth > 0 {
					pr.Binding = append(pr.Binding, "junction "+sc.Junctions[j].Name+" at capacity")
				}
			}
		}
		for k := range sc.Sinks {
			sn := node{kindSink, k}
			var in float64
			for _, l := range n.in[sn] {
				in += pr.Flows[l].DeliveredM3
			}
			pr.Sinks = append(pr.Sinks, SinkResult{Name: sc.Sinks[k].Name, InflowM3: in, ReturnInM3: retNow[sn] + retNext[sn]})
		}
		pr.Binding = append(pr.Binding, horizonBinding...)
		out[t] = pr
	}
	return out
}

// WriteJSON writes the result as indented JSON.
func WriteJSON(w io.Writer, res *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return fmt.Errorf("allocate: write JSON: %w", err)
	}
	return nil
}

// WriteDeliveriesCSV writes one row per period and link with a non-zero flow:
// month,period,from,to,withdrawn_m3,delivered_m3 (volumes rounded to 0.001 m³).
func WriteDeliveriesCSV(w io.Writer, res *Result) error {
	cw := csv.NewWriter(w)
	num := func(v float64) string { return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64) }
	if err := cw.Write([]string{"month", "period", "from", "to", "withdrawn_m3", "delivered_m3"}); err != nil {
		return fmt.Errorf("allocate: write CSV: %w", err)
	}
	for _, p := range res.Periods {
		for _, f := range p.Flows {
			if f.WithdrawnM3 < 5e-4 {
				continue
			}
			if err := cw.Write([]string{p.Month, strconv.Itoa(p.Period), f.From, f.To, num(f.WithdrawnM3), num(f.DeliveredM3)}); err != nil {
				return fmt.Errorf("allocate: write CSV: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("allocate: write CSV: %w", err)
	}
	return nil
}
