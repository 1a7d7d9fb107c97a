package rights

import (
	"math"
	"sort"

	"github.com/sishui/sishui"
)

// Weights of the initial-allocation index. No Shandong or Liaocheng document
// spelling out criteria was found (DOMAIN.md §5.2): the defaults are
// unverified placeholders to be set by the city.
type Weights struct {
	Population       float64 `json:"population" yaml:"population"`
	IrrigatedArea    float64 `json:"irrigated_area" yaml:"irrigated_area"`
	IndustrialOutput float64 `json:"industrial_output" yaml:"industrial_output"`
	Ecology          float64 `json:"ecology" yaml:"ecology"`
}

// DefaultWeights are 0.4 population, 0.3 irrigated area, 0.2 industrial
// output, 0.1 ecological need (unverified).
func DefaultWeights() Weights { return Weights{0.4, 0.3, 0.2, 0.1} }

// DefaultReservePermille is the city reserve (预留) share of each source: 50‰ (unverified).
const DefaultReservePermille = 50

// AllocRegion is a region's data for the proposal.
type AllocRegion struct {
	Region           string  `json:"region"`
	Population       float64 `json:"population"`        // 万人
	IrrigatedMu      float64 `json:"irrigated_mu"`      // 亩
	IndustrialOutput float64 `json:"industrial_output"` // 万元
	EcologyM3        float64 `json:"ecology_m3"`        // ecological need
	CapTotalM3       int64   `json:"cap_total_m3"`
	CapGroundM3      int64   `json:"cap_ground_m3"`
}

// AllocSource is a source's allocable total for the year (river share,
// groundwater indicator, transfer-project quota).
type AllocSource struct {
	Code        string `json:"code"`
	Groundwater bool   `json:"groundwater"`
	AllocableM3 int64  `json:"allocable_m3"`
}

// AllocInput is everything the proposal depends on.
type AllocInput struct {
	Year            int
	Regions         []AllocRegion
	Sources         []AllocSource
	Weights         Weights
	ReservePermille int64
}

// AllocRow is one region's proposed right in one source.
type AllocRow struct {
	Region   string `json:"region"`
	Source   string `json:"source"`
	VolumeM3 int64  `json:"volume_m3"`
}

// RegionTotal sets a region's proposal beside its caps.
type RegionTotal struct {
	Region      string  `json:"region"`
	Index       float64 `json:"index"`
	CapTotalM3  int64   `json:"cap_total_m3"`
	CapGroundM3 int64   `json:"cap_ground_m3"`
	TotalM3     int64   `json:"total_m3"`
	GroundM3    int64   `json:"ground_m3"`
}

// Proposal is an initial allocation: per region and source, plus the reserve
// of each source. Per source, rows and reserve add up to the allocable total exactly.
type Proposal struct {
	Year    int              `json:"year"`
	Rows    []AllocRow       `json:"rows"`
	Reserve map[string]int64 `json:"reserve"`
	Regions []RegionTotal    `json:"regions"`
}

// Propose splits each source's allocable total, less the reserve, among the
// regions in proportion to a weighted index of their shares of population,
// irrigated area, industrial output and ecological need, never above a
// region's total cap nor, for groundwater, its groundwater cap. What the caps
// leave over joins the reserve. Groundwater sources are split first.
func Propose(in AllocInput) (*Proposal, error) {
	w := in.Weights
	ws := []float64{w.Population, w.IrrigatedArea, w.IndustrialOutput, w.Ecology}
	sum := 0.0
	for _, x := range ws {
		if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, sishui.Invalid("weights", "must be finite and not negative")
		}
		sum += x
	}
	if sum == 0 {
		return nil, sishui.Invalid("weights", "at least one weight must be positive")
	}
	if in.ReservePermille < 0 || in.ReservePermille > 1000 {
		return nil, sishui.Invalid("reserve_permille", "must be between 0 and 1000")
	}
	if len(in.Regions) == 0 {
		return nil, sishui.Invalid("regions", "no region to allocate to")
	}
	seen := map[string]bool{}
	var totals [4]float64
	for i, r := range in.Regions {
		if seen[r.Region] {
			return nil, sishui.Invalid("regions", "region %s twice", r.Region)
		}
		seen[r.Region] = true
		if r.CapTotalM3 <= 0 {
			return nil, sishui.Invalid("regions", "region %s has no total-use cap for %d", r.Region, in.Year)
		}
		for k, x := range []float64{r.Population, r.IrrigatedMu, r.IndustrialOutput, r.EcologyM3} {
			if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, sishui.Invalid("regions", "region %s (item %d): data must be finite and not negative", in.Regions[i].Region, k)
			}
			totals[k] += x
		}
	}
	p := &Proposal{Year: in.Year, Reserve: map[string]int64{}}
	score := make([]float64, len(in.Regions))
	for i, r := range in.Regions {
		for k, x := range []float64{r.Population, r.IrrigatedMu, r.IndustrialOutput, r.EcologyM3} {
			if totals[k] > 0 {
				score[i] += ws[k] / sum * x / totals[k]
			}
		}
		p.Regions = append(p.Regions, RegionTotal{Region: r.Region, Index: score[i], CapTotalM3: r.CapTotalM3, CapGroundM3: r.CapGroundM3})
	}
	srcs := append([]AllocSource(nil), in.Sources...)
	sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Groundwater && !srcs[j].Groundwater })
	for _, s := range srcs {
		if s.AllocableM3 < 0 {
			return nil, sishui.Invalid("sources", "source %s: allocable volume is negative", s.Code)
		}
		if _, dup := p.Reserve[s.Code]; dup {
			return nil, sishui.Invalid("sources", "source %s twice", s.Code)
		}
		reserve := s.AllocableM3 * in.ReservePermille / 1000
		room := make([]int64, len(in.Regions))
		for i, r := range in.Regions {
			room[i] = r.CapTotalM3 - p.Regions[i].TotalM3
			if s.Groundwater {
				room[i] = min(room[i], r.CapGroundM3-p.Regions[i].GroundM3)
			}
			room[i] = max(room[i], 0)
		}
		got := fill(s.AllocableM3-reserve, score, room)
		var given int64
		for i, v := range got {
			given += v
			p.Regions[i].TotalM3 += v
			if s.Groundwater {
				p.Regions[i].GroundM3 += v
			}
			p.Rows = append(p.Rows, AllocRow{Region: in.Regions[i].Region, Source: s.Code, VolumeM3: v})
		}
		p.Reserve[s.Code] = s.AllocableM3 - given
	}
	return p, nil
}

// fill shares total among the regions in proportion to score, none above its
// room: a region that would get more than its room gets its room and the rest
// is shared again among the others. Whole m³ by largest remainder.
func fill(total int64, score []float64, room []int64) []int64 {
	got := make([]int64, len(score))
	active := map[int]bool{}
	for i := range score {
		if score[i] > 0 && room[i] > 0 {
			active[i] = true
		}
	}
	left := total
	for len(active) > 0 && left > 0 {
		var s float64
		for i := range active {
			s += score[i]
		}
		clamped := false
		for i := range active {
			if float64(left)*score[i]/s >= float64(room[i]) {
				got[i] = room[i]
				left -= room[i]
				delete(active, i)
				clamped = true
			}
		}
		if clamped {
			continue
		}
		idx := make([]int, 0, len(active))
		for i := range active {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		rem := make([]float64, len(idx))
		var given int64
		for k, i := range idx {
			exact := float64(left) * score[i] / s
			got[i] = int64(math.Floor(exact))
			rem[k] = exact - float64(got[i])
			given += got[i]
		}
		order := make([]int, len(idx))
		for k := range order {
			order[k] = k
		}
		sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
		for k := 0; given < left && k < len(order); k++ {
			if i := idx[order[k]]; got[i] < room[i] {
				got[i]++
				given++
			}
		}
		left -= given
		break
	}
	return got
}

// Txs returns the allocation transactions adopting the proposal: pool →
// each region and pool → the reserve, one transaction per source.
func (p *Proposal) Txs(pool, reserve int64, holderOf map[string]int64) ([]*sishui.RightsTx, error) {
	bySource := map[string]*sishui.RightsTx{}
	var order []string
	tx := func(src string) *sishui.RightsTx {
		t := bySource[src]
		if t == nil {
			t = &sishui.RightsTx{Reason: sishui.ReasonAllocation, Ref: "allocation:" + itoa(int64(p.Year)), Memo: "initial allocation " + itoa(int64(p.Year))}
			bySource[src] = t
			order = append(order, src)
		}
		return t
	}
	credit := func(src string, h, v int64) {
		if v == 0 {
			return
		}
		t := tx(src)
		t.Entries = append(t.Entries, sishui.RightsEntry{Holder: h, Source: src, Year: p.Year, VolumeM3: v},
			sishui.RightsEntry{Holder: pool, Source: src, Year: p.Year, VolumeM3: -v})
	}
	for _, r := range p.Rows {
		h, ok := holderOf[r.Region]
		if !ok {
			return nil, sishui.Invalid("region", "no rights holder for region %s", r.Region)
		}
		credit(r.Source, h, r.VolumeM3)
	}
	srcs := make([]string, 0, len(p.Reserve))
	for s := range p.Reserve {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		credit(s, reserve, p.Reserve[s])
	}
	out := make([]*sishui.RightsTx, 0, len(order))
	for _, s := range order {
		out = append(out, bySource[s])
	}
	return out, nil
}
