package permitting

import (
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// synthetic: a week of holidays 2030-03-04..08 (Mon–Fri) and a worked Saturday 2030-03-09.
func synthetic(t *testing.T) *Calendar {
	c := &Calendar{Name: "test", Days: []Day{
		{Date: "2030-03-04"}, {Date: "2030-03-05"}, {Date: "2030-03-06"}, {Date: "2030-03-07"}, {Date: "2030-03-08"},
		{Date: "2030-03-09", Workday: true},
	}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAddWorkdays(t *testing.T) {
	c := synthetic(t)
	for _, tc := range []struct {
		name, from string
		n          int
		want       string
	}{
		{"plain week", "2030-02-18", 5, "2030-02-25"},        // Mon + 5 → next Mon
		{"into holiday week", "2030-02-25", 5, "2030-03-09"}, // Tue–Fri = 4, 03-04..08 off, worked Sat 03-09 = 5th
		{"zero", "2030-02-25", 0, "2030-02-25"},
		{"over holiday week", "2030-03-01", 1, "2030-03-09"}, // Fri → worked Saturday
		{"over holiday week 2", "2030-03-01", 2, "2030-03-11"},
		{"weekend start", "2030-03-16", 1, "2030-03-18"},
	} {
		got := c.AddWorkdays(date(tc.from), tc.n)
		if got.Format(time.DateOnly) != tc.want {
			t.Errorf("%s: AddWorkdays(%s, %d) = %s, want %s", tc.name, tc.from, tc.n, got.Format(time.DateOnly), tc.want)
		}
	}
	if n := c.WorkdaysBetween(date("2030-03-01"), date("2030-03-11")); n != 2 {
		t.Errorf("WorkdaysBetween = %d, want 2", n)
	}
	if n := c.WorkdaysBetween(date("2030-03-11"), date("2030-03-01")); n != 0 {
		t.Errorf("WorkdaysBetween reversed = %d, want 0", n)
	}
}

func TestCalendarValidate(t *testing.T) {
	for name, days := range map[string][]Day{
		"bad date":        {{Date: "2030-13-01"}},
		"duplicate":       {{Date: "2030-03-04"}, {Date: "2030-03-04"}},
		"worked weekday":  {{Date: "2030-03-04", Workday: true}},
		"weekend day off": {{Date: "2030-03-09"}},
	} {
		c := &Calendar{Days: days}
		if err := c.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestNational2026(t *testing.T) {
	c := National2026()
	if c.Verified {
		t.Error("the shipped 2026 calendar must be marked unverified")
	}
	// 国庆: Oct 1–7 off, Sep 20 (Sun) and Oct 10 (Sat) worked.
	for d, want := range map[string]bool{"2026-10-01": false, "2026-10-07": false, "2026-10-08": true, "2026-10-10": true, "2026-09-20": true, "2026-02-16": false, "2026-03-02": true} {
		if got := c.IsWorkday(date(d)); got != want {
			t.Errorf("IsWorkday(%s) = %v, want %v", d, got, want)
		}
	}
	// 45 working days from acceptance on 2026-09-01, counted by hand:
	// September 21 (the 20th worked, the 25th off), October 18 (1–7 off, the
	// 10th worked) = 39; November 2–6 = 44; the 45th is Monday 9 November.
	got := c.AddWorkdays(date("2026-09-01"), 45)
	if got.Format(time.DateOnly) != "2026-11-09" {
		t.Errorf("45 working days from 2026-09-01 = %s", got.Format(time.DateOnly))
	}
}
