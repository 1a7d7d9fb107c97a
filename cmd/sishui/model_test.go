package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/capacity"
)

// TestModelEmbedded runs every model on the embedded Liaocheng scenario and
// checks the JSON on stdout.
func TestModelEmbedded(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		checks []string
	}{
		{"allocate", []string{"model", "allocate", "--quiet"}, []string{`"scenario": "Liaocheng demo 2025"`, `"delivered_m3"`, `"lp_solves"`}},
		{"forecast", []string{"model", "forecast"}, []string{`"scenario": "liaocheng-base"`, `"demand_m3"`, `"comparisons"`}},
		{"supply", []string{"model", "supply"}, []string{`"scenario": "liaocheng-2030"`, `"net_m3"`, `"guarantee_pcts"`}},
		{"capacity", []string{"model", "capacity"}, []string{`"guarantee_pct": 75`, `"max_population"`, `"overall_name"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", nil, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d; stderr %s", code, errs)
			}
			if !json.Valid([]byte(out)) {
				t.Fatalf("stdout is not JSON: %.300s", out)
			}
			for _, c := range tc.checks {
				if !strings.Contains(out, c) {
					t.Errorf("output lacks %s", c)
				}
			}
		})
	}
}

// TestModelAllocateFiles writes --out and --csv, reads them back and checks the
// result against its scenario with allocate.Verify (mass balance, constraints).
func TestModelAllocateFiles(t *testing.T) {
	dir := t.TempDir()
	outFile, csvFile := filepath.Join(dir, "result.json"), filepath.Join(dir, "deliveries.csv")
	code, out, errs := runCmd(t, "", nil, "model", "allocate", "--out", outFile, "--csv", csvFile)
	if code != 0 {
		t.Fatalf("exit %d; stderr %s", code, errs)
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing with --out", out)
	}
	if !strings.Contains(errs, "100.0%") {
		t.Errorf("stderr has no finished progress bar: %q", errs)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var res allocate.Result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	src, err := fs.ReadFile(embeddedModels(), "allocate.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := allocate.LoadScenario(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Periods) != sc.Periods {
		t.Fatalf("%d periods, want %d", len(res.Periods), sc.Periods)
	}
	if err := allocate.Verify(sc, &res, 1); err != nil {
		t.Errorf("the written result fails its checks: %v", err)
	}
	f, err := os.Open(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || strings.Join(rows[0], ",") != "month,period,from,to,withdrawn_m3,delivered_m3" {
		t.Fatalf("CSV header/rows: %v", rows[:min(len(rows), 2)])
	}
	var csvTotal, jsonTotal float64
	for _, r := range rows[1:] {
		var v float64
		if err := json.Unmarshal([]byte(r[4]), &v); err != nil {
			t.Fatalf("row %v: %v", r, err)
		}
		csvTotal += v
	}
	for _, p := range res.Periods {
		for _, fl := range p.Flows {
			jsonTotal += fl.WithdrawnM3
		}
	}
	if d := csvTotal - jsonTotal; d > 1 || d < -1 {
		t.Errorf("CSV withdrawals %v m³, JSON %v m³", csvTotal, jsonTotal)
	}
}

// TestModelErrors: broken scenarios name their field and exit 1; bad usage
// exits 2.
func TestModelErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	embedded := func(name string) string {
		b, err := fs.ReadFile(embeddedModels(), name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	badAllocate := write("a.yaml", strings.Replace(embedded("allocate.yaml"), "periods: 12", "periods: -3", 1))
	badForecast := write("f.yaml", strings.Replace(embedded("forecast.yaml"), "irrigation_guarantee_pct: 75", "irrigation_guarantee_pct: 80", 1))
	badSupply := write("s.yaml", strings.Replace(embedded("supply.yaml"), "year: ", "year: 1800 #", 1))
	badCapacity := write("c.yaml", strings.Replace(embedded("capacity.yaml"), "year: 2030", "year: 2031", 1))
	unknownField := write("u.json", `{"name": "x", "start": "2025-01", "periods": 1, "colour": "red"}`)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"allocate field", []string{"model", "allocate", "--quiet", "--scenario", badAllocate}, 1, []string{"a.yaml", "periods", "must be positive"}},
		{"allocate unknown JSON field", []string{"model", "allocate", "--scenario", unknownField}, 1, []string{"colour"}},
		{"forecast field", []string{"model", "forecast", "--scenario", badForecast}, 1, []string{"f.yaml", "irrigation_guarantee_pct"}},
		{"supply field", []string{"model", "supply", "--scenario", badSupply}, 1, []string{"s.yaml", "year"}},
		{"capacity year not forecast", []string{"model", "capacity", "--config", badCapacity}, 1, []string{"c.yaml", "year", "2031"}},
		{"capacity bad forecast", []string{"model", "capacity", "--forecast", badForecast}, 1, []string{"irrigation_guarantee_pct"}},
		{"missing file", []string{"model", "forecast", "--scenario", filepath.Join(dir, "none.yaml")}, 1, []string{"none.yaml"}},
		{"unknown model", []string{"model", "weather"}, 2, []string{"unknown model"}},
		{"no model", []string{"model"}, 2, []string{"Usage"}},
		{"stray argument", []string{"model", "supply", "extra"}, 1, []string{"unexpected argument"}},
		{"bad flag", []string{"model", "allocate", "--nope"}, 1, []string{"nope"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", nil, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout %.200s stderr %s", code, tc.code, out, errs)
			}
			for _, c := range tc.stderr {
				if !strings.Contains(errs, c) {
					t.Errorf("stderr lacks %q: %s", c, errs)
				}
			}
		})
	}
}

// TestModelCapacityFiles runs the capacity chain from files given on the
// command line and writes --out.
func TestModelCapacityFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"forecast.yaml", "supply.yaml", "capacity.yaml"} {
		b, err := fs.ReadFile(embeddedModels(), name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "capacity.yaml" {
			b = bytes.Replace(b, []byte("guarantee_pct: 75"), []byte("guarantee_pct: 95"), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outFile := filepath.Join(dir, "out.json")
	code, _, errs := runCmd(t, "", nil, "model", "capacity", "--forecast", filepath.Join(dir, "forecast.yaml"),
		"--supply", filepath.Join(dir, "supply.yaml"), "--config", filepath.Join(dir, "capacity.yaml"), "--out", outFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		GuaranteePct int `json:"guarantee_pct"`
		Regions      []struct {
			Assessment struct {
				Overall capacity.Grade `json:"overall"`
			} `json:"assessment"`
		} `json:"regions"`
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	if res.GuaranteePct != 95 || len(res.Regions) != 8 {
		t.Errorf("guarantee %d with %d regions, want 95 and 8", res.GuaranteePct, len(res.Regions))
	}
}

// BenchmarkModelAllocateCLI is a full `sishui model allocate` of the embedded
// Liaocheng scenario: read, validate, 12 monthly LP horizons, JSON and CSV out.
func BenchmarkModelAllocateCLI(b *testing.B) {
	dir := b.TempDir()
	args := []string{"model", "allocate", "--out", filepath.Join(dir, "r.json"), "--csv", filepath.Join(dir, "d.csv")}
	for b.Loop() {
		if code := run(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" }); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
