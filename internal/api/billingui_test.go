package api_test

import (
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/billing"
)

// TestBillingImportAndNorms: a CSV import over the API lists its bad rows by
// line and stores the good ones; a norm entered as a form names its bad field.
func TestBillingImportAndNorms(t *testing.T) {
	f := newFixture(t)
	var eb api.ErrorBody
	if code := f.do(t, "city", "POST", "/api/v1/billing/import", api.ImportInput{Kind: "meters", CSV: "x"}, &eb); code != 400 || eb.Error.Field != "kind" {
		t.Fatalf("bad kind: %d %+v", code, eb)
	}
	if code := f.do(t, "city", "POST", "/api/v1/billing/import", api.ImportInput{Kind: "accounts", CSV: "number,name\nA,B\n"}, &eb); code != 400 || eb.Error.Field != "csv" {
		t.Fatalf("header without the required columns: %d %+v", code, eb)
	}
	var sum billing.ImportSummary
	csv := "number,name,region,class,meter,opened\nU1,甲,371502,residential,individual,2026-01-01\nU2,乙,12,residential,individual,2026-01-01\nU3,丙,371502,residential,shared,2026-01-01\n"
	if code := f.do(t, "city", "POST", "/api/v1/billing/import", api.ImportInput{Kind: "accounts", CSV: csv}, &sum); code != 200 {
		t.Fatalf("import: %d", code)
	}
	if sum.Accepted != 1 || sum.Rejected != 2 || len(sum.Errors) != 2 || sum.Errors[0].Line != 3 || sum.Errors[1].Line != 4 {
		t.Fatalf("import summary %+v", sum)
	}
	if code := f.do(t, "auditor", "POST", "/api/v1/billing/import", api.ImportInput{Kind: "accounts", CSV: csv}, nil); code != 403 {
		t.Fatalf("auditor imports: %d", code)
	}
	norm := api.NormInput{Region: "371500", Sector: "industry", Product: "paper", Name: "机制纸", Unit: "t", General: "25.5", Advanced: "30",
		Standard: "DB37/T demo", EffectiveFrom: "2026-01-01"}
	if code := f.do(t, "city", "PUT", "/api/v1/norms", norm, &eb); code != 400 || eb.Error.Field != "advanced" {
		t.Fatalf("advanced above general: %d %+v", code, eb)
	}
	norm.Advanced, norm.General = "18.25", "2x"
	if code := f.do(t, "city", "PUT", "/api/v1/norms", norm, &eb); code != 400 || eb.Error.Field != "general" {
		t.Fatalf("general not a number: %d %+v", code, eb)
	}
	norm.General = "25.5"
	var r sishui.Rule
	if code := f.do(t, "city", "PUT", "/api/v1/norms", norm, &r); code != 200 || r.Key != "industry/paper" || r.Verified {
		t.Fatalf("norm: %d %+v", code, r)
	}
	var rules []sishui.Rule
	if code := f.do(t, "", "GET", "/api/v1/rules?kind=norm", nil, &rules); code != 200 || len(rules) != 1 || string(rules[0].Body) == "" {
		t.Fatalf("norms back: %d %+v", code, rules)
	}
}
