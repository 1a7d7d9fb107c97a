package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func runCmd(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

// A real SL 651 frame built by the codec's own encoder is not available here
// without importing it, so the decode test uses SZY 206's published example
// confirm (PROTOCOLS.md §2.8) and malformed input.
func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		code   int
		checks []string
	}{
		{"szy206 by argument", []string{"decode", "680868335303810D00C0003E16"}, "", 0, []string{`"protocol":"szy206"`, `"afn":"C0"`}},
		{"stdin, one per line, with a bad frame", []string{"decode"}, "# comment\n680868335303810D00C0003E16\n7E7E00\n", 1, []string{`"protocol":"szy206"`, `"error":`, `"offset":3`}},
		{"not hex", []string{"decode", "zz"}, "", 1, []string{`"error":"not hex`}},
		{"unknown start byte", []string{"decode", "AA55"}, "", 1, []string{`"offset":0`}},
		{"forced protocol", []string{"decode", "--protocol", "sl651", "680868335303810D00C0003E16"}, "", 1, []string{`"error":`}},
		{"bad protocol flag", []string{"decode", "--protocol", "modbus", "68"}, "", 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(t, tc.stdin, nil, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout %s stderr %s", code, tc.code, out, errs)
			}
			for _, c := range tc.checks {
				if !strings.Contains(out, c) {
					t.Errorf("output lacks %s:\n%s", c, out)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if line != "" && !json.Valid([]byte(line)) {
					t.Errorf("not one JSON object per line: %s", line)
				}
			}
		})
	}
}

func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	os.WriteFile(file, []byte("db: sqlite:file.db\nhttp: 1.1.1.1:1\nlog_level: debug\n"), 0o644)
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string {
		return map[string]string{"SISHUI_CONFIG": file, "SISHUI_HTTP": "2.2.2.2:2"}[k]
	}}
	fs, cfg, err := e.newFlags("x", []string{"--log-level", "warn"})
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Parse([]string{"--log-level", "warn"}); err != nil {
		t.Fatal(err)
	}
	if cfg.DB != "sqlite:file.db" || cfg.HTTP != "2.2.2.2:2" || cfg.LogLevel != "warn" || cfg.MaxConns != 20000 {
		t.Fatalf("config %+v: want file < env < flag over defaults", cfg)
	}
	if cfg.AuthCache != 5*time.Second || authCacheTTL(cfg.AuthCache) != 5*time.Second {
		t.Fatalf("auth cache %v: want the 5 s default", cfg.AuthCache)
	}
	fs, cfg, err = e.newFlags("x", []string{"--auth-cache", "0"})
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Parse([]string{"--auth-cache", "0"}); err != nil {
		t.Fatal(err)
	}
	if cfg.AuthCache != 0 || authCacheTTL(cfg.AuthCache) >= 0 {
		t.Fatalf("--auth-cache 0 gives %v (service TTL %v): want the cache off", cfg.AuthCache, authCacheTTL(cfg.AuthCache))
	}
	os.WriteFile(file, []byte("colour: red\n"), 0o644)
	if _, _, err := e.newFlags("x", nil); err == nil || !strings.Contains(err.Error(), "colour") {
		t.Fatalf("unknown config key: %v", err)
	}
}

func TestImportAndAudit(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "i.db")
	code, out, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng")
	if code != 0 || !strings.Contains(out, "indicators=10") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	code, out, _ = runCmd(t, "", nil, "audit", "verify", "--db", db)
	if code != 0 || !strings.Contains(out, "intact") {
		t.Fatalf("audit verify: %d %s", code, out)
	}
	code, out, _ = runCmd(t, "", nil, "user", "add", "--db", db, "--role", "county", "--region", "371522", "liming")
	if code != 0 || !strings.Contains(out, "password for liming: ") {
		t.Fatalf("user add: %d %s", code, out)
	}
	code, out, _ = runCmd(t, "", nil, "token", "create", "--db", db, "--user", "liming", "--name", "exchange")
	if code != 0 || !strings.Contains(out, "sst_") {
		t.Fatalf("token create: %d %s", code, out)
	}
	csv := filepath.Join(t.TempDir(), "obs.csv")
	os.WriteFile(csv, []byte("point,protocol,metric,time,value\n"+
		"3715020100,szy206,flow_m3s,2026-05-01 08:00:00,1.5\n"+
		"3715020100,szy206,flow_m3s,2026-05-01T09:00:00+08:00,1.7\n"+
		"3715020100,szy206,colour,2026-05-01 10:00:00,1\n"+
		"3715020100,szy206,flow_m3s,yesterday,1\n"), 0o644)
	code, out, errs = runCmd(t, "", nil, "import", "observations", "--db", db, csv)
	if code != 0 || !strings.Contains(out, "accepted 2") || !strings.Contains(out, "rejected 2") || !strings.Contains(out, "line 4") || !strings.Contains(out, "line 5") {
		t.Fatalf("import observations: %d %s %s", code, out, errs)
	}
	code, out, _ = runCmd(t, "", nil, "import", "observations", "--db", db, csv)
	if code != 0 || !strings.Contains(out, "duplicates 2") {
		t.Fatalf("reimport must count duplicates: %d %s", code, out)
	}
	code, _, errs = runCmd(t, "", nil, "user", "add", "--db", db, "--role", "county", "liming2")
	if code != 1 || !strings.Contains(errs, "region") {
		t.Fatalf("bad user add: %d %s", code, errs)
	}
	if code, _, _ := runCmd(t, "", nil, "nonsense"); code != 2 {
		t.Fatalf("unknown command exit %d", code)
	}
}

// TestDemo starts the demo, reads its URL and accounts, logs in and reads the annex.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		// The made-up year has its own test (internal/demo); under -race it would take minutes here.
		code := run(ctx, []string{"demo", "--http", "127.0.0.1:0", "--history=false"}, strings.NewReader(""), pw, io.Discard, func(string) string { return "" })
		pw.Close()
		done <- code
	}()
	sc := bufio.NewScanner(pr)
	var url string
	urlRE := regexp.MustCompile(`open (http://\S+)/`)
	deadline := time.After(60 * time.Second)
	lines := make(chan string)
	go func() {
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var printed []string
	for url == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("demo ended early: %v", printed)
			}
			printed = append(printed, l)
			if m := urlRE.FindStringSubmatch(l); m != nil {
				url = m[1]
			}
		case <-deadline:
			t.Fatalf("no URL within a minute: %v", printed)
		}
	}
	go func() {
		for range lines {
		}
	}()
	if !strings.Contains(strings.Join(printed, "\n"), "admin-demo") {
		t.Errorf("demo accounts not printed: %v", printed)
	}
	resp, err := http.Get(url + "/api/v1/targets?indicator=total_use&year=2027")
	if err != nil {
		t.Fatal(err)
	}
	var targets []map[string]any
	json.NewDecoder(resp.Body).Decode(&targets)
	resp.Body.Close()
	if len(targets) != 1 || targets[0]["value"] != 20.0 || targets[0]["binding"] != true {
		t.Fatalf("targets %v", targets)
	}
	resp, err = http.Post(url+"/api/v1/login", "application/json", strings.NewReader(`{"username":"city","password":"city-demo"}`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("login %v %v", resp.StatusCode, err)
	}
	var me struct{ Token string }
	json.NewDecoder(resp.Body).Decode(&me)
	resp.Body.Close()
	req, _ := http.NewRequest("GET", url+"/api/v1/points?limit=1", nil)
	req.Header.Set("Authorization", "Bearer "+me.Token)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var pts struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&pts)
	resp.Body.Close()
	if pts.Total < 250 {
		t.Fatalf("demo serves %d points", pts.Total)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("demo exit %d", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("demo did not stop")
	}
}
