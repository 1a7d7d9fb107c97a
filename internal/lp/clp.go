package lp

/*
#cgo pkg-config: clp
#include <stdlib.h>
#include <float.h>
#include <stdbool.h>
#include "Clp_C_Interface.h"

// sishui_slack_basis resets the basis to all slacks so the next solve starts cold.
static void sishui_slack_basis(Clp_Simplex *m) {
	int nr = Clp_numberRows(m), nc = Clp_numberColumns(m);
	const double *lo = Clp_getColLower(m), *up = Clp_getColUpper(m);
	for (int i = 0; i < nr; i++) Clp_setRowStatus(m, i, 1);
	for (int j = 0; j < nc; j++) {
		if (lo[j] > -1e30) Clp_setColumnStatus(m, j, 3);
		else if (up[j] < 1e30) Clp_setColumnStatus(m, j, 2);
		else Clp_setColumnStatus(m, j, 0);
	}
}
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"
)

// Status is the outcome of a solve.
type Status int

// Solve outcomes.
const (
	NotSolved Status = iota
	Optimal
	Infeasible
	Unbounded
	Stopped
	Failed
)

func (s Status) String() string {
	switch s {
	case NotSolved:
		return "not solved"
	case Optimal:
		return "optimal"
	case Infeasible:
		return "infeasible"
	case Unbounded:
		return "unbounded"
	case Stopped:
		return "stopped"
	case Failed:
		return "error"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Options tune a Solver. The zero value is usable.
type Options struct {
	// MaxIterations caps simplex iterations per solve; 0 means CLP's default.
	MaxIterations int
	// MaxSeconds caps the time of one solve; 0 means no cap.
	MaxSeconds float64
	// PrimalTolerance is the largest bound or row violation CLP accepts (CLP's default
	// 1e-7 when 0).
	PrimalTolerance float64
	// LogLevel is CLP's log level; 0 (the default) keeps CLP silent.
	LogLevel int
	// NoRetry skips the cold re-solve that Solve runs to confirm a warm start that
	// ended other than optimal (use SolveCold to re-solve from scratch on demand).
	NoRetry bool
	// NoExplain skips the elastic re-solve that names the rows at fault when a problem
	// is infeasible.
	NoExplain bool
}

// Solver is a Model loaded into CLP. It keeps its basis between solves, so changing
// bounds or costs and calling Solve again is a warm start. Call Close to free the C
// model; a Solver that is not closed leaks its C memory (there is no finaliser).
type Solver struct {
	m    *Model // the solver's own copy; bounds and costs track Set* calls
	opts Options
	clp  unsafe.Pointer // Clp_Simplex*

	solved                      bool
	colDirty, rowDirty, objDirt bool
	status                      Status
	obj                         float64
	x, act, dual, rc            []float64
	iters                       int

	// scratch for pushing bounds to C (CLP's infinity is DBL_MAX)
	bufA, bufB []float64
	// triplet positions by (row, col), built on the first SetCoef
	coefAt map[uint64][]int
}

// NewSolver validates m and loads a copy of it into a new CLP model.
func NewSolver(m *Model, opts Options) (*Solver, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	s := &Solver{m: m.Clone(), opts: opts}
	s.clp = C.Clp_newModel()
	if s.clp == nil {
		return nil, fmt.Errorf("lp: new model: %w", ErrSolver)
	}
	C.Clp_setLogLevel(s.clp, C.int(opts.LogLevel))
	if opts.MaxIterations > 0 {
		C.Clp_setMaximumIterations(s.clp, C.int(opts.MaxIterations))
	}
	if opts.PrimalTolerance > 0 {
		C.Clp_setPrimalTolerance(s.clp, C.double(opts.PrimalTolerance))
	}
	if opts.MaxSeconds > 0 {
		C.Clp_setMaximumSeconds(s.clp, C.double(opts.MaxSeconds))
	}
	s.load()
	return s, nil
}

func (s *Solver) load() {
	m := s.m
	n, r := m.NumCols(), m.NumRows()
	starts, index, values := m.csc()
	cstarts := make([]C.CoinBigIndex, len(starts))
	for i, v := range starts {
		cstarts[i] = C.CoinBigIndex(v)
	}
	cindex := make([]C.int, len(index))
	for i, v := range index {
		cindex[i] = C.int(v)
	}
	colLo, colHi := clampInf(m.colLower), clampInf(m.colUpper)
	rowLo, rowHi := clampInf(m.rowLower), clampInf(m.rowUpper)
	C.Clp_loadProblem(s.clp, C.int(n), C.int(r),
		ptrBig(cstarts), ptrInt(cindex), ptrF(values),
		ptrF(colLo), ptrF(colHi), ptrF(m.cost), ptrF(rowLo), ptrF(rowHi))
	s.x = make([]float64, n)
	s.rc = make([]float64, n)
	s.act = make([]float64, r)
	s.dual = make([]float64, r)
}

func ptrF(v []float64) *C.double {
	if len(v) == 0 {
		return nil
	}
	return (*C.double)(unsafe.Pointer(&v[0]))
}

func ptrInt(v []C.int) *C.int {
	if len(v) == 0 {
		return nil
	}
	return &v[0]
}

func ptrBig(v []C.CoinBigIndex) *C.CoinBigIndex {
	if len(v) == 0 {
		return nil
	}
	return &v[0]
}

func clampInf(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = clamp(x)
	}
	return out
}

func clamp(x float64) float64 {
	switch {
	case math.IsInf(x, 1):
		return math.MaxFloat64
	case math.IsInf(x, -1):
		return -math.MaxFloat64
	}
	return x
}

// Close frees the C model. It is safe to call more than once.
func (s *Solver) Close() {
	if s.clp != nil {
		C.Clp_deleteModel(s.clp)
		s.clp = nil
	}
}

// Model returns the solver's copy of the model, with bounds and costs as last set.
// Do not modify it; use the Solver's Set methods.
func (s *Solver) Model() *Model { return s.m }

// SetColBounds changes column j's bounds for the next Solve.
func (s *Solver) SetColBounds(j int, lower, upper float64) error {
	if err := checkBounds("column", j, s.m.colNames[j], lower, upper); err != nil {
		return err
	}
	if s.m.colLower[j] != lower || s.m.colUpper[j] != upper {
		s.m.colLower[j], s.m.colUpper[j] = lower, upper
		s.colDirty = true
	}
	return nil
}

// SetRowBounds changes row i's bounds for the next Solve.
func (s *Solver) SetRowBounds(i int, lower, upper float64) error {
	if err := checkBounds("row", i, s.m.rowNames[i], lower, upper); err != nil {
		return err
	}
	if s.m.rowLower[i] != lower || s.m.rowUpper[i] != upper {
		s.m.rowLower[i], s.m.rowUpper[i] = lower, upper
		s.rowDirty = true
	}
	return nil
}

// SetCost changes column j's objective coefficient for the next Solve.
func (s *Solver) SetCost(j int, c float64) error {
	if err := checkFinite("column", j, s.m.colNames[j], "cost", c); err != nil {
		return err
	}
	if s.m.cost[j] != c {
		s.m.cost[j] = c
		s.objDirt = true
	}
	return nil
}

// SetCosts replaces the whole objective (len(c) must equal NumCols).
func (s *Solver) SetCosts(c []float64) error {
	if len(c) != len(s.m.cost) {
		return fmt.Errorf("lp: SetCosts: %d costs for %d columns: %w", len(c), len(s.m.cost), ErrInvalid)
	}
	for j, v := range c {
		if err := checkFinite("column", j, s.m.colNames[j], "cost", v); err != nil {
			return err
		}
	}
	copy(s.m.cost, c)
	s.objDirt = true
	return nil
}

// SetCoef sets A[row][col] = v (replacing, not adding) in the loaded model; the basis
// is kept for the next Solve.
func (s *Solver) SetCoef(row, col int, v float64) error {
	if s.clp == nil {
		return ErrClosed
	}
	if row < 0 || row >= s.m.NumRows() || col < 0 || col >= s.m.NumCols() {
		return fmt.Errorf("lp: SetCoef (%d,%d) out of range: %w", row, col, ErrInvalid)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return &InvalidError{Kind: "coefficient", Index: col, Name: s.m.colNames[col], Field: fmt.Sprintf("row %d (%q)", row, s.m.rowNames[row]), Msg: fmt.Sprintf("value %v is not finite", v)}
	}
	if s.coefAt == nil {
		s.coefAt = make(map[uint64][]int, len(s.m.tVal))
		for k := range s.m.tVal {
			key := uint64(s.m.tRow[k])<<32 | uint64(s.m.tCol[k])
			s.coefAt[key] = append(s.coefAt[key], k)
		}
	}
	key := uint64(row)<<32 | uint64(col)
	ks := s.coefAt[key]
	if len(ks) == 0 {
		s.m.AddCoef(row, col, v)
		s.coefAt[key] = []int{len(s.m.tVal) - 1}
	} else {
		s.m.tVal[ks[0]] = v
		for _, k := range ks[1:] {
			s.m.tVal[k] = 0
		}
	}
	C.Clp_modifyCoefficient(s.clp, C.int(row), C.int(col), C.double(v), C.bool(true))
	return nil
}

func (s *Solver) push() {
	if s.colDirty {
		s.bufA = clampInto(s.bufA, s.m.colLower)
		s.bufB = clampInto(s.bufB, s.m.colUpper)
		C.Clp_chgColumnLower(s.clp, ptrF(s.bufA))
		C.Clp_chgColumnUpper(s.clp, ptrF(s.bufB))
	}
	if s.rowDirty {
		s.bufA = clampInto(s.bufA, s.m.rowLower)
		s.bufB = clampInto(s.bufB, s.m.rowUpper)
		C.Clp_chgRowLower(s.clp, ptrF(s.bufA))
		C.Clp_chgRowUpper(s.clp, ptrF(s.bufB))
	}
	if s.objDirt {
		C.Clp_chgObjCoefficients(s.clp, ptrF(s.m.cost))
	}
}

func clampInto(dst, src []float64) []float64 {
	dst = append(dst[:0], src...)
	for i, x := range dst {
		dst[i] = clamp(x)
	}
	return dst
}

// Solve minimises the objective. The first call solves cold; later calls start from
// the previous basis (dual simplex after bound changes, primal after cost-only
// changes). The error is nil only when the status is Optimal; otherwise it wraps
// ErrInfeasible (as an *InfeasibleError naming the rows at fault unless
// Options.NoExplain), ErrUnbounded, ErrStopped or ErrSolver.
func (s *Solver) Solve() (Status, error) {
	if s.clp == nil {
		return Failed, ErrClosed
	}
	boundsChanged := s.colDirty || s.rowDirty
	costChanged := s.objDirt
	s.push()
	s.colDirty, s.rowDirty, s.objDirt = false, false, false
	var code C.int
	switch {
	case !s.solved:
		code = C.Clp_initialSolve(s.clp)
	case boundsChanged:
		code = C.Clp_dual(s.clp, 0)
	case costChanged:
		code = C.Clp_primal(s.clp, 0)
	default:
		code = C.Clp_dual(s.clp, 0)
	}
	st := s.readStatus(code)
	if s.solved && st != Optimal && !s.opts.NoRetry {
		// A warm start can stall or misreport; confirm from scratch before reporting.
		C.sishui_slack_basis(s.clp)
		code = C.Clp_initialSolve(s.clp)
		st = s.readStatus(code)
	}
	return s.finish(st)
}

// SolveCold solves from scratch, discarding the previous basis. Results and errors are
// as for Solve.
func (s *Solver) SolveCold() (Status, error) {
	if s.clp == nil {
		return Failed, ErrClosed
	}
	s.push()
	s.colDirty, s.rowDirty, s.objDirt = false, false, false
	C.sishui_slack_basis(s.clp)
	return s.finish(s.readStatus(C.Clp_initialSolve(s.clp)))
}

func (s *Solver) finish(st Status) (Status, error) {
	s.solved = true
	s.status = st
	s.iters = int(C.Clp_numberIterations(s.clp))
	switch st {
	case Optimal:
		s.read()
		return st, nil
	case Infeasible:
		if s.opts.NoExplain {
			return st, fmt.Errorf("lp: solve: %w", ErrInfeasible)
		}
		v, err := s.ExplainInfeasible()
		if err != nil {
			return st, fmt.Errorf("lp: solve: %w (explaining: %v)", ErrInfeasible, err)
		}
		return st, &InfeasibleError{Violations: v}
	case Unbounded:
		return st, fmt.Errorf("lp: solve: %w", ErrUnbounded)
	case Stopped:
		return st, fmt.Errorf("lp: solve: %w", ErrStopped)
	}
	return st, fmt.Errorf("lp: solve: CLP status %d/%d: %w", int(C.Clp_status(s.clp)), int(C.Clp_secondaryStatus(s.clp)), ErrSolver)
}

func (s *Solver) readStatus(code C.int) Status {
	switch C.Clp_status(s.clp) {
	case 0:
		if sec := C.Clp_secondaryStatus(s.clp); sec >= 2 && sec <= 4 {
			// Scaled problem optimal, unscaled has infeasibilities: clean up with primal.
			C.Clp_primal(s.clp, 0)
			if C.Clp_status(s.clp) != 0 {
				return Failed
			}
		}
		return Optimal
	case 1:
		return Infeasible
	case 2:
		return Unbounded
	case 3:
		return Stopped
	}
	return Failed
}

func (s *Solver) read() {
	n, r := len(s.x), len(s.act)
	s.obj = float64(C.Clp_objectiveValue(s.clp))
	if n > 0 {
		copy(s.x, unsafe.Slice((*float64)(unsafe.Pointer(C.Clp_getColSolution(s.clp))), n))
		copy(s.rc, unsafe.Slice((*float64)(unsafe.Pointer(C.Clp_getReducedCost(s.clp))), n))
	}
	if r > 0 {
		copy(s.act, unsafe.Slice((*float64)(unsafe.Pointer(C.Clp_getRowActivity(s.clp))), r))
		copy(s.dual, unsafe.Slice((*float64)(unsafe.Pointer(C.Clp_getRowPrice(s.clp))), r))
	}
}

// Status returns the status of the last Solve.
func (s *Solver) Status() Status { return s.status }

// Objective returns the objective value of the last optimal solve.
func (s *Solver) Objective() float64 { return s.obj }

// Iterations returns the simplex iterations of the last solve.
func (s *Solver) Iterations() int { return s.iters }

// Primal returns the column values of the last optimal solve. The slice is reused by
// the next Solve; copy it to keep it.
func (s *Solver) Primal() []float64 { return s.x }

// RowActivity returns A·x for the last optimal solve (reused by the next Solve).
func (s *Solver) RowActivity() []float64 { return s.act }

// Duals returns the row prices y of the last optimal solve (reused by the next
// Solve): the change of the minimised objective per unit increase of a binding row
// bound, so that reduced costs are c − Aᵀy.
func (s *Solver) Duals() []float64 { return s.dual }

// ReducedCosts returns c − Aᵀy for the last optimal solve (reused by the next Solve).
func (s *Solver) ReducedCosts() []float64 { return s.rc }
