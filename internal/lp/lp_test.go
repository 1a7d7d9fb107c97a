package lp_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/sishui/sishui/internal/lp"
	"github.com/sishui/sishui/internal/lp/lptest"
)

var inf = math.Inf(1)

func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func mustSolver(t testing.TB, m *lp.Model) *lp.Solver {
	t.Helper()
	s, err := lp.NewSolver(m, lp.Options{})
	if err != nil {
		t.Fatalf("NewSolver: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestHandChecked(t *testing.T) {
	tests := []struct {
		name     string
		build    func() *lp.Model
		obj      float64
		x        []float64
		act      []float64
		duals    []float64 // nil: not checked
		rcNonNeg []int     // columns at lower bound whose reduced cost must be ≥ 0
	}{
		{
			// min -x-y; x+2y<=4; 3x+y<=6 → x=8/5, y=6/5; duals from c = Aᵀy: y=(-2/5,-1/5)
			name: "two-row vertex",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", 0, inf, -1)
				y := m.AddCol("y", 0, inf, -1)
				m.AddRowTerms("a", -inf, 4, []int{x, y}, []float64{1, 2})
				m.AddRowTerms("b", -inf, 6, []int{x, y}, []float64{3, 1})
				return m
			},
			obj: -2.8, x: []float64{1.6, 1.2}, act: []float64{4, 6}, duals: []float64{-0.4, -0.2},
		},
		{
			// min x+2y; 2<=x+y<=5; x in [0,1.5]; y>=0.5 → x=1.5,y=0.5 obj 2.5
			name: "ranged row and column bounds",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", 0, 1.5, 1)
				y := m.AddCol("y", 0.5, inf, 2)
				m.AddRowTerms("sum", 2, 5, []int{x, y}, []float64{1, 1})
				return m
			},
			obj: 2.5, x: []float64{1.5, 0.5}, act: []float64{2},
		},
		{
			// equality with duplicate coefficients summed: (1+1)x + y = 4, min 3x + y, y<=1 → x=1.5,y=1, obj 5.5
			name: "equality, duplicates summed, column-wise entry",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", 0, inf, 3)
				y := m.AddCol("y", 0, 1, 1)
				r := m.AddRow("bal", 4, 4)
				m.SetColumn(x, []int{r, r}, []float64{1, 1})
				m.SetColumn(y, []int{r}, []float64{1})
				return m
			},
			obj: 5.5, x: []float64{1.5, 1}, act: []float64{4}, duals: []float64{1.5},
		},
		{
			// transport: two sources (cap 3, 4), two sinks (need 2, 5), costs [[1,4],[3,2]]
			// optimum: s1→d1 2, s1→d2 1, s2→d2 4 = 2+4+8 = 14
			name: "small transport problem",
			build: func() *lp.Model {
				m := lp.NewModel()
				c := [][]float64{{1, 4}, {3, 2}}
				var v [2][2]int
				for i := 0; i < 2; i++ {
					for j := 0; j < 2; j++ {
						v[i][j] = m.AddCol("f", 0, inf, c[i][j])
					}
				}
				m.AddRowTerms("s1", -inf, 3, []int{v[0][0], v[0][1]}, []float64{1, 1})
				m.AddRowTerms("s2", -inf, 4, []int{v[1][0], v[1][1]}, []float64{1, 1})
				m.AddRowTerms("d1", 2, 2, []int{v[0][0], v[1][0]}, []float64{1, 1})
				m.AddRowTerms("d2", 5, 5, []int{v[0][1], v[1][1]}, []float64{1, 1})
				return m
			},
			obj: 14, x: []float64{2, 1, 0, 4}, act: []float64{3, 4, 2, 5},
		},
		{
			name: "free column",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", -inf, inf, 1)
				m.AddRowTerms("lo", -7, inf, []int{x}, []float64{1})
				return m
			},
			obj: -7, x: []float64{-7}, act: []float64{-7},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := mustSolver(t, tc.build())
			st, err := s.Solve()
			if err != nil || st != lp.Optimal {
				t.Fatalf("Solve = %v, %v", st, err)
			}
			if !near(s.Objective(), tc.obj, 1e-9) {
				t.Errorf("objective = %v, want %v", s.Objective(), tc.obj)
			}
			for j, want := range tc.x {
				if !near(s.Primal()[j], want, 1e-9) {
					t.Errorf("x[%d] = %v, want %v", j, s.Primal()[j], want)
				}
			}
			for i, want := range tc.act {
				if !near(s.RowActivity()[i], want, 1e-9) {
					t.Errorf("activity[%d] = %v, want %v", i, s.RowActivity()[i], want)
				}
			}
			for i, want := range tc.duals {
				if !near(s.Duals()[i], want, 1e-9) {
					t.Errorf("dual[%d] = %v, want %v", i, s.Duals()[i], want)
				}
			}
		})
	}
}

func TestInfeasibleAndUnbounded(t *testing.T) {
	tests := []struct {
		name      string
		build     func() *lp.Model
		status    lp.Status
		target    error
		mustName  []string // rows that must be reported
		allowName []string // rows that may be reported
	}{
		{
			name: "one row cannot be met",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", 0, 1, 0)
				y := m.AddCol("y", 0, 1, 0)
				m.AddRowTerms("need 甲", 5, inf, []int{x, y}, []float64{1, 1})
				m.AddRowTerms("fine", -inf, 10, []int{x, y}, []float64{1, 1})
				return m
			},
			status: lp.Infeasible, target: lp.ErrInfeasible, mustName: []string{"need 甲"},
		},
		{
			name: "two rows in conflict",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", 0, 10, 1)
				y := m.AddCol("y", 0, 10, 1)
				m.AddRowTerms("cap", -inf, 2, []int{x, y}, []float64{1, 1})
				m.AddRowTerms("need", 3, inf, []int{x}, []float64{1})
				m.AddRowTerms("other", -inf, 10, []int{y}, []float64{1})
				return m
			},
			status: lp.Infeasible, target: lp.ErrInfeasible, allowName: []string{"cap", "need"},
		},
		{
			name: "unbounded below",
			build: func() *lp.Model {
				m := lp.NewModel()
				x := m.AddCol("x", 0, inf, -1)
				y := m.AddCol("y", 0, inf, 0)
				m.AddRowTerms("r", -inf, 1, []int{x, y}, []float64{1, -1})
				return m
			},
			status: lp.Unbounded, target: lp.ErrUnbounded,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := mustSolver(t, tc.build())
			st, err := s.Solve()
			if st != tc.status || !errors.Is(err, tc.target) {
				t.Fatalf("Solve = %v, %v; want %v, %v", st, err, tc.status, tc.target)
			}
			if tc.status != lp.Infeasible {
				return
			}
			var ie *lp.InfeasibleError
			if !errors.As(err, &ie) || len(ie.Violations) == 0 {
				t.Fatalf("error %v carries no violations", err)
			}
			got := map[string]bool{}
			for _, v := range ie.Violations {
				got[v.Name] = true
			}
			for _, n := range tc.mustName {
				if !got[n] || !strings.Contains(err.Error(), n) {
					t.Errorf("row %q not reported in %v", n, err)
				}
			}
			if tc.allowName != nil {
				allowed := map[string]bool{}
				for _, n := range tc.allowName {
					allowed[n] = true
				}
				for n := range got {
					if !allowed[n] {
						t.Errorf("row %q reported, want only %v", n, tc.allowName)
					}
				}
			}
		})
	}
}

func TestRejectsBadNumbers(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		mutate func(m *lp.Model)
		want   string // substring naming the culprit
	}{
		{"NaN cost", func(m *lp.Model) { m.SetCost(1, nan) }, `"flow_b"`},
		{"Inf cost", func(m *lp.Model) { m.SetCost(0, inf) }, `"flow_a"`},
		{"NaN column lower", func(m *lp.Model) { m.SetColBounds(0, nan, 1) }, `"flow_a"`},
		{"lower above upper", func(m *lp.Model) { m.SetColBounds(1, 2, 1) }, `"flow_b"`},
		{"+Inf lower", func(m *lp.Model) { m.SetColBounds(1, inf, inf) }, `"flow_b"`},
		{"NaN row upper", func(m *lp.Model) { m.SetRowBounds(0, 0, nan) }, `"balance"`},
		{"-Inf row upper", func(m *lp.Model) { m.SetRowBounds(0, -inf, -inf) }, `"balance"`},
		{"Inf coefficient", func(m *lp.Model) { m.AddCoef(0, 1, inf) }, `"balance"`},
		{"NaN coefficient", func(m *lp.Model) { m.AddCoef(0, 0, nan) }, `"flow_a"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := lp.NewModel()
			a := m.AddCol("flow_a", 0, 5, 1)
			b := m.AddCol("flow_b", 0, 5, 2)
			m.AddRowTerms("balance", 1, 1, []int{a, b}, []float64{1, 1})
			tc.mutate(m)
			s, err := lp.NewSolver(m, lp.Options{})
			if err == nil {
				s.Close()
				t.Fatal("NewSolver accepted a bad model")
			}
			if !errors.Is(err, lp.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalid naming %s", err, tc.want)
			}
		})
	}
	t.Run("setters on a loaded solver", func(t *testing.T) {
		m := lp.NewModel()
		a := m.AddCol("flow_a", 0, 5, 1)
		m.AddRowTerms("balance", 1, 1, []int{a}, []float64{1})
		s := mustSolver(t, m)
		for name, err := range map[string]error{
			"col NaN":   s.SetColBounds(0, nan, 1),
			"col order": s.SetColBounds(0, 3, 1),
			"row NaN":   s.SetRowBounds(0, 1, nan),
			"cost Inf":  s.SetCost(0, -inf),
			"costs len": s.SetCosts([]float64{1, 2}),
		} {
			if !errors.Is(err, lp.ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
		// rejected changes must not have reached the model
		if st, err := s.Solve(); err != nil || st != lp.Optimal || s.Primal()[0] != 1 {
			t.Errorf("Solve after rejected changes = %v, %v, x=%v", st, err, s.Primal())
		}
	})
}

// randomLP returns a feasible, bounded random LP with n columns and r rows.
func randomLP(rng *rand.Rand, n, r int) *lp.Model {
	m := lp.NewModel()
	x0 := make([]float64, n)
	for j := 0; j < n; j++ {
		lo := 0.0
		if rng.IntN(5) == 0 {
			lo = -rng.Float64() * 5
		}
		hi := lo + 1 + rng.Float64()*20
		x0[j] = lo + rng.Float64()*(hi-lo)
		m.AddCol("x", lo, hi, math.Round((rng.Float64()*20-8)*100)/100)
	}
	for i := 0; i < r; i++ {
		var cols []int
		var vals []float64
		act := 0.0
		for j := 0; j < n; j++ {
			if rng.Float64() < 0.3 {
				v := math.Round((rng.Float64()*6-2)*100) / 100
				cols = append(cols, j)
				vals = append(vals, v)
				act += v * x0[j]
			}
		}
		switch rng.IntN(4) {
		case 0:
			m.AddRowTerms("r", -inf, act+rng.Float64()*3, cols, vals)
		case 1:
			m.AddRowTerms("r", act-rng.Float64()*3, inf, cols, vals)
		case 2:
			m.AddRowTerms("r", act-rng.Float64()*2, act+rng.Float64()*2, cols, vals)
		default:
			m.AddRowTerms("r", act, act, cols, vals)
		}
	}
	return m
}

func TestWarmEqualsCold(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for k := 0; k < 20; k++ {
		m := randomLP(rng, 30, 20)
		warm := mustSolver(t, m)
		if _, err := warm.Solve(); err != nil {
			t.Fatalf("instance %d: first solve: %v", k, err)
		}
		// perturb bounds and costs, re-solve warm and cold
		m2 := m.Clone()
		for j := 0; j < m.NumCols(); j++ {
			lo, hi := m.ColBounds(j)
			if rng.IntN(3) == 0 {
				hi = lo + (hi-lo)*(0.8+0.4*rng.Float64())
				m2.SetColBounds(j, lo, hi)
				if err := warm.SetColBounds(j, lo, hi); err != nil {
					t.Fatal(err)
				}
			}
			if rng.IntN(3) == 0 {
				c := m.Cost(j) + rng.Float64() - 0.5
				m2.SetCost(j, c)
				if err := warm.SetCost(j, c); err != nil {
					t.Fatal(err)
				}
			}
		}
		for i := 0; i < m.NumRows(); i++ {
			lo, hi := m.RowBounds(i)
			if rng.IntN(3) == 0 && lo == hi {
				hi += 0.5
				m2.SetRowBounds(i, lo, hi)
				if err := warm.SetRowBounds(i, lo, hi); err != nil {
					t.Fatal(err)
				}
			}
		}
		cold := mustSolver(t, m2)
		sw, errW := warm.Solve()
		sc, errC := cold.Solve()
		if sw != sc {
			t.Fatalf("instance %d: warm %v (%v), cold %v (%v)", k, sw, errW, sc, errC)
		}
		if sw == lp.Optimal && !near(warm.Objective(), cold.Objective(), 1e-9) {
			t.Errorf("instance %d: warm objective %v, cold %v", k, warm.Objective(), cold.Objective())
		}
	}
}

func TestAgainstGlpsol(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 25; k++ {
		n, r := 5+rng.IntN(60), 3+rng.IntN(40)
		m := randomLP(rng, n, r)
		if k%5 == 4 { // make some instances infeasible
			lo, _ := m.ColBounds(0)
			m.AddRowTerms("impossible", -inf, lo-1, []int{0}, []float64{1})
		}
		s := mustSolver(t, m)
		st, _ := s.Solve()
		g, err := lptest.Glpsol(ctx, dir, m)
		if errors.Is(err, lptest.ErrNoGlpsol) {
			t.Skip("glpsol not installed")
		}
		if err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		switch {
		case st == lp.Optimal && g.Status == "OPTIMAL":
			if !near(s.Objective(), g.Objective, 1e-6) {
				t.Errorf("instance %d (%dx%d): CLP %v, glpsol %v", k, r, n, s.Objective(), g.Objective)
			}
		case st == lp.Infeasible && strings.HasPrefix(g.Status, "INFEASIBLE"):
		default:
			t.Errorf("instance %d: CLP %v, glpsol %q", k, st, g.Status)
		}
	}
}

func TestSolversInParallel(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, 3))
			for k := 0; k < 10; k++ {
				m := randomLP(rng, 40, 25)
				a, err := lp.NewSolver(m, lp.Options{})
				if err != nil {
					errs <- err
					return
				}
				b, _ := lp.NewSolver(m, lp.Options{})
				_, e1 := a.Solve()
				_, e2 := b.Solve()
				if e1 != nil || e2 != nil || !near(a.Objective(), b.Objective(), 1e-9) {
					errs <- errors.New("parallel solves disagree")
				}
				a.Close()
				b.Close()
			}
		}(uint64(g))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestClosed(t *testing.T) {
	m := lp.NewModel()
	m.AddCol("x", 0, 1, 1)
	s, err := lp.NewSolver(m, lp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s.Close()
	if _, err := s.Solve(); !errors.Is(err, lp.ErrClosed) {
		t.Errorf("Solve after Close: %v, want ErrClosed", err)
	}
}

func TestSetCoefWarm(t *testing.T) {
	// min -x; a·x <= 6 with a changing; compare with a fresh model each time.
	tests := []struct {
		name string
		a    float64
		want float64
	}{
		{"a=2", 2, -3}, {"a=3", 3, -2}, {"a=0.5 (hits bound 10)", 0.5, -10}, {"a=1", 1, -6},
	}
	m := lp.NewModel()
	x := m.AddCol("x", 0, 10, -1)
	y := m.AddCol("y", 0, 10, 1)
	m.AddRowTerms("r", -inf, 6, []int{x, y}, []float64{1, 1})
	s := mustSolver(t, m)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.SetCoef(0, x, tc.a); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Solve(); err != nil {
				t.Fatal(err)
			}
			if !near(s.Objective(), tc.want, 1e-9) {
				t.Errorf("objective = %v, want %v", s.Objective(), tc.want)
			}
			if got := s.Model().Coef(0, x); got != tc.a {
				t.Errorf("model copy coefficient = %v, want %v", got, tc.a)
			}
		})
	}
	if err := s.SetCoef(0, x, math.NaN()); !errors.Is(err, lp.ErrInvalid) {
		t.Errorf("SetCoef NaN: %v, want ErrInvalid", err)
	}
}

func TestSolveColdMatchesWarm(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 5; k++ {
		m := randomLP(rng, 25, 15)
		s := mustSolver(t, m)
		st1, err1 := s.Solve()
		o1 := s.Objective()
		st2, err2 := s.SolveCold()
		if st1 != st2 || (err1 == nil) != (err2 == nil) {
			t.Fatalf("instance %d: warm %v/%v, cold %v/%v", k, st1, err1, st2, err2)
		}
		if st1 == lp.Optimal && !near(o1, s.Objective(), 1e-9) {
			t.Errorf("instance %d: objectives %v vs %v", k, o1, s.Objective())
		}
	}
}
