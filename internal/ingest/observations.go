package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/sishui/sishui"
)

// MaxBodyBytes caps the body of POST /api/v1/observations (internal/api).
const MaxBodyBytes = 8 << 20

// MaxBatchObservations caps the observations of one request.
const MaxBatchObservations = 50_000

// wireObservation holds one observation's fields undecoded, so that a type
// error can name its field.
type wireObservation struct {
	Point    json.RawMessage `json:"point"`
	Code     json.RawMessage `json:"code"`
	Protocol json.RawMessage `json:"protocol"`
	Metric   json.RawMessage `json:"metric"`
	Time     json.RawMessage `json:"time"`
	Value    json.RawMessage `json:"value"`
}

// ParseObservations decodes a body of POST /api/v1/observations (served by
// internal/api):
//
//	{"observations": [
//	  {"point": 12, "metric": "flow_m3s", "time": "2026-03-01T08:00:00+08:00", "value": 1.25},
//	  {"code": "0012345678", "protocol": "szy206", "metric": "volume_m3", "time": "…", "value": 1234.5}
//	]}
//
// Each observation names its point by "point" (ID) or by "code" (terminal
// address) with an optional "protocol" (without one, the point holding that
// code in any protocol, when only one does); "time" is RFC 3339 with an
// explicit offset.
// Errors are *sishui.Error with Code EINVALID and Field naming the
// offending input (e.g. "observations[3].time").
func ParseObservations(body []byte) ([]Observation, error) {
	if obs, ok := parseObservationsFast(body); ok {
		return obs, nil
	}
	return parseObservationsStrict(body)
}

// parseObservationsStrict is ParseObservations with encoding/json, for every
// body: the plain ones it decodes as parseObservationsFast does, and it
// names the field of any error.
func parseObservationsStrict(body []byte) ([]Observation, error) {
	var env struct {
		Observations []json.RawMessage `json:"observations"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return nil, sishui.Invalid("observations", "body must be {\"observations\": [...]}: %v", err)
	}
	if dec.More() {
		return nil, sishui.Invalid("observations", "trailing data after the JSON object")
	}
	if env.Observations == nil {
		return nil, sishui.Invalid("observations", "is required")
	}
	if len(env.Observations) > MaxBatchObservations {
		return nil, sishui.Invalid("observations", "at most %d per request, got %d", MaxBatchObservations, len(env.Observations))
	}
	out := make([]Observation, len(env.Observations))
	for i, raw := range env.Observations {
		if err := parseObservation(raw, &out[i]); err != nil {
			var e *sishui.Error
			if errors.As(err, &e) {
				e.Field = "observations[" + strconv.Itoa(i) + "]" + e.Field
			}
			return nil, err
		}
	}
	return out, nil
}

func parseObservation(raw json.RawMessage, o *Observation) error {
	var w wireObservation
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return sishui.Invalid("", "must be an object with point or code, metric, time and value: %v", err)
	}
	present := func(m json.RawMessage) bool { return len(m) > 0 && string(m) != "null" }
	if present(w.Point) {
		if err := json.Unmarshal(w.Point, &o.Point); err != nil || o.Point <= 0 {
			return sishui.Invalid(".point", "must be a positive integer point id")
		}
	}
	if present(w.Code) {
		if err := json.Unmarshal(w.Code, &o.Code); err != nil || o.Code == "" {
			return sishui.Invalid(".code", "must be a non-empty string")
		}
	}
	if present(w.Protocol) {
		if err := json.Unmarshal(w.Protocol, &o.Protocol); err != nil {
			return sishui.Invalid(".protocol", "must be a string")
		}
	}
	switch {
	case o.Point == 0 && o.Code == "":
		return sishui.Invalid(".point", "point or code is required")
	case o.Point != 0 && o.Code != "":
		return sishui.Invalid(".code", "give point or code, not both")
	}
	if !present(w.Metric) {
		return sishui.Invalid(".metric", "is required")
	}
	if err := json.Unmarshal(w.Metric, &o.Metric); err != nil {
		return sishui.Invalid(".metric", "must be a metric name")
	}
	if !present(w.Time) {
		return sishui.Invalid(".time", "is required")
	}
	var ts string
	if err := json.Unmarshal(w.Time, &ts); err != nil {
		return sishui.Invalid(".time", "must be an RFC 3339 string")
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return sishui.Invalid(".time", "must be RFC 3339 with an offset (e.g. 2026-03-01T08:00:00+08:00), got %q", ts)
	}
	o.Time = t
	if !present(w.Value) {
		return sishui.Invalid(".value", "is required")
	}
	if err := json.Unmarshal(w.Value, &o.Value); err != nil {
		return sishui.Invalid(".value", "must be a number")
	}
	return nil
}
