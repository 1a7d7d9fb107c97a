package indicator

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Errors returned by the accounting; compare with errors.Is.
var (
	ErrInvalidRecord = errors.New("invalid volume record")
	ErrUnknownRegion = errors.New("unknown region")
	ErrNotInRollup   = errors.New("record not in rollup")
	ErrNoTarget      = errors.New("no target for year")
	ErrInvalidInput  = errors.New("invalid input")
)

// Basis says how a volume was obtained.
type Basis uint8

const (
	Measured  Basis = iota // read from a meter or online monitoring
	Estimated              // derived indirectly (以电折水, sampling, quota × area)
	Entered                // entered by a person (statistics, reports)
	numBasis
)

var basisNames = [numBasis]string{"measured", "estimated", "entered"}

func (b Basis) String() string {
	if b < numBasis {
		return basisNames[b]
	}
	return fmt.Sprintf("Basis(%d)", uint8(b))
}

// MarshalText encodes the basis as its name.
func (b Basis) MarshalText() ([]byte, error) {
	if b >= numBasis {
		return nil, fmt.Errorf("indicator: basis %d: %w", uint8(b), ErrInvalidInput)
	}
	return []byte(basisNames[b]), nil
}

// UnmarshalText decodes "measured", "estimated" or "entered".
func (b *Basis) UnmarshalText(p []byte) error {
	for i, n := range basisNames {
		if string(p) == n {
			*b = Basis(i)
			return nil
		}
	}
	return fmt.Errorf("indicator: basis %q: %w", p, ErrInvalidInput)
}

// Date is a civil calendar day. Accounting days are Beijing-time days.
type Date struct {
	Year  int16
	Month time.Month
	Day   uint8
}

// D returns the date y-m-d.
func D(y int, m time.Month, d int) Date { return Date{int16(y), m, uint8(d)} }

var beijing = time.FixedZone("CST", 8*3600)

// DateOf returns the Beijing-time calendar day of t.
func DateOf(t time.Time) Date {
	y, m, d := t.In(beijing).Date()
	return D(y, m, d)
}

// Valid reports whether d is a real calendar day.
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return int(d.Day) <= daysIn(int(d.Year), d.Month)
}

// YearDay returns the day of the year, 1..366.
func (d Date) YearDay() int {
	return time.Date(int(d.Year), d.Month, int(d.Day), 0, 0, 0, 0, time.UTC).YearDay()
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func daysInYear(y int) int { return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() }

// Record is one daily volume of one point, tagged with the leaf region it is in
// (a county, a zone or, for city-level works, the city), its source and sector.
type Record struct {
	Point    string // monitoring point or entry id; informational
	Region   string
	Source   string // e.g. "surface", "groundwater", "yellow", "yangtze", "reclaimed", "stormwater"
	Sector   string // e.g. "domestic", "industry", "agriculture", "ecology"
	Day      Date
	VolumeM3 float64
	Basis    Basis
}

// Litres returns the record's volume rounded to whole litres.
func (r Record) Litres() int64 { return int64(math.Round(r.VolumeM3 * 1000)) }

func (r Record) validate() error {
	switch {
	case r.Region == "":
		return fmt.Errorf("indicator: record %s: empty region: %w", r.Point, ErrInvalidRecord)
	case r.Source == "" || r.Sector == "":
		return fmt.Errorf("indicator: record %s: empty source or sector: %w", r.Point, ErrInvalidRecord)
	case !r.Day.Valid():
		return fmt.Errorf("indicator: record %s: bad day %v: %w", r.Point, r.Day, ErrInvalidRecord)
	case math.IsNaN(r.VolumeM3) || math.IsInf(r.VolumeM3, 0) || r.VolumeM3 < 0 || r.VolumeM3 > 1e12:
		return fmt.Errorf("indicator: record %s: volume %v m3: %w", r.Point, r.VolumeM3, ErrInvalidRecord)
	case r.Basis >= numBasis:
		return fmt.Errorf("indicator: record %s: basis %d: %w", r.Point, r.Basis, ErrInvalidRecord)
	}
	return nil
}

// Grain is the time resolution of a rollup period.
type Grain uint8

const (
	ByDay Grain = iota
	ByMonth
	ByYear
	numGrain
)

func (g Grain) String() string {
	switch g {
	case ByDay:
		return "day"
	case ByMonth:
		return "month"
	case ByYear:
		return "year"
	}
	return fmt.Sprintf("Grain(%d)", uint8(g))
}

// Period is a day, a month (Day 0) or a year (Month and Day 0).
type Period struct {
	Year  int16
	Month time.Month
	Day   uint8
}

// DayPeriod, MonthPeriod and YearPeriod build periods.
func DayPeriod(d Date) Period                { return Period(d) }
func MonthPeriod(y int, m time.Month) Period { return Period{Year: int16(y), Month: m} }
func YearPeriod(y int) Period                { return Period{Year: int16(y)} }
func (p Period) Grain() Grain {
	switch {
	case p.Day != 0:
		return ByDay
	case p.Month != 0:
		return ByMonth
	}
	return ByYear
}

// Dim is a region × source × sector cell.
type Dim struct {
	Region, Source, Sector string
}

// Totals are volumes split by basis.
type Totals struct {
	Litres  [numBasis]int64 // exact sums in litres
	Records [numBasis]int64 // number of records summed
}

// Add adds u to t.
func (t *Totals) Add(u Totals) {
	for i := range t.Litres {
		t.Litres[i] += u.Litres[i]
		t.Records[i] += u.Records[i]
	}
}

// TotalLitres is the total volume in litres.
func (t Totals) TotalLitres() int64 {
	var s int64
	for _, l := range t.Litres {
		s += l
	}
	return s
}

// VolumeM3 is the total volume in m3.
func (t Totals) VolumeM3() float64 { return float64(t.TotalLitres()) / 1000 }

// BasisM3 is the volume of one basis in m3.
func (t Totals) BasisM3(b Basis) float64 { return float64(t.Litres[b]) / 1000 }

// Share is the fraction (0..1) of the volume with basis b; 0 when the total is 0.
func (t Totals) Share(b Basis) float64 {
	tot := t.TotalLitres()
	if tot == 0 || b >= numBasis {
		return 0
	}
	return float64(t.Litres[b]) / float64(tot)
}

// IsZero reports whether nothing is summed in t.
func (t Totals) IsZero() bool { return t == Totals{} }

// Rollup holds totals by region × source × sector for every day, month and year
// that has data. It is updated incrementally with Add, Sub and Replace and gives
// the same result as building it again from the corrected records. Not safe for
// concurrent use.
type Rollup struct {
	h     *Hierarchy
	cells [numGrain]map[Period]map[Dim]*Totals
}

// NewRollup returns an empty rollup. With a non-nil hierarchy, records must name
// a region of it and queries for a region include its descendants; with nil,
// regions are matched exactly.
func NewRollup(h *Hierarchy) *Rollup {
	r := &Rollup{h: h}
	for g := range r.cells {
		r.cells[g] = make(map[Period]map[Dim]*Totals)
	}
	return r
}

// Recompute builds a rollup from records.
func Recompute(h *Hierarchy, records []Record) (*Rollup, error) {
	r := NewRollup(h)
	for i, rec := range records {
		if err := r.Add(rec); err != nil {
			return nil, fmt.Errorf("indicator: recompute record %d: %w", i, err)
		}
	}
	return r, nil
}

func periods(d Date) [numGrain]Period {
	return [numGrain]Period{DayPeriod(d), MonthPeriod(int(d.Year), d.Month), YearPeriod(int(d.Year))}
}

func (r *Rollup) check(rec Record) error {
	if err := rec.validate(); err != nil {
		return err
	}
	if r.h != nil && !r.h.Has(rec.Region) {
		return fmt.Errorf("indicator: record %s: region %q: %w", rec.Point, rec.Region, ErrUnknownRegion)
	}
	return nil
}

// Add adds one record to every grain.
func (r *Rollup) Add(rec Record) error {
	if err := r.check(rec); err != nil {
		return err
	}
	dim := Dim{rec.Region, rec.Source, rec.Sector}
	l := rec.Litres()
	for g, p := range periods(rec.Day) {
		m := r.cells[g][p]
		if m == nil {
			m = make(map[Dim]*Totals)
			r.cells[g][p] = m
		}
		t := m[dim]
		if t == nil {
			t = new(Totals)
			m[dim] = t
		}
		t.Litres[rec.Basis] += l
		t.Records[rec.Basis]++
	}
	return nil
}

// Sub removes a record added before (for instance the old version of a corrected
// record). It fails with ErrNotInRollup, changing nothing, if no such record can
// have been added (its cell lacks a record of that basis or enough volume).
func (r *Rollup) Sub(rec Record) error {
	if err := r.check(rec); err != nil {
		return err
	}
	dim := Dim{rec.Region, rec.Source, rec.Sector}
	l := rec.Litres()
	ps := periods(rec.Day)
	for g, p := range ps {
		t := r.cells[g][p][dim]
		if t == nil || t.Records[rec.Basis] == 0 || t.Litres[rec.Basis] < l {
			return fmt.Errorf("indicator: subtract %s %v %v: %w", rec.Point, dim, rec.Day, ErrNotInRollup)
		}
	}
	for g, p := range ps {
		m := r.cells[g][p]
		t := m[dim]
		t.Litres[rec.Basis] -= l
		t.Records[rec.Basis]--
		if t.IsZero() {
			delete(m, dim)
			if len(m) == 0 {
				delete(r.cells[g], p)
			}
		}
	}
	return nil
}

// Replace swaps a corrected record: it subtracts old and adds new, or changes
// nothing if either step fails.
func (r *Rollup) Replace(old, new Record) error {
	if err := r.check(new); err != nil {
		return err
	}
	if err := r.Sub(old); err != nil {
		return err
	}
	if err := r.Add(new); err != nil { // cannot fail after check; keep the rollup whole anyway
		_ = r.Add(old)
		return err
	}
	return nil
}

// Filter selects cells. Empty fields match everything; Region matches the region
// and, with a hierarchy, all its descendants.
type Filter struct {
	Region  string
	Sources []string // any of these; empty = all
	Sectors []string // any of these; empty = all
}

func (r *Rollup) match(f Filter, d Dim) bool {
	if f.Region != "" {
		if r.h != nil {
			if !r.h.Within(d.Region, f.Region) {
				return false
			}
		} else if d.Region != f.Region {
			return false
		}
	}
	if len(f.Sources) > 0 && !contains(f.Sources, d.Source) {
		return false
	}
	if len(f.Sectors) > 0 && !contains(f.Sectors, d.Sector) {
		return false
	}
	return true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Total sums the cells of period p that match f.
func (r *Rollup) Total(p Period, f Filter) Totals {
	var t Totals
	for d, c := range r.cells[p.Grain()][p] {
		if r.match(f, d) {
			t.Add(*c)
		}
	}
	return t
}

// Cells returns the matching cells of period p, one per region × source × sector.
func (r *Rollup) Cells(p Period, f Filter) map[Dim]Totals {
	out := make(map[Dim]Totals)
	for d, c := range r.cells[p.Grain()][p] {
		if r.match(f, d) {
			out[d] = *c
		}
	}
	return out
}

// Months returns the twelve monthly totals of year for f (index 0 = January).
func (r *Rollup) Months(year int, f Filter) [12]Totals {
	var out [12]Totals
	for m := time.January; m <= time.December; m++ {
		out[m-1] = r.Total(MonthPeriod(year, m), f)
	}
	return out
}

// YearToDate sums f from 1 January of through's year to through, inclusive,
// using whole months and then days.
func (r *Rollup) YearToDate(through Date, f Filter) Totals {
	var t Totals
	y := int(through.Year)
	for m := time.January; m < through.Month; m++ {
		t.Add(r.Total(MonthPeriod(y, m), f))
	}
	if int(through.Day) == daysIn(y, through.Month) {
		t.Add(r.Total(MonthPeriod(y, through.Month), f))
		return t
	}
	for d := 1; d <= int(through.Day); d++ {
		t.Add(r.Total(DayPeriod(D(y, through.Month, d)), f))
	}
	return t
}

// ByRegion returns the totals of period p for each of regions (each including its
// descendants when the rollup has a hierarchy), with the other filters of f.
func (r *Rollup) ByRegion(p Period, regions []string, f Filter) map[string]Totals {
	out := make(map[string]Totals, len(regions))
	for _, reg := range regions {
		g := f
		g.Region = reg
		out[reg] = r.Total(p, g)
	}
	return out
}

// Equal reports whether r and s hold the same totals in every cell.
func (r *Rollup) Equal(s *Rollup) bool {
	for g := range r.cells {
		if len(r.cells[g]) != len(s.cells[g]) {
			return false
		}
		for p, m := range r.cells[g] {
			n := s.cells[g][p]
			if len(m) != len(n) {
				return false
			}
			for d, t := range m {
				u := n[d]
				if u == nil || *t != *u {
					return false
				}
			}
		}
	}
	return true
}
