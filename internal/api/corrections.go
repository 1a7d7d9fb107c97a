package api

import (
	"math"
	"net/http"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// CorrectionInput corrects values of one series of a point.
type CorrectionInput struct {
	Metric      string `json:"metric"`
	Reason      string `json:"reason"`
	Corrections []struct {
		Time  time.Time `json:"time"`
		Value float64   `json:"value"`
		Kind  string    `json:"kind"` // correct | fill | remove
	} `json:"corrections"`
}

// FillInput fills the gaps of a series in [from, to).
type FillInput struct {
	Metric          string    `json:"metric"`
	From            time.Time `json:"from"`
	To              time.Time `json:"to"`
	IntervalSeconds int       `json:"interval_seconds"` // default: the point's reporting interval
	MaxGapSeconds   int       `json:"max_gap_seconds"`  // gaps longer than this stay empty
	Method          string    `json:"method"`           // linear (default) | previous
	Reason          string    `json:"reason"`
}

// FillOutput tells what was filled.
type FillOutput struct {
	Filled []sishui.Correction `json:"filled"`
}

// ApprovalInput sets the approval level of a period of a series.
type ApprovalInput struct {
	Metric string    `json:"metric"`
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	Level  string    `json:"level"`
	Note   string    `json:"note"`
}

func metricField(name, field string) (sishui.Metric, error) {
	if name == "" {
		return 0, sishui.Invalid(field, "is required")
	}
	m, ok := sishui.ParseMetric(name)
	if !ok {
		return 0, sishui.Invalid(field, "unknown metric %q", name)
	}
	return m, nil
}

// CorrectionRoutes are the routes of corrections, gap filling and approvals.
func (s *Server) correctionRoutes() []Route {
	st := s.Store
	return []Route{
		{Method: "POST", Path: "/api/v1/points/{id}/corrections", Summary: "Correct, fill or remove values (versioned; raw data is kept; audited with the reason)", Tag: "series", In: CorrectionInput{}, Out: []sishui.Correction{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in CorrectionInput
				if err := decode(r, &in); err != nil {
					return err
				}
				m, err := metricField(in.Metric, "metric")
				if err != nil {
					return err
				}
				values := make([]float64, len(in.Corrections))
				for i, c := range in.Corrections {
					values[i] = c.Value
					if c.Kind == sishui.CorrectRemove {
						values[i] = math.NaN() // a removal carries no value
					}
				}
				if err := s.checkCorrectionValues(r, id, m, values); err != nil {
					return err
				}
				cs := make([]sishui.Correction, len(in.Corrections))
				for i, c := range in.Corrections {
					cs[i] = sishui.Correction{Point: id, Metric: m, Time: c.Time, Value: c.Value, Kind: c.Kind}
				}
				return replyCreated(w, cs, st.AddCorrections(r.Context(), cs, in.Reason))
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/corrections", Summary: "Every version of the corrections of a series", Tag: "series", Out: []sishui.Correction{},
			Query: []Param{{"metric", "string", "metric name"}, {"from", "string", "RFC 3339"}, {"to", "string", "RFC 3339"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				m, err := metricField(r.URL.Query().Get("metric"), "metric")
				if err != nil {
					return err
				}
				from, err := qTime(r, "from")
				if err != nil {
					return err
				}
				to, err := qTime(r, "to")
				if err != nil {
					return err
				}
				v, err := st.ListCorrections(r.Context(), id, m, from, to)
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/points/{id}/fill", Summary: "Fill gaps up to a maximum length; each filled value is labelled", Tag: "series", In: FillInput{}, Out: FillOutput{},
			Handler: s.fill},
		{Method: "POST", Path: "/api/v1/points/{id}/approvals", Summary: "Set the approval level of a period (approved locks it)", Tag: "series", In: ApprovalInput{}, Out: sishui.Approval{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in ApprovalInput
				if err := decode(r, &in); err != nil {
					return err
				}
				m, err := metricField(in.Metric, "metric")
				if err != nil {
					return err
				}
				a := &sishui.Approval{Point: id, Metric: m, From: in.From, To: in.To, Level: in.Level, Note: in.Note}
				return replyCreated(w, a, st.Approve(r.Context(), a))
			}},
		{Method: "POST", Path: "/api/v1/points/{id}/meter-events", Summary: "Record a meter replacement or reset (volumes across it are derived right)", Tag: "series", In: sishui.MeterEvent{}, Out: sishui.MeterEvent{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var e sishui.MeterEvent
				if err := decode(r, &e); err != nil {
					return err
				}
				e.ID, e.Point = 0, id
				return replyCreated(w, &e, st.AddMeterEvent(r.Context(), &e))
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/meter-events", Summary: "A point's meter replacements and resets", Tag: "series", Out: []sishui.MeterEvent{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.ListMeterEvents(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/points/{id}/coefficients", Summary: "Record a well's calibrated 以电折水 coefficient (m³ per kWh) for a validity period", Tag: "series", In: sishui.EnergyCoefficient{}, Out: sishui.EnergyCoefficient{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var c sishui.EnergyCoefficient
				if err := decode(r, &c); err != nil {
					return err
				}
				c.ID, c.Point = 0, id
				return replyCreated(w, &c, st.AddCoefficient(r.Context(), &c))
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/coefficients", Summary: "A well's 以电折水 coefficients", Tag: "series", Out: []sishui.EnergyCoefficient{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.ListCoefficients(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/approvals", Summary: "A point's approvals, newest first", Tag: "series", Out: []sishui.Approval{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.ListApprovals(r.Context(), id)
				return reply(w, v, err)
			}},
	}
}

// MaxFillSpan bounds one gap-filling request.
const MaxFillSpan = 92 * 24 * time.Hour

func (s *Server) fill(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in FillInput
	if err := decode(r, &in); err != nil {
		return err
	}
	m, err := metricField(in.Metric, "metric")
	if err != nil {
		return err
	}
	if in.From.IsZero() || !in.To.After(in.From) {
		return sishui.Invalid("to", "the period must have from before to")
	}
	if in.To.Sub(in.From) > MaxFillSpan {
		return sishui.Invalid("to", "fill at most 92 days at a time")
	}
	if in.MaxGapSeconds <= 0 {
		return sishui.Invalid("max_gap_seconds", "is required: gaps longer than this stay empty")
	}
	method := quality.Linear
	switch in.Method {
	case "", "linear":
	case "previous":
		method = quality.Previous
	default:
		return sishui.Invalid("method", "must be linear or previous")
	}
	p, err := s.Store.GetPoint(r.Context(), id)
	if err != nil {
		return err
	}
	interval := time.Duration(in.IntervalSeconds) * time.Second
	if interval == 0 {
		interval = time.Duration(p.IntervalSeconds) * time.Second
	}
	if interval < time.Minute {
		return sishui.Invalid("interval_seconds", "must be at least 60")
	}
	series, err := s.Store.QuerySamples(r.Context(), sishui.SeriesQuery{Point: id, Metric: m, From: in.From, To: in.To, Corrected: true})
	if err != nil {
		return err
	}
	qs := make([]quality.Sample, len(series))
	for i, x := range series {
		qs[i] = quality.Sample{Point: id, Metric: m.String(), Time: x.Time, Value: x.Value}
	}
	filled := quality.FillGaps(qs, interval, time.Duration(in.MaxGapSeconds)*time.Second, method)
	cs := make([]sishui.Correction, len(filled))
	for i, f := range filled {
		cs[i] = sishui.Correction{Point: id, Metric: m, Time: f.Time, Value: f.Value, Kind: sishui.CorrectFill}
	}
	if in.Reason == "" {
		in.Reason = "gap filled (" + method.String() + ")"
	}
	if err := s.Store.AddCorrections(r.Context(), cs, in.Reason); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, FillOutput{Filled: cs})
}
