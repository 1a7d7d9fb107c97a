package api_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
)

// sweepSkip are writes whose bad bodies would end the sweep's own session.
var sweepSkip = map[string]bool{"POST /api/v1/logout": true}

// TestBadInputSweep sends, to every write endpoint of the OpenAPI document,
// bodies of the wrong shape, wrong types, nulls, huge and negative numbers,
// long strings and control characters: every answer is 4xx (never 5xx, never
// success) and the audit log, which every write appends to, does not grow.
func TestBadInputSweep(t *testing.T) {
	f := newFixture(t)
	s := &api.Server{Store: f.st, Auth: &auth.Service{Store: f.st, BcryptCost: bcrypt.MinCost, AttemptsPerMinute: 1 << 20},
		Extra: api.ModelRoutes(map[string]fs.FS{"liaocheng": os.DirFS(modelsDir)})}
	s.Extra = append(s.Extra, workspaceRoutes(t, f.st)...) // scenario workspace, live capacity
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	f.srv = srv
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Type any    `json:"type"`
					Ref  string `json:"$ref"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if code := f.do(t, "admin", "GET", "/api/v1/openapi.json", nil, &doc); code != 200 {
		t.Fatalf("openapi: %d", code)
	}
	ctx := context.Background()
	_, auditBefore, err := f.st.ListAudit(ctx, sishui.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("水", 5_000)
	ctrl := "a\x00b\x1b[31m\u202Ec"
	params := map[string]string{"{id}": "1", "{code}": "371502", "{region}": "371502", "{year}": "2026", "{username}": "county",
		"{indicator}": "total_use", "{metric}": "gdp_10k_yuan"}
	var paths []string
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	requests, endpoints := 0, 0
	for _, p := range paths {
		for method, raw := range doc.Paths[p] {
			method = strings.ToUpper(method)
			if method != "POST" && method != "PUT" && method != "PATCH" || sweepSkip[method+" "+p] {
				continue
			}
			var op struct {
				RequestBody struct {
					Content map[string]struct {
						Schema struct {
							Ref string `json:"$ref"`
						} `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			}
			json.Unmarshal(raw, &op)
			ref := op.RequestBody.Content["application/json"].Schema.Ref
			if ref == "" {
				continue
			}
			endpoints++
			path := p
			for k, v := range params {
				path = strings.ReplaceAll(path, k, v)
			}
			bodies := []string{"null", "[]", `"x"`, "1e400", "{", `{"no_such_field": 1}`}
			props := doc.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")].Properties
			for name, prop := range props {
				typ, _ := prop.Type.(string)
				wrong := `"not a number"`
				switch typ {
				case "string":
					wrong = "12345"
				case "array":
					wrong = `{"a": 1}`
				case "object":
					wrong = "[1]"
				}
				for _, v := range []string{wrong, "null", "1e300", "-1e300", "-1", "true", mustJSON(long), mustJSON(ctrl)} {
					bodies = append(bodies, `{"`+name+`": `+v+`}`)
				}
			}
			for i, body := range bodies {
				roles := []string{"admin"}
				if i < 6 { // the read-only role needs only the shapes: it is refused before its input is read
					roles = append(roles, "auditor")
				}
				for _, role := range roles {
					var out api.ErrorBody
					code := f.do(t, role, method, path, body, &out)
					requests++
					if code < 400 || code > 499 {
						t.Errorf("%s %s as %s with %.80s: %d %+v", method, path, role, body, code, out.Error)
					}
				}
			}
		}
	}
	_, auditAfter, err := f.st.ListAudit(ctx, sishui.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if auditAfter != auditBefore {
		entries, _, _ := f.st.ListAudit(ctx, sishui.AuditFilter{Page: sishui.Page{Limit: auditAfter - auditBefore}})
		for _, e := range entries {
			t.Errorf("written: %s %s %s %.200s", e.Action, e.Entity, e.EntityID, e.After)
		}
	}
	if endpoints < 20 {
		t.Fatalf("only %d write endpoints with a body in the OpenAPI document", endpoints)
	}
	t.Logf("%d endpoints, %d requests", endpoints, requests)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
