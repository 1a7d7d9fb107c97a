package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/supply"
)

const modelsDir = "../../data/liaocheng/models"

type modelServer struct {
	url   string
	token string
}

// newModelServer serves the model routes with the Liaocheng scenarios embedded
// and one logged-in city account.
func newModelServer(t *testing.T) *modelServer {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "models.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := &auth.Service{Store: st, BcryptCost: bcrypt.MinCost, AttemptsPerMinute: 1000}
	s := &api.Server{Store: st, Auth: svc, Extra: api.ModelRoutes(map[string]fs.FS{"liaocheng": os.DirFS(modelsDir)})}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	acc := sishui.Account{Username: "planner", Role: sishui.RoleCity}
	acc.PasswordHash, _ = svc.HashPassword("planner-password")
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	ms := &modelServer{url: srv.URL}
	var me api.Me
	if code, b := ms.send(t, false, "POST", "/api/v1/login", `{"username":"planner","password":"planner-password"}`); code != 200 {
		t.Fatalf("login: %d %s", code, b)
	} else if err := json.Unmarshal(b, &me); err != nil {
		t.Fatal(err)
	}
	ms.token = me.Token
	return ms
}

// send posts body ("" for none) as the planner (authed) or anonymously.
func (ms *modelServer) send(t *testing.T, authed bool, method, path, body string) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, ms.url+path, rd)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if authed {
		req.Header.Set("Authorization", "Bearer "+ms.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func readModel(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(modelsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestModelsAllocate(t *testing.T) {
	ms := newModelServer(t)
	code, b := ms.send(t, true, "POST", "/api/v1/models/allocate", `{"scenario":"liaocheng"}`)
	if code != 200 {
		t.Fatalf("status %d: %s", code, b)
	}
	var res allocate.Result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	sc, err := allocate.LoadScenario(bytes.NewReader(readModel(t, "allocate.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Periods) != 12 {
		t.Fatalf("%d periods, want 12", len(res.Periods))
	}
	if err := allocate.Verify(sc, &res, 1); err != nil {
		t.Errorf("the served allocation breaks its scenario: %v", err)
	}
}

// TestModelsAllocateInline sends a scenario in the body: one demand of 9
// served by a cheap source of 5 and a dearer one of 10.
func TestModelsAllocateInline(t *testing.T) {
	ms := newModelServer(t)
	body := `{"name":"two sources","start":"2025-01","periods":2,"auto_links":true,
		"sources":[{"name":"cheap","kind":"surface","available_m3":[5],"cost":1},{"name":"dear","kind":"yangtze","available_m3":[10],"cost":5}],
		"demands":[{"region":"r","sector":"industry","demand_m3":[9]}]}`
	code, b := ms.send(t, true, "POST", "/api/v1/models/allocate", body)
	if code != 200 {
		t.Fatalf("status %d: %s", code, b)
	}
	var res allocate.Result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Periods {
		used := map[string]float64{}
		for _, s := range p.Sources {
			used[s.Name] = s.UsedM3
		}
		if d := p.Demands[0]; d.DeliveredM3 < 9-1e-6 || used["cheap"] < 5-1e-6 || used["dear"] > 4+1e-6 {
			t.Errorf("%s: delivered %v, cheap %v, dear %v; want 9 = 5 cheap + 4 dear", p.Month, d.DeliveredM3, used["cheap"], used["dear"])
		}
	}
}

// TestModelsBadRequests: every bad scenario is a 400 naming the field.
func TestModelsBadRequests(t *testing.T) {
	ms := newModelServer(t)
	longRun := `{"name":"x","start":"1956-01","periods":745,"sources":[{"name":"s","kind":"surface","available_m3":[1]}],"demands":[{"region":"r","sector":"industry","demand_m3":[1]}]}`
	for _, tc := range []struct {
		name, path, body, field string
	}{
		{"negative periods", "/api/v1/models/allocate", `{"name":"x","start":"2025-01","periods":-1,"sources":[],"demands":[]}`, "periods"},
		{"bad source series", "/api/v1/models/allocate", `{"name":"x","start":"2025-01","periods":1,"sources":[{"name":"s","kind":"surface","available_m3":[-1]}],"demands":[{"region":"r","sector":"industry","demand_m3":[1]}]}`, "sources[0].available_m3[0]"},
		{"unknown field", "/api/v1/models/allocate", `{"name":"x","start":"2025-01","periods":1,"colour":"red"}`, "colour"},
		{"too long for the API", "/api/v1/models/allocate", longRun, "periods"},
		{"unknown embedded", "/api/v1/models/allocate", `{"scenario":"atlantis"}`, "scenario"},
		{"not JSON", "/api/v1/models/allocate", `name: x`, "body"},
		{"forecast field", "/api/v1/models/forecast", `{"name":"x","base_year":2023,"years":[2030],"irrigation_guarantee_pct":80}`, "irrigation_guarantee_pct"},
		{"forecast unknown field", "/api/v1/models/forecast", `{"name":"x","colour":"red"}`, "colour"},
		{"supply field", "/api/v1/models/supply", `{"name":"x","year":1800,"regions":[{"code":"1"}]}`, "year"},
		{"capacity part missing", "/api/v1/models/capacity", `{"capacity":"liaocheng"}`, "forecast"},
		{"capacity year not forecast", "/api/v1/models/capacity", `{"scenario":"liaocheng","capacity":{"year":2031,"guarantee_pct":75,"gdp_m3_per_10k_cny":41.3}}`, "capacity.year"},
		{"capacity bad forecast part", "/api/v1/models/capacity", `{"scenario":"liaocheng","forecast":{"name":"x","base_year":2023,"years":[2030],"irrigation_guarantee_pct":80}}`, "forecast.irrigation_guarantee_pct"},
		{"capacity unknown embedded part", "/api/v1/models/capacity", `{"scenario":"liaocheng","supply":"atlantis"}`, "supply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, b := ms.send(t, true, "POST", tc.path, tc.body)
			var eb api.ErrorBody
			_ = json.Unmarshal(b, &eb)
			if code != 400 || eb.Error.Field != tc.field {
				t.Errorf("status %d field %q, want 400 naming %q: %s", code, eb.Error.Field, tc.field, b)
			}
		})
	}
}

func TestModelsOthers(t *testing.T) {
	ms := newModelServer(t)
	t.Run("anonymous callers get 401", func(t *testing.T) {
		for _, p := range []string{"/api/v1/models/allocate", "/api/v1/models/forecast", "/api/v1/models/supply", "/api/v1/models/capacity"} {
			if code, b := ms.send(t, false, "POST", p, `{"scenario":"liaocheng"}`); code != 401 {
				t.Errorf("%s: %d %s, want 401", p, code, b)
			}
		}
		if code, _ := ms.send(t, false, "GET", "/api/v1/models/scenarios", ""); code != 401 {
			t.Errorf("scenarios: %d, want 401", code)
		}
	})
	t.Run("scenarios", func(t *testing.T) {
		code, b := ms.send(t, true, "GET", "/api/v1/models/scenarios", "")
		var list []api.ModelScenario
		if code != 200 || json.Unmarshal(b, &list) != nil {
			t.Fatalf("%d %s", code, b)
		}
		if len(list) != 1 || list[0].Name != "liaocheng" || strings.Join(list[0].Models, ",") != "allocate,forecast,supply,capacity" {
			t.Errorf("scenarios %+v", list)
		}
	})
	t.Run("forecast", func(t *testing.T) {
		code, b := ms.send(t, true, "POST", "/api/v1/models/forecast", `{"scenario":"liaocheng"}`)
		var res forecast.Result
		if code != 200 || json.Unmarshal(b, &res) != nil {
			t.Fatalf("%d %.300s", code, b)
		}
		if len(res.Regions) != 8 || len(res.Cells) != 8*6*len(res.Years) {
			t.Errorf("%d regions, %d cells", len(res.Regions), len(res.Cells))
		}
	})
	t.Run("supply", func(t *testing.T) {
		code, b := ms.send(t, true, "POST", "/api/v1/models/supply", `{"scenario":"liaocheng"}`)
		var res supply.Result
		if code != 200 || json.Unmarshal(b, &res) != nil {
			t.Fatalf("%d %.300s", code, b)
		}
		if len(res.Regions) != 8 || len(res.Cells) == 0 {
			t.Errorf("%d regions, %d cells", len(res.Regions), len(res.Cells))
		}
	})
	t.Run("capacity with an inline part", func(t *testing.T) {
		code, b := ms.send(t, true, "POST", "/api/v1/models/capacity",
			`{"scenario":"liaocheng","capacity":{"year":2035,"guarantee_pct":95,"gdp_m3_per_10k_cny":40,"city_use_cap_m3":2.1e9}}`)
		var res struct {
			Year, GuaranteePct int
			Regions            []struct {
				Assessment struct {
					Overall  capacity.Grade `json:"overall"`
					UseRatio *float64       `json:"use_ratio"`
				} `json:"assessment"`
			} `json:"regions"`
		}
		if code != 200 || json.Unmarshal(b, &res) != nil {
			t.Fatalf("%d %.300s", code, b)
		}
		if len(res.Regions) != 8 || res.Regions[0].Assessment.UseRatio == nil {
			t.Errorf("result %+v", res)
		}
	})
	t.Run("documented", func(t *testing.T) {
		code, b := ms.send(t, true, "GET", "/api/v1/openapi.json", "")
		if code != 200 || !bytes.Contains(b, []byte("/api/v1/models/allocate")) {
			t.Errorf("%d: the OpenAPI document lacks the model routes", code)
		}
	})
}
