// Package lptest runs glpsol (GLPK's command-line solver) as an independent oracle for
// tests of the lp and allocation packages. GLPK is GPL, so it is only ever run as a
// separate process, never linked.
package lptest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sishui/sishui/internal/lp"
)

// ErrNoGlpsol means glpsol is not on PATH; tests should skip.
var ErrNoGlpsol = errors.New("lptest: glpsol not found")

// Result is glpsol's verdict on a model.
type Result struct {
	Status    string  // e.g. "OPTIMAL", "INFEASIBLE (FINAL)", "UNBOUNDED"
	Objective float64 // meaningful when Status is OPTIMAL
}

// Glpsol writes m as CPLEX LP into dir, solves it with glpsol and parses the status
// and objective from its report. When glpsol's floating-point simplex does not report
// an optimum, the verdict is confirmed with its exact rational simplex (--exact): on
// nearly degenerate problems the default run can misreport infeasibility.
func Glpsol(ctx context.Context, dir string, m *lp.Model) (Result, error) {
	r, err := glpsol(ctx, dir, m)
	if err != nil || r.Status == "OPTIMAL" {
		return r, err
	}
	return glpsol(ctx, dir, m, "--exact")
}

func glpsol(ctx context.Context, dir string, m *lp.Model, extra ...string) (Result, error) {
	bin, err := exec.LookPath("glpsol")
	if err != nil {
		return Result{}, ErrNoGlpsol
	}
	var buf bytes.Buffer
	if err := m.WriteLP(&buf); err != nil {
		return Result{}, fmt.Errorf("lptest: write: %w", err)
	}
	f, err := os.CreateTemp(dir, "model-*.lp")
	if err != nil {
		return Result{}, fmt.Errorf("lptest: %w", err)
	}
	lpPath := f.Name()
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return Result{}, fmt.Errorf("lptest: %w", err)
	}
	if err := f.Close(); err != nil {
		return Result{}, fmt.Errorf("lptest: %w", err)
	}
	out := filepath.Join(dir, filepath.Base(lpPath)+".out")
	args := append([]string{"--nopresol", "--lp", lpPath, "-o", out}, extra...)
	cmd := exec.CommandContext(ctx, bin, args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return Result{}, fmt.Errorf("lptest: glpsol: %w: %s", err, b)
	}
	return parseReport(out)
}

func parseReport(path string) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("lptest: %w", err)
	}
	defer f.Close()
	var r Result
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "Status:"):
			r.Status = strings.TrimSpace(strings.TrimPrefix(line, "Status:"))
		case strings.HasPrefix(line, "Objective:"):
			// "Objective:  obj = -2.8 (MINimum)"
			fs := strings.Fields(line)
			for i, w := range fs {
				if w == "=" && i+1 < len(fs) {
					v, err := strconv.ParseFloat(fs[i+1], 64)
					if err != nil {
						return r, fmt.Errorf("lptest: objective %q: %w", line, err)
					}
					r.Objective = v
				}
			}
			return r, nil
		}
	}
	if err := sc.Err(); err != nil {
		return r, fmt.Errorf("lptest: %w", err)
	}
	if r.Status == "" {
		return r, fmt.Errorf("lptest: no status in glpsol report %s", path)
	}
	return r, nil
}
