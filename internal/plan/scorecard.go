package plan

import (
	"fmt"
	"math"
	"sort"
)

// Weights of a county scorecard's parts (纳入经济社会发展综合评价). They are a
// design proposal, not the city's evaluation rules (which DOMAIN.md does not
// give): configure them.
type Weights struct {
	Indicators   float64 `json:"indicators" yaml:"indicators"`     // the plan's indicators against the county's targets
	Tasks        float64 `json:"tasks" yaml:"tasks"`               // task progress
	Projects     float64 `json:"projects" yaml:"projects"`         // project progress against schedule
	Completeness float64 `json:"completeness" yaml:"completeness"` // data completeness (到报率)
	Warnings     float64 `json:"warnings" yaml:"warnings"`         // warnings handled (acknowledged or resolved)
	Verified     bool    `json:"verified" yaml:"verified"`
}

// DefaultWeights: 40 / 20 / 20 / 10 / 10. Unverified.
func DefaultWeights() Weights {
	return Weights{Indicators: 40, Tasks: 20, Projects: 20, Completeness: 10, Warnings: 10}
}

// Validate checks that the weights are finite, non-negative and not all zero.
func (w Weights) Validate() error {
	sum := 0.0
	for _, v := range []float64{w.Indicators, w.Tasks, w.Projects, w.Completeness, w.Warnings} {
		if !(v >= 0) || math.IsInf(v, 0) {
			return fmt.Errorf("scorecard: weight %v: weights must be non-negative numbers", v)
		}
		sum += v
	}
	if sum == 0 {
		return fmt.Errorf("scorecard: all weights are zero")
	}
	return nil
}

// Indicator statuses a scorecard scores: meets 100, at risk 60, misses 0;
// without data the indicator is left out.
var indicatorPoints = map[string]float64{"meets": 100, "at_risk": 60, "misses": 0}

// Task statuses: done and on track 100, at risk 50, late 0.
var taskPoints = map[string]float64{Done: 100, OnTrack: 100, AtRisk: 50, Late: 0}

// ProjectProgress is a project's progress against the share of its span elapsed.
type ProjectProgress struct {
	Code        string
	ProgressPct float64
	ExpectedPct float64
}

// CountyInputs is what a county's scorecard is computed from.
type CountyInputs struct {
	Region       string
	Name         string
	Indicators   map[string]string // indicator id → status (meets, at_risk, misses, no data)
	Tasks        []Status
	Projects     []ProjectProgress
	Completeness *float64 // percent; nil without points
	Alerts       int      // warnings raised in the year
	Handled      int      // of which acknowledged or resolved
}

// Part is one scored part of a scorecard.
type Part struct {
	Name   string   `json:"name"`
	Score  *float64 `json:"score"` // 0–100; nil: no data, left out and the other weights scaled up
	Weight float64  `json:"weight"`
	Basis  string   `json:"basis"` // how the score came about
}

// Scorecard is a county's result.
type Scorecard struct {
	Region string  `json:"region"`
	Name   string  `json:"name"`
	Parts  []Part  `json:"parts"`
	Total  float64 `json:"total"` // Σ weight × score / Σ weight over the parts with data
	Rank   int     `json:"rank"`  // 1 = best; equal totals share a rank
}

func mean(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	m := s / float64(len(xs))
	return &m
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// Score computes every county's scorecard and ranks them.
//   - indicators: mean of the points of its indicators with data;
//   - tasks: mean of the points of the tasks it carries;
//   - projects: mean over its projects of min(100, 100 × progress / expected)
//     (100 when nothing is expected yet);
//   - completeness: the percentage itself;
//   - warnings: 100 × handled / raised (100 when none was raised).
func Score(in []CountyInputs, w Weights) ([]Scorecard, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	out := make([]Scorecard, 0, len(in))
	for _, c := range in {
		var ind, tasks, projs []float64
		for _, st := range c.Indicators {
			if p, ok := indicatorPoints[st]; ok {
				ind = append(ind, p)
			}
		}
		for _, t := range c.Tasks {
			tasks = append(tasks, taskPoints[t.Status])
		}
		for _, p := range c.Projects {
			if p.ExpectedPct <= 0 {
				projs = append(projs, 100)
				continue
			}
			projs = append(projs, math.Min(100, 100*p.ProgressPct/p.ExpectedPct))
		}
		var warn *float64
		switch {
		case c.Alerts == 0:
			v := 100.0
			warn = &v
		default:
			v := 100 * float64(c.Handled) / float64(c.Alerts)
			warn = &v
		}
		sc := Scorecard{Region: c.Region, Name: c.Name, Parts: []Part{
			{Name: "indicators", Score: mean(ind), Weight: w.Indicators, Basis: fmt.Sprintf("%d indicators with data", len(ind))},
			{Name: "tasks", Score: mean(tasks), Weight: w.Tasks, Basis: fmt.Sprintf("%d tasks", len(tasks))},
			{Name: "projects", Score: mean(projs), Weight: w.Projects, Basis: fmt.Sprintf("%d projects", len(projs))},
			{Name: "completeness", Score: c.Completeness, Weight: w.Completeness, Basis: "到报率"},
			{Name: "warnings", Score: warn, Weight: w.Warnings, Basis: fmt.Sprintf("%d of %d warnings handled", c.Handled, c.Alerts)},
		}}
		var num, den float64
		for i := range sc.Parts {
			p := &sc.Parts[i]
			if p.Score == nil {
				continue
			}
			v := round2(*p.Score)
			p.Score = &v
			num += p.Weight * v
			den += p.Weight
		}
		if den > 0 {
			sc.Total = round2(num / den)
		}
		out = append(out, sc)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].Region < out[j].Region
	})
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Total == out[i-1].Total {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out, nil
}
