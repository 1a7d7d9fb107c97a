package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/quality"
)

// Model-run policy: each account runs one model at a time (so nobody holds
// every slot) and at most ModelRunsPerHour an hour. Enterprise accounts run
// models only when an administrator granted it (sishui user grant-models).
const ModelRunsPerHour = 60

// readOnlyWrites are the writes open to the read-only roles (auditors,
// enterprises): their own session, tokens and second factor, and the models
// (which write nothing).
var readOnlyWrites = []string{"/api/v1/login", "/api/v1/logout", "/api/v1/tokens", "/api/v1/me/", "/api/v1/models/"}

// roleWrites are the routes (exact route patterns) at which a role that may
// not change the registry still writes its own records; the stores scope each
// write to the caller's own rows (an enterprise's water user, a department's
// unit).
var roleWrites = map[string][]string{
	sishui.RoleEnterprise: {
		"/api/v1/permit-applications", "/api/v1/permit-applications/{id}/attachments", "/api/v1/permit-applications/{id}/steps",
		"/api/v1/permits/{id}/annual-plans/{year}", "/api/v1/outputs", "/api/v1/certifications",
		"/api/v1/rights/listings", "/api/v1/rights/listings/{id}/bids", "/api/v1/rights/listings/{id}/accept",
		"/api/v1/rights/listings/{id}/cancel", "/api/v1/rights/notices/{id}/objections",
		"/api/v1/tax/verifications/{id}/answer",
		"/api/v1/industrial-reuse", "/api/v1/budgets/surplus-listings",
	},
	sishui.RoleDepartment: {
		"/api/v1/statistics/entries", "/api/v1/statistics/entries.xlsx", "/api/v1/plan/tasks/{code}/reports",
		"/api/v1/projects/{code}/progress",
	},
}

// admission is the per-account model-run state.
type admission struct {
	mu      sync.Mutex
	running map[string]bool
	runs    map[string][]time.Time
}

// admit decides, before a handler looks at its input, whether the actor may
// call the route at all: a read-only role's write is EFORBIDDEN (not EINVALID
// for its bad input), and model runs obey the per-account policy. The
// returned release ends the admission.
func (s *Server) admit(r *http.Request, rt Route, actor *sishui.Actor) (func(), error) {
	none := func() {}
	if safeMethod(r.Method) || rt.Public || actor.CanWrite() && !strings.HasPrefix(rt.Path, "/api/v1/models/") {
		return none, nil
	}
	open := slices.Contains(roleWrites[actor.Role], rt.Path)
	for _, p := range readOnlyWrites {
		if rt.Path == p || strings.HasPrefix(rt.Path, p) {
			open = true
		}
	}
	if !open {
		return none, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "this account may read but not change data"}
	}
	if !strings.HasPrefix(rt.Path, "/api/v1/models/") {
		return none, nil
	}
	if actor.Role == sishui.RoleEnterprise {
		acc, err := s.Store.GetAccount(r.Context(), actor.ID)
		if err != nil {
			return none, err
		}
		if !acc.ModelsGranted {
			return none, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "enterprise accounts run models only when an administrator grants it"}
		}
	}
	return s.models.take(actor.Username, time.Now())
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// take admits one model run of user, or says why not.
func (a *admission) take(user string, now time.Time) (func(), error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.running == nil {
		a.running, a.runs = map[string]bool{}, map[string][]time.Time{}
	}
	if a.running[user] {
		return nil, sishui.Errorf(sishui.ETOOMANY, "this account already runs a model; wait for it to finish")
	}
	recent := a.runs[user][:0]
	for _, t := range a.runs[user] {
		if now.Sub(t) < time.Hour {
			recent = append(recent, t)
		}
	}
	a.runs[user] = recent
	if len(recent) >= ModelRunsPerHour {
		return nil, sishui.Errorf(sishui.ETOOMANY, "this account ran %d models in the last hour, the most allowed; try later", len(recent))
	}
	a.runs[user] = append(recent, now)
	a.running[user] = true
	return func() {
		a.mu.Lock()
		delete(a.running, user)
		a.mu.Unlock()
	}, nil
}

// decodeRequired decodes a strict JSON object into v like decode, and reports
// each named field that is absent or null as EINVALID naming it (so that
// `{}` or `{"value": null}` never sets a value to 0).
func decodeRequired(r *http.Request, v any, required ...string) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return fmt.Errorf("api: read body: %w", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := decode(r, v); err != nil {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return sishui.Invalid("body", "must be a JSON object")
	}
	for _, f := range required {
		if raw, ok := fields[f]; !ok || string(bytes.TrimSpace(raw)) == "null" {
			return sishui.Invalid(f, "is required")
		}
	}
	return nil
}

// checkCorrectionValues keeps corrected and filled values within the hard
// range of the metric at the point (the built-in data-quality limits); NaN
// marks a removal, which carries no value.
func (s *Server) checkCorrectionValues(r *http.Request, point int64, m sishui.Metric, values []float64) error {
	p, err := s.Store.GetPoint(r.Context(), point)
	if err != nil {
		return err
	}
	lim := quality.DefaultConfig().Limits(p.Kind, point, m.String())
	lo, hi := math.Inf(-1), math.Inf(1)
	if lim.HardMin != nil {
		lo = *lim.HardMin
	}
	if lim.HardMax != nil {
		hi = *lim.HardMax
	}
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if math.IsInf(v, 0) || v < lo || v > hi {
			return sishui.Invalid(fmt.Sprintf("corrections[%d].value", i), "must be within %s's hard range [%g, %g], got %g", m, lo, hi, v)
		}
	}
	return nil
}

// CodeInput carries a one-time code (TOTP).
type CodeInput struct {
	Code string `json:"code"`
}

// accountToManage returns the account named in the path, for administrators
// only: the permission is checked before anything is looked up or validated.
func (s *Server) accountToManage(r *http.Request) (*sishui.Account, error) {
	if sishui.ActorFrom(r.Context()).Role != sishui.RoleAdmin {
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "only administrators may manage accounts"}
	}
	return s.Store.AccountByUsername(r.Context(), r.PathValue("username"))
}

// me returns the caller's account (with its second-factor state).
func (s *Server) me(r *http.Request) (*sishui.Account, error) {
	actor := sishui.ActorFrom(r.Context())
	if actor.ID == 0 {
		return nil, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "log in first"}
	}
	return s.Store.GetAccount(r.Context(), actor.ID)
}

func (s *Server) securityRoutes() []Route {
	st, a := s.Store, s.Auth
	return []Route{
		{Method: "POST", Path: "/api/v1/accounts/{username}/unlock", Summary: "Clear an account's failed-login counters from every address (administrators)", Tag: "accounts",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				if _, err := s.accountToManage(r); err != nil {
					return err
				}
				return replyNoContent(w, st.UnlockAccount(r.Context(), r.PathValue("username")))
			}},
		{Method: "DELETE", Path: "/api/v1/accounts/{username}/totp", Summary: "Remove an account's second factor, e.g. a lost phone (administrators)", Tag: "accounts",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				acc, err := s.accountToManage(r)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.SetTOTP(r.Context(), acc.Username, "", false))
			}},
		{Method: "POST", Path: "/api/v1/me/totp", Summary: "Start a second factor (TOTP) for my administrator or city account; confirm it with a code", Tag: "accounts", Out: auth.Enrolment{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				acc, err := s.me(r)
				if err != nil {
					return err
				}
				en, err := a.EnrolTOTP(r.Context(), acc)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusCreated, en)
			}},
		{Method: "POST", Path: "/api/v1/me/totp/confirm", Summary: "Turn my enrolled second factor on with a code from the authenticator", Tag: "accounts", In: CodeInput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				return s.withCode(w, r, a.ConfirmTOTP)
			}},
		{Method: "POST", Path: "/api/v1/me/totp/disable", Summary: "Turn my second factor off (needs a current code)", Tag: "accounts", In: CodeInput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				return s.withCode(w, r, a.DisableTOTP)
			}},
	}
}

func (s *Server) withCode(w http.ResponseWriter, r *http.Request, fn func(ctx context.Context, a *sishui.Account, code string) error) error {
	acc, err := s.me(r)
	if err != nil {
		return err
	}
	var in CodeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	return replyNoContent(w, fn(r.Context(), acc, in.Code))
}
