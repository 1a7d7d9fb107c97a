package api

import (
	"net/http"
	"time"

	"github.com/sishui/sishui"
)

// SampleOut is a sample as the API shows it: metric by name, time in Beijing time.
type SampleOut struct {
	Metric string    `json:"metric"`
	Time   time.Time `json:"time"`
	Value  float64   `json:"value"`
	Flags  uint32    `json:"flags,omitempty"`
}

func samplesOut(in []sishui.Sample) []SampleOut {
	out := make([]SampleOut, len(in))
	for i, s := range in {
		out[i] = SampleOut{Metric: s.Metric.String(), Time: s.Time.In(sishui.BeijingTime), Value: s.Value, Flags: s.Flags}
	}
	return out
}

// MaxSamples caps one series response; longer ranges belong to rollups.
const MaxSamples = 10_000

func (s *Server) samples(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("metric")
	if name == "" {
		return sishui.Invalid("metric", "is required")
	}
	m, ok := sishui.ParseMetric(name)
	if !ok {
		return sishui.Invalid("metric", "unknown metric %q", name)
	}
	q := sishui.SeriesQuery{Point: id, Metric: m, Limit: MaxSamples}
	switch mode := r.URL.Query().Get("mode"); mode {
	case "", "raw":
	case "corrected":
		q.Corrected = true
	default:
		return sishui.Invalid("mode", "must be raw or corrected, got %q", mode)
	}
	if q.AsOf, err = qTime(r, "as_of"); err != nil {
		return err
	}
	if !q.AsOf.IsZero() && !q.Corrected {
		return sishui.Invalid("as_of", "goes with mode=corrected")
	}
	if q.From, err = qTime(r, "from"); err != nil {
		return err
	}
	if q.To, err = qTime(r, "to"); err != nil {
		return err
	}
	if q.From.IsZero() {
		q.From = time.Now().Add(-24 * time.Hour)
	}
	if !q.To.IsZero() && !q.To.After(q.From) {
		return sishui.Invalid("to", "must be after from")
	}
	lim, err := qInt(r, "limit")
	if err != nil {
		return err
	}
	if lim < 0 || lim > MaxSamples {
		return sishui.Invalid("limit", "must be between 0 and %d", MaxSamples)
	}
	if lim > 0 {
		q.Limit = lim
	}
	v, err := s.Store.QuerySamples(r.Context(), q)
	return reply(w, samplesOut(v), err)
}
