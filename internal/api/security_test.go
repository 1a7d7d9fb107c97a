package api_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
)

func errField(t *testing.T, f *fixture, role, method, path string, body any) (int, string) {
	t.Helper()
	var out api.ErrorBody
	code := f.do(t, role, method, path, body, &out)
	return code, out.Error.Field
}

// Bad or missing input is 400 naming the field, and nothing is written.
func TestWritesValidated(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	targetsBefore, _ := f.st.ListTargets(ctx, sishui.TargetFilter{})
	statsBefore, _ := f.st.ListStatistics(ctx, sishui.StatisticFilter{})
	capsBefore, _ := f.st.ListCaps(ctx, "", 0)
	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		field              string
	}{
		{"target null", "PUT", "/api/v1/targets/total_use/371500/2027", "null", 400, "body"},
		{"target {}", "PUT", "/api/v1/targets/total_use/371500/2027", "{}", 400, "value"},
		{"target value null", "PUT", "/api/v1/targets/total_use/371500/2027", `{"value": null}`, 400, "value"},
		{"statistic null", "PUT", "/api/v1/statistics/371500/2025/gdp_10k_yuan", "null", 400, "body"},
		{"statistic {}", "PUT", "/api/v1/statistics/371500/2025/gdp_10k_yuan", "{}", 400, "value"},
		{"cap {}", "PUT", "/api/v1/caps/371502/2027", "{}", 400, "total_m3"},
		{"cap huge", "PUT", "/api/v1/caps/371502/2027", `{"total_m3": 9000000000000000}`, 400, "total_m3"},
		{"path year 1800", "PUT", "/api/v1/caps/371502/1800", `{"total_m3": 1}`, 400, "year"},
		{"query year 2201", "GET", "/api/v1/caps?year=2201", nil, 400, "year"},
		{"query year 1948", "GET", "/api/v1/targets?year=1948", nil, 400, "year"},
		{"name with NUL", "POST", "/api/v1/water-users", map[string]any{"name": "a\x00b", "credit_code": creditCode("371502", 77), "region": "371502", "sector": "industry"}, 400, "name"},
		{"name with ESC", "POST", "/api/v1/water-users", map[string]any{"name": "a\x1b[31mb", "credit_code": creditCode("371502", 77), "region": "371502", "sector": "industry"}, 400, "name"},
		{"name with bidi override", "POST", "/api/v1/water-users", map[string]any{"name": "用水户\u202Eexe.txt", "credit_code": creditCode("371502", 77), "region": "371502", "sector": "industry"}, 400, "name"},
		{"name too long", "POST", "/api/v1/water-users", map[string]any{"name": string(make([]rune, 201)), "credit_code": creditCode("371502", 77), "region": "371502", "sector": "industry"}, 400, "name"},
		{"note too long", "POST", "/api/v1/water-users", map[string]any{"name": "x", "note": fmt.Sprintf("%02001d", 0), "credit_code": creditCode("371502", 77), "region": "371502", "sector": "industry"}, 400, "note"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, field := errField(t, f, "admin", tc.method, tc.path, tc.body)
			if code != tc.status || field != tc.field {
				t.Fatalf("%d field %q, want %d %q", code, field, tc.status, tc.field)
			}
		})
	}
	targetsAfter, _ := f.st.ListTargets(ctx, sishui.TargetFilter{})
	statsAfter, _ := f.st.ListStatistics(ctx, sishui.StatisticFilter{})
	capsAfter, _ := f.st.ListCaps(ctx, "", 0)
	if len(targetsAfter) != len(targetsBefore) || len(statsAfter) != len(statsBefore) || len(capsAfter) != len(capsBefore) {
		t.Fatal("a rejected write changed data")
	}
	if _, n, _ := f.st.ListWaterUsers(ctx, sishui.WaterUserFilter{Query: creditCode("371502", 77)}); n != 0 {
		t.Fatal("a rejected water user was stored")
	}
}

// Permission is checked before input: a read-only role's write is 403 whatever it sends.
func TestAuthorisationBeforeValidation(t *testing.T) {
	f := newFixture(t)
	points, _, _ := f.st.ListPoints(context.Background(), sishui.PointFilter{Region: "371502", Page: sishui.Page{Limit: 1}})
	for _, role := range []string{"auditor", "enterprise"} {
		for _, tc := range []struct {
			method, path string
			body         any
		}{
			{"POST", "/api/v1/permits", `{"annual_m3": "lots"}`},
			{"POST", "/api/v1/water-users", "null"},
			{"PUT", "/api/v1/targets/total_use/371500/2027", "{}"},
			{"PUT", "/api/v1/caps/371502/1800", "{}"},
			{"POST", fmt.Sprintf("/api/v1/points/%d/corrections", points[0].ID), `{"metric":"flow_m3s","reason":"x","corrections":[]}`},
			{"POST", "/api/v1/accounts", `{}`},
			{"POST", "/api/v1/accounts/county/unlock", nil},
		} {
			if code, _ := errField(t, f, role, tc.method, tc.path, tc.body); code != 403 {
				t.Errorf("%s %s %s: %d, want 403", role, tc.method, tc.path, code)
			}
		}
	}
	// Correction values stay within the metric's hard range.
	body := `{"metric":"flow_m3s","reason":"typo","corrections":[{"time":"2026-05-01T08:00:00+08:00","value":1,"kind":"correct"},{"time":"2026-05-01T09:00:00+08:00","value":1e300,"kind":"correct"}]}`
	if code, field := errField(t, f, "admin", "POST", fmt.Sprintf("/api/v1/points/%d/corrections", points[0].ID), body); code != 400 || field != "corrections[1].value" {
		t.Fatalf("out-of-range correction: %d %q", code, field)
	}
}

func TestAccountSecurityAPI(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		role, password string
		status         int
	}{
		{"admin", "admin-demo", 400},  // too short for an administrator
		{"city", "password1234", 400}, // common
		{"admin", "a river runs through it", 201},
		{"county", "riverbank", 201},
	} {
		in := api.AccountInput{Username: "new" + tc.role + fmt.Sprint(len(tc.password)), Password: tc.password, Role: tc.role}
		if tc.role == "county" {
			in.Region = "371502"
		}
		if code, field := errField(t, f, "admin", "POST", "/api/v1/accounts", in); code != tc.status || code == 400 && field != "password" {
			t.Errorf("%s %q: %d %q", tc.role, tc.password, code, field)
		}
	}
	if code, field := errField(t, f, "admin", "PUT", "/api/v1/accounts/city/password", api.PasswordInput{Password: "city-demo-1"}); code != 400 || field != "password" {
		t.Errorf("short city password: %d %q", code, field)
	}
	// Someone hammers county from one address; an administrator unlocks it.
	for i := 0; i < 8; i++ {
		f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: "county", Password: "guess"}, nil)
	}
	if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: "county", Password: "county-password"}, nil); code != 401 {
		t.Fatalf("the hammering address is not blocked: %d", code)
	}
	if code := f.do(t, "admin", "POST", "/api/v1/accounts/county/unlock", nil, nil); code != 204 {
		t.Fatalf("unlock: %d", code)
	}
	if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: "county", Password: "county-password"}, nil); code != 200 {
		t.Fatalf("after unlock: %d", code)
	}
	// Second factor: enrol, confirm, and the login asks for it.
	var en auth.Enrolment
	if code := f.do(t, "county", "POST", "/api/v1/me/totp", nil, nil); code != 403 {
		t.Fatalf("county enrolled a second factor: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/me/totp", nil, &en); code != 201 || en.Secret == "" {
		t.Fatalf("enrol: %d %+v", code, en)
	}
	if code, field := errField(t, f, "city", "POST", "/api/v1/me/totp/confirm", api.CodeInput{Code: "000000"}); code != 400 || field != "code" {
		t.Fatalf("bad confirm: %d %q", code, field)
	}
	code6, _ := totpCode(en.Secret, time.Now())
	if code := f.do(t, "city", "POST", "/api/v1/me/totp/confirm", api.CodeInput{Code: code6}, nil); code != 204 {
		t.Fatalf("confirm: %d", code)
	}
	if code, field := errField(t, f, "", "POST", "/api/v1/login", api.LoginInput{Username: "city", Password: "city-password"}); code != 401 || field != "totp" {
		t.Fatalf("login without the code: %d %q", code, field)
	}
	if code := f.do(t, "admin", "DELETE", "/api/v1/accounts/city/totp", nil, nil); code != 204 {
		t.Fatalf("admin removes the second factor: %d", code)
	}
	if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: "city", Password: "city-password"}, nil); code != 200 {
		t.Fatalf("login after removal: %d", code)
	}
}

// Enterprise accounts run models only when granted; one account holds one slot.
func TestModelPolicy(t *testing.T) {
	f := newFixture(t)
	s := &api.Server{Store: f.st, Auth: &auth.Service{Store: f.st, BcryptCost: bcrypt.MinCost}, Extra: api.ModelRoutes(map[string]fs.FS{"liaocheng": os.DirFS(modelsDir)})}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	f.srv = srv
	body := `{"scenario":"liaocheng"}`
	if code := f.do(t, "enterprise", "POST", "/api/v1/models/supply", body, nil); code != 403 {
		t.Fatalf("enterprise without a grant: %d", code)
	}
	if err := f.st.SetModelsGranted(context.Background(), "enterprise", true); err != nil {
		t.Fatal(err)
	}
	if code := f.do(t, "enterprise", "POST", "/api/v1/models/supply", body, nil); code != 200 {
		t.Fatalf("enterprise with a grant: %d", code)
	}
	// Many parallel runs of one account: at most one at a time is admitted.
	var wg sync.WaitGroup
	codes := make([]int, 8)
	for i := range codes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			codes[i] = f.do(t, "city", "POST", "/api/v1/models/allocate", body, nil)
		}(i)
	}
	wg.Wait()
	ok, busy := 0, 0
	for _, c := range codes {
		switch c {
		case 200:
			ok++
		case 429:
			busy++
		default:
			t.Fatalf("status %d", c)
		}
	}
	if ok == 0 || busy == 0 {
		t.Fatalf("parallel runs of one account: %d ran, %d refused; want both", ok, busy)
	}
	// Another account is not blocked by the first.
	if code := f.do(t, "admin", "POST", "/api/v1/models/supply", body, nil); code != 200 {
		t.Fatalf("admin: %d", code)
	}
}

func totpCode(secret string, t time.Time) (string, error) { return totp.GenerateCode(secret, t) }
