package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/citytest"
)

type fixture struct {
	srv    *httptest.Server
	st     sishui.Store
	api    *api.Server
	tokens map[string]string // role → bearer token
	ent    *sishui.WaterUser // the enterprise account's water user (in 371502)
}

// engines opens a store of each engine holding the Liaocheng data, a copy of
// a template loaded once per test binary; PostgreSQL skips without SISHUI_TEST_POSTGRES.
var engines = []struct {
	name string
	open func(t *testing.T) sishui.Store
}{
	{"sqlite", func(t *testing.T) sishui.Store { return citytest.SQLiteAt(t, time.Time{}) }},
	{"postgres", func(t *testing.T) sishui.Store { return citytest.Postgres(t) }},
}

// onEngines runs fn against a fixture on each store engine.
func onEngines(t *testing.T, fn func(t *testing.T, f *fixture)) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { fn(t, newFixtureOn(t, e.open(t))) })
	}
}

// newFixture serves the Liaocheng data on SQLite with one account of each role.
func newFixture(t *testing.T) *fixture { return newFixtureOn(t, engines[0].open(t)) }

// newFixtureOn serves st, which holds the Liaocheng data, with one account of each role.
func newFixtureOn(t *testing.T, st sishui.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	svc := &auth.Service{Store: st, BcryptCost: bcrypt.MinCost, AttemptsPerMinute: 1000}
	s := &api.Server{Store: st, Auth: svc, Version: "test"}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	users, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: "371502", Sector: "industry", Page: sishui.Page{Limit: 1}})
	if err != nil || len(users) == 0 {
		t.Fatal("no enterprise user", err)
	}
	f := &fixture{srv: srv, st: st, api: s, tokens: map[string]string{}, ent: users[0]}
	for _, acc := range []sishui.Account{
		{Username: "admin", Role: sishui.RoleAdmin},
		{Username: "city", Role: sishui.RoleCity},
		{Username: "county", Role: sishui.RoleCounty, Region: "371502"},
		{Username: "county2", Role: sishui.RoleCounty, Region: "371522"},
		{Username: "enterprise", Role: sishui.RoleEnterprise, WaterUser: users[0].ID},
		{Username: "auditor", Role: sishui.RoleAuditor},
	} {
		acc.PasswordHash, _ = svc.HashPassword(acc.Username + "-password")
		if err := st.CreateAccount(ctx, &acc); err != nil {
			t.Fatal(err)
		}
		var me api.Me
		if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: acc.Username, Password: acc.Username + "-password"}, &me); code != 200 {
			t.Fatalf("login %s: %d", acc.Username, code)
		}
		f.tokens[acc.Username] = me.Token
	}
	return f
}

// do sends a request as role ("" for anonymous) and decodes the JSON reply into out.
func (f *fixture) do(t *testing.T, role, method, path string, body any, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
	}
	req, _ := http.NewRequest(method, f.srv.URL+path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[role])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
	return resp.StatusCode
}

func creditCode(region string, n int) string {
	first := fmt.Sprintf("91%s%09d", region, n)
	c, _ := sishui.CreditCodeCheck(first)
	return first + string(c)
}

// TestRoles drives every role against every endpoint class, on both stores.
func TestRoles(t *testing.T) { onEngines(t, testRoles) }

func testRoles(t *testing.T, f *fixture) {
	n := 0
	newUser := func(region string) map[string]any {
		n++
		return map[string]any{"name": fmt.Sprintf("测试户%d", n), "credit_code": creditCode(region, 500000+n), "region": region, "sector": "industry"}
	}
	type want map[string]int // role → status
	classes := []struct {
		name   string
		method string
		path   string
		body   func() any
		want   want
	}{
		{"public read: targets", "GET", "/api/v1/targets", nil,
			want{"": 200, "admin": 200, "city": 200, "county": 200, "enterprise": 200, "auditor": 200}},
		{"registry list", "GET", "/api/v1/water-users", nil,
			want{"": 401, "admin": 200, "city": 200, "county": 200, "enterprise": 200, "auditor": 200}},
		{"registry write in 东昌府区", "POST", "/api/v1/water-users", func() any { return newUser("371502") },
			want{"": 401, "admin": 201, "city": 201, "county": 201, "county2": 403, "enterprise": 403, "auditor": 403}},
		{"registry write in a hosted zone", "POST", "/api/v1/water-users", func() any { return newUser("371571") },
			want{"county": 201, "county2": 403}},
		{"reference data write", "PUT", "/api/v1/sectors/mining", func() any { return map[string]any{"name": "采矿", "group": "industry"} },
			want{"": 401, "admin": 200, "city": 200, "county": 403, "enterprise": 403, "auditor": 403}},
		{"statistics write", "PUT", "/api/v1/statistics/371502/2026/gdp_10k_cny", func() any { return map[string]any{"value": 1} },
			want{"": 401, "admin": 200, "city": 200, "county": 200, "county2": 403, "enterprise": 403, "auditor": 403}},
		{"audit log", "GET", "/api/v1/audit", nil,
			want{"": 401, "admin": 200, "city": 403, "county": 403, "enterprise": 403, "auditor": 200}},
		{"accounts: manage", "POST", "/api/v1/accounts", func() any {
			n++
			return map[string]any{"username": fmt.Sprintf("new%d", n), "password": "long-enough", "role": "auditor"}
		}, want{"": 401, "admin": 201, "city": 403, "county": 403, "enterprise": 403, "auditor": 403}},
		{"accounts: list", "GET", "/api/v1/accounts", nil,
			want{"": 401, "admin": 200, "city": 403, "county": 403, "enterprise": 403, "auditor": 200}},
		{"frames", "GET", "/api/v1/frames", nil,
			want{"": 401, "admin": 200, "city": 200, "county": 200, "enterprise": 200, "auditor": 200}},
		{"outbox backlog", "GET", "/api/v1/outbox/stations", nil,
			want{"": 401, "admin": 200, "city": 200, "county": 200, "enterprise": 200, "auditor": 200}},
		{"me", "GET", "/api/v1/me", nil,
			want{"": 401, "admin": 200, "enterprise": 200}},
		{"openapi", "GET", "/api/v1/openapi.json", nil, want{"": 200}},
		{"healthz", "GET", "/healthz", nil, want{"": 200}},
	}
	for _, c := range classes {
		roles := make([]string, 0, len(c.want))
		for r := range c.want {
			roles = append(roles, r)
		}
		sort.Strings(roles)
		for _, role := range roles {
			name := role
			if name == "" {
				name = "anonymous"
			}
			t.Run(c.name+"/"+name, func(t *testing.T) {
				var body any
				if c.body != nil {
					body = c.body()
				}
				var out map[string]any
				got := f.do(t, role, c.method, c.path, body, nil)
				if got != c.want[role] {
					f.do(t, role, c.method, c.path, body, &out)
					t.Fatalf("status %d, want %d (%v)", got, c.want[role], out)
				}
			})
		}
	}
}

// TestScopedLists checks that lists never leak rows across scopes, on both stores.
func TestScopedLists(t *testing.T) { onEngines(t, testScopedLists) }

func testScopedLists(t *testing.T, f *fixture) {
	type list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	for _, path := range []string{"/api/v1/water-users?limit=1000", "/api/v1/permits?limit=1000", "/api/v1/points?limit=1000"} {
		var all list
		f.do(t, "city", "GET", path, nil, &all)
		for _, tc := range []struct {
			role  string
			allow func(m map[string]any) bool
		}{
			{"county", func(m map[string]any) bool {
				r := m["region"]
				return r == "371502" || r == "371571" || r == "371572" || r == "371573"
			}},
			{"county2", func(m map[string]any) bool { return m["region"] == "371522" }},
		} {
			var got list
			f.do(t, tc.role, "GET", path, nil, &got)
			want := 0
			for _, m := range all.Items {
				if tc.allow(m) {
					want++
				}
			}
			if got.Total != want || len(got.Items) != want || want == 0 {
				t.Errorf("%s %s: %d rows, want %d", tc.role, path, got.Total, want)
			}
			for _, m := range got.Items {
				if !tc.allow(m) {
					t.Errorf("%s %s leaked %v", tc.role, path, m["region"])
				}
			}
			// Asking for another county explicitly returns nothing, not its rows.
			var other list
			f.do(t, tc.role, "GET", path+"&region=371525", nil, &other)
			if other.Total != 0 {
				t.Errorf("%s %s&region=371525 returned %d rows", tc.role, path, other.Total)
			}
		}
	}
	var ent list
	f.do(t, "enterprise", "GET", "/api/v1/permits", nil, &ent)
	if ent.Total == 0 {
		t.Fatal("enterprise sees no permits of its own")
	}
	for _, p := range ent.Items {
		if int64(p["user_id"].(float64)) != f.ent.ID {
			t.Errorf("enterprise sees permit of user %v", p["user_id"])
		}
	}
	var other map[string]any
	if code := f.do(t, "enterprise", "GET", "/api/v1/water-users/"+fmt.Sprint(f.ent.ID+1), nil, &other); code != 404 {
		t.Errorf("enterprise reading another water user: %d", code)
	}
}

// TestInvalidInput: every endpoint answers bad input with a 4xx naming the field.
func TestInvalidInput(t *testing.T) {
	f := newFixture(t)
	valid := map[string]any{"name": "x", "credit_code": creditCode("371502", 1), "region": "371502", "sector": "industry"}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for a, b := range valid {
			m[a] = b
		}
		m[k] = v
		return m
	}
	permit := func(k string, v any) map[string]any {
		m := map[string]any{"number": "T-1", "user_id": f.ent.ID, "region": "371502", "source": "yangtze", "sector": "industry",
			"annual_m3": 1000, "valid_from": "2026-01-01T00:00:00Z", "valid_to": "2030-12-31T00:00:00Z", "status": "active"}
		m[k] = v
		return m
	}
	existing, err := f.st.GetPermit(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"malformed JSON", "POST", "/api/v1/water-users", `{"name":`, 400, "body"},
		{"empty body", "POST", "/api/v1/water-users", "", 400, "body"},
		{"unknown field", "POST", "/api/v1/water-users", with("colour", "red"), 400, "colour"},
		{"wrong type", "POST", "/api/v1/water-users", with("lon", "east"), 400, "lon"},
		{"bad credit code", "POST", "/api/v1/water-users", with("credit_code", "91371502000000001X"), 400, "credit_code"},
		{"unknown region", "POST", "/api/v1/water-users", with("region", "999999"), 400, "region"},
		{"two JSON values", "POST", "/api/v1/water-users", `{} {}`, 400, "body"},
		{"permit: eleven years", "POST", "/api/v1/permits", permit("valid_to", "2037-01-02T00:00:00Z"), 400, "valid_to"},
		{"permit: negative volume", "POST", "/api/v1/permits", permit("annual_m3", -5), 400, "annual_m3"},
		{"permit: fractional volume", "POST", "/api/v1/permits", permit("annual_m3", 1.5), 400, "annual_m3"},
		{"permit: unknown holder", "POST", "/api/v1/permits", permit("user_id", 99999), 400, "user_id"},
		{"permit: bad date", "POST", "/api/v1/permits", permit("valid_from", "2026-01-01"), 400, "body"},
		{"point: bad kind", "POST", "/api/v1/points", map[string]any{"code": "0102030405", "name": "x", "kind": "tank", "protocol": "sl651", "region": "371502", "multiplier": 1, "interval_seconds": 3600}, 400, "kind"},
		{"point: bad allowed_nets", "POST", "/api/v1/points", map[string]any{"code": "0102030405", "name": "x", "kind": "well", "protocol": "sl651", "region": "371502", "multiplier": 1, "interval_seconds": 3600, "allowed_nets": []string{"10.0.0.0/33"}}, 400, "allowed_nets"},
		{"point: region differs from permit", "POST", "/api/v1/points", map[string]any{"code": "0102030405", "name": "x", "kind": "withdrawal", "protocol": "szy206", "region": "371525", "permit_id": 1, "multiplier": 1, "interval_seconds": 3600}, 400, "region"},
		{"bad id", "GET", "/api/v1/permits/abc", nil, 400, "id"},
		{"missing id", "GET", "/api/v1/permits/999999", nil, 404, ""},
		{"bad limit", "GET", "/api/v1/permits?limit=5000", nil, 400, "limit"},
		{"bad offset", "GET", "/api/v1/points?offset=-1", nil, 400, "offset"},
		{"bad user_id", "GET", "/api/v1/permits?user_id=x", nil, 400, "user_id"},
		{"bad retired", "GET", "/api/v1/water-users?retired=maybe", nil, 400, "retired"},
		{"bad year", "GET", "/api/v1/targets?year=twenty", nil, 400, "year"},
		{"bad year in path", "PUT", "/api/v1/caps/371502/abc", map[string]any{"total_m3": 1}, 400, "year"},
		{"cap: groundwater above total", "PUT", "/api/v1/caps/371502/2027", map[string]any{"total_m3": 1, "groundwater_m3": 2}, 400, "groundwater_m3"},
		{"target: unknown indicator", "PUT", "/api/v1/targets/happiness/371500/2027", map[string]any{"value": 1}, 400, "indicator"},
		{"statistic: unknown metric", "PUT", "/api/v1/statistics/371502/2026/happiness", map[string]any{"value": 1}, 400, "metric"},
		{"section: warning below base", "PUT", "/api/v1/sections/x1", map[string]any{"name": "x", "river": "r", "region": "371502", "base_flow_m3s": 2, "warning_flow_m3s": 1}, 400, "warning_flow_m3s"},
		{"zone: bad layer", "PUT", "/api/v1/zones/z1", map[string]any{"name": "x", "region": "371502", "kind": "limited", "layer": "middle"}, 400, "layer"},
		{"region: bad code", "PUT", "/api/v1/regions/12", map[string]any{"name": "x", "level": "county"}, 400, "code"},
		{"samples: no metric", "GET", "/api/v1/points/1/samples", nil, 400, "metric"},
		{"samples: unknown metric", "GET", "/api/v1/points/1/samples?metric=colour", nil, 400, "metric"},
		{"samples: bad from", "GET", "/api/v1/points/1/samples?metric=flow_m3s&from=yesterday", nil, 400, "from"},
		{"frames: bad since", "GET", "/api/v1/frames?since=soon", nil, 400, "since"},
		{"points: unknown sort", "GET", "/api/v1/points?sort=password", nil, 400, "sort"},
		{"points: column is not a sort field", "GET", "/api/v1/points?sort=updated_ms", nil, 400, "sort"},
		{"points: bad order", "GET", "/api/v1/points?sort=name&order=sideways", nil, 400, "order"},
		{"water users: unknown sort", "GET", "/api/v1/water-users?sort=phone", nil, 400, "sort"},
		{"permits: unknown sort", "GET", "/api/v1/permits?sort=note", nil, 400, "sort"},
		{"frames: unknown sort", "GET", "/api/v1/frames?sort=bytes", nil, 400, "sort"},
		{"audit: unknown sort", "GET", "/api/v1/audit?sort=hash", nil, 400, "sort"},
		{"accounts: unknown sort", "GET", "/api/v1/accounts?sort=password_hash", nil, 400, "sort"},
		{"account: short password", "POST", "/api/v1/accounts", map[string]any{"username": "abc", "password": "short", "role": "city"}, 400, "password"},
		{"account: bad role", "POST", "/api/v1/accounts", map[string]any{"username": "abc", "password": "long-enough", "role": "king"}, 400, "role"},
		{"account: county without region", "POST", "/api/v1/accounts", map[string]any{"username": "abc", "password": "long-enough", "role": "county"}, 400, "region"},
		{"token: no name", "POST", "/api/v1/tokens", map[string]any{}, 400, "name"},
		{"unknown endpoint", "GET", "/api/v1/nothing", nil, 404, ""},
		{"duplicate permit number", "POST", "/api/v1/permits", permit("number", existing.Number), 409, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out api.ErrorBody
			got := f.do(t, "admin", tc.method, tc.path, tc.body, &out)
			if got != tc.status {
				t.Fatalf("status %d, want %d: %+v", got, tc.status, out)
			}
			if out.Error.Message == "" || out.Error.Field != tc.field {
				t.Fatalf("error %+v, want field %q", out.Error, tc.field)
			}
		})
	}
	// Nothing was half-written by the failed requests.
	var users struct{ Total int }
	f.do(t, "admin", "GET", "/api/v1/water-users?q=测试", nil, &users)
	if users.Total != 0 {
		t.Fatalf("%d test users were written by failed requests", users.Total)
	}
}

// TestOpenAPIMatchesRoutes: every served route is documented, with its schemas.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	f := newFixture(t)
	var doc map[string]any
	if code := f.do(t, "", "GET", "/api/v1/openapi.json", nil, &doc); code != 200 {
		t.Fatal(code)
	}
	paths := doc["paths"].(map[string]any)
	n := 0
	for _, rt := range f.api.Routes() {
		ops, ok := paths[rt.Path].(map[string]any)
		if !ok || ops[strings.ToLower(rt.Method)] == nil {
			t.Errorf("%s %s is served but not documented", rt.Method, rt.Path)
		}
		n++
	}
	count := 0
	for _, ops := range paths {
		count += len(ops.(map[string]any))
	}
	if count != n {
		t.Errorf("document has %d operations, server %d routes", count, n)
	}
	// The documented properties of a permit are exactly what is served.
	var p map[string]any
	f.do(t, "admin", "GET", "/api/v1/permits/1", nil, &p)
	props := api.SchemaProperties(doc, "Permit")
	for k := range p {
		if !contains(props, k) {
			t.Errorf("served permit field %q is not in the schema", k)
		}
	}
	if len(props) < len(p) || !contains(props, "annual_m3") {
		t.Errorf("schema %v", props)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestListSortAndSearch: lists sort and search on the server, within the
// caller's scope, keep their envelope, and document sort, order and q.
func TestListSortAndSearch(t *testing.T) {
	f := newFixture(t)
	var pts api.List[sishui.Point]
	if code := f.do(t, "city", "GET", "/api/v1/points?sort=name&order=desc&limit=20", nil, &pts); code != 200 || len(pts.Items) != 20 || pts.Total < 300 || pts.Limit != 20 {
		t.Fatalf("points by name desc: %d %d of %d", code, len(pts.Items), pts.Total)
	}
	for i := 1; i < len(pts.Items); i++ {
		if pts.Items[i-1].Name < pts.Items[i].Name {
			t.Fatalf("not descending at %d: %s < %s", i, pts.Items[i-1].Name, pts.Items[i].Name)
		}
	}
	// The next page continues where the first ended.
	var next api.List[sishui.Point]
	f.do(t, "city", "GET", "/api/v1/points?sort=name&order=desc&limit=20&offset=20", nil, &next)
	if len(next.Items) == 0 || next.Items[0].Name > pts.Items[19].Name || next.Items[0].ID == pts.Items[19].ID {
		t.Fatalf("second page starts with %+v", next.Items[0])
	}
	// Search is case-insensitive and scoped: the county sees its own wells only.
	var wells, county api.List[sishui.Point]
	f.do(t, "city", "GET", "/api/v1/points?q=%E5%9C%B0%E4%B8%8B%E6%B0%B4%E7%9B%91%E6%B5%8B%E4%BA%95&limit=1000", nil, &wells) // 地下水监测井
	f.do(t, "county", "GET", "/api/v1/points?q=%E5%9C%B0%E4%B8%8B%E6%B0%B4%E7%9B%91%E6%B5%8B%E4%BA%95&limit=1000", nil, &county)
	if wells.Total != 64 || county.Total == 0 || county.Total >= wells.Total {
		t.Fatalf("wells: city %d, county %d", wells.Total, county.Total)
	}
	for _, p := range county.Items {
		if p.Region != "371502" && p.Region != "371571" && p.Region != "371572" && p.Region != "371573" {
			t.Fatalf("county sees a point of %s", p.Region)
		}
	}
	code := pts.Items[0].Code
	var byCode api.List[sishui.Point]
	f.do(t, "city", "GET", "/api/v1/points?q="+strings.ToLower(code), nil, &byCode)
	if byCode.Total < 1 || byCode.Items[0].Code != code {
		t.Fatalf("q=%s: %+v", strings.ToLower(code), byCode)
	}
	// Accounts come in the list envelope, searchable.
	var accs api.List[sishui.Account]
	if code := f.do(t, "admin", "GET", "/api/v1/accounts?q=COUNTY&sort=username&order=desc", nil, &accs); code != 200 || accs.Total != 2 || accs.Items[0].Username != "county2" {
		t.Fatalf("accounts: %d %+v", code, accs)
	}
	// The OpenAPI document lists q, sort (with its fields) and order.
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, Description string }
		}
	}
	f.do(t, "", "GET", "/api/v1/openapi.json", nil, &doc)
	for _, path := range []string{"/api/v1/points", "/api/v1/water-users", "/api/v1/permits", "/api/v1/frames", "/api/v1/audit", "/api/v1/accounts"} {
		var names []string
		for _, p := range doc.Paths[path]["get"].Parameters {
			names = append(names, p.Name)
			if p.Name == "sort" && !strings.Contains(p.Description, "one of: ") {
				t.Errorf("%s sort: %q", path, p.Description)
			}
		}
		for _, want := range []string{"q", "sort", "order", "offset", "limit"} {
			if !contains(names, want) {
				t.Errorf("%s documents %q, not %s", path, names, want)
			}
		}
	}
}
