package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sishui/sishui"
)

// raw sends a non-JSON request as role and returns the status, content type and body.
func (f *fixture) raw(t *testing.T, role, method, path, contentType string, body []byte) (int, string, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, f.srv.URL+path, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+f.tokens[role])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

func TestPermitApplications(t *testing.T) { onEngines(t, testPermitApplications) }

func testPermitApplications(t *testing.T, f *fixture) {
	app := map[string]any{"kind": "new", "user_id": f.ent.ID, "project": "扩建项目", "region": f.ent.Region, "source": "yellow_river",
		"sector": "industry", "purpose": "工业生产", "annual_m3": 5000, "term_years": 5, "intake_name": "引黄取水口",
		"return_point": "园区污水处理厂", "return_method": "管道", "return_m3": 1000, "comment": "申请"}
	var created struct {
		sishui.PermitApplication
		Clock struct {
			WaitsOn string `json:"waits_on"`
			Clock   string `json:"clock"`
			Due     string `json:"due"`
		} `json:"clock"`
	}
	if code := f.do(t, "enterprise", "POST", "/api/v1/permit-applications", app, &created); code != 201 {
		t.Fatalf("enterprise applies: %d", code)
	}
	if created.State != "submitted" || created.Clock.WaitsOn != "bureau" || created.Clock.Clock != "completeness" || created.Clock.Due == "" {
		t.Fatalf("created %+v", created)
	}
	id := created.ID
	path := fmt.Sprintf("/api/v1/permit-applications/%d", id)
	other := map[string]any{}
	for k, v := range app {
		other[k] = v
	}
	other["user_id"] = f.ent.ID + 1
	var e struct{ Error struct{ Field string } }
	for _, tc := range []struct {
		name, role, method, path string
		body                     any
		status                   int
		field                    string
	}{
		{"anonymous", "", "GET", "/api/v1/permit-applications", nil, 401, ""},
		{"for another user", "enterprise", "POST", "/api/v1/permit-applications", other, 403, ""},
		{"bad term", "enterprise", "POST", "/api/v1/permit-applications", map[string]any{"kind": "new", "user_id": f.ent.ID, "project": "x", "region": f.ent.Region,
			"source": "yellow_river", "sector": "industry", "annual_m3": 1, "term_years": 0}, 400, "term_years"},
		{"unknown field", "enterprise", "POST", "/api/v1/permit-applications", map[string]any{"colour": 1}, 400, "colour"},
		{"other county", "county2", "GET", path, nil, 404, ""},
		{"enterprise may not accept", "enterprise", "POST", path + "/steps", map[string]any{"action": "accept"}, 403, ""},
		{"action required", "city", "POST", path + "/steps", map[string]any{}, 400, "action"},
		{"not yet", "city", "POST", path + "/steps", map[string]any{"action": "certify"}, 409, "action"},
		{"auditor reads", "auditor", "GET", path, nil, 200, ""},
		{"unknown sort", "city", "GET", "/api/v1/permit-applications?sort=colour", nil, 400, "sort"},
		{"bad order", "city", "GET", "/api/v1/permit-applications?sort=project&order=up", nil, 400, "order"},
	} {
		e.Error.Field = ""
		var dst any = &e
		if tc.status < 300 {
			dst = nil
		}
		if code := f.do(t, tc.role, tc.method, tc.path, tc.body, dst); code != tc.status || e.Error.Field != tc.field {
			t.Errorf("%s: %d %q, want %d %q", tc.name, code, e.Error.Field, tc.status, tc.field)
		}
	}

	// The list sorts and searches on the server, each row with its clock.
	var listed struct {
		Items []struct {
			ID    int64 `json:"id"`
			Clock struct {
				WaitsOn string `json:"waits_on"`
			} `json:"clock"`
		}
		Total int
	}
	if code := f.do(t, "city", "GET", "/api/v1/permit-applications?q=%E6%89%A9%E5%BB%BA&sort=annual_m3&order=desc", nil, &listed); code != 200 || listed.Total != 1 || listed.Items[0].ID != id || listed.Items[0].Clock.WaitsOn != "bureau" {
		t.Fatalf("search: %d %+v", code, listed)
	}
	if code := f.do(t, "city", "GET", "/api/v1/permit-applications?q=nothing-like-it", nil, &listed); code != 200 || listed.Total != 0 {
		t.Fatalf("search for nothing: %d %+v", code, listed)
	}

	// Documents: raw upload, listed, downloaded.
	code, _, body := f.raw(t, "enterprise", "POST", path+"/attachments?name=%E8%AE%BA%E8%AF%81%E6%8A%A5%E5%91%8A.pdf", "application/pdf", []byte("%PDF-1.4 论证报告"))
	if code != 201 {
		t.Fatalf("upload: %d %s", code, body)
	}
	var atts []sishui.Attachment
	if f.do(t, "city", "GET", path+"/attachments", nil, &atts); len(atts) != 1 || atts[0].Name != "论证报告.pdf" {
		t.Fatalf("attachments %+v", atts)
	}
	code, ct, body := f.raw(t, "city", "GET", fmt.Sprintf("/api/v1/permit-attachments/%d", atts[0].ID), "", nil)
	if code != 200 || ct != "application/pdf" || string(body) != "%PDF-1.4 论证报告" {
		t.Fatalf("download %d %s %q", code, ct, body)
	}
	if code, _, _ := f.raw(t, "county2", "GET", fmt.Sprintf("/api/v1/permit-attachments/%d", atts[0].ID), "", nil); code != 404 {
		t.Fatalf("other county downloads: %d", code)
	}

	// The queue, then the bureau's steps to a certificate.
	var queue struct {
		Items []struct {
			ID    int64                    `json:"id"`
			Clock struct{ WaitsOn string } `json:"clock"`
		}
		Total int
	}
	if code := f.do(t, "county", "GET", "/api/v1/permit-applications/queue", nil, &queue); code != 200 || queue.Total != 1 || queue.Items[0].ID != id {
		t.Fatalf("queue %d %+v", code, queue)
	}
	for _, st := range []map[string]any{
		{"action": "accept"},
		{"action": "review", "reviewers": []string{"专家甲"}},
		{"action": "opinion", "reviewer": "专家甲", "opinion": "agree"},
		{"action": "approve", "comment": "准予"},
		{"action": "certify", "certificate": "取水(聊东)字[2026]第901号"},
	} {
		if code := f.do(t, "county", "POST", path+"/steps", st, &created); code != 201 {
			t.Fatalf("%v: %d", st["action"], code)
		}
	}
	if created.State != "certified" || created.PermitID == 0 {
		t.Fatalf("certified %+v", created)
	}
	var steps []sishui.ApplicationStep
	if f.do(t, "enterprise", "GET", path+"/steps", nil, &steps); len(steps) != 6 || steps[3].Opinion != "agree" {
		t.Fatalf("steps %+v", steps)
	}
	var check struct{ Refusals []any }
	if code := f.do(t, "city", "GET", path+"/check", nil, &check); code != 200 {
		t.Fatalf("check %d", code)
	}

	// The certificate as PDF, read back when pdftotext is there.
	code, ct, pdf := f.raw(t, "enterprise", "GET", fmt.Sprintf("/api/v1/permits/%d/certificate.pdf", created.PermitID), "", nil)
	if code == 500 {
		t.Skip("no certificate font installed (scripts/deps.sh)")
	}
	if code != 200 || ct != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("certificate %d %s", code, ct)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		p := filepath.Join(t.TempDir(), "c.pdf")
		if err := os.WriteFile(p, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", p, "-").Output()
		text := strings.Join(strings.Fields(string(out)), "")
		if err != nil || !strings.Contains(text, "取水(聊东)字[2026]第901号") || !strings.Contains(text, f.ent.Name) || !strings.Contains(text, "园区污水处理厂") || !strings.Contains(text, "扩建项目") {
			t.Fatalf("certificate text (%v): %s", err, out)
		}
	}

	// Annual plan by the holder; permit actions by the bureau only.
	if code := f.do(t, "enterprise", "PUT", fmt.Sprintf("/api/v1/permits/%d/annual-plans/2027", created.PermitID), map[string]any{"planned_m3": 4000}, nil); code != 200 {
		t.Fatalf("annual plan %d", code)
	}
	if code := f.do(t, "enterprise", "POST", fmt.Sprintf("/api/v1/permits/%d/actions", created.PermitID), map[string]any{"action": "suspend", "reason": "x"}, nil); code != 403 {
		t.Fatalf("enterprise suspends: %d", code)
	}
	if code := f.do(t, "city", "POST", fmt.Sprintf("/api/v1/permits/%d/actions", created.PermitID), map[string]any{"action": "suspend", "reason": "未按规定计量"}, nil); code != 200 {
		t.Fatalf("suspend: %d", code)
	}

	// Plans and the compliance register.
	area := map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{115.9, 36.4}, {116.1, 36.4}, {116.1, 36.6}, {115.9, 36.4}}}}
	if code := f.do(t, "city", "PUT", "/api/v1/plans/DEV_ZONE", map[string]any{"name": "开发区总体规划", "kind": "development_zone", "region": "371502", "area": area, "status": "pending"}, nil); code != 200 {
		t.Fatalf("plan %d", code)
	}
	if code := f.do(t, "city", "PUT", "/api/v1/plans/BAD", map[string]any{"name": "x", "kind": "development_zone", "region": "371502", "area": map[string]any{"type": "Point"}, "status": "pending"}, &e); code != 400 || e.Error.Field != "area" {
		t.Fatalf("bad plan %d %q", code, e.Error.Field)
	}
	var plans []sishui.Plan
	if f.do(t, "county", "GET", "/api/v1/plans?region=371502", nil, &plans); len(plans) != 1 {
		t.Fatalf("plans %+v", plans)
	}
	var comp struct {
		Permits []struct{ Class string }
		League  []struct {
			County   string
			Required int
		}
	}
	if code := f.do(t, "city", "GET", "/api/v1/metering-compliance", nil, &comp); code != 200 || len(comp.Permits) == 0 || len(comp.League) == 0 {
		t.Fatalf("compliance %d %+v", code, comp.League)
	}
}
