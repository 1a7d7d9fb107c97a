package permitting

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// Day is one entry of a holiday calendar: a date that is a day off although
// it falls on a weekday (Workday false), or a weekend day that is worked
// (调休 make-up day, Workday true).
type Day struct {
	Date    string `json:"date"` // YYYY-MM-DD
	Workday bool   `json:"workday"`
	Name    string `json:"name,omitempty"`
}

// Calendar is a city's working-day calendar: Monday to Friday are working
// days unless listed as a day off; listed weekend days are worked.
type Calendar struct {
	Name     string `json:"name"`
	Verified bool   `json:"verified"`
	Source   string `json:"source,omitempty"`
	Days     []Day  `json:"days"`

	index map[int]bool // yyyymmdd → worked
}

func dayKey(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// ParseDate parses a YYYY-MM-DD date as UTC midnight.
func ParseDate(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, s)
}

// Validate checks the days and builds the index.
func (c *Calendar) Validate() error {
	c.index = make(map[int]bool, len(c.Days))
	for i, d := range c.Days {
		t, err := ParseDate(d.Date)
		if err != nil {
			return fmt.Errorf("days[%d]: date %q: want YYYY-MM-DD", i, d.Date)
		}
		if _, dup := c.index[dayKey(t)]; dup {
			return fmt.Errorf("days[%d]: date %s listed twice", i, d.Date)
		}
		weekend := t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
		if d.Workday && !weekend {
			return fmt.Errorf("days[%d]: %s is a weekday; only weekend days can be listed as worked", i, d.Date)
		}
		if !d.Workday && weekend {
			return fmt.Errorf("days[%d]: %s is a weekend day already off", i, d.Date)
		}
		c.index[dayKey(t)] = d.Workday
	}
	sort.Slice(c.Days, func(i, j int) bool { return c.Days[i].Date < c.Days[j].Date })
	return nil
}

// IsWorkday reports whether the calendar date of t (its own location) is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	if c.index == nil && len(c.Days) > 0 {
		_ = c.Validate()
	}
	if w, ok := c.index[dayKey(t)]; ok {
		return w
	}
	return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
}

// AddWorkdays returns the date of the n-th working day after the date of t:
// a clock of "n working days from receipt" ends at the end of that day. n ≤ 0
// returns t's date.
func (c *Calendar) AddWorkdays(t time.Time, n int) time.Time {
	d := dateOf(t)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// WorkdaysBetween counts the working days after the date of a up to and
// including the date of b (0 when b is not after a).
func (c *Calendar) WorkdaysBetween(a, b time.Time) int {
	n := 0
	for d, end := dateOf(a).AddDate(0, 0, 1), dateOf(b); !d.After(end); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

//go:embed data/*.json
var data embed.FS

// National2026 returns the State Council's 2026 holiday arrangement
// (国务院办公厅关于2026年部分节假日安排的通知) as shipped with the platform,
// marked unverified: a city checks it against the notice and loads its own.
func National2026() *Calendar {
	b, err := data.ReadFile("data/cn-2026.json")
	if err != nil {
		panic(err)
	}
	var c Calendar
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	if err := c.Validate(); err != nil {
		panic(err)
	}
	return &c
}
