package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

const modelUsage = `Usage:
  sishui model allocate [--scenario FILE] [--out FILE] [--csv FILE] [--quiet]
  sishui model forecast [--scenario FILE] [--out FILE]
  sishui model supply   [--scenario FILE] [--out FILE]
  sishui model capacity [--forecast FILE] [--supply FILE] [--config FILE] [--out FILE]

Scenario files are YAML or JSON (formats: go doc ./internal/allocate, forecast,
supply, capacity). Without a file the embedded Liaocheng demo scenario is used.
The result is JSON on stdout or in --out FILE.
`

// embeddedModels returns the embedded Liaocheng model scenarios
// (allocate.yaml, forecast.yaml, supply.yaml, capacity.yaml).
func embeddedModels() fs.FS {
	sub, err := fs.Sub(liaocheng.Models, "models")
	if err != nil {
		panic(err) // "models" is a valid path; fs.Sub cannot fail on it
	}
	return sub
}

func cmdModel(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, modelUsage)
		return exitError(2)
	}
	switch args[0] {
	case "allocate":
		return modelAllocate(ctx, e, args[1:])
	case "forecast":
		return modelForecast(e, args[1:])
	case "supply":
		return modelSupply(e, args[1:])
	case "capacity":
		return modelCapacity(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, modelUsage)
		return nil
	}
	fmt.Fprintf(e.stderr, "sishui model: unknown model %q\n\n%s", args[0], modelUsage)
	return exitError(2)
}

func (e *env) modelFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("sishui model "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parseModelFlags parses the flags and rejects stray arguments.
func parseModelFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// readScenario returns the file's bytes, or the embedded scenario when path
// is empty, with a name for messages.
func readScenario(path, embedded string) ([]byte, string, error) {
	if path == "" {
		b, err := fs.ReadFile(embeddedModels(), embedded)
		if err != nil {
			return nil, "", fmt.Errorf("embedded %s: %w", embedded, err)
		}
		return b, "embedded " + embedded, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	return b, path, nil
}

// writeOut writes a result with write to path, or to stdout when path is "".
func (e *env) writeOut(path string, write func(io.Writer) error) error {
	if path == "" {
		return write(e.stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeIndented(v any) func(io.Writer) error {
	return func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
		return nil
	}
}

func modelAllocate(ctx context.Context, e *env, args []string) error {
	fs := e.modelFlags("allocate")
	scenario := fs.String("scenario", "", "allocation scenario `FILE` (YAML or JSON); default: the embedded Liaocheng one")
	out := fs.String("out", "", "write the result JSON to `FILE` instead of stdout")
	csvOut := fs.String("csv", "", "also write the deliveries (month, link, volumes) as CSV to `FILE`")
	quiet := fs.Bool("quiet", false, "draw no progress bar")
	if err := parseModelFlags(fs, args); err != nil {
		return err
	}
	res, sc, err := runAllocate(ctx, *scenario, *quiet, e.stderr)
	if err != nil {
		return err
	}
	if err := e.writeOut(*out, func(w io.Writer) error { return allocate.WriteJSON(w, res) }); err != nil {
		return err
	}
	if *csvOut != "" {
		if err := e.writeOut(*csvOut, func(w io.Writer) error { return allocate.WriteDeliveriesCSV(w, res) }); err != nil {
			return err
		}
	}
	if *out != "" {
		fmt.Fprintf(e.stderr, "%s: %d months, %d LP solves → %s\n", sc.Name, len(res.Periods), res.Solves, *out)
	}
	return nil
}

// runAllocate loads and runs an allocation scenario, drawing a progress bar on
// progress unless quiet.
func runAllocate(ctx context.Context, path string, quiet bool, progress io.Writer) (*allocate.Result, *allocate.Scenario, error) {
	data, name, err := readScenario(path, "allocate.yaml")
	if err != nil {
		return nil, nil, err
	}
	sc, err := allocate.LoadScenario(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	var bar *progressBar
	var cb func(done, total int)
	if !quiet {
		bar = newProgressBar(progress, int64(sc.Periods))
		cb = func(done, total int) {
			if done < total { // done() draws the last state
				bar.set(int64(done))
			}
		}
	}
	res, err := allocate.Run(ctx, sc, cb)
	if bar != nil {
		if err == nil {
			bar.done()
		} else {
			fmt.Fprintln(progress)
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, sc, nil
}

func loadForecast(path string) (*forecast.Scenario, error) {
	data, name, err := readScenario(path, "forecast.yaml")
	if err != nil {
		return nil, err
	}
	sc, err := forecast.LoadScenario(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return sc, nil
}

func loadSupply(path string) (*supply.Scenario, error) {
	data, name, err := readScenario(path, "supply.yaml")
	if err != nil {
		return nil, err
	}
	sc, err := supply.LoadScenario(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return sc, nil
}

func modelForecast(e *env, args []string) error {
	fs := e.modelFlags("forecast")
	scenario := fs.String("scenario", "", "forecast scenario `FILE` (YAML or JSON); default: the embedded Liaocheng one")
	out := fs.String("out", "", "write the result JSON to `FILE` instead of stdout")
	if err := parseModelFlags(fs, args); err != nil {
		return err
	}
	sc, err := loadForecast(*scenario)
	if err != nil {
		return err
	}
	res, err := forecast.Run(sc)
	if err != nil {
		return err
	}
	return e.writeOut(*out, writeIndented(res))
}

func modelSupply(e *env, args []string) error {
	fs := e.modelFlags("supply")
	scenario := fs.String("scenario", "", "supply scenario `FILE` (YAML or JSON); default: the embedded Liaocheng one")
	out := fs.String("out", "", "write the result JSON to `FILE` instead of stdout")
	if err := parseModelFlags(fs, args); err != nil {
		return err
	}
	sc, err := loadSupply(*scenario)
	if err != nil {
		return err
	}
	res, err := supply.Run(sc)
	if err != nil {
		return err
	}
	return e.writeOut(*out, writeIndented(res))
}

func modelCapacity(e *env, args []string) error {
	fs := e.modelFlags("capacity")
	fc := fs.String("forecast", "", "forecast scenario `FILE`; default: the embedded Liaocheng one")
	sp := fs.String("supply", "", "supply scenario `FILE`; default: the embedded Liaocheng one")
	cfg := fs.String("config", "", "capacity scenario `FILE` (year, guarantee rate, caps, bands); default: the embedded Liaocheng one")
	out := fs.String("out", "", "write the result JSON to `FILE` instead of stdout")
	if err := parseModelFlags(fs, args); err != nil {
		return err
	}
	res, err := runCapacity(*fc, *sp, *cfg)
	if err != nil {
		return err
	}
	return e.writeOut(*out, writeIndented(res))
}

func runCapacity(forecastPath, supplyPath, configPath string) (*capacity.Result, error) {
	fsc, err := loadForecast(forecastPath)
	if err != nil {
		return nil, err
	}
	ssc, err := loadSupply(supplyPath)
	if err != nil {
		return nil, err
	}
	data, name, err := readScenario(configPath, "capacity.yaml")
	if err != nil {
		return nil, err
	}
	csc, err := capacity.LoadScenario(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fr, err := forecast.Run(fsc)
	if err != nil {
		return nil, err
	}
	sr, err := supply.Run(ssc)
	if err != nil {
		return nil, err
	}
	res, err := capacity.FromResults(csc, fr, sr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}
