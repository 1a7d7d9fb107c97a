package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/quality"
)

// Submitter takes observations through the one ingest pipeline
// (*ingest.Ingester): acceptance, quality flags, group commit.
type Submitter interface {
	Submit(ctx context.Context, obs []ingest.Observation) ([]ingest.Result, error)
}

// ObservationsBody documents the body of POST /api/v1/observations (parsed
// by ingest.ParseObservations, whose errors name the field, e.g.
// observations[3].time).
type ObservationsBody struct {
	Observations []struct {
		Point    int64     `json:"point,omitempty"`
		Code     string    `json:"code,omitempty"`
		Protocol string    `json:"protocol,omitempty"`
		Metric   string    `json:"metric"`
		Time     time.Time `json:"time"`
		Value    float64   `json:"value"`
	} `json:"observations"`
}

// ObservationsReply is the body of a successful POST /api/v1/observations:
// one result per observation, in order.
type ObservationsReply struct {
	Accepted   int             `json:"accepted"`
	Duplicates int             `json:"duplicates"`
	Rejected   int             `json:"rejected"`
	Results    []ingest.Result `json:"results"`
}

// observationRoutes: POST /api/v1/observations when an ingester is set.
//
// Each observation names its point by "point" (ID) or by "code" (terminal
// address) with an optional "protocol"; "time" is RFC 3339 with an explicit
// offset. The reply is 200 with one result per observation (accepted,
// duplicate, or rejected with a reason) and is sent only after every
// accepted sample is durable. Malformed input (or a body over
// ingest.MaxBodyBytes) is 400 naming the field and stores nothing; an
// account that may not write data is 403; when the store cannot keep up the
// reply is 503 with Retry-After and nothing is stored. Statuses come from
// the one table (statusOf).
func (s *Server) observationRoutes() []Route {
	if s.Ingest == nil {
		return nil
	}
	return []Route{{Method: "POST", Path: "/api/v1/observations", Tag: "series", In: ObservationsBody{}, Out: ObservationsReply{},
		Summary: "Submit a batch of observations; 200 with per-item results once the whole batch is durable",
		Handler: s.postObservations}}
}

func (s *Server) postObservations(w http.ResponseWriter, r *http.Request) error {
	body, err := readSizedBody(r, ingest.MaxBodyBytes)
	if err != nil {
		return sishui.Invalid("body", "reading body: %v", err)
	}
	if len(body) > ingest.MaxBodyBytes {
		return sishui.Invalid("body", "larger than %d bytes", ingest.MaxBodyBytes)
	}
	obs, err := ingest.ParseObservations(body)
	if err != nil {
		return err
	}
	res, err := s.Ingest.Submit(r.Context(), obs)
	if err != nil {
		if r.Context().Err() != nil {
			return nil // the client went away; nothing was acknowledged
		}
		return err
	}
	out := ObservationsReply{Results: res}
	for _, x := range res {
		switch x.Status {
		case ingest.Accepted:
			out.Accepted++
		case ingest.Duplicate:
			out.Duplicates++
		default:
			out.Rejected++
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(appendObservationsReply(make([]byte, 0, 64+48*len(res)), &out))
	return err
}

// readSizedBody reads up to max+1 bytes of the request body into a buffer
// sized by its Content-Length, when that is given and not over max, rather
// than growing one as io.ReadAll does.
func readSizedBody(r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength <= 0 || r.ContentLength > max {
		return io.ReadAll(io.LimitReader(r.Body, max+1))
	}
	// One byte more than announced, to see the end without growing.
	buf := make([]byte, 0, r.ContentLength+1)
	lr := io.LimitReader(r.Body, max+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // a body longer than announced
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// appendObservationsReply appends the reply as writeJSON encodes it
// (encoding/json without HTML escaping, then a newline), byte for byte, but
// without reflection: the reply carries one result per observation.
func appendObservationsReply(b []byte, out *ObservationsReply) []byte {
	b = append(b, `{"accepted":`...)
	b = strconv.AppendInt(b, int64(out.Accepted), 10)
	b = append(b, `,"duplicates":`...)
	b = strconv.AppendInt(b, int64(out.Duplicates), 10)
	b = append(b, `,"rejected":`...)
	b = strconv.AppendInt(b, int64(out.Rejected), 10)
	b = append(b, `,"results":`...)
	if out.Results == nil {
		b = append(b, "null"...)
	} else {
		var flags map[quality.Flag][]byte // each set of flags encoded once
		b = append(b, '[')
		for i := range out.Results {
			x := &out.Results[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"status":`...)
			b = appendJSONString(b, string(x.Status))
			if x.Point != 0 {
				b = append(b, `,"point":`...)
				b = strconv.AppendInt(b, x.Point, 10)
			}
			b = append(b, `,"flags":`...)
			if x.Flags == 0 {
				b = append(b, "[]"...)
			} else {
				f, ok := flags[x.Flags]
				if !ok {
					f, _ = x.Flags.MarshalJSON() // a list of names: cannot fail
					if flags == nil {
						flags = make(map[quality.Flag][]byte)
					}
					flags[x.Flags] = f
				}
				b = append(b, f...)
			}
			if x.Reason != "" {
				b = append(b, `,"reason":`...)
				b = appendJSONString(b, x.Reason)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}

// appendJSONString appends s as encoding/json encodes a string without HTML
// escaping; plain ASCII, as statuses are, is copied as it is.
func appendJSONString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		plain = s[i] >= 0x20 && s[i] < utf8.RuneSelf && s[i] != '"' && s[i] != '\\'
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// ObservationsHandler serves POST /api/v1/observations with the request
// context's actor (no authentication of its own; Handler serves the route
// authenticated), answering errors from the one table. For tests and
// embedders that put their own authentication in front.
func (s *Server) ObservationsHandler() http.HandlerFunc {
	if s.Logger == nil {
		s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.postObservations(w, r); err != nil {
			s.writeError(w, r, err)
		}
	}
}
