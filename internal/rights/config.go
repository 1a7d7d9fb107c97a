package rights

import (
	"fmt"
	"time"

	"github.com/sishui/sishui"
)

// Config holds the market's configurable rules. DOMAIN.md §5 marks the
// procedure of the 2016 measures, the later articles of the 2024 trading
// rules and 聊城市水权交易实施办法 unverified: every such value is here, with
// its default, and Settings says which are unverified.
type Config struct {
	// NoticeWorkingDays is the length of the public notice (公示) in working
	// days. No source found; default 10, unverified.
	NoticeWorkingDays int
	// ApprovalWorkingDays is how long the authority has to decide a
	// withdrawal-right transfer (2016 measures: 20 working days, unverified).
	ApprovalWorkingDays int
	// IrrigationNoApprovalYears: irrigation trades with a term up to this many
	// years need no approval, longer ones are filed (2016 measures: 1 year, unverified).
	IrrigationNoApprovalYears int
	// MaxTermYears is the longest term of a listing (default 10, as a permit's
	// longest term; unverified for regional trades).
	MaxTermYears int
	// UseCountedOn says whose total-use indicator counts traded regional water
	// during the term: "buyer" (default, unverified; the effective caps move)
	// or "seller" (the 2016 measures, unverified; the caps stay).
	UseCountedOn string
	// Holidays are the non-working weekdays (法定节假日) the notice skips;
	// WorkDays are the weekend days worked (调休).
	Holidays []time.Time
	WorkDays []time.Time
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{NoticeWorkingDays: 10, ApprovalWorkingDays: 20, IrrigationNoApprovalYears: 1, MaxTermYears: 10, UseCountedOn: "buyer"}
}

// Setting is one configurable rule, for the README and the CLI.
type Setting struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Verified bool   `json:"verified"`
	Basis    string `json:"basis"`
}

// Settings lists the configuration with its standing.
func (c Config) Settings() []Setting {
	return []Setting{
		{"notice_working_days", fmt.Sprint(c.NoticeWorkingDays), false, "no source found (2024 rules' later articles unread)"},
		{"approval_working_days", fmt.Sprint(c.ApprovalWorkingDays), false, "水权交易管理暂行办法 2016, text not seen"},
		{"irrigation_no_approval_years", fmt.Sprint(c.IrrigationNoApprovalYears), false, "水权交易管理暂行办法 2016, text not seen"},
		{"max_term_years", fmt.Sprint(c.MaxTermYears), false, "a permit's longest term (取水条例 art. 25) applied to all trades"},
		{"use_counted_on", c.UseCountedOn, false, "issue 14 default buyer; the 2016 measures say seller"},
	}
}

// Validate checks the configuration.
func (c Config) Validate() error {
	switch {
	case c.NoticeWorkingDays < 0:
		return sishui.Invalid("notice_working_days", "must not be negative")
	case c.IrrigationNoApprovalYears < 0:
		return sishui.Invalid("irrigation_no_approval_years", "must not be negative")
	case c.MaxTermYears <= 0:
		return sishui.Invalid("max_term_years", "must be positive")
	case c.UseCountedOn != "buyer" && c.UseCountedOn != "seller":
		return sishui.Invalid("use_counted_on", "must be buyer or seller")
	}
	return nil
}

// NoticeEnd returns the last day of a public notice starting on start (the
// first working day on or after start counts as day one). Zero working days
// means no notice: it ended the day before start, so the trade can be decided
// on the day it is made.
func (c Config) NoticeEnd(start time.Time) time.Time {
	if c.NoticeWorkingDays <= 0 {
		return Day(start).AddDate(0, 0, -1)
	}
	d := Day(start)
	for n := 0; ; d = d.AddDate(0, 0, 1) {
		if c.working(d) {
			n++
			if n >= c.NoticeWorkingDays {
				return d
			}
		}
	}
}

func (c Config) working(d time.Time) bool {
	for _, w := range c.WorkDays {
		if Day(w).Equal(d) {
			return true
		}
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	for _, h := range c.Holidays {
		if Day(h).Equal(d) {
			return false
		}
	}
	return true
}
