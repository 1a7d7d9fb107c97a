package lp

import (
	"fmt"
	"strings"
)

// Violation is one row that must be relaxed to make an infeasible problem feasible.
type Violation struct {
	Row    int
	Name   string
	Side   string  // "lower" when A·x had to fall below the row's lower bound, "upper" when above its upper bound
	Amount float64 // by how much the bound is violated in the least-violation point
}

// InfeasibleError lists the rows at fault in an infeasible problem. It matches
// ErrInfeasible.
type InfeasibleError struct {
	Violations []Violation
}

func (e *InfeasibleError) Error() string {
	var b strings.Builder
	b.WriteString("lp: problem infeasible")
	if len(e.Violations) > 0 {
		b.WriteString("; rows at fault:")
		for i, v := range e.Violations {
			if i == 8 {
				fmt.Fprintf(&b, " … (%d more)", len(e.Violations)-i)
				break
			}
			fmt.Fprintf(&b, " %s (%s by %.6g)", v.Name, v.Side, v.Amount)
		}
	}
	return b.String()
}

// Is reports whether target is ErrInfeasible.
func (e *InfeasibleError) Is(target error) bool { return target == ErrInfeasible }

// ExplainInfeasible finds rows whose bounds must be relaxed for the current model to
// become feasible. It solves an elastic copy: every row gets two non-negative slack
// columns (below and above) with unit cost and the original objective is dropped, so
// the optimum minimises the total violation. Rows with positive slack are returned,
// named as the caller named them. An empty result means the model is feasible.
func (s *Solver) ExplainInfeasible() ([]Violation, error) {
	e := s.m.Clone()
	for j := range e.cost {
		e.cost[j] = 0
	}
	r := e.NumRows()
	for i := 0; i < r; i++ {
		lo, hi := e.rowLower[i], e.rowUpper[i]
		if lo > -inf {
			p := e.AddCol("elastic_lo_"+e.rowNames[i], 0, inf, 1)
			e.AddCoef(i, p, 1)
		}
		if hi < inf {
			n := e.AddCol("elastic_hi_"+e.rowNames[i], 0, inf, 1)
			e.AddCoef(i, n, -1)
		}
	}
	es, err := NewSolver(e, Options{NoExplain: true, LogLevel: s.opts.LogLevel})
	if err != nil {
		return nil, fmt.Errorf("lp: explain: %w", err)
	}
	defer es.Close()
	if _, err := es.Solve(); err != nil {
		return nil, fmt.Errorf("lp: explain: %w", err)
	}
	x := es.Primal()
	var out []Violation
	j := s.m.NumCols()
	const tol = 1e-7
	for i := 0; i < r; i++ {
		lo, hi := e.rowLower[i], e.rowUpper[i]
		if lo > -inf {
			if x[j] > tol {
				out = append(out, Violation{Row: i, Name: e.rowNames[i], Side: "lower", Amount: x[j]})
			}
			j++
		}
		if hi < inf {
			if x[j] > tol {
				out = append(out, Violation{Row: i, Name: e.rowNames[i], Side: "upper", Amount: x[j]})
			}
			j++
		}
	}
	return out, nil
}
