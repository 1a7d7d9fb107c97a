package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/plan"
)

func TestScorecardEndpoint(t *testing.T) {
	now := time.Date(2026, 5, 1, 4, 0, 0, 0, time.UTC)
	_, st, svc := accountingServer(t, now)
	s := &Server{Store: st}
	mux := http.NewServeMux()
	for _, rt := range ScorecardRoutes(svc, nil) {
		mux.Handle(rt.Method+" "+rt.Path, testWrap(s, rt))
	}
	ts := httptest.NewServer(mux)
	defer ts.Close()
	// A county report, so that 东昌府区 carries a task on schedule.
	ctx := sishui.WithActor(t.Context(), sishui.SystemActor)
	if err := st.AddTaskReport(ctx, &sishui.TaskReport{Task: "3_3", Year: 2025, Quarter: 1, Region: "371502", Text: "排查", ProgressPct: 100, Done: true}); err != nil {
		t.Fatal(err)
	}
	resp, body := do(t, ts, "GET", "/api/v1/scorecards?year=2025", "city", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var cards []plan.Scorecard
	if err := json.Unmarshal(body, &cards); err != nil {
		t.Fatal(err)
	}
	if len(cards) != 8 || cards[0].Rank != 1 || cards[7].Rank < 2 {
		t.Fatalf("cards %+v", cards)
	}
	for i := 1; i < len(cards); i++ {
		if cards[i].Total > cards[i-1].Total {
			t.Fatalf("not ranked: %+v", cards)
		}
	}
	for _, c := range cards {
		if c.Region != "371502" {
			continue
		}
		for _, p := range c.Parts {
			if p.Name == "tasks" && (p.Score == nil || *p.Score != 50) { // 3_3 done (100), 4_3 not reported (late, 0)
				t.Errorf("东昌府 tasks %+v, want 50", p)
			}
		}
	}
	resp, body = do(t, ts, "GET", "/api/v1/scorecards?year=2025&weights=1,0,0,0,0", "city", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if resp, _ := do(t, ts, "GET", "/api/v1/scorecards?weights=1,2", "city", nil); resp.StatusCode != 400 {
		t.Fatalf("bad weights: %d", resp.StatusCode)
	}
	resp, body = do(t, ts, "GET", "/api/v1/scorecards?year=2025&format=xlsx", "city", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("xlsx %d %s", resp.StatusCode, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("县级综合评价")
	if len(rows) != 2+8 || rows[1][8] != "综合得分" {
		t.Fatalf("xlsx rows %v", rows)
	}
}

// TestIndicatorsComputedFromWorks: GET /api/v1/indicators shows the indicators
// the works give (the demo's 2025 measurements) with basis computed.
func TestIndicatorsComputedFromWorks(t *testing.T) {
	ts, _, _ := accountingServer(t, time.Date(2026, 2, 1, 4, 0, 0, 0, time.UTC))
	resp, body := do(t, ts, "GET", "/api/v1/indicators?year=2025", "city", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var got []struct {
		ID     string   `json:"id"`
		Basis  string   `json:"basis"`
		Actual *float64 `json:"actual"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	computed := map[string]bool{}
	for _, x := range got {
		computed[x.ID] = x.Basis == "computed" && x.Actual != nil
	}
	for _, id := range []string{"irrigation_efficiency", "network_leakage_rate", "industrial_reuse_rate", "chem_park_unconventional_share", "wwtp_upgrade_rate"} {
		if !computed[id] {
			t.Errorf("%s is not computed: %s", id, body)
		}
	}
}
