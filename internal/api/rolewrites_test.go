package api

import (
	"net/http/httptest"
	"testing"

	"github.com/sishui/sishui"
)

// TestRoleWrites: the roles that may not change the registry still write
// their own records at their routes, and nowhere else.
func TestRoleWrites(t *testing.T) {
	s := &Server{}
	for _, tc := range []struct {
		role, path string
		ok         bool
	}{
		{sishui.RoleDepartment, "/api/v1/statistics/entries", true},
		{sishui.RoleDepartment, "/api/v1/plan/tasks/{code}/reports", true},
		{sishui.RoleDepartment, "/api/v1/permits", false},
		{sishui.RoleDepartment, "/api/v1/statistics/entries/{id}/review", false},
		{sishui.RoleEnterprise, "/api/v1/permit-applications", true},
		{sishui.RoleEnterprise, "/api/v1/rights/listings/{id}/bids", true},
		{sishui.RoleEnterprise, "/api/v1/tax/verifications/{id}/answer", true},
		{sishui.RoleEnterprise, "/api/v1/industrial-reuse", true},
		{sishui.RoleAuditor, "/api/v1/industrial-reuse", false},
		{sishui.RoleEnterprise, "/api/v1/statistics/entries", false},
		{sishui.RoleEnterprise, "/api/v1/rights/trades/{id}/approvals", false},
		{sishui.RoleAuditor, "/api/v1/permit-applications", false},
		{sishui.RoleAuditor, "/api/v1/statistics/entries", false},
	} {
		r := httptest.NewRequest("POST", "http://x"+tc.path, nil)
		_, err := s.admit(r, Route{Method: "POST", Path: tc.path}, &sishui.Actor{Username: "u", Role: tc.role})
		if got := err == nil; got != tc.ok {
			t.Errorf("%s POST %s: admitted %v, want %v (%v)", tc.role, tc.path, got, tc.ok, err)
		} else if err != nil && sishui.ErrorCode(err) != sishui.EFORBIDDEN {
			t.Errorf("%s POST %s: %v, want forbidden", tc.role, tc.path, err)
		}
	}
}
