// Package lp is a small linear-programming layer for the allocation models: a Go-side
// problem description (Model), a solver bound to COIN-OR CLP through cgo (Solver) that
// minimises, reports status, objective, primal values, row activities and duals, and
// re-solves warm after bounds or costs change, plus a CPLEX-LP writer used to
// cross-check results with an independent solver (glpsol).
//
// Every number is validated in Go before it reaches C: NaN anywhere, infinite costs or
// coefficients, lower > upper, a lower bound of +Inf or an upper bound of -Inf are
// rejected with an error naming the row or column. Infinite bounds in the right
// direction (-Inf lower, +Inf upper) mean "no bound".
//
// A Solver owns C memory and must be released with Close. It is not safe for concurrent
// use; use one Solver per goroutine.
package lp

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Errors reported by this package; compare with errors.Is.
var (
	// ErrInvalid marks a problem rejected before it reached the solver.
	ErrInvalid = errors.New("lp: invalid problem")
	// ErrInfeasible means no point satisfies all rows and bounds.
	ErrInfeasible = errors.New("lp: problem infeasible")
	// ErrUnbounded means the objective can decrease without limit.
	ErrUnbounded = errors.New("lp: problem unbounded")
	// ErrStopped means the solver stopped on a limit before proving optimality.
	ErrStopped = errors.New("lp: solver stopped before optimality")
	// ErrSolver means the solver failed (numerical trouble or an internal error).
	ErrSolver = errors.New("lp: solver error")
	// ErrClosed means the Solver was used after Close.
	ErrClosed = errors.New("lp: solver closed")
)

// InvalidError names the row or column whose data was rejected. It matches ErrInvalid.
type InvalidError struct {
	Kind  string // "row", "column" or "coefficient"
	Index int
	Name  string
	Field string // e.g. "lower", "upper", "cost", "value"
	Msg   string
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("lp: invalid %s %d (%q) %s: %s", e.Kind, e.Index, e.Name, e.Field, e.Msg)
}

// Is reports whether target is ErrInvalid.
func (e *InvalidError) Is(target error) bool { return target == ErrInvalid }

// Model is a Go-side LP: minimise c·x subject to rowLower ≤ A·x ≤ rowUpper and
// colLower ≤ x ≤ colUpper. Build it with AddCol/AddRow and set coefficients row-wise
// (AddRowTerms, SetCoef) or column-wise (SetColumn). The zero value is an empty model.
type Model struct {
	colLower, colUpper, cost []float64
	colNames                 []string
	rowLower, rowUpper       []float64
	rowNames                 []string
	// coefficients as triplets; duplicates are summed when the matrix is built
	tRow, tCol []int32
	tVal       []float64
}

// NewModel returns an empty model.
func NewModel() *Model { return &Model{} }

// NumCols returns the number of columns.
func (m *Model) NumCols() int { return len(m.cost) }

// NumRows returns the number of rows.
func (m *Model) NumRows() int { return len(m.rowLower) }

// NumEntries returns the number of coefficient entries added (duplicates counted).
func (m *Model) NumEntries() int { return len(m.tVal) }

// AddCol adds a column with bounds and cost and returns its index.
func (m *Model) AddCol(name string, lower, upper, cost float64) int {
	m.colLower = append(m.colLower, lower)
	m.colUpper = append(m.colUpper, upper)
	m.cost = append(m.cost, cost)
	m.colNames = append(m.colNames, name)
	return len(m.cost) - 1
}

// AddRow adds an empty row with bounds and returns its index.
func (m *Model) AddRow(name string, lower, upper float64) int {
	m.rowLower = append(m.rowLower, lower)
	m.rowUpper = append(m.rowUpper, upper)
	m.rowNames = append(m.rowNames, name)
	return len(m.rowLower) - 1
}

// AddRowTerms adds a row with the given coefficients (row-wise form) and returns its
// index. cols and vals must have the same length; out-of-range columns panic.
func (m *Model) AddRowTerms(name string, lower, upper float64, cols []int, vals []float64) int {
	if len(cols) != len(vals) {
		panic("lp: AddRowTerms: cols and vals differ in length")
	}
	r := m.AddRow(name, lower, upper)
	for k, j := range cols {
		m.AddCoef(r, j, vals[k])
	}
	return r
}

// SetColumn adds coefficients for column j (column-wise form): A[rows[k]][j] += vals[k].
func (m *Model) SetColumn(j int, rows []int, vals []float64) {
	if len(rows) != len(vals) {
		panic("lp: SetColumn: rows and vals differ in length")
	}
	for k, r := range rows {
		m.AddCoef(r, j, vals[k])
	}
}

// AddCoef adds v to A[row][col]. Indices out of range panic (a programming error).
func (m *Model) AddCoef(row, col int, v float64) {
	if row < 0 || row >= len(m.rowLower) || col < 0 || col >= len(m.cost) {
		panic(fmt.Sprintf("lp: coefficient (%d,%d) out of range (%d rows, %d cols)", row, col, len(m.rowLower), len(m.cost)))
	}
	m.tRow = append(m.tRow, int32(row))
	m.tCol = append(m.tCol, int32(col))
	m.tVal = append(m.tVal, v)
}

// Coef returns A[row][col] (a linear scan; for tests and diagnostics).
func (m *Model) Coef(row, col int) float64 {
	var s float64
	for k := range m.tVal {
		if int(m.tRow[k]) == row && int(m.tCol[k]) == col {
			s += m.tVal[k]
		}
	}
	return s
}

// ColName returns column j's name.
func (m *Model) ColName(j int) string { return m.colNames[j] }

// RowName returns row i's name.
func (m *Model) RowName(i int) string { return m.rowNames[i] }

// ColBounds returns column j's bounds.
func (m *Model) ColBounds(j int) (lower, upper float64) { return m.colLower[j], m.colUpper[j] }

// RowBounds returns row i's bounds.
func (m *Model) RowBounds(i int) (lower, upper float64) { return m.rowLower[i], m.rowUpper[i] }

// Cost returns column j's objective coefficient.
func (m *Model) Cost(j int) float64 { return m.cost[j] }

// SetColBounds changes column j's bounds (not validated until use).
func (m *Model) SetColBounds(j int, lower, upper float64) {
	m.colLower[j], m.colUpper[j] = lower, upper
}

// SetRowBounds changes row i's bounds (not validated until use).
func (m *Model) SetRowBounds(i int, lower, upper float64) {
	m.rowLower[i], m.rowUpper[i] = lower, upper
}

// SetCost changes column j's objective coefficient (not validated until use).
func (m *Model) SetCost(j int, c float64) { m.cost[j] = c }

// Clone returns a deep copy of m.
func (m *Model) Clone() *Model {
	c := &Model{
		colLower: append([]float64(nil), m.colLower...),
		colUpper: append([]float64(nil), m.colUpper...),
		cost:     append([]float64(nil), m.cost...),
		colNames: append([]string(nil), m.colNames...),
		rowLower: append([]float64(nil), m.rowLower...),
		rowUpper: append([]float64(nil), m.rowUpper...),
		rowNames: append([]string(nil), m.rowNames...),
		tRow:     append([]int32(nil), m.tRow...),
		tCol:     append([]int32(nil), m.tCol...),
		tVal:     append([]float64(nil), m.tVal...),
	}
	return c
}

// Validate checks every bound, cost and coefficient; the error is an *InvalidError.
func (m *Model) Validate() error {
	for j := range m.cost {
		if err := checkBounds("column", j, m.colNames[j], m.colLower[j], m.colUpper[j]); err != nil {
			return err
		}
		if err := checkFinite("column", j, m.colNames[j], "cost", m.cost[j]); err != nil {
			return err
		}
	}
	for k, v := range m.tVal {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			j, r := int(m.tCol[k]), int(m.tRow[k])
			return &InvalidError{Kind: "coefficient", Index: j, Name: m.colNames[j], Field: fmt.Sprintf("row %d (%q)", r, m.rowNames[r]), Msg: fmt.Sprintf("value %v is not finite", v)}
		}
	}
	for i := range m.rowLower {
		if err := checkBounds("row", i, m.rowNames[i], m.rowLower[i], m.rowUpper[i]); err != nil {
			return err
		}
	}
	return nil
}

func checkFinite(kind string, i int, name, field string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return &InvalidError{Kind: kind, Index: i, Name: name, Field: field, Msg: fmt.Sprintf("value %v is not finite", v)}
	}
	return nil
}

func checkBounds(kind string, i int, name string, lo, hi float64) error {
	switch {
	case math.IsNaN(lo):
		return &InvalidError{Kind: kind, Index: i, Name: name, Field: "lower", Msg: "NaN"}
	case math.IsNaN(hi):
		return &InvalidError{Kind: kind, Index: i, Name: name, Field: "upper", Msg: "NaN"}
	case math.IsInf(lo, 1):
		return &InvalidError{Kind: kind, Index: i, Name: name, Field: "lower", Msg: "+Inf"}
	case math.IsInf(hi, -1):
		return &InvalidError{Kind: kind, Index: i, Name: name, Field: "upper", Msg: "-Inf"}
	case lo > hi:
		return &InvalidError{Kind: kind, Index: i, Name: name, Field: "bounds", Msg: fmt.Sprintf("lower %v > upper %v", lo, hi)}
	}
	return nil
}

// csc returns the matrix in compressed sparse column form: row indices sorted within
// each column, duplicates summed, zeros dropped.
func (m *Model) csc() (starts []int32, index []int32, values []float64) {
	n := len(m.cost)
	count := make([]int32, n+1)
	for _, j := range m.tCol {
		count[j+1]++
	}
	for j := 0; j < n; j++ {
		count[j+1] += count[j]
	}
	pos := append([]int32(nil), count[:n]...)
	rows := make([]int32, len(m.tVal))
	vals := make([]float64, len(m.tVal))
	for k, j := range m.tCol {
		p := pos[j]
		rows[p], vals[p] = m.tRow[k], m.tVal[k]
		pos[j]++
	}
	starts = make([]int32, n+1)
	index = make([]int32, 0, len(rows))
	values = make([]float64, 0, len(rows))
	for j := 0; j < n; j++ {
		seg := colSeg{rows[count[j]:count[j+1]], vals[count[j]:count[j+1]]}
		if !sort.IsSorted(seg) {
			sort.Stable(seg)
		}
		for k := 0; k < len(seg.r); {
			r, v := seg.r[k], seg.v[k]
			k++
			for k < len(seg.r) && seg.r[k] == r {
				v += seg.v[k]
				k++
			}
			if v != 0 {
				index = append(index, r)
				values = append(values, v)
			}
		}
		starts[j+1] = int32(len(index))
	}
	return starts, index, values
}

type colSeg struct {
	r []int32
	v []float64
}

func (s colSeg) Len() int           { return len(s.r) }
func (s colSeg) Less(a, b int) bool { return s.r[a] < s.r[b] }
func (s colSeg) Swap(a, b int) {
	s.r[a], s.r[b] = s.r[b], s.r[a]
	s.v[a], s.v[b] = s.v[b], s.v[a]
}
