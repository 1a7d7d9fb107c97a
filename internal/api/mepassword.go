package api

import (
	"net/http"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
	"golang.org/x/crypto/bcrypt"
)

// OwnPasswordInput changes the caller's own password: the current one, then
// the new one under the password policy.
type OwnPasswordInput struct {
	Current  string `json:"current"`
	Password string `json:"password"`
}

// ownPasswordRoutes is the self-service password change (issue 12).
func (s *Server) ownPasswordRoutes() []Route {
	return []Route{
		{Method: "POST", Path: "/api/v1/me/password", Summary: "Change my own password (the current one, then a new one under the password policy)", Tag: "accounts", In: OwnPasswordInput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in OwnPasswordInput
				if err := decode(r, &in); err != nil {
					return err
				}
				actor := sishui.ActorFrom(r.Context())
				if actor.ID == 0 || actor.Credential == 0 {
					return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "log in to change your password"}
				}
				if in.Current == "" {
					return sishui.Invalid("current", "is required")
				}
				acc, err := s.Store.GetAccount(r.Context(), actor.ID)
				if err != nil {
					return err
				}
				if acc.PasswordHash == "" || bcrypt.CompareHashAndPassword([]byte(acc.PasswordHash), []byte(in.Current)) != nil {
					return sishui.Invalid("current", "is not your current password")
				}
				if in.Password == in.Current {
					return sishui.Invalid("password", "must differ from the current password")
				}
				if err := auth.CheckPassword(acc.Role, acc.Username, in.Password); err != nil {
					return err
				}
				h, err := s.Auth.HashPassword(in.Password)
				if err != nil {
					return err
				}
				return replyNoContent(w, s.Store.SetPassword(r.Context(), acc.Username, h))
			}},
	}
}
