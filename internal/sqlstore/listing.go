package sqlstore

import (
	"strings"

	"github.com/sishui/sishui"
)

// sortSpec is how one list may be ordered: the SQL expression of each
// allowed field (sishui.PointSorts etc.: never user input in the SQL), the
// default field and direction, and a unique column that breaks ties so that
// pages never overlap.
type sortSpec struct {
	allowed []string          // the API's field names, in order
	cols    map[string]string // field → SQL expression
	def     string            // default field
	desc    bool              // default direction
	tie     string            // unique column
}

// orderBy returns the ORDER BY expression for p, or EINVALID naming "sort"
// or "order".
func (sp sortSpec) orderBy(p sishui.Page) (string, error) {
	if err := p.CheckSort(sp.allowed); err != nil {
		return "", err
	}
	field, desc := sp.def, sp.desc
	if p.Sort != "" {
		field, desc = p.Sort, false
	}
	switch p.Order {
	case sishui.OrderAsc:
		desc = false
	case sishui.OrderDesc:
		desc = true
	}
	col := sp.cols[field]
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	if col == sp.tie {
		return col + dir, nil
	}
	return col + dir + ", " + sp.tie + dir, nil
}

var (
	pointSort = sortSpec{allowed: sishui.PointSorts, def: "id", tie: "id", cols: map[string]string{
		"id": "id", "code": "code", "name": "name", "kind": "kind", "protocol": "protocol", "region": "region",
		"interval_seconds": "interval_seconds", "updated_at": "updated_ms"}}
	waterUserSort = sortSpec{allowed: sishui.WaterUserSorts, def: "id", tie: "id", cols: map[string]string{
		"id": "id", "name": "name", "credit_code": "credit_code", "region": "region", "sector": "sector", "updated_at": "updated_ms"}}
	permitSort = sortSpec{allowed: sishui.PermitSorts, def: "id", tie: "id", cols: map[string]string{
		"id": "id", "number": "number", "region": "region", "source": "source", "sector": "sector", "annual_m3": "annual_m3",
		"valid_to": "valid_to", "status": "status", "updated_at": "updated_ms"}}
	alertSort = sortSpec{allowed: sishui.AlertSorts, def: "id", desc: true, tie: "id", cols: map[string]string{
		"id": "id", "subject": "subject", "region": "region", "kind": "kind", "state": "state",
		"level":        "CASE level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END",
		"active_since": "active_since_ms", "updated_at": "updated_ms"}}
	frameSort = sortSpec{allowed: sishui.FrameSorts, def: "id", desc: true, tie: "id", cols: map[string]string{
		"id": "id", "received": "received_ms", "station": "station", "protocol": "protocol", "status": "status"}}
	auditSort = sortSpec{allowed: sishui.AuditSorts, def: "seq", desc: true, tie: "seq", cols: map[string]string{
		"seq": "seq", "time": "time_ms", "actor": "actor", "action": "action", "entity": "entity"}}
	accountSort = sortSpec{allowed: sishui.AccountSorts, def: "username", tie: "id", cols: map[string]string{
		"id": "id", "username": "username", "display_name": "display_name", "role": "role", "region": "COALESCE(region, '')",
		"created_at": "created_ms"}}
	// A year's plans: the account id is unique within the year.
	planSort = sortSpec{allowed: sishui.PlanSorts, def: "number", tie: "p.account_id", cols: map[string]string{
		"number": "a.number", "name": "a.name", "region": "a.region", "plan_m3": "p.plan_m3"}}
	// A year's declarations: the user, sector and product are its key.
	outputSort = sortSpec{allowed: sishui.OutputSorts, def: "user_id", tie: "o.user_id, o.sector, o.product", cols: map[string]string{
		"user_id": "o.user_id", "user_name": "u.name", "sector": "o.sector", "product": "o.product", "output": "o.output"}}
)

// search narrows w to rows where any of cols contains q, case-insensitively
// (LIKE with q's own % and _ escaped). cols are constant SQL expressions.
func (w *where) search(q string, cols ...string) {
	q = strings.TrimSpace(q)
	if q == "" || len(cols) == 0 {
		return
	}
	pat := "%" + likeEscaper.Replace(strings.ToLower(q)) + "%"
	conds := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, c := range cols {
		conds[i] = "LOWER(" + c + `) LIKE ? ESCAPE '\'`
		args[i] = pat
	}
	w.add("("+strings.Join(conds, " OR ")+")", args...)
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// alertSubjectName is the registry name of an alert's subject, as SQL, for
// searching alerts by what people call the subject (the subjects are those
// internal/alerting's producers observe: "section:CODE",
// "well:CODE", "permit:NUMBER" …); NULL for a subject the registry does not
// know.
const alertSubjectName = `CASE
	WHEN alerts.subject LIKE 'section:%' THEN (SELECT x.name FROM sections x WHERE x.code = SUBSTR(alerts.subject, 9))
	WHEN alerts.subject LIKE 'section-warning:%' THEN (SELECT x.name FROM sections x WHERE x.code = SUBSTR(alerts.subject, 17))
	WHEN alerts.subject LIKE 'zone:%' THEN (SELECT x.name FROM zones x WHERE x.code = SUBSTR(alerts.subject, 6))
	WHEN alerts.subject LIKE 'point:%' THEN (SELECT MIN(x.name) FROM points x WHERE x.code = SUBSTR(alerts.subject, 7))
	WHEN alerts.subject LIKE 'well:%' THEN (SELECT MIN(x.name) FROM points x WHERE x.code = SUBSTR(alerts.subject, 6))
	WHEN alerts.subject LIKE 'geothermal:%' THEN (SELECT MIN(x.name) FROM points x WHERE x.code = SUBSTR(alerts.subject, 12))
	WHEN alerts.subject LIKE 'permit:%' THEN (SELECT MIN(u.name) FROM permits x JOIN water_users u ON u.id = x.user_id WHERE x.number = SUBSTR(alerts.subject, 8))
	WHEN alerts.subject LIKE 'region:%' THEN (SELECT x.name FROM regions x WHERE x.code = SUBSTR(alerts.subject, 8))
END`
