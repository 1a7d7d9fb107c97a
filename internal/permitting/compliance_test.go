package permitting

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	r := DefaultComplianceRule()
	now := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	recent, old := now.Add(-time.Hour), now.Add(-72*time.Hour)
	for _, tc := range []struct {
		name string
		p    PermitMetering
		want string
	}{
		{"not required", PermitMetering{}, MeterNotRequired},
		{"missing", PermitMetering{Required: true}, MeterMissing},
		{"never seen", PermitMetering{Required: true, Terminals: []Terminal{{PointID: 1}}}, MeterSilent},
		{"silent", PermitMetering{Required: true, Terminals: []Terminal{{PointID: 1, LastSeen: old, Expected: 24, Received: 24}}}, MeterSilent},
		{"one of two live", PermitMetering{Required: true, Terminals: []Terminal{{LastSeen: old}, {LastSeen: recent, Expected: 10, Received: 10}}}, MeterCompliant},
		{"incomplete", PermitMetering{Required: true, Terminals: []Terminal{{LastSeen: recent, Expected: 100, Received: 89}}}, MeterDataIncomplete},
		{"at threshold", PermitMetering{Required: true, Terminals: []Terminal{{LastSeen: recent, Expected: 100, Received: 90}}}, MeterCompliant},
	} {
		if got := r.Classify(tc.p, now); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestLeague(t *testing.T) {
	rows := League([]Classified{
		{County: "A", Class: MeterCompliant}, {County: "A", Class: MeterMissing}, {County: "A", Class: MeterNotRequired},
		{County: "B", Class: MeterCompliant}, {County: "B", Class: MeterCompliant},
		{County: "C", Class: MeterSilent}, {County: "C", Class: MeterCompliant}, {County: "C", Class: MeterCompliant}, {County: "C", Class: MeterDataIncomplete},
	})
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	// A and C both 50 %: C has more permits required, so ranks first.
	order := []string{rows[0].County, rows[1].County, rows[2].County}
	if order[0] != "B" || order[1] != "C" || order[2] != "A" {
		t.Errorf("order %v", order)
	}
	if rows[2].Required != 2 || rows[2].Compliant != 1 || rows[2].RatePct != 50 || rows[2].Classes[MeterNotRequired] != 1 || rows[2].Rank != 3 {
		t.Errorf("A row %+v", rows[2])
	}
}
