package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/xuri/excelize/v2"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/alerting"
	"github.com/sishui/sishui/internal/citytest"
)

// accountingServer serves AccountingRoutes plus the registry's permit
// routes through the Server's wrapper (authentication from test headers).
func accountingServer(t *testing.T, now time.Time) (*httptest.Server, sishui.Store, *accounting.Service) {
	t.Helper()
	ts, st, svc, _ := servicesServer(t, now)
	return ts, st, svc
}

// alertingServer is accountingServer with the warning service it also serves
// (AlertRoutes).
func alertingServer(t *testing.T, now time.Time) (*httptest.Server, sishui.Store, *alerting.Service) {
	t.Helper()
	ts, st, _, alerts := servicesServer(t, now)
	return ts, st, alerts
}

func servicesServer(t *testing.T, now time.Time) (*httptest.Server, sishui.Store, *accounting.Service, *alerting.Service) {
	t.Helper()
	st := citytest.SQLiteAt(t, time.Time{})
	svc, err := accounting.New(st, accounting.Config{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	alerts, err := alerting.New(st, svc, alerting.Config{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Metrics: metrics.NewSet()}
	mux := http.NewServeMux()
	routes := append(AccountingRoutes(svc), AlertRoutes(alerts)...)
	for _, rt := range s.registryRoutes() {
		if strings.HasPrefix(rt.Path, "/api/v1/permits") {
			routes = append(routes, rt)
		}
	}
	for _, rt := range routes {
		mux.Handle(rt.Method+" "+rt.Path, testWrap(s, rt))
	}
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts, st, svc, alerts
}

// testWrap is the API's gate with the actor taken from test headers
// (X-Role, X-User, X-Region) instead of a session or token.
func testWrap(s *Server, rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := &sishui.Actor{Username: "anonymous", Role: sishui.RolePublic}
		if role := r.Header.Get("X-Role"); role != "" {
			actor = &sishui.Actor{Username: r.Header.Get("X-User"), Role: role, Region: r.Header.Get("X-Region")}
		}
		if actor.Role == sishui.RolePublic && !rt.Public && !isPublicRead(r) {
			s.writeError(w, r, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "log in"})
			return
		}
		if err := rt.Handler(w, r.WithContext(sishui.WithActor(r.Context(), actor))); err != nil {
			s.writeError(w, r, err)
		}
	})
}

func do(t *testing.T, ts *httptest.Server, method, path, role string, body any) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, ts.URL+path, rd)
	if role != "" {
		req.Header.Set("X-Role", role)
		req.Header.Set("X-User", role+"-user")
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestIndicatorsEndpoint(t *testing.T) {
	ts, _, _ := accountingServer(t, time.Date(2026, 6, 1, 4, 0, 0, 0, time.UTC))
	tests := []struct {
		name, path, role string
		status           int
	}{
		{"public, 2026", "/api/v1/indicators?year=2026", "", 200},
		{"city, current year", "/api/v1/indicators", "city", 200},
		{"public, a county", "/api/v1/indicators?year=2026&region=371502", "", 403},
		{"bad year", "/api/v1/indicators?year=x", "", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := do(t, ts, "GET", tt.path, tt.role, nil)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d: %s", resp.StatusCode, b)
			}
			if tt.status != 200 {
				return
			}
			var got []map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != 10 {
				t.Fatalf("%d indicators", len(got))
			}
			for _, x := range got {
				for _, k := range []string{"id", "seq", "name", "name_en", "unit", "binding", "direction", "year", "target", "actual", "basis", "status", "ytd", "projection"} {
					if _, ok := x[k]; !ok {
						t.Errorf("%v: no %s", x["id"], k)
					}
				}
				if x["target"] == nil {
					t.Errorf("%v: no target", x["id"])
				}
				switch x["basis"] {
				case "computed", "entered", "no data":
				default:
					t.Errorf("%v: basis %v", x["id"], x["basis"])
				}
				if x["year"] != float64(2026) {
					t.Errorf("%v: year %v", x["id"], x["year"])
				}
			}
		})
	}
}

func TestPermitCapEndpoint(t *testing.T) {
	ts, st, _ := accountingServer(t, time.Now())
	ctx := context.Background()
	year := time.Now().In(sishui.BeijingTime).Year()
	if err := st.UpsertCap(ctx, &sishui.RegionCap{Region: "371524", Year: year, TotalM3: 1000, GroundwaterM3: 500}); err != nil {
		t.Fatal(err)
	}
	resp, b := do(t, ts, "PUT", "/api/v1/use/entered", "city", sishui.EnteredUse{Region: "371524", Source: "surface", Sector: "irrigation", Month: year*100 + 1, VolumeM3: 1200})
	if resp.StatusCode != 200 {
		t.Fatalf("enter: %d %s", resp.StatusCode, b)
	}
	ps, _, err := st.ListPermits(ctx, sishui.PermitFilter{Region: "371524"})
	if err != nil || len(ps) == 0 {
		t.Fatal(err)
	}
	p := *ps[0]
	p.ID, p.Number, p.MonthlyPlanM3 = 0, "API-1", nil
	resp, b = do(t, ts, "POST", "/api/v1/permits", "city", p)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(string(b), "限批") || !strings.Contains(string(b), "1200") {
		t.Fatalf("capped region: %d %s", resp.StatusCode, b)
	}
	req := OverrideRequest{Permit: p, Justification: "新建应急水源，市政府批准"}
	if resp, b = do(t, ts, "POST", "/api/v1/permits/override", "city", req); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("city override: %d %s", resp.StatusCode, b)
	}
	if resp, b = do(t, ts, "POST", "/api/v1/permits/override", "admin", OverrideRequest{Permit: p}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("no justification: %d %s", resp.StatusCode, b)
	}
	if resp, b = do(t, ts, "POST", "/api/v1/permits/override", "admin", req); resp.StatusCode != http.StatusCreated {
		t.Fatalf("admin override: %d %s", resp.StatusCode, b)
	}
	resp, b = do(t, ts, "GET", "/api/v1/permits/overrides", "admin", nil)
	var list List[sishui.PermitOverride]
	if err := json.Unmarshal(b, &list); err != nil || resp.StatusCode != 200 || list.Total != 1 || list.Items[0].Justification != req.Justification {
		t.Fatalf("overrides: %d %s", resp.StatusCode, b)
	}
	audit, _, err := st.ListAudit(sishui.WithActor(ctx, &sishui.Actor{Username: "a", Role: sishui.RoleAdmin}), sishui.AuditFilter{Entity: "permit"})
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range audit {
		if e.Action == "override" {
			reasons = append(reasons, e.Reason)
		}
	}
	if len(reasons) != 1 || reasons[0] != req.Justification {
		t.Fatalf("override audit reasons %q", reasons)
	}
}

func TestReportEndpoint(t *testing.T) {
	ts, st, _ := accountingServer(t, time.Date(2026, 4, 2, 4, 0, 0, 0, time.UTC))
	ctx := context.Background()
	for _, e := range []sishui.EnteredUse{
		{Region: "371502", Source: "yellow_river", Sector: "irrigation", Month: 202603, VolumeM3: 3000},
		{Region: "371521", Source: "ground_shallow", Sector: "irrigation", Month: 202603, VolumeM3: 1000},
	} {
		if err := st.UpsertEnteredUse(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, query, role string
		status            int
		ctype             string
	}{
		{"xlsx", "?year=2026&month=3&format=xlsx", "city", 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"csv", "?year=2026&month=3&format=csv", "city", 200, "text/csv; charset=utf-8"},
		{"json", "?year=2026&month=3", "city", 200, "application/json; charset=utf-8"},
		{"no month", "?year=2026", "city", 400, ""},
		{"bad format", "?year=2026&month=3&format=pdf", "city", 400, ""},
		{"anonymous", "?year=2026&month=3", "", 401, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := do(t, ts, "GET", "/api/v1/reports/monthly"+tt.query, tt.role, nil)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d: %s", resp.StatusCode, b)
			}
			if tt.status != 200 {
				return
			}
			if ct := resp.Header.Get("Content-Type"); ct != tt.ctype {
				t.Fatalf("content type %q", ct)
			}
			if tt.name != "json" && !strings.Contains(resp.Header.Get("Content-Disposition"), "sishui-monthly-371500-2026-03") {
				t.Fatalf("disposition %q", resp.Header.Get("Content-Disposition"))
			}
			if tt.name != "xlsx" {
				return
			}
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want := []string{"用水量_按水源", "用水量_按行业", "用水量_按区县", "主要任务目标完成情况", "预警信息", "数据到报率"}
			if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("sheets %q", got)
			}
			rows, err := f.GetRows("用水量_按水源")
			if err != nil {
				t.Fatal(err)
			}
			// Title, header, ground_shallow, yellow_river, total.
			if len(rows) != 5 || rows[1][0] != "水源代码" || rows[3][1] != "引黄水" || rows[3][3] != "3000" || rows[4][3] != "4000" {
				t.Fatalf("use by source %q", rows)
			}
			ind, err := f.GetRows("主要任务目标完成情况")
			if err != nil {
				t.Fatal(err)
			}
			if len(ind) != 12 || ind[2][1] != "用水总量" || ind[2][4] != "20.1" {
				t.Fatalf("indicators %q", ind)
			}
		})
	}
}

func TestAlertEndpoints(t *testing.T) {
	now := time.Date(2026, 12, 31, 2, 0, 0, 0, time.UTC)
	ts, st, svc := alertingServer(t, now)
	ctx := context.Background()
	if err := st.UpsertCap(ctx, &sishui.RegionCap{Region: "371526", Year: 2026, TotalM3: 1000, GroundwaterM3: 0}); err != nil {
		t.Fatal(err)
	}
	if err := st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: "371526", Source: "surface", Sector: "irrigation", Month: 202612, VolumeM3: 1100}); err != nil {
		t.Fatal(err)
	}
	// Follow the stream as a county user of 371526.
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/alerts/stream", nil)
	req.Header.Set("X-Role", "county")
	req.Header.Set("X-User", "zhao")
	req.Header.Set("X-Region", "371526")
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	resp, err := ts.Client().Do(req.WithContext(sctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream content type %q", resp.Header.Get("Content-Type"))
	}
	rd := bufio.NewReader(resp.Body)
	if line, _ := rd.ReadString('\n'); !strings.HasPrefix(line, ":") {
		t.Fatalf("stream starts with %q", line)
	}
	if svc.Broker().Subscribers() != 1 { // the handler subscribes before writing the first line
		t.Fatalf("%d subscribers", svc.Broker().Subscribers())
	}
	if _, err := svc.Eval(ctx, now); err != nil {
		t.Fatal(err)
	}
	var event, data string
	for data == "" {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimSpace(strings.TrimPrefix(line, "event: "))
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimSpace(strings.TrimPrefix(line, "data: "))
		}
	}
	var a sishui.Alert
	if err := json.Unmarshal([]byte(data), &a); err != nil || event != "alert" || a.Subject != "region:371526" || a.Level != "red" ||
		a.SubjectName != "高唐县" || a.RegionName != "高唐县" {
		t.Fatalf("stream event %q %s (%v)", event, data, err)
	}
	// List, get, ack.
	r, b := do(t, ts, "GET", "/api/v1/alerts?state=firing&kind=region_total_use", "city", nil)
	var list List[sishui.Alert]
	if err := json.Unmarshal(b, &list); err != nil || r.StatusCode != 200 || list.Total != 1 || list.Items[0].RegionName != "高唐县" || list.Items[0].SubjectName != "高唐县" {
		t.Fatalf("list: %d %s", r.StatusCode, b)
	}
	if r, b = do(t, ts, "GET", "/api/v1/alerts?sort=message", "city", nil); r.StatusCode != 400 || !strings.Contains(string(b), `"field":"sort"`) {
		t.Fatalf("unknown sort: %d %s", r.StatusCode, b)
	}
	for q, want := range map[string]int{"%E9%AB%98%E5%94%90%E5%8E%BF%E9%9B%A8%E9%87%8F%E7%AB%99": 2, "REGION:371526": 1, "nothing-like-this": 0} { // 高唐县雨量站: two points' names
		var l List[sishui.Alert]
		r, b = do(t, ts, "GET", "/api/v1/alerts?q="+q+"&sort=level&order=desc", "city", nil)
		if err := json.Unmarshal(b, &l); err != nil || r.StatusCode != 200 || l.Total != want {
			t.Fatalf("alerts q=%s: %d %s", q, r.StatusCode, b)
		}
	}
	id := list.Items[0].ID
	path := "/api/v1/alerts/" + strconv.FormatInt(id, 10)
	if r, b = do(t, ts, "POST", path+"/ack", "auditor", AckRequest{Comment: "x"}); r.StatusCode != http.StatusForbidden {
		t.Fatalf("auditor ack: %d %s", r.StatusCode, b)
	}
	if r, b = do(t, ts, "POST", path+"/ack", "city", AckRequest{Comment: "已督办"}); r.StatusCode != 200 {
		t.Fatalf("ack: %d %s", r.StatusCode, b)
	}
	if r, b = do(t, ts, "POST", path+"/ack", "city", AckRequest{Comment: "again"}); r.StatusCode != http.StatusConflict {
		t.Fatalf("second ack: %d %s", r.StatusCode, b)
	}
	r, b = do(t, ts, "GET", path, "city", nil)
	var got sishui.Alert
	if err := json.Unmarshal(b, &got); err != nil || r.StatusCode != 200 {
		t.Fatalf("get: %d %s", r.StatusCode, b)
	}
	var types []string
	for _, e := range got.History {
		types = append(types, e.Type)
	}
	if got.State != "acknowledged" || got.AckBy != "city-user" || got.RegionName != "高唐县" || strings.Join(types, ",") != "pending,firing,acknowledged" {
		t.Fatalf("alert %+v, history %q", got, types)
	}
	if r, _ = do(t, ts, "GET", path, "", nil); r.StatusCode != http.StatusUnauthorized {
		t.Fatalf("anonymous get: %d", r.StatusCode)
	}
}
