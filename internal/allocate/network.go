package allocate

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/sishui/sishui/internal/lp"
)

// scale converts m³ to the LP's unit, 万m³ (10⁴ m³), which keeps the numbers of a
// city-size problem well conditioned.
const scale = 1e-4

var inf = math.Inf(1)

type nodeKind int

const (
	kindNone nodeKind = iota
	kindSource
	kindStorage
	kindJunction
	kindDemand
	kindSink
)

type node struct {
	kind nodeKind
	idx  int
}

// netLink is a link after auto-links are added and costs resolved.
type netLink struct {
	from, to   string
	fromN, toN node
	capM3      float64 // per month; +Inf when none
	loss       float64
	permitM3   float64 // annual; 0 = none
	cost       float64
	split      float64
	region     int // region index the flow counts against (−1 none)
	ground     bool
	auto       bool
}

// network is a validated scenario compiled to indices.
type network struct {
	sc        *Scenario
	start     int // months since year 0 of the first period
	nodes     map[string]node
	links     []netLink
	linkIdx   map[[2]string]int
	out, in   map[node][]int
	level     []int // per demand, 1 = served first
	levels    []int // distinct levels, ascending
	regionIdx map[string]int
	retTo     []node // per demand (kindNone when no return)
}

func compile(sc *Scenario) (*network, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	st, _ := sc.startTime()
	n := &network{
		sc:        sc,
		start:     st.Year()*12 + int(st.Month()) - 1,
		nodes:     map[string]node{},
		linkIdx:   map[[2]string]int{},
		out:       map[node][]int{},
		in:        map[node][]int{},
		regionIdx: map[string]int{},
	}
	for i, s := range sc.Sources {
		n.nodes[s.Name] = node{kindSource, i}
	}
	for i, s := range sc.Storages {
		n.nodes[s.Name] = node{kindStorage, i}
	}
	for i, s := range sc.Junctions {
		n.nodes[s.Name] = node{kindJunction, i}
	}
	for i := range sc.Demands {
		n.nodes[sc.Demands[i].DemandName()] = node{kindDemand, i}
	}
	for i, s := range sc.Sinks {
		n.nodes[s.Name] = node{kindSink, i}
	}
	for i, r := range sc.Regions {
		n.regionIdx[r.Name] = i
	}
	add := func(l netLink) {
		l.fromN, l.toN = n.nodes[l.from], n.nodes[l.to]
		l.region = -1
		var region string
		if l.toN.kind == kindDemand {
			region = sc.Demands[l.toN.idx].Region
		} else if l.fromN.kind == kindSource {
			region = sc.Sources[l.fromN.idx].Region
		}
		if r, ok := n.regionIdx[region]; ok {
			l.region = r
		}
		if l.fromN.kind == kindSource {
			src := &sc.Sources[l.fromN.idx]
			l.ground = isGroundwater(src.Kind)
			l.cost += src.Cost
			if l.toN.kind == kindDemand {
				_, pc := sc.admissible(src, sc.Demands[l.toN.idx].Sector)
				l.cost += pc
			}
		}
		n.linkIdx[[2]string{l.from, l.to}] = len(n.links)
		n.out[l.fromN] = append(n.out[l.fromN], len(n.links))
		n.in[l.toN] = append(n.in[l.toN], len(n.links))
		n.links = append(n.links, l)
	}
	for _, l := range sc.Links {
		c := inf
		if l.CapacityM3PerMonth != nil {
			c = *l.CapacityM3PerMonth
		}
		add(netLink{from: l.From, to: l.To, capM3: c, loss: l.LossFraction, permitM3: l.AnnualPermitAnnualM3, cost: l.Cost, split: l.Split})
	}
	if sc.AutoLinks {
		for i := range sc.Demands {
			d := &sc.Demands[i]
			for k := range sc.Sources {
				s := &sc.Sources[k]
				if !serves(s, d.Region) {
					continue
				}
				if ok, _ := sc.admissible(s, d.Sector); !ok {
					continue
				}
				if _, dup := n.linkIdx[[2]string{s.Name, d.DemandName()}]; dup {
					continue
				}
				add(netLink{from: s.Name, to: d.DemandName(), capM3: inf, auto: true})
			}
		}
	}
	prio := map[string]int{}
	for i, p := range sc.priorities() {
		prio[p] = i + 1
	}
	n.level = make([]int, len(sc.Demands))
	n.retTo = make([]node, len(sc.Demands))
	seen := map[int]bool{}
	for i := range sc.Demands {
		d := &sc.Demands[i]
		lv := d.Priority
		if lv == 0 {
			lv = prio[d.Sector]
		}
		n.level[i] = lv
		if !seen[lv] {
			seen[lv] = true
			n.levels = append(n.levels, lv)
		}
		if d.ReturnFraction > 0 {
			n.retTo[i] = n.nodes[d.ReturnTo]
		}
	}
	sort.Ints(n.levels)
	return n, nil
}

func serves(s *Source, region string) bool {
	if len(s.Serves) > 0 {
		for _, r := range s.Serves {
			if r == region {
				return true
			}
		}
		return false
	}
	return s.Region == "" || s.Region == region
}

// month returns the calendar month index (0–11) of period t.
func (n *network) month(t int) int { return (n.start + t) % 12 }

// label returns "YYYY-MM" for period t.
func (n *network) label(t int) string {
	m := n.start + t
	return fmt.Sprintf("%04d-%02d", m/12, m%12+1)
}

func (n *network) series(xs []float64, t int) float64 {
	return at(xs, n.sc.Periods, t, n.month(t))
}

// model is the LP of one horizon of H periods with its column and row indices.
type model struct {
	n *network
	H int
	m *lp.Model

	f, unused, srcRow         [][]int // [link|source][t]
	stor, spill, storRow      [][]int
	junRow, junCap            [][]int
	splitRow                  [][]int // [link][t], −1 when the link has no split
	del, demRow, cov          [][]int // [demand][t]
	z                         []int   // per level position in n.levels
	quotaRow, permitRow       []int   // −1 when none
	regTotalRow, regGroundRow []int   // −1 when none
	levelPos                  map[int]int
	baseCost                  []float64
	reward                    float64 // per unit delivered in the final pass
}

func grid(a, H int) [][]int {
	g := make([][]int, a)
	for i := range g {
		g[i] = make([]int, H)
		for t := range g[i] {
			g[i][t] = -1
		}
	}
	return g
}

// buildModel builds the LP structure for a horizon of H periods. Bounds are set per
// horizon by setHorizon; coefficients that depend on data (coverage rows) are set
// there too.
func buildModel(n *network, H int) *model {
	sc := n.sc
	md := &model{n: n, H: H, m: lp.NewModel(), levelPos: map[int]int{}}
	m := md.m
	L, S, R, J, D := len(n.links), len(sc.Sources), len(sc.Storages), len(sc.Junctions), len(sc.Demands)
	md.f, md.unused, md.srcRow = grid(L, H), grid(S, H), grid(S, H)
	md.stor, md.spill, md.storRow = grid(R, H), grid(R, H), grid(R, H)
	md.junRow, md.junCap, md.splitRow = grid(J, H), grid(J, H), grid(L, H)
	md.del, md.demRow, md.cov = grid(D, H), grid(D, H), grid(D, H)
	for t := 0; t < H; t++ {
		for l := range n.links {
			lk := &n.links[l]
			md.f[l][t] = m.AddCol("flow "+lk.from+"→"+lk.to+" t"+strconv.Itoa(t), 0, 0, lk.cost)
		}
		for s := range sc.Sources {
			md.unused[s][t] = m.AddCol("unused "+sc.Sources[s].Name+" t"+strconv.Itoa(t), 0, inf, 0)
		}
		for r := range sc.Storages {
			md.stor[r][t] = m.AddCol("storage "+sc.Storages[r].Name+" t"+strconv.Itoa(t), 0, inf, -sc.Storages[r].holdValue())
			md.spill[r][t] = m.AddCol("spill "+sc.Storages[r].Name+" t"+strconv.Itoa(t), 0, inf, sc.Storages[r].SpillCost)
		}
		for d := range sc.Demands {
			md.del[d][t] = m.AddCol("delivered "+sc.Demands[d].DemandName()+" t"+strconv.Itoa(t), 0, 0, 0)
		}
	}
	for i, lv := range n.levels {
		md.levelPos[lv] = i
		md.z = append(md.z, m.AddCol("coverage priority "+strconv.Itoa(lv), 0, 0, 0))
	}
	arrive := func(row, l, t int) { m.AddCoef(row, md.f[l][t], 1-n.links[l].loss) }
	leave := func(row, l, t int) { m.AddCoef(row, md.f[l][t], -1) }
	for t := 0; t < H; t++ {
		for s := range sc.Sources {
			row := m.AddRow("source "+sc.Sources[s].Name+" t"+strconv.Itoa(t), 0, 0)
			md.srcRow[s][t] = row
			for _, l := range n.out[node{kindSource, s}] {
				m.AddCoef(row, md.f[l][t], 1)
			}
			m.AddCoef(row, md.unused[s][t], 1)
		}
		for r := range sc.Storages {
			row := m.AddRow("storage balance "+sc.Storages[r].Name+" t"+strconv.Itoa(t), 0, 0)
			md.storRow[r][t] = row
			m.AddCoef(row, md.stor[r][t], 1)
			if t > 0 {
				m.AddCoef(row, md.stor[r][t-1], -1)
			}
			for _, l := range n.in[node{kindStorage, r}] {
				m.AddCoef(row, md.f[l][t], -(1 - n.links[l].loss))
			}
			for _, l := range n.out[node{kindStorage, r}] {
				m.AddCoef(row, md.f[l][t], 1)
			}
			m.AddCoef(row, md.spill[r][t], 1)
		}
		for j := range sc.Junctions {
			jn := node{kindJunction, j}
			row := m.AddRow("junction "+sc.Junctions[j].Name+" t"+strconv.Itoa(t), 0, 0)
			md.junRow[j][t] = row
			for _, l := range n.in[jn] {
				arrive(row, l, t)
			}
			for _, l := range n.out[jn] {
				leave(row, l, t)
			}
			if c := sc.Junctions[j].CapacityM3PerMonth; c != nil {
				row := m.AddRow("junction capacity "+sc.Junctions[j].Name+" t"+strconv.Itoa(t), -inf, *c*scale)
				md.junCap[j][t] = row
				for _, l := range n.in[jn] {
					arrive(row, l, t)
				}
			}
			var total float64
			for _, l := range n.out[jn] {
				total += n.links[l].split
			}
			if total > 0 {
				for _, l := range n.out[jn] {
					row := m.AddRow("split "+n.links[l].from+"→"+n.links[l].to+" t"+strconv.Itoa(t), 0, 0)
					md.splitRow[l][t] = row
					m.AddCoef(row, md.f[l][t], 1)
					for _, k := range n.out[jn] {
						m.AddCoef(row, md.f[k][t], -n.links[l].split/total)
					}
				}
			}
		}
		for d := range sc.Demands {
			dn := node{kindDemand, d}
			row := m.AddRow("demand "+sc.Demands[d].DemandName()+" t"+strconv.Itoa(t), 0, 0)
			md.demRow[d][t] = row
			for _, l := range n.in[dn] {
				arrive(row, l, t)
			}
			m.AddCoef(row, md.del[d][t], -1)
			cov := m.AddRow("equal share "+sc.Demands[d].DemandName()+" t"+strconv.Itoa(t), -inf, inf)
			md.cov[d][t] = cov
			m.AddCoef(cov, md.del[d][t], 1)
			m.AddCoef(cov, md.z[md.levelPos[n.level[d]]], -1) // replaced by −demand per horizon
		}
	}
	// returns: ρ·delivered enters the target's balance this period or the next
	for t := 0; t < H; t++ {
		for d := range sc.Demands {
			tgt, rho := n.retTo[d], sc.Demands[d].ReturnFraction
			tt := t + sc.Demands[d].ReturnLagMonths
			if rho == 0 || tt >= H {
				continue
			}
			switch tgt.kind {
			case kindSource:
				m.AddCoef(md.srcRow[tgt.idx][tt], md.del[d][t], -rho)
			case kindStorage:
				m.AddCoef(md.storRow[tgt.idx][tt], md.del[d][t], -rho)
			}
		}
	}
	// rows over the whole horizon
	md.quotaRow = make([]int, len(sc.Sources))
	for s := range sc.Sources {
		md.quotaRow[s] = -1
		if sc.Sources[s].AnnualQuotaAnnualM3 > 0 {
			row := m.AddRow("annual quota "+sc.Sources[s].Name, -inf, inf)
			md.quotaRow[s] = row
			for t := 0; t < H; t++ {
				for _, l := range n.out[node{kindSource, s}] {
					m.AddCoef(row, md.f[l][t], 1)
				}
			}
		}
	}
	md.permitRow = make([]int, L)
	for l := range n.links {
		md.permitRow[l] = -1
		if n.links[l].permitM3 > 0 {
			row := m.AddRow("permit "+n.links[l].from+"→"+n.links[l].to, -inf, inf)
			md.permitRow[l] = row
			for t := 0; t < H; t++ {
				m.AddCoef(row, md.f[l][t], 1)
			}
		}
	}
	md.regTotalRow = make([]int, len(sc.Regions))
	md.regGroundRow = make([]int, len(sc.Regions))
	for r, reg := range sc.Regions {
		md.regTotalRow[r], md.regGroundRow[r] = -1, -1
		if reg.TotalCapAnnualM3 > 0 {
			row := m.AddRow("total use cap "+reg.Name, -inf, inf)
			md.regTotalRow[r] = row
			for d := range sc.Demands {
				if sc.Demands[d].Region == reg.Name {
					for t := 0; t < H; t++ {
						m.AddCoef(row, md.del[d][t], 1)
					}
				}
			}
		}
		if reg.GroundwaterCapAnnualM3 > 0 {
			row := m.AddRow("groundwater cap "+reg.Name, -inf, inf)
			md.regGroundRow[r] = row
			for l := range n.links {
				if n.links[l].ground && n.links[l].region == r {
					for t := 0; t < H; t++ {
						m.AddCoef(row, md.f[l][t], 1)
					}
				}
			}
		}
	}
	maxCost, maxLoss := 0.0, 0.0
	for _, lk := range n.links {
		maxCost = math.Max(maxCost, lk.cost)
		maxLoss = math.Max(maxLoss, lk.loss)
	}
	for _, s := range sc.Storages {
		maxCost = math.Max(maxCost, math.Max(s.SpillCost, s.holdValue()))
	}
	md.reward = 1 + 4*maxCost/((1-maxLoss)*(1-maxLoss))
	md.baseCost = make([]float64, m.NumCols())
	for j := range md.baseCost {
		md.baseCost[j] = m.Cost(j)
	}
	return md
}
