// Package cityfile loads a city's registry from a directory of reviewable YAML
// files (see data/liaocheng) into a store. Loading is idempotent: rows are
// matched by their natural keys (codes, credit codes, permit numbers, terminal
// addresses) and updated in place, so a directory can be loaded again after an edit.
package cityfile

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
)

// Counts tells how many rows of each kind a load wrote.
type Counts map[string]int

func (c Counts) String() string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, c[k]))
	}
	return strings.Join(parts, " ")
}

// Files in load order; missing files are skipped.
var order = []string{"regions", "sources", "sectors", "indicators", "caps", "statistics", "sections", "zones", "users", "permits", "points", "units", "tasks", "works", "projects"}

// Load reads the directory's files and writes them to the store.
func Load(ctx context.Context, fsys fs.FS, st sishui.Store) (Counts, error) {
	c := Counts{}
	l := &loader{st: st, counts: c, sections: map[string]int64{}, zones: map[string]int64{}, users: map[string]int64{}, permits: map[string]int64{}}
	for _, name := range order {
		b, err := fs.ReadFile(fsys, name+".yaml")
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return c, err
		}
		if err := l.load(ctx, name, b); err != nil {
			return c, fmt.Errorf("%s.yaml: %w", name, err)
		}
	}
	return c, nil
}

type loader struct {
	st       sishui.Store
	counts   Counts
	sections map[string]int64
	zones    map[string]int64
	users    map[string]int64 // by credit code
	permits  map[string]int64 // by number
}

// decodeYAML decodes YAML into v through JSON, so that the domain types' JSON
// names apply and unknown fields are errors.
func decodeYAML(b []byte, v any) error {
	var raw any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		return err
	}
	j, err := json.Marshal(normalize(raw))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// normalize turns YAML's map[any]any keys (e.g. years) into strings for JSON.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = normalize(e)
		}
		return m
	case map[int]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[strconv.Itoa(k)] = normalize(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = normalize(e)
		}
		return x
	}
	return v
}

func at(i int, err error) error {
	return fmt.Errorf("item %d: %w", i+1, err)
}

func (l *loader) load(ctx context.Context, name string, b []byte) error {
	switch name {
	case "regions":
		var rows []sishui.Region
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertRegion(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
		}
		l.counts["regions"] += len(rows)
	case "sources":
		var rows []sishui.Source
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertSource(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
		}
		l.counts["sources"] += len(rows)
	case "sectors":
		var rows []sishui.Sector
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertSector(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
		}
		l.counts["sectors"] += len(rows)
	case "indicators":
		return l.indicators(ctx, b)
	case "caps":
		var rows []sishui.RegionCap
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertCap(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
		}
		l.counts["caps"] += len(rows)
		return l.checkCaps(ctx, rows)
	case "statistics":
		return l.statistics(ctx, b)
	case "sections":
		var rows []sishui.Section
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertSection(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
			l.sections[rows[i].Code] = rows[i].ID
		}
		l.counts["sections"] += len(rows)
	case "zones":
		var rows []sishui.Zone
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertZone(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
			l.zones[rows[i].Code] = rows[i].ID
		}
		l.counts["zones"] += len(rows)
	case "users":
		return l.usersFile(ctx, b)
	case "permits":
		return l.permitsFile(ctx, b)
	case "points":
		return l.pointsFile(ctx, b)
	default:
		return l.planFile(ctx, name, b)
	}
	return nil
}

type indicatorFile struct {
	Source     string `json:"source"`
	Region     string `json:"region"`
	Indicators []struct {
		sishui.Indicator
		Targets map[string]float64 `json:"targets"`
	} `json:"indicators"`
}

func (l *loader) indicators(ctx context.Context, b []byte) error {
	var f indicatorFile
	if err := decodeYAML(b, &f); err != nil {
		return err
	}
	for i := range f.Indicators {
		ind := f.Indicators[i].Indicator
		if ind.Source == "" {
			ind.Source = f.Source
		}
		if err := l.st.UpsertIndicator(ctx, &ind); err != nil {
			return at(i, err)
		}
		years := make([]string, 0, len(f.Indicators[i].Targets))
		for y := range f.Indicators[i].Targets {
			years = append(years, y)
		}
		sort.Strings(years)
		for _, ys := range years {
			y, err := strconv.Atoi(ys)
			if err != nil {
				return at(i, fmt.Errorf("targets: year %q is not a number", ys))
			}
			t := sishui.Target{Indicator: ind.ID, Region: f.Region, Year: y, Value: f.Indicators[i].Targets[ys]}
			if err := l.st.UpsertTarget(ctx, &t); err != nil {
				return at(i, err)
			}
			l.counts["targets"]++
		}
		l.counts["indicators"]++
	}
	return nil
}

type statisticsFile struct {
	Population2023 map[string]float64 `json:"population_10k_2023"`
	Invented       []sishui.Statistic `json:"invented"`
	Rows           []sishui.Statistic `json:"rows"`
}

func (l *loader) statistics(ctx context.Context, b []byte) error {
	var f statisticsFile
	if err := decodeYAML(b, &f); err != nil {
		return err
	}
	var rows []sishui.Statistic
	regions := make([]string, 0, len(f.Population2023))
	for r := range f.Population2023 {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	for _, r := range regions {
		rows = append(rows, sishui.Statistic{Region: r, Year: 2023, Metric: "population_10k", Value: f.Population2023[r], Source: "2023年聊城市国民经济和社会发展统计公报"})
	}
	for _, s := range f.Invented {
		s.Note = "invented for the demo"
		rows = append(rows, s)
	}
	rows = append(rows, f.Rows...)
	for i := range rows {
		if err := l.st.UpsertStatistic(ctx, &rows[i]); err != nil {
			return at(i, err)
		}
	}
	l.counts["statistics"] += len(rows)
	return nil
}

// File forms of the registry rows: references by natural key, dates as YYYY-MM-DD.

type userRow struct {
	sishui.WaterUser
}

type permitRow struct {
	sishui.Permit
	Holder    string `json:"holder"` // credit code of the water user
	ValidFrom string `json:"valid_from"`
	ValidTo   string `json:"valid_to"`
}

type pointRow struct {
	sishui.Point
	Permit   string `json:"permit"`  // permit number
	Section  string `json:"section"` // section code
	Zone     string `json:"zone"`    // zone code
	Password string `json:"password"`
}

func (l *loader) usersFile(ctx context.Context, b []byte) error {
	var rows []userRow
	if err := decodeYAML(b, &rows); err != nil {
		return err
	}
	for i := range rows {
		u := rows[i].WaterUser
		existing, _, err := l.st.ListWaterUsers(ctx, sishui.WaterUserFilter{Query: u.CreditCode, Page: sishui.Page{Limit: 10}})
		if err != nil {
			return at(i, err)
		}
		for _, e := range existing {
			if e.CreditCode == u.CreditCode {
				u.ID = e.ID
			}
		}
		if u.ID != 0 {
			err = l.st.UpdateWaterUser(ctx, &u)
		} else {
			err = l.st.CreateWaterUser(ctx, &u)
		}
		if err != nil {
			return at(i, err)
		}
		l.users[u.CreditCode] = u.ID
	}
	l.counts["water_users"] += len(rows)
	return nil
}

func parseDay(field, s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, sishui.Invalid(field, "must be YYYY-MM-DD, got %q", s)
	}
	return t, nil
}

func (l *loader) permitsFile(ctx context.Context, b []byte) error {
	var rows []permitRow
	if err := decodeYAML(b, &rows); err != nil {
		return err
	}
	for i := range rows {
		p := rows[i].Permit
		var err error
		if p.ValidFrom, err = parseDay("valid_from", rows[i].ValidFrom); err != nil {
			return at(i, err)
		}
		if p.ValidTo, err = parseDay("valid_to", rows[i].ValidTo); err != nil {
			return at(i, err)
		}
		id, ok := l.users[rows[i].Holder]
		if !ok {
			return at(i, sishui.Invalid("holder", "no water user with credit code %q in users.yaml", rows[i].Holder))
		}
		p.UserID = id
		existing, _, err := l.st.ListPermits(ctx, sishui.PermitFilter{Query: p.Number, Page: sishui.Page{Limit: 10}})
		if err != nil {
			return at(i, err)
		}
		for _, e := range existing {
			if e.Number == p.Number {
				p.ID = e.ID
			}
		}
		if p.ID != 0 {
			err = l.st.UpdatePermit(ctx, &p)
		} else {
			err = l.st.CreatePermit(ctx, &p)
		}
		if err != nil {
			return at(i, err)
		}
		l.permits[p.Number] = p.ID
	}
	l.counts["permits"] += len(rows)
	return nil
}

func (l *loader) pointsFile(ctx context.Context, b []byte) error {
	var rows []pointRow
	if err := decodeYAML(b, &rows); err != nil {
		return err
	}
	for i := range rows {
		p := rows[i].Point
		p.Password = rows[i].Password
		for _, ref := range []struct {
			field, key string
			m          map[string]int64
			dst        *int64
		}{{"permit", rows[i].Permit, l.permits, &p.PermitID}, {"section", rows[i].Section, l.sections, &p.SectionID}, {"zone", rows[i].Zone, l.zones, &p.ZoneID}} {
			if ref.key == "" {
				continue
			}
			id, ok := ref.m[ref.key]
			if !ok {
				return at(i, sishui.Invalid(ref.field, "%q is not defined in this directory", ref.key))
			}
			*ref.dst = id
		}
		existing, err := l.st.PointByCode(ctx, p.Protocol, p.Code)
		switch {
		case err == nil:
			p.ID = existing.ID
			err = l.st.UpdatePoint(ctx, &p)
		case sishui.ErrorCode(err) == sishui.ENOTFOUND:
			err = l.st.CreatePoint(ctx, &p)
		}
		if err != nil {
			return at(i, err)
		}
	}
	l.counts["points"] += len(rows)
	return nil
}

// checkCaps refuses county caps that add up to more than their city's cap in
// the same year: the counties' caps plus the city reserve make the city cap.
func (l *loader) checkCaps(ctx context.Context, rows []sishui.RegionCap) error {
	type key struct {
		region string
		year   int
	}
	cityCap := map[key]int64{}
	sum := map[key]int64{}
	for _, c := range rows {
		r, err := l.st.GetRegion(ctx, c.Region)
		if err != nil {
			return err
		}
		switch {
		case r.Level == sishui.LevelCity:
			cityCap[key{c.Region, c.Year}] = c.TotalM3
		case r.Level == sishui.LevelCounty && r.Parent != "":
			sum[key{r.Parent, c.Year}] += c.TotalM3
		}
	}
	for k, v := range sum {
		if c, ok := cityCap[k]; ok && v > c {
			return fmt.Errorf("%d: county caps add up to %d m³, more than the city %s cap %d m³", k.year, v, k.region, c)
		}
	}
	return nil
}
