package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
)

// LoginInput is the body of POST /api/v1/login.
type LoginInput struct {
	Username string `json:"username"`
	Password string `json:"password"`
	// TOTP is the one-time code of an account with a second factor.
	TOTP string `json:"totp,omitempty"`
}

// Me describes the caller.
type Me struct {
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name,omitempty"`
	Role        string    `json:"role"`
	Region      string    `json:"region,omitempty"`
	WaterUser   int64     `json:"water_user,omitempty"`
	Token       string    `json:"token,omitempty"` // the session secret, usable as a bearer token (login only)
	CSRF        string    `json:"csrf,omitempty"`  // the CSRF token for cookie requests (login only)
	Expires     time.Time `json:"expires,omitzero"`
}

// AccountInput creates an account.
type AccountInput struct {
	Username    string `json:"username"`
	Password    string `json:"password"`
	DisplayName string `json:"display_name"`
	Role        string `json:"role"`
	Region      string `json:"region"`
	WaterUser   int64  `json:"water_user"`
	Unit        string `json:"unit"` // department accounts: their unit
}

// PasswordInput sets a password.
type PasswordInput struct {
	Password string `json:"password"`
}

// TokenInput asks for an API token.
type TokenInput struct {
	Name          string `json:"name"`
	ExpiresInDays int    `json:"expires_in_days"`
}

// TokenOut is a new token: the secret is shown this once.
type TokenOut struct {
	sishui.Credential
	Token string `json:"token"`
}

func (s *Server) authRoutes() []Route {
	st, a := s.Store, s.Auth
	return []Route{
		{Method: "POST", Path: "/api/v1/login", Summary: "Log in: sets the session cookie and returns the session token", Tag: "accounts", Public: true, In: LoginInput{}, Out: Me{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in LoginInput
				if err := decode(r, &in); err != nil {
					return err
				}
				sess, err := a.LoginWithCode(r.Context(), in.Username, in.Password, in.TOTP, auth.ClientAddr(r))
				if err != nil {
					s.Logger.Info("login failed", "username", in.Username, "client", auth.ClientAddr(r), "code", sishui.ErrorCode(err))
					return err
				}
				a.SetSessionCookies(w, sess)
				me := meOf(sess.Account.Actor(), sess.Account.DisplayName)
				me.Token, me.CSRF, me.Expires = sess.Token, sess.CSRF, sess.Expires
				return writeJSON(w, http.StatusOK, me)
			}},
		{Method: "POST", Path: "/api/v1/logout", Summary: "Log out: revokes the session", Tag: "accounts", Public: true,
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				actor := sishui.ActorFrom(r.Context())
				if actor.Credential != 0 {
					if err := st.RevokeCredential(r.Context(), actor.Credential); err != nil {
						return err
					}
				}
				a.ClearSessionCookies(w)
				w.WriteHeader(http.StatusNoContent)
				return nil
			}},
		{Method: "GET", Path: "/api/v1/me", Summary: "Who am I", Tag: "accounts", Out: Me{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				actor := sishui.ActorFrom(r.Context())
				acc, err := st.GetAccount(r.Context(), actor.ID)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusOK, meOf(actor, acc.DisplayName))
			}},
		{Method: "GET", Path: "/api/v1/accounts", Summary: "List accounts (administrators and auditors), by username", Tag: "accounts", Out: List[sishui.Account]{},
			Query: sortedList(sishui.AccountSorts, "username or display name", Param{"role", "string", "account role"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qSortedPage(r, sishui.AccountSorts)
				if err != nil {
					return err
				}
				v, total, err := st.ListAccounts(r.Context(), sishui.AccountFilter{Role: r.URL.Query().Get("role"), Query: r.URL.Query().Get("q"), Page: p})
				return replyList(w, v, total, p, err)
			}},
		{Method: "POST", Path: "/api/v1/accounts", Summary: "Create an account (administrators)", Tag: "accounts", In: AccountInput{}, Out: sishui.Account{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in AccountInput
				if err := decode(r, &in); err != nil {
					return err
				}
				acc := &sishui.Account{Username: in.Username, DisplayName: in.DisplayName, Role: in.Role, Region: in.Region, WaterUser: in.WaterUser, Unit: in.Unit}
				if err := acc.Validate(); err != nil {
					return err
				}
				if err := auth.CheckPassword(acc.Role, acc.Username, in.Password); err != nil {
					return err
				}
				h, err := a.HashPassword(in.Password)
				if err != nil {
					return err
				}
				acc.PasswordHash = h
				return replyCreated(w, acc, st.CreateAccount(r.Context(), acc))
			}},
		{Method: "POST", Path: "/api/v1/accounts/{username}/disable", Summary: "Disable an account and revoke its sessions and tokens", Tag: "accounts",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				return replyNoContent(w, st.SetAccountDisabled(r.Context(), r.PathValue("username"), true))
			}},
		{Method: "POST", Path: "/api/v1/accounts/{username}/enable", Summary: "Enable an account", Tag: "accounts",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				return replyNoContent(w, st.SetAccountDisabled(r.Context(), r.PathValue("username"), false))
			}},
		{Method: "PUT", Path: "/api/v1/accounts/{username}/password", Summary: "Set an account's password (administrators)", Tag: "accounts", In: PasswordInput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in PasswordInput
				if err := decode(r, &in); err != nil {
					return err
				}
				acc, err := s.accountToManage(r)
				if err != nil {
					return err
				}
				if err := auth.CheckPassword(acc.Role, acc.Username, in.Password); err != nil {
					return err
				}
				h, err := a.HashPassword(in.Password)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.SetPassword(r.Context(), r.PathValue("username"), h))
			}},
		{Method: "GET", Path: "/api/v1/tokens", Summary: "List my API tokens (administrators: all)", Tag: "accounts", Out: []sishui.Credential{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				actor := sishui.ActorFrom(r.Context())
				id := actor.ID
				if actor.Role == sishui.RoleAdmin {
					id = 0
				}
				v, err := st.ListCredentials(r.Context(), id, sishui.CredentialToken)
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/tokens", Summary: "Create an API token for me; the secret is shown once", Tag: "accounts", In: TokenInput{}, Out: TokenOut{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in TokenInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.ExpiresInDays == 0 {
					in.ExpiresInDays = 90
				}
				acc, err := st.GetAccount(r.Context(), sishui.ActorFrom(r.Context()).ID)
				if err != nil {
					return err
				}
				secret, c, err := a.CreateToken(r.Context(), acc, in.Name, time.Duration(in.ExpiresInDays)*24*time.Hour)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusCreated, TokenOut{Credential: *c, Token: secret})
			}},
		{Method: "DELETE", Path: "/api/v1/tokens/{id}", Summary: "Revoke an API token", Tag: "accounts",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
				if err != nil {
					return sishui.Invalid("id", "must be a number")
				}
				return replyNoContent(w, st.RevokeCredential(r.Context(), id))
			}},
	}
}

func meOf(a *sishui.Actor, display string) Me {
	return Me{Username: a.Username, DisplayName: display, Role: a.Role, Region: a.Region, WaterUser: a.WaterUser}
}
