package quality

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"time"

	"gopkg.in/yaml.v3"
)

// SeriesType says how the values of a metric relate to each other in time.
type SeriesType string

// Series types.
const (
	Instant    SeriesType = "instant"    // a state at an instant: level, flow, depth, voltage (the default)
	Cumulative SeriesType = "cumulative" // a register that only counts up: meter totals; a drop is a rollback
	Increment  SeriesType = "increment"  // a quantity over the report interval: rain, interval volume; never negative
)

// Limits are the check settings of one metric. Every field is optional: a nil
// field is inherited from the layer below (see Config.Limits). A nil or NaN
// bound means no bound (write .nan in YAML to remove an inherited bound); a
// zero rate, count, threshold or age disables its check.
type Limits struct {
	Series SeriesType `yaml:"series,omitempty"`

	HardMin *float64 `yaml:"hard_min,omitempty"` // below: FlagHardRange
	HardMax *float64 `yaml:"hard_max,omitempty"` // above: FlagHardRange
	SoftMin *float64 `yaml:"soft_min,omitempty"` // below (within the hard range): FlagSoftRange
	SoftMax *float64 `yaml:"soft_max,omitempty"` // above (within the hard range): FlagSoftRange

	// MaxRatePerHour is the largest plausible |change| per hour, in the
	// metric's unit, between consecutive values of a series.
	MaxRatePerHour *float64 `yaml:"max_rate_per_hour,omitempty"`

	// FlatLineCount is how many consecutive values within FlatLineTolerance of
	// the first of them make a flat line; the count-th and later are flagged.
	FlatLineCount     *int     `yaml:"flat_line_count,omitempty"`
	FlatLineTolerance *float64 `yaml:"flat_line_tolerance,omitempty"`

	// SpikeAbs and SpikeRel are the spike thresholds: a value differing from a
	// neighbour by more than SpikeAbs (absolute) and more than SpikeRel × |the
	// neighbour| (relative). Each one that is set must be exceeded.
	SpikeAbs *float64 `yaml:"spike_abs,omitempty"`
	SpikeRel *float64 `yaml:"spike_rel,omitempty"`

	// FutureTolerance is how far past "now" an observation time may be before
	// FlagFutureTimestamp (terminal clocks drift). Nil disables the check.
	FutureTolerance *time.Duration `yaml:"future_tolerance,omitempty"`
	// MaxAge is how far before "now" an observation time may be before
	// FlagTooOld (late store-and-forward reports). Zero disables the check.
	MaxAge *time.Duration `yaml:"max_age,omitempty"`
}

// PointConfig overrides the limits of one point.
type PointConfig struct {
	Kind    string            `yaml:"kind,omitempty"`    // the point kind; empty: ask the Checker's KindOf
	Metrics map[string]Limits `yaml:"metrics,omitempty"` // per-metric overrides
}

// Config holds the limits of every check in layers; Limits explains the order.
// Metric and kind names are those of the root package (volume_m3, flow_m3s …;
// withdrawal, river, groundwater …).
type Config struct {
	Defaults Limits                       `yaml:"defaults,omitempty"` // for every metric
	Metrics  map[string]Limits            `yaml:"metrics,omitempty"`  // per metric, any kind
	Kinds    map[string]map[string]Limits `yaml:"kinds,omitempty"`    // per point kind, then metric
	Points   map[int64]PointConfig        `yaml:"points,omitempty"`   // per point
}

// ErrInvalidConfig is wrapped by every configuration error.
var ErrInvalidConfig = errors.New("invalid quality config")

//go:embed defaults.yaml
var defaultsYAML []byte

// DefaultConfig returns the built-in limits of defaults.yaml.
func DefaultConfig() Config {
	c, err := decodeConfig(defaultsYAML)
	if err == nil {
		err = c.Validate()
	}
	if err != nil {
		panic("quality: embedded defaults.yaml: " + err.Error()) // a build defect, caught by the tests
	}
	return c
}

// ParseConfig reads a YAML configuration and lays it over DefaultConfig:
// fields given in data replace the defaults one by one. Unknown keys are errors.
func ParseConfig(data []byte) (Config, error) {
	over, err := decodeConfig(data)
	if err != nil {
		return Config{}, err
	}
	c := DefaultConfig().Merge(over)
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

func decodeConfig(data []byte) (Config, error) {
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("quality: config: %w: %w", ErrInvalidConfig, err)
	}
	return c, nil
}

// Merge returns c with o laid over it, field by field: any field set in o
// replaces the one in c. Neither input is modified.
func (c Config) Merge(o Config) Config {
	out := Config{
		Defaults: c.Defaults.Merge(o.Defaults),
		Metrics:  mergeMetrics(c.Metrics, o.Metrics),
		Kinds:    make(map[string]map[string]Limits, len(c.Kinds)+len(o.Kinds)),
		Points:   make(map[int64]PointConfig, len(c.Points)+len(o.Points)),
	}
	for k, m := range c.Kinds {
		out.Kinds[k] = mergeMetrics(m, nil)
	}
	for k, m := range o.Kinds {
		out.Kinds[k] = mergeMetrics(out.Kinds[k], m)
	}
	for p, pc := range c.Points {
		out.Points[p] = PointConfig{Kind: pc.Kind, Metrics: mergeMetrics(pc.Metrics, nil)}
	}
	for p, pc := range o.Points {
		prev := out.Points[p]
		if pc.Kind != "" {
			prev.Kind = pc.Kind
		}
		prev.Metrics = mergeMetrics(prev.Metrics, pc.Metrics)
		out.Points[p] = prev
	}
	return out
}

func mergeMetrics(a, b map[string]Limits) map[string]Limits {
	out := make(map[string]Limits, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = out[k].Merge(v)
	}
	return out
}

// Merge returns l with every field set in o replacing the one in l.
func (l Limits) Merge(o Limits) Limits {
	if o.Series != "" {
		l.Series = o.Series
	}
	pick(&l.HardMin, o.HardMin)
	pick(&l.HardMax, o.HardMax)
	pick(&l.SoftMin, o.SoftMin)
	pick(&l.SoftMax, o.SoftMax)
	pick(&l.MaxRatePerHour, o.MaxRatePerHour)
	pick(&l.FlatLineCount, o.FlatLineCount)
	pick(&l.FlatLineTolerance, o.FlatLineTolerance)
	pick(&l.SpikeAbs, o.SpikeAbs)
	pick(&l.SpikeRel, o.SpikeRel)
	pick(&l.FutureTolerance, o.FutureTolerance)
	pick(&l.MaxAge, o.MaxAge)
	return l
}

func pick[T any](dst **T, src *T) {
	if src != nil {
		v := *src
		*dst = &v
	}
}

// Limits returns the settings of one metric at one point of the given kind,
// laid over each other in this order, later layers winning field by field:
// Defaults, Metrics[metric], Kinds[kind][metric], Points[point].Metrics[metric].
// A kind set in Points[point] replaces the kind argument.
func (c Config) Limits(kind string, point int64, metric string) Limits {
	l := c.Defaults
	l = l.Merge(c.Metrics[metric])
	pc, ok := c.Points[point]
	if ok && pc.Kind != "" {
		kind = pc.Kind
	}
	l = l.Merge(c.Kinds[kind][metric])
	if ok {
		l = l.Merge(pc.Metrics[metric])
	}
	return l
}

// Validate checks every layer on its own and every resolved (kind, metric)
// and (point, metric) combination.
func (c Config) Validate() error {
	check := func(where string, l Limits) error {
		if err := l.validate(); err != nil {
			return fmt.Errorf("quality: config %s: %w: %w", where, ErrInvalidConfig, err)
		}
		return nil
	}
	if err := check("defaults", c.Defaults); err != nil {
		return err
	}
	for _, m := range sortedKeys(c.Metrics) {
		if err := check("metrics."+m, c.Defaults.Merge(c.Metrics[m])); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(c.Kinds) {
		for _, m := range sortedKeys(c.Kinds[k]) {
			if err := check("kinds."+k+"."+m, c.Limits(k, math.MinInt64, m)); err != nil {
				return err
			}
		}
	}
	points := make([]int64, 0, len(c.Points))
	for p := range c.Points {
		points = append(points, p)
	}
	sort.Slice(points, func(i, j int) bool { return points[i] < points[j] })
	for _, p := range points {
		for _, m := range sortedKeys(c.Points[p].Metrics) {
			if err := check(fmt.Sprintf("points.%d.%s", p, m), c.Limits("", p, m)); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (l Limits) validate() error {
	switch l.Series {
	case "", Instant, Cumulative, Increment:
	default:
		return fmt.Errorf("series %q is not instant, cumulative or increment", l.Series)
	}
	hmin, hmax, smin, smax := bound(l.HardMin, -1), bound(l.HardMax, 1), bound(l.SoftMin, -1), bound(l.SoftMax, 1)
	switch {
	case hmin > hmax:
		return fmt.Errorf("hard_min %g > hard_max %g", hmin, hmax)
	case smin > smax:
		return fmt.Errorf("soft_min %g > soft_max %g", smin, smax)
	case smin < hmin && !math.IsInf(smin, -1):
		return fmt.Errorf("soft_min %g < hard_min %g", smin, hmin)
	case smax > hmax && !math.IsInf(smax, 1):
		return fmt.Errorf("soft_max %g > hard_max %g", smax, hmax)
	}
	for name, p := range map[string]*float64{
		"max_rate_per_hour": l.MaxRatePerHour, "flat_line_tolerance": l.FlatLineTolerance,
		"spike_abs": l.SpikeAbs, "spike_rel": l.SpikeRel,
	} {
		if p != nil && !(*p >= 0 && !math.IsInf(*p, 1)) {
			return fmt.Errorf("%s must be a finite number ≥ 0, got %g", name, *p)
		}
	}
	if l.FlatLineCount != nil && (*l.FlatLineCount < 0 || *l.FlatLineCount == 1) {
		return fmt.Errorf("flat_line_count must be 0 (off) or ≥ 2, got %d", *l.FlatLineCount)
	}
	if l.FutureTolerance != nil && *l.FutureTolerance < 0 {
		return fmt.Errorf("future_tolerance must not be negative, got %v", *l.FutureTolerance)
	}
	if l.MaxAge != nil && *l.MaxAge < 0 {
		return fmt.Errorf("max_age must not be negative, got %v", *l.MaxAge)
	}
	return nil
}

// bound returns *p, or ±Inf (by sign) when p is nil or NaN.
func bound(p *float64, sign int) float64 {
	if p == nil || math.IsNaN(*p) {
		return math.Inf(sign)
	}
	return *p
}

// rules are resolved Limits in the form the checks use.
type rules struct {
	series                             SeriesType
	hardMin, hardMax, softMin, softMax float64 // ±Inf when unset
	maxRatePerHour                     float64 // 0: off
	flatCount                          int     // 0: off
	flatTol                            float64
	spikeAbs, spikeRel                 float64 // 0: not used; both 0: off
	futureOn                           bool
	future, maxAge                     time.Duration // maxAge 0: off
}

func (l Limits) rules() rules {
	r := rules{
		series:  l.Series,
		hardMin: bound(l.HardMin, -1), hardMax: bound(l.HardMax, 1),
		softMin: bound(l.SoftMin, -1), softMax: bound(l.SoftMax, 1),
	}
	if r.series == "" {
		r.series = Instant
	}
	val := func(p *float64) float64 {
		if p == nil || !(*p > 0) {
			return 0
		}
		return *p
	}
	r.maxRatePerHour = val(l.MaxRatePerHour)
	r.flatTol = val(l.FlatLineTolerance)
	r.spikeAbs, r.spikeRel = val(l.SpikeAbs), val(l.SpikeRel)
	if l.FlatLineCount != nil && *l.FlatLineCount >= 2 {
		r.flatCount = *l.FlatLineCount
	}
	if l.FutureTolerance != nil {
		r.futureOn, r.future = true, *l.FutureTolerance
	}
	if l.MaxAge != nil && *l.MaxAge > 0 {
		r.maxAge = *l.MaxAge
	}
	return r
}
