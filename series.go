package sishui

import (
	"context"
	"encoding/json"
	"strconv"
	"time"
)

// Metric identifies what a sample measures. The numbers are stored; never renumber.
type Metric uint16

// Metrics, each with its unit in the name.
const (
	MetricVolumeM3      Metric = 1  // cumulative meter reading, m³ (after the multiplier)
	MetricFlowM3s       Metric = 2  // instantaneous flow, m³/s
	MetricLevelM        Metric = 3  // water level (stage), m
	MetricDepthM        Metric = 4  // groundwater depth below ground, m
	MetricRainMM        Metric = 5  // rainfall in the interval, mm
	MetricVoltageV      Metric = 6  // supply voltage, V
	MetricEnergyKWh     Metric = 7  // cumulative electricity, kWh (以电折水)
	MetricPumpState     Metric = 8  // pump/gate state word
	MetricAlarm         Metric = 9  // alarm/status word
	MetricIntervalM3    Metric = 10 // derived interval volume, m³
	MetricReinjectM3    Metric = 11 // cumulative reinjection volume (geothermal), m³
	MetricTemperatureC  Metric = 12 // water temperature, °C
	MetricPressureMPa   Metric = 13 // pipe pressure, MPa
	MetricStorage10kM3  Metric = 14 // reservoir storage, 万m³
	MetricGroundLevelM  Metric = 15 // groundwater level (elevation), m
	MetricDailyVolumeM3 Metric = 16 // daily volume reported by the terminal, m³
)

var metricNames = map[Metric]string{
	MetricVolumeM3: "volume_m3", MetricFlowM3s: "flow_m3s", MetricLevelM: "level_m",
	MetricDepthM: "depth_m", MetricRainMM: "rain_mm", MetricVoltageV: "voltage_v",
	MetricEnergyKWh: "energy_kwh", MetricPumpState: "pump_state", MetricAlarm: "alarm",
	MetricIntervalM3: "interval_m3", MetricReinjectM3: "reinject_m3", MetricTemperatureC: "temperature_c",
	MetricPressureMPa: "pressure_mpa", MetricStorage10kM3: "storage_10k_m3", MetricGroundLevelM: "ground_level_m",
	MetricDailyVolumeM3: "daily_volume_m3",
}

var metricByName = func() map[string]Metric {
	m := make(map[string]Metric, len(metricNames))
	for k, v := range metricNames {
		m[v] = k
	}
	return m
}()

func (m Metric) String() string {
	if s, ok := metricNames[m]; ok {
		return s
	}
	return "metric_" + strconv.Itoa(int(m))
}

// ParseMetric returns the metric with the given name.
func ParseMetric(name string) (Metric, bool) {
	m, ok := metricByName[name]
	return m, ok
}

// MetricNames returns every metric name.
func MetricNames() []string {
	out := make([]string, 0, len(metricNames))
	for m := Metric(1); int(m) <= len(metricNames); m++ {
		out = append(out, metricNames[m])
	}
	return out
}

// Sample is one value of one metric at one point at one time. Samples are
// idempotent on (Point, Metric, Time): a resend never double-counts.
type Sample struct {
	Point  int64     `json:"point"`
	Metric Metric    `json:"metric"`
	Time   time.Time `json:"time"`
	Value  float64   `json:"value"`
	Flags  uint32    `json:"flags,omitempty"` // data-quality flags (internal/quality)
}

// AppendResult counts what an append did.
type AppendResult struct {
	Inserted   int // new samples
	Duplicates int // already stored with the same key (the stored value is kept)
}

// SeriesQuery selects samples of one series.
type SeriesQuery struct {
	Point  int64
	Metric Metric
	From   time.Time // inclusive
	To     time.Time // exclusive
	Limit  int       // 0 means no limit
	// Corrected overlays the corrections (replaced, filled and removed values).
	Corrected bool
	// AsOf, with Corrected, shows the corrections as they stood at that time
	// (zero: now). Raw samples are shown as stored.
	AsOf time.Time
}

// Frame statuses in the raw archive.
const (
	FrameOK          = "ok"          // decoded and accepted
	FrameQuarantined = "quarantined" // not accepted (bad checksum, unknown terminal, bad password …); never confirmed
	FrameError       = "error"       // could not be decoded
)

// RawFrame is a frame as received from a terminal, archived before any confirm.
type RawFrame struct {
	ID       int64     `json:"id"`
	Received time.Time `json:"received"`
	Protocol string    `json:"protocol"`
	Peer     string    `json:"peer"`
	Station  string    `json:"station,omitempty"`
	Function string    `json:"function,omitempty"`
	Bytes    []byte    `json:"-"`
	Hex      string    `json:"hex,omitempty"`
	Status   string    `json:"status"`
	Reason   string    `json:"reason,omitempty"`
	Offset   int       `json:"offset,omitempty"` // byte offset of the decode error
	Samples  int       `json:"samples"`
	// Decoded is the frame decoded for people (the API sets it on reading):
	// sl651.Summary or szy206.Summary as JSON; DecodeError and DecodeOffset
	// say where a frame that does not decode fails.
	Decoded      json.RawMessage `json:"decoded,omitempty"`
	DecodeError  string          `json:"decode_error,omitempty"`
	DecodeOffset *int            `json:"decode_offset,omitempty"`
}

// FrameFilter selects archived frames.
type FrameFilter struct {
	Station  string
	Status   string
	Protocol string
	Since    time.Time
	Query    string // case-insensitive substring of the station, peer or reason
	Page
}

// SeriesStore holds time series and the raw frame archive.
type SeriesStore interface {
	// AppendSamples stores samples durably in one transaction; existing keys are
	// kept and counted as duplicates. Returns EINVALID for an unknown point.
	AppendSamples(ctx context.Context, samples []Sample) (AppendResult, error)
	// QuerySamples returns a series in time order; an empty slice if there is none.
	QuerySamples(ctx context.Context, q SeriesQuery) ([]Sample, error)
	// LatestSamples returns the last sample of each metric of a point.
	LatestSamples(ctx context.Context, point int64) ([]Sample, error)
	// ArchiveFrames stores raw frames durably and sets their IDs.
	ArchiveFrames(ctx context.Context, frames []*RawFrame) error
	// IngestFrames archives frames and appends their samples in one transaction,
	// so that a confirm can follow once both are durable.
	IngestFrames(ctx context.Context, frames []*RawFrame, samples []Sample) (AppendResult, error)
	// ListFrames lists archived frames, newest first.
	ListFrames(ctx context.Context, f FrameFilter) ([]*RawFrame, int, error)
}
