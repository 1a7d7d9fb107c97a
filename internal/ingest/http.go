package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/sishui/sishui"
)

// MaxBodyBytes caps the body of POST /api/v1/observations.
const MaxBodyBytes = 8 << 20

// MaxBatchObservations caps the observations of one request.
const MaxBatchObservations = 50_000

// Response is the body of a successful POST /api/v1/observations.
type Response struct {
	Accepted   int      `json:"accepted"`
	Duplicates int      `json:"duplicates"`
	Rejected   int      `json:"rejected"`
	Results    []Result `json:"results"`
}

// errorBody is the API's error shape.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// Handler serves POST /api/v1/observations. The body is
//
//	{"observations": [
//	  {"point": 12, "metric": "flow_m3s", "time": "2026-03-01T08:00:00+08:00", "value": 1.25},
//	  {"code": "0012345678", "protocol": "szy206", "metric": "volume_m3", "time": "…", "value": 1234.5}
//	]}
//
// Each observation names its point by "point" (ID) or by "code" (terminal
// address) with an optional "protocol" (without one, the point holding that
// code in any protocol, when only one does); "time" is RFC 3339
// with an explicit offset. The reply is 200 with one result per observation
// (accepted, duplicate, or rejected with a reason: unknown point or metric,
// a time too far in the future, …) and is sent only after every accepted
// sample is durable. Malformed input is 400 naming the field (for example
// observations[3].time) and stores nothing; a body over MaxBodyBytes is 413.
// The request context's actor must be allowed to write data (403 otherwise).
// When the store cannot keep up (the committer's queue stays full) the reply
// is 503 with Retry-After and nothing is stored.
func Handler(ing *Ingester) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeError(w, http.StatusMethodNotAllowed, "invalid", "", "method not allowed")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeError(w, http.StatusRequestEntityTooLarge, sishui.EINVALID, "", fmt.Sprintf("body larger than %d bytes", MaxBodyBytes))
				return
			}
			writeError(w, http.StatusBadRequest, sishui.EINVALID, "", "reading body: "+err.Error())
			return
		}
		obs, err := ParseObservations(body)
		if err != nil {
			writeError(w, http.StatusBadRequest, sishui.EINVALID, sishui.ErrorField(err), sishui.ErrorMessage(err))
			return
		}
		res, err := ing.Submit(r.Context(), obs)
		if err != nil {
			status := http.StatusInternalServerError
			switch {
			case errors.Is(err, ErrClosed), errors.Is(err, ErrBusy):
				w.Header().Set("Retry-After", "1")
				status = http.StatusServiceUnavailable
			case sishui.ErrorCode(err) == sishui.EFORBIDDEN:
				status = http.StatusForbidden
			case sishui.ErrorCode(err) == sishui.EUNAUTHORIZED:
				status = http.StatusUnauthorized
			case r.Context().Err() != nil:
				return // the client went away; nothing was acknowledged
			}
			code := sishui.ErrorCode(err)
			writeError(w, status, code, "", sishui.ErrorMessage(err))
			return
		}
		out := Response{Results: res}
		for _, x := range res {
			switch x.Status {
			case Accepted:
				out.Accepted++
			case Duplicate:
				out.Duplicates++
			default:
				out.Rejected++
			}
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, field, msg string) {
	writeJSON(w, status, errorBody{Error: errorDetail{Code: code, Message: msg, Field: field}})
}

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

// ParseObservations decodes a request body of the form Handler documents.
// Errors are *sishui.Error with Code EINVALID and Field naming the
// offending input (e.g. "observations[3].time").
func ParseObservations(body []byte) ([]Observation, error) {
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
