package billing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

type timeT = time.Time

// Month is a billing period: a calendar month.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads "2026-11" (or 202611).
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01", s); err == nil {
		return Month{t.Year(), t.Month()}, nil
	}
	if t, err := time.Parse("200601", s); err == nil {
		return Month{t.Year(), t.Month()}, nil
	}
	return Month{}, fmt.Errorf("period %q: want yyyy-mm", s)
}

// Start is the month's first day (UTC midnight, a calendar date).
func (m Month) Start() time.Time { return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC) }

// End is the first day of the next month.
func (m Month) End() time.Time { return m.Start().AddDate(0, 1, 0) }

// Key is yyyymm.
func (m Month) Key() int { return m.Year*100 + int(m.Month) }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// TaxPeriod is a declaration period: a month or a quarter.
type TaxPeriod struct {
	Label  string // 2026Q4 or 2026-11
	Months []Month
}

// ParseTaxPeriod reads "2026Q4" or "2026-11".
func ParseTaxPeriod(s string) (TaxPeriod, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if y, q, ok := strings.Cut(s, "Q"); ok {
		year, err1 := strconv.Atoi(y)
		qn, err2 := strconv.Atoi(q)
		if err1 != nil || err2 != nil || qn < 1 || qn > 4 || year < 1990 || year > 2100 {
			return TaxPeriod{}, fmt.Errorf("period %q: want yyyyQn or yyyy-mm", s)
		}
		p := TaxPeriod{Label: fmt.Sprintf("%dQ%d", year, qn)}
		for i := range 3 {
			p.Months = append(p.Months, Month{year, time.Month(3*(qn-1) + i + 1)})
		}
		return p, nil
	}
	m, err := ParseMonth(s)
	if err != nil {
		return TaxPeriod{}, fmt.Errorf("period %q: want yyyyQn or yyyy-mm", s)
	}
	return TaxPeriod{Label: m.String(), Months: []Month{m}}, nil
}
