// Package budget is the arithmetic of water budgets (水预算): splitting a
// year's budget over months, and a budget's execution against metered use
// month by month with variance levels and the surplus that may be traded.
// It is pure: no I/O, no clock; volumes are whole m³.
package budget

import "fmt"

// Thresholds say when execution is a warning: Warn and Over are the
// cumulative variance over the budget to date, in thousandths (50 = +5 %).
// Use beyond the annual budget is always over.
type Thresholds struct {
	Warn int64 `json:"warn"`
	Over int64 `json:"over"`
}

// Validate checks the thresholds.
func (t Thresholds) Validate() error {
	if t.Warn < 0 || t.Over < t.Warn {
		return fmt.Errorf("budget thresholds: need 0 ≤ warn ≤ over, got %d, %d", t.Warn, t.Over)
	}
	return nil
}

// Levels of a month's execution.
const (
	LevelOK   = "ok"
	LevelWarn = "warn"
	LevelOver = "over"
)

// Split divides annual over 12 months in proportion to weights (e.g. last
// year's monthly use); equal shares when the weights are all zero. The
// months sum to annual exactly (largest remainders get the spare m³).
func Split(annual int64, weights [12]int64) [12]int64 {
	var total int64
	for _, w := range weights {
		total += max(w, 0)
	}
	if total == 0 {
		for i := range weights {
			weights[i] = 1
		}
		total = 12
	}
	var out [12]int64
	var rems [12]int64
	var given int64
	for i, w := range weights {
		w = max(w, 0)
		out[i] = annual * w / total
		rems[i] = annual * w % total
		given += out[i]
	}
	for left := annual - given; left > 0; left-- {
		best := 0
		for i := range rems {
			if rems[i] > rems[best] {
				best = i
			}
		}
		out[best]++
		rems[best] = -1
	}
	return out
}

// Month is one month of a budget's execution.
type Month struct {
	Month       int    `json:"month"` // 1–12
	BudgetM3    int64  `json:"budget_m3"`
	UseM3       int64  `json:"use_m3"`
	CumBudgetM3 int64  `json:"cum_budget_m3"`
	CumUseM3    int64  `json:"cum_use_m3"`
	Variance    int64  `json:"variance"` // (cum use − cum budget) / cum budget, thousandths
	Level       string `json:"level"`
}

// Execution is a budget's execution up to a month.
type Execution struct {
	AnnualM3    int64   `json:"annual_m3"`
	Months      []Month `json:"months"`
	ProjectedM3 int64   `json:"projected_m3"` // cum use × 12 / months elapsed
	SurplusM3   int64   `json:"surplus_m3"`   // annual − projected, when positive: may be traded (节余额度)
	Level       string  `json:"level"`        // of the last month
}

// Execute compares monthly budgets with monthly use for the first upTo months.
func Execute(monthly [12]int64, use [12]int64, upTo int, th Thresholds) Execution {
	var ex Execution
	for _, v := range monthly {
		ex.AnnualM3 += v
	}
	upTo = min(max(upTo, 0), 12)
	var cb, cu int64
	for i := range upTo {
		cb += monthly[i]
		cu += use[i]
		m := Month{Month: i + 1, BudgetM3: monthly[i], UseM3: use[i], CumBudgetM3: cb, CumUseM3: cu, Level: LevelOK}
		if cb > 0 {
			m.Variance = roundDiv((cu-cb)*1000, cb)
		} else if cu > 0 {
			m.Variance = 1000
		}
		switch {
		case cu > ex.AnnualM3 || m.Variance > th.Over:
			m.Level = LevelOver
		case m.Variance > th.Warn:
			m.Level = LevelWarn
		}
		ex.Months = append(ex.Months, m)
		ex.Level = m.Level
	}
	if upTo > 0 {
		ex.ProjectedM3 = roundDiv(cu*12, int64(upTo))
		ex.SurplusM3 = max(ex.AnnualM3-ex.ProjectedM3, 0)
	}
	return ex
}

func roundDiv(n, d int64) int64 {
	q, r := n/d, n%d
	if r < 0 {
		r = -r
	}
	if 2*r >= d {
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}
