package lp_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/sishui/sishui/internal/lp"
)

// cityLP builds a synthetic Liaocheng-size planning LP: supply x[r,s,k,t] and shortage
// u[r,k,t]; rows: demand balance (r,k,t), monthly availability (r,s,t), annual cap
// (r,s), city quota per source, county red line. With R=10,S=5,K=4,T=12 that is
// 1,145 rows × 2,880 columns and 12,480 nonzeros. It returns the model and the
// demand-balance row indices.
func cityLP(seed uint64, R, S, K, T int) (*lp.Model, []int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	m := lp.NewModel()
	penalty := []float64{10000, 5000, 1000, 100}
	x := make([]int, 0, R*S*K*T)
	idx := func(r, s, k, t int) int { return ((r*S+s)*K+k)*T + t }
	for r := 0; r < R; r++ {
		for s := 0; s < S; s++ {
			for k := 0; k < K; k++ {
				for t := 0; t < T; t++ {
					c := float64(1 + (s*3+k)%8)
					if s == S-1 && k == 0 { // reclaimed → domestic: inadmissible
						x = append(x, m.AddCol(fmt.Sprintf("x_%d_%d_%d_%d", r, s, k, t), 0, 0, c))
						continue
					}
					x = append(x, m.AddCol(fmt.Sprintf("x_%d_%d_%d_%d", r, s, k, t), 0, inf, c))
				}
			}
		}
	}
	var demandRows []int
	for r := 0; r < R; r++ {
		for k := 0; k < K; k++ {
			for t := 0; t < T; t++ {
				d := 50 + rng.Float64()*300
				u := m.AddCol(fmt.Sprintf("u_%d_%d_%d", r, k, t), 0, inf, penalty[k%len(penalty)])
				row := m.AddRow(fmt.Sprintf("demand_%d_%d_%d", r, k, t), d, d)
				m.AddCoef(row, u, 1)
				for s := 0; s < S; s++ {
					m.AddCoef(row, x[idx(r, s, k, t)], 1)
				}
				demandRows = append(demandRows, row)
			}
		}
	}
	for r := 0; r < R; r++ {
		for s := 0; s < S; s++ {
			for t := 0; t < T; t++ {
				row := m.AddRow(fmt.Sprintf("avail_%d_%d_%d", r, s, t), -inf, 100+rng.Float64()*400)
				for k := 0; k < K; k++ {
					m.AddCoef(row, x[idx(r, s, k, t)], 1)
				}
			}
		}
	}
	for r := 0; r < R; r++ {
		for s := 0; s < S; s++ {
			row := m.AddRow(fmt.Sprintf("annual_%d_%d", r, s), -inf, 2000+rng.Float64()*3000)
			for k := 0; k < K; k++ {
				for t := 0; t < T; t++ {
					m.AddCoef(row, x[idx(r, s, k, t)], 1)
				}
			}
		}
	}
	for s := 0; s < S; s++ {
		row := m.AddRow(fmt.Sprintf("quota_%d", s), -inf, float64(R)*(1500+rng.Float64()*2500))
		for r := 0; r < R; r++ {
			for k := 0; k < K; k++ {
				for t := 0; t < T; t++ {
					m.AddCoef(row, x[idx(r, s, k, t)], 1)
				}
			}
		}
	}
	for r := 0; r < R; r++ {
		row := m.AddRow(fmt.Sprintf("redline_%d", r), -inf, 9000+rng.Float64()*4000)
		for s := 0; s < S; s++ {
			for k := 0; k < K; k++ {
				for t := 0; t < T; t++ {
					m.AddCoef(row, x[idx(r, s, k, t)], 1)
				}
			}
		}
	}
	return m, demandRows
}

func TestCityLPShape(t *testing.T) {
	m, _ := cityLP(1, 10, 5, 4, 12)
	if m.NumRows() != 1145 || m.NumCols() != 2880 || m.NumEntries() != 12480 {
		t.Fatalf("city LP is %d rows × %d cols, %d entries; want 1145 × 2880, 12480", m.NumRows(), m.NumCols(), m.NumEntries())
	}
	s := mustSolver(t, m)
	if st, err := s.Solve(); err != nil || st != lp.Optimal {
		t.Fatalf("Solve = %v, %v", st, err)
	}
}

// BenchmarkCityAnnualBuildSolve times building the Model, loading it into CLP and a
// cold solve: what the allocator pays for a fresh annual LP.
func BenchmarkCityAnnualBuildSolve(b *testing.B) {
	for b.Loop() {
		m, _ := cityLP(1, 10, 5, 4, 12)
		s, err := lp.NewSolver(m, lp.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Solve(); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkCityAnnualSolveOnly times the cold CLP solve alone (model already loaded).
func BenchmarkCityAnnualSolveOnly(b *testing.B) {
	m, _ := cityLP(1, 10, 5, 4, 12)
	for b.Loop() {
		b.StopTimer()
		s, err := lp.NewSolver(m, lp.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Solve(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkCityAnnualWarm perturbs every demand by ±20% and re-solves from the
// previous basis, as a scenario loop does.
func BenchmarkCityAnnualWarm(b *testing.B) {
	m, rows := cityLP(1, 10, 5, 4, 12)
	s, err := lp.NewSolver(m, lp.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Solve(); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	base := make([]float64, len(rows))
	for i, r := range rows {
		base[i], _ = m.RowBounds(r)
	}
	for b.Loop() {
		for i, r := range rows {
			d := base[i] * (0.8 + 0.4*rng.Float64())
			if err := s.SetRowBounds(r, d, d); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := s.Solve(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCityMonthWarm is the one-month LP (155 rows × 240 columns) re-solved warm.
func BenchmarkCityMonthWarm(b *testing.B) {
	m, rows := cityLP(1, 10, 5, 4, 1)
	s, err := lp.NewSolver(m, lp.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Solve(); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for b.Loop() {
		for _, r := range rows {
			d, _ := m.RowBounds(r)
			d *= 0.8 + 0.4*rng.Float64()
			if err := s.SetRowBounds(r, d, d); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := s.Solve(); err != nil {
			b.Fatal(err)
		}
	}
}
