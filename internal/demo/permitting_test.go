package demo_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/demo"
	"github.com/sishui/sishui/internal/sqlite"
)

func TestPermitting(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := cityfile.Load(ctx, os.DirFS("../../data/liaocheng"), st); err != nil {
		t.Fatal(err)
	}
	res, err := demo.Permitting(ctx, st, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if res.Certificates < 100 || res.Applications < 5 || res.Plans != 3 || res.Reports == 0 || res.Reports >= res.Certificates {
		t.Fatalf("result %+v", res)
	}
	states := map[string]int{}
	apps, _, err := st.ListApplications(ctx, sishui.ApplicationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apps {
		states[a.State]++
		if a.State == "refused" {
			var d struct{ Refusals []struct{ Rule string } }
			if err := json.Unmarshal(a.Check, &d); err != nil || len(d.Refusals) == 0 || d.Refusals[0].Rule != "public_mains" {
				t.Errorf("refusal check %s", a.Check)
			}
		}
	}
	for _, s := range []string{"submitted", "returned", "under_review", "certified", "refused"} {
		if states[s] == 0 {
			t.Errorf("no application %s: %v", s, states)
		}
	}
	// Groundwater permits name their zone where their county has one of their layer.
	ps, _, _ := st.ListPermits(ctx, sishui.PermitFilter{Region: "371525", Source: sishui.SourceGroundShallow, Page: sishui.Page{Limit: 1}})
	if len(ps) == 1 {
		c, err := st.GetCertificate(ctx, ps[0].ID)
		if err != nil || c.ZoneID == 0 || c.Layer != "shallow" {
			t.Errorf("certificate of %s: %+v %v", ps[0].Number, c, err)
		}
	}
}
