package sishui

import (
	"slices"
	"strings"
)

// Sort orders of a list (Page.Order).
const (
	OrderAsc  = "asc"
	OrderDesc = "desc"
)

// The fields each list may be sorted by (Page.Sort), named as in the rows'
// JSON. Stores map them to columns; anything else is EINVALID naming "sort".
var (
	PointSorts     = []string{"id", "code", "name", "kind", "protocol", "region", "interval_seconds", "updated_at"}
	WaterUserSorts = []string{"id", "name", "credit_code", "region", "sector", "updated_at"}
	PermitSorts    = []string{"id", "number", "region", "source", "sector", "annual_m3", "valid_to", "status", "updated_at"}
	AlertSorts     = []string{"id", "subject", "region", "kind", "state", "level", "active_since", "updated_at"}
	FrameSorts     = []string{"id", "received", "station", "protocol", "status"}
	AuditSorts     = []string{"seq", "time", "actor", "action", "entity"}
	AccountSorts   = []string{"id", "username", "display_name", "role", "region", "created_at"}
	PlanSorts      = []string{"number", "name", "region", "plan_m3"}
	OutputSorts    = []string{"user_id", "user_name", "sector", "product", "output"}
)

// CheckSort validates p's Sort against the fields a list allows and its
// Order: EINVALID naming "sort" or "order".
func (p Page) CheckSort(allowed []string) error {
	if p.Sort != "" && !slices.Contains(allowed, p.Sort) {
		return Invalid("sort", "unknown field %q; one of %s", p.Sort, strings.Join(allowed, ", "))
	}
	switch p.Order {
	case "", OrderAsc, OrderDesc:
		return nil
	}
	return Invalid("order", "must be %s or %s, got %q", OrderAsc, OrderDesc, p.Order)
}
