// Package api serves sishui's JSON API over net/http: the registry, targets,
// statistics, series and the raw-frame archive, with one error→status table,
// an OpenAPI document generated from the same route table that is served,
// Prometheus metrics and structured logs.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/plan"
)

// Server is the HTTP API.
type Server struct {
	Store  sishui.Store
	Logger *slog.Logger
	// Auth logs people in and identifies callers; nil treats every caller as anonymous public.
	Auth *auth.Service
	// Metrics receives the API's counters; /metrics writes it (and the process metrics).
	Metrics *metrics.Set
	// Version is reported by /healthz.
	Version string
	// Extra routes added by other packages (gateway status, models …) before Handler is called.
	Extra []Route
	// PlanRules are the task status and reminder rules; nil: plan.DefaultRules.
	PlanRules *plan.Rules
	// Fallback serves every path no route matches outside /api/ (the web UI).
	Fallback http.Handler
	// Ingest, when set, serves POST /api/v1/observations (observations.go).
	Ingest Submitter

	mux    *http.ServeMux
	routes []Route
	models admission // per-account model runs (security.go)
}

// Route is one endpoint: served by Handler and described in the OpenAPI document.
type Route struct {
	Method  string
	Path    string // net/http pattern path, e.g. /api/v1/permits/{id}
	Summary string
	Tag     string
	Query   []Param // documented query parameters
	In      any     // request body type (a zero value), or nil
	Out     any     // response body type (a zero value), or nil
	Public  bool    // callable without an account
	Handler func(w http.ResponseWriter, r *http.Request) error
}

// Param is a documented query parameter.
type Param struct {
	Name, Type, Doc string
}

// statusOf is the one error→status table.
var statusOf = map[string]int{
	sishui.EINVALID:      http.StatusBadRequest,
	sishui.ENOTFOUND:     http.StatusNotFound,
	sishui.ECONFLICT:     http.StatusConflict,
	sishui.EUNAUTHORIZED: http.StatusUnauthorized,
	sishui.EFORBIDDEN:    http.StatusForbidden,
	sishui.ETOOMANY:      http.StatusTooManyRequests,
	sishui.EINTERNAL:     http.StatusInternalServerError,
	sishui.EUNAVAILABLE:  http.StatusServiceUnavailable, // with Retry-After
}

// ErrorBody is what every error response carries.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail names the code, the message and, for bad input, the field.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// Handler returns the API's http.Handler.
func (s *Server) Handler() http.Handler {
	if s.Logger == nil {
		s.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.Metrics == nil {
		s.Metrics = metrics.NewSet()
	}
	s.mux = http.NewServeMux()
	s.routes = append(s.routes[:0], s.registryRoutes()...)
	s.routes = append(s.routes, s.correctionRoutes()...)
	s.routes = append(s.routes, s.billingRoutes()...)
	s.routes = append(s.routes, s.rightsRoutes()...)
	s.routes = append(s.routes, s.reuseRoutes()...)
	s.routes = append(s.routes, s.planRoutes()...)
	s.routes = append(s.routes, s.permittingRoutes()...)
	s.routes = append(s.routes, s.commandRoutes()...)
	s.routes = append(s.routes, s.outboxRoutes()...)
	s.routes = append(s.routes, s.observationRoutes()...)
	s.routes = append(s.routes, s.dispatchRoutes()...)
	if s.Auth != nil {
		s.routes = append(s.routes, s.authRoutes()...)
		s.routes = append(s.routes, s.securityRoutes()...)
		s.routes = append(s.routes, s.ownPasswordRoutes()...)
	}
	s.routes = append(s.routes, s.Extra...)
	s.routes = append(s.routes,
		Route{Method: "GET", Path: "/api/v1/openapi.json", Summary: "This API's OpenAPI 3.1 document", Tag: "meta", Public: true,
			Handler: func(w http.ResponseWriter, r *http.Request) error { return writeJSON(w, http.StatusOK, s.OpenAPI()) }},
		Route{Method: "GET", Path: "/healthz", Summary: "Liveness and database reachability", Tag: "meta", Public: true, Out: Health{},
			Handler: s.health},
		Route{Method: "GET", Path: "/metrics", Summary: "Prometheus metrics", Tag: "meta", Public: true,
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				w.Header().Set("Content-Type", "text/plain; version=0.0.4")
				metrics.WritePrometheus(w, true)
				s.Metrics.WritePrometheus(w)
				return nil
			}},
	)
	for _, rt := range s.routes {
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, sishui.NotFound("no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	if s.Fallback != nil {
		s.mux.Handle("/", s.Fallback)
	}
	return s.mux
}

// Routes returns the served routes (after Handler was called).
func (s *Server) Routes() []Route { return s.routes }

// Health is the /healthz body.
type Health struct {
	Status   string `json:"status"`
	Version  string `json:"version"`
	Database string `json:"database"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	h := Health{Status: "ok", Version: s.Version, Database: "ok"}
	status := http.StatusOK
	if err := s.Store.Ping(ctx); err != nil {
		h.Status, h.Database, status = "degraded", "unreachable", http.StatusServiceUnavailable
	}
	return writeJSON(w, status, h)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Flush lets server-sent events through the wrapper.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// wrap adds authentication, recovery, metrics and the access log to a route.
func (s *Server) wrap(rt Route) http.Handler {
	name := rt.Method + " " + rt.Path
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if gz := gzipWriter(w, r); gz != nil {
			defer gz.Close()
			w = gz
		}
		sw := &statusWriter{ResponseWriter: w}
		setSecurityHeaders(sw.Header())
		defer func() {
			if v := recover(); v != nil {
				s.Logger.Error("panic in handler", "route", name, "panic", v, "stack", string(debug.Stack()))
				if sw.status == 0 {
					s.writeError(sw, r, errors.New("panic"))
				}
			}
			d := time.Since(start)
			s.Metrics.GetOrCreateCounter(fmt.Sprintf(`sishui_http_requests_total{route=%q,code="%d"}`, name, sw.status)).Inc()
			s.Metrics.GetOrCreateHistogram(fmt.Sprintf(`sishui_http_request_duration_seconds{route=%q}`, name)).Update(d.Seconds())
			s.Logger.Debug("http", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", d)
		}()
		actor, err := s.actor(r)
		if err != nil {
			s.writeError(sw, r, err)
			return
		}
		if actor.Role == sishui.RolePublic && !rt.Public && !isPublicRead(r) {
			s.writeError(sw, r, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "log in or send an API token"})
			return
		}
		r = r.WithContext(sishui.WithActor(r.Context(), actor))
		release, err := s.admit(r, rt, actor) // authorisation before validation; model quotas
		if err != nil {
			s.writeError(sw, r, err)
			return
		}
		defer release()
		if err := rt.Handler(sw, r); err != nil {
			s.writeError(sw, r, err)
		}
	})
}

// isPublicRead allows anonymous callers the city-level reference data.
func isPublicRead(r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false
	}
	for _, p := range []string{"/api/v1/regions", "/api/v1/sources", "/api/v1/sectors", "/api/v1/indicators", "/api/v1/targets"} {
		if r.URL.Path == p || strings.HasPrefix(r.URL.Path, p+"/") {
			return true
		}
	}
	return false
}

func (s *Server) actor(r *http.Request) (*sishui.Actor, error) {
	if s.Auth == nil {
		return &sishui.Actor{Username: "anonymous", Role: sishui.RolePublic}, nil
	}
	a, err := s.Auth.Authenticate(r)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return &sishui.Actor{Username: "anonymous", Role: sishui.RolePublic}, nil
	}
	return a, nil
}

func setSecurityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := sishui.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	if code == sishui.EINTERNAL {
		s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	_ = writeJSON(w, status, ErrorBody{Error: ErrorDetail{Code: code, Message: sishui.ErrorMessage(err), Field: sishui.ErrorField(err)}})
}

// WriteJSON writes v as the JSON body of a response, for routes defined outside this package.
func WriteJSON(w http.ResponseWriter, status int, v any) error { return writeJSON(w, status, v) }

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// MaxBody caps request bodies.
const MaxBody = 4 << 20

// decode reads a strict JSON body into v; errors name the field.
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return sishui.Invalid("Content-Type", "must be application/json, got %q", ct)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return fmt.Errorf("api: read body: %w", err)
	}
	if string(bytes.TrimSpace(body)) == "null" {
		return sishui.Invalid("body", "must be a JSON object, not null")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF):
			return sishui.Invalid("body", "is empty; a JSON object is required")
		case errors.As(err, &syn):
			return sishui.Invalid("body", "malformed JSON at byte %d: %v", syn.Offset, err)
		case errors.As(err, &typ):
			return sishui.Invalid(typ.Field, "must be a JSON %s, got %s", typ.Type.Kind(), typ.Value)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return sishui.Invalid(f, "is not a known field")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return sishui.Invalid("body", "truncated JSON")
		}
		var tErr *time.ParseError
		if errors.As(err, &tErr) {
			return sishui.Invalid("body", "bad time %q: use RFC 3339, e.g. 2026-01-02T08:00:00+08:00", tErr.Value)
		}
		return sishui.Invalid("body", "%v", err)
	}
	if dec.More() {
		return sishui.Invalid("body", "must hold exactly one JSON value")
	}
	return nil
}

// query helpers: each returns EINVALID naming the parameter.

func qInt(r *http.Request, name string) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, sishui.Invalid(name, "must be an integer, got %q", v)
	}
	if name == "year" {
		return n, sishui.CheckYear(name, n)
	}
	return n, nil
}

func qInt64(r *http.Request, name string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, sishui.Invalid(name, "must be a non-negative integer, got %q", v)
	}
	return n, nil
}

func qTime(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, v, sishui.BeijingTime); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, sishui.Invalid(name, "must be RFC 3339 or YYYY-MM-DD (Beijing time when no zone is given), got %q", v)
}

func qPage(r *http.Request) (sishui.Page, error) {
	off, err := qInt(r, "offset")
	if err != nil {
		return sishui.Page{}, err
	}
	lim, err := qInt(r, "limit")
	if err != nil {
		return sishui.Page{}, err
	}
	if off < 0 {
		return sishui.Page{}, sishui.Invalid("offset", "must not be negative")
	}
	if lim < 0 || lim > sishui.MaxPageLimit {
		return sishui.Page{}, sishui.Invalid("limit", "must be between 0 and %d", sishui.MaxPageLimit)
	}
	return sishui.Page{Offset: off, Limit: lim}.Normalize(), nil
}

func pathID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, sishui.Invalid("id", "must be a positive integer, got %q", v)
	}
	return id, nil
}

// pathIDYear reads the {id} and {year} of a per-year record's path.
func pathIDYear(r *http.Request) (int64, int, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	year, err := pathYear(r)
	return id, year, err
}

func pathYear(r *http.Request) (int, error) {
	v := r.PathValue("year")
	y, err := strconv.Atoi(v)
	if err != nil {
		return 0, sishui.Invalid("year", "must be a year, got %q", v)
	}
	return y, sishui.CheckYear("year", y)
}

// List is the body of a paginated list.
type List[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}
