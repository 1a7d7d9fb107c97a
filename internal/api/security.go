package api

import (
	"context"
	"net/http"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
)

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
