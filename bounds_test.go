package sishui

import (
	"strings"
	"testing"
	"time"
)

func TestBounds(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		ok   bool
	}{
		{"year 1949", CheckYear("year", 1949), true},
		{"year 1948", CheckYear("year", 1948), false},
		{"year 2200", CheckYear("year", 2200), true},
		{"year 2201", CheckYear("year", 2201), false},
		{"date 0001", CheckDate("valid_from", time.Time{}), false},
		{"date 2026", CheckDate("valid_from", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), true},
		{"volume 1e12", CheckVolume("annual_m3", 1e12), true},
		{"volume 1e12+1", CheckVolume("annual_m3", 1e12+1), false},
		{"volume negative", CheckVolume("annual_m3", -1), false},
		{"name 200 runes", CheckName("name", strings.Repeat("水", 200)), true},
		{"name 201 runes", CheckName("name", strings.Repeat("水", 201)), false},
		{"name NUL", CheckName("name", "a\x00"), false},
		{"name ESC", CheckName("name", "a\x1b[0m"), false},
		{"name newline", CheckName("name", "a\nb"), false},
		{"name RLO", CheckName("name", "a\u202Eb"), false},
		{"name LRI", CheckName("name", "a\u2066b"), false},
		{"name bad UTF-8", CheckName("name", "a\xffb"), false},
		{"name C1 control", CheckName("name", "a\u0085b"), false},
		{"note with lines", CheckNote("note", "第一行\n第二行\t完"), true},
		{"note 2001", CheckNote("note", strings.Repeat("x", 2001)), false},
		{"note ESC", CheckNote("note", "\x1b"), false},
		{"password 4 hex", CheckTerminalPassword("password", "12aF"), true},
		{"password 5 hex", CheckTerminalPassword("password", "12345"), false},
		{"password not hex", CheckTerminalPassword("password", "12G4"), false},
	} {
		if (tc.err == nil) != tc.ok {
			t.Errorf("%s: %v", tc.name, tc.err)
		}
		if tc.err != nil && ErrorField(tc.err) == "" {
			t.Errorf("%s: no field in %v", tc.name, tc.err)
		}
	}
	// The permit's bounds reach Validate, including an overflowing monthly plan.
	p := Permit{Number: "P", UserID: 1, Region: "371502", Source: "yellow_river", Sector: "industry", AnnualM3: 100, Status: PermitActive,
		ValidFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		field string
		edit  func(p *Permit)
	}{
		{"annual_m3", func(p *Permit) { p.AnnualM3 = 2e12 }},
		{"monthly_plan_m3", func(p *Permit) {
			p.MonthlyPlanM3 = []int64{1 << 62, 1 << 62, 1 << 62, 1 << 62, 0, 0, 0, 0, 0, 0, 0, 0}
		}},
		{"valid_from", func(p *Permit) { p.ValidFrom = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"note", func(p *Permit) { p.Note = strings.Repeat("注", 2001) }},
		{"intake_name", func(p *Permit) { p.IntakeName = "取水口\u202E" }},
	} {
		q := p
		tc.edit(&q)
		if err := q.Validate(); ErrorField(err) != tc.field {
			t.Errorf("%s: %v", tc.field, err)
		}
	}
}
