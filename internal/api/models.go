package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

// Limits on the work one model request may ask for.
const (
	// MaxScenarioBody caps a model request body.
	MaxScenarioBody = 1 << 20
	// MaxAllocatePeriods caps an allocation's months (62 years: the 61-year
	// simulation fits).
	MaxAllocatePeriods = 744
	// MaxAllocateNodes caps sources + storages + junctions + sinks + demands.
	MaxAllocateNodes = 2000
	// MaxAllocateLinks caps the explicit links (auto links are bounded by the nodes).
	MaxAllocateLinks = 20000
	// MaxModelRegions caps the regions of a forecast or supply scenario.
	MaxModelRegions = 1000
	// MaxModelYears caps forecast years and hydrological series length.
	MaxModelYears = 500
	// MaxAllocateCells caps periods × nodes, the size of the LP and of its answer
	// (the 61-year simulation of a 100-node network fits).
	MaxAllocateCells = 100_000
	// MaxModelResponse caps a model's JSON answer.
	MaxModelResponse = 32 << 20
	// ModelTimeout bounds one model run.
	ModelTimeout = 60 * time.Second
)

// Model names, each the file <name>.yaml in a scenario directory.
var modelNames = []string{"allocate", "forecast", "supply", "capacity"}

// ModelScenario describes one embedded scenario.
type ModelScenario struct {
	Name   string   `json:"name"`   // what {"scenario": NAME} selects
	Models []string `json:"models"` // the models it has a file for
}

// ModelRequest selects an embedded scenario; the body may instead be a whole
// scenario of the model (the formats of internal/allocate, forecast, supply).
type ModelRequest struct {
	Scenario string `json:"scenario"`
}

// CapacityRequest is the body of POST /api/v1/models/capacity: each part is an
// embedded scenario's name (a JSON string) or a scenario object, and absent
// parts come from the embedded scenario named by "scenario".
type CapacityRequest struct {
	Scenario string          `json:"scenario,omitempty"`
	Forecast json.RawMessage `json:"forecast,omitempty"`
	Supply   json.RawMessage `json:"supply,omitempty"`
	Capacity json.RawMessage `json:"capacity,omitempty"`
}

// ModelRoutes returns the model endpoints: POST /api/v1/models/{allocate,
// forecast,supply,capacity} run a model on a scenario given in the body or
// embedded, and GET /api/v1/models/scenarios lists the embedded ones. Keys of
// scenarios name the embedded scenarios (e.g. "liaocheng"); each file system
// holds allocate.yaml, forecast.yaml, supply.yaml and capacity.yaml (absent
// files are not offered). Any logged-in caller may run models; nothing is
// written. At most GOMAXPROCS runs go at once (more get 429), each bounded by
// the size limits above and ModelTimeout.
func ModelRoutes(scenarios map[string]fs.FS) []Route {
	m := &models{scenarios: scenarios, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
	return []Route{
		{Method: "GET", Path: "/api/v1/models/scenarios", Summary: "Embedded model scenarios", Tag: "models", Out: []ModelScenario{},
			Handler: func(w http.ResponseWriter, r *http.Request) error { return writeJSON(w, http.StatusOK, m.list()) }},
		{Method: "POST", Path: "/api/v1/models/allocate", Summary: "Run the allocation model (LP) on a scenario", Tag: "models",
			In: ModelRequest{}, Out: allocate.Result{}, Handler: m.allocate},
		{Method: "POST", Path: "/api/v1/models/forecast", Summary: "Run the demand forecast on a scenario", Tag: "models",
			In: ModelRequest{}, Out: forecast.Result{}, Handler: m.forecast},
		{Method: "POST", Path: "/api/v1/models/supply", Summary: "Run the available-supply model on a scenario", Tag: "models",
			In: ModelRequest{}, Out: supply.Result{}, Handler: m.supply},
		{Method: "POST", Path: "/api/v1/models/capacity", Summary: "Grade carrying capacity from forecast and supply scenarios", Tag: "models",
			In: CapacityRequest{}, Out: capacity.Result{}, Handler: m.capacity},
	}
}

type models struct {
	scenarios map[string]fs.FS
	slots     chan struct{}
}

func (m *models) list() []ModelScenario {
	out := []ModelScenario{}
	for name, fsys := range m.scenarios {
		ms := ModelScenario{Name: name, Models: []string{}}
		for _, model := range modelNames {
			if _, err := fs.Stat(fsys, model+".yaml"); err == nil {
				ms.Models = append(ms.Models, model)
			}
		}
		out = append(out, ms)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// acquire takes a run slot, or fails with ETOOMANY when all are busy.
func (m *models) acquire() (func(), error) {
	select {
	case m.slots <- struct{}{}:
		return func() { <-m.slots }, nil
	default:
		return nil, sishui.Errorf(sishui.ETOOMANY, "all model slots are busy; try again shortly")
	}
}

// readBody returns the request body, at most MaxScenarioBody bytes of JSON.
func readBody(r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return nil, sishui.Invalid("Content-Type", "must be application/json, got %q", ct)
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, MaxScenarioBody+1))
	if err != nil {
		return nil, fmt.Errorf("api: read body: %w", err)
	}
	if len(b) > MaxScenarioBody {
		return nil, sishui.Invalid("body", "is larger than %d bytes", MaxScenarioBody)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, sishui.Invalid("body", "is empty; send a scenario or {\"scenario\": NAME}")
	}
	if !json.Valid(b) {
		return nil, sishui.Invalid("body", "is not valid JSON")
	}
	return b, nil
}

// scenarioBytes returns the scenario of a model: the embedded file when raw is
// {"scenario": NAME} (or the JSON string NAME), else raw itself. field names
// the part for errors.
func (m *models) scenarioBytes(raw []byte, model, field string) ([]byte, error) {
	var name string
	if err := json.Unmarshal(raw, &name); err != nil {
		var sel map[string]json.RawMessage
		if json.Unmarshal(raw, &sel) != nil || len(sel) != 1 || sel["scenario"] == nil {
			return raw, nil
		}
		if err := json.Unmarshal(sel["scenario"], &name); err != nil {
			return nil, sishui.Invalid(join(field, "scenario"), "must be the name of an embedded scenario")
		}
		field = join(field, "scenario")
	}
	return m.embedded(name, model, field)
}

func (m *models) embedded(name, model, field string) ([]byte, error) {
	fsys, ok := m.scenarios[name]
	if !ok {
		return nil, sishui.Invalid(field, "no embedded scenario %q (GET /api/v1/models/scenarios lists them)", name)
	}
	b, err := fs.ReadFile(fsys, model+".yaml")
	if err != nil {
		return nil, sishui.Invalid(field, "embedded scenario %q has no %s model", name, model)
	}
	return b, nil
}

// unknownField finds the field in encoding/json's and yaml.v3's unknown-field errors.
var unknownField = regexp.MustCompile(`unknown field "([^"]+)"|field (\S+) not found in type`)

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// invalidScenario turns a model package's validation error into one EINVALID
// error naming the first field at fault and listing every problem; prefix
// qualifies the field (capacity's parts). Parse errors name the body.
func invalidScenario(err error, prefix string) error {
	var ve *allocate.ValidationError
	if errors.As(err, &ve) && len(ve.Problems) > 0 {
		return &sishui.Error{Code: sishui.EINVALID, Field: join(prefix, ve.Problems[0].Field), Message: ve.Error()}
	}
	if f := sishui.ErrorField(err); f != "" && sishui.ErrorCode(err) == sishui.EINVALID {
		return &sishui.Error{Code: sishui.EINVALID, Field: join(prefix, f), Message: err.Error()}
	}
	field := prefix
	if m := unknownField.FindStringSubmatch(err.Error()); m != nil {
		field = join(prefix, m[1]+m[2])
	} else if field == "" {
		field = "body"
	}
	return &sishui.Error{Code: sishui.EINVALID, Field: field, Message: err.Error()}
}

func (m *models) allocate(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	src, err := m.scenarioBytes(body, "allocate", "")
	if err != nil {
		return err
	}
	sc, err := allocate.LoadScenario(bytes.NewReader(src))
	if err != nil {
		return invalidScenario(err, "")
	}
	if sc.Periods > MaxAllocatePeriods {
		return sishui.Invalid("periods", "%d months is more than the API runs (%d); use `sishui model allocate`", sc.Periods, MaxAllocatePeriods)
	}
	if n := len(sc.Sources) + len(sc.Storages) + len(sc.Junctions) + len(sc.Sinks) + len(sc.Demands); n > MaxAllocateNodes {
		return sishui.Invalid("sources", "the network has %d nodes, more than the API runs (%d)", n, MaxAllocateNodes)
	}
	if n := len(sc.Sources) + len(sc.Storages) + len(sc.Junctions) + len(sc.Sinks) + len(sc.Demands); sc.Periods*n > MaxAllocateCells {
		return sishui.Invalid("periods", "%d months × %d nodes is more than the API runs (%d); use `sishui model allocate`", sc.Periods, n, MaxAllocateCells)
	}
	if len(sc.Links) > MaxAllocateLinks {
		return sishui.Invalid("links", "%d links is more than the API runs (%d)", len(sc.Links), MaxAllocateLinks)
	}
	release, err := m.acquire()
	if err != nil {
		return err
	}
	defer release()
	ctx, cancel := context.WithTimeout(r.Context(), ModelTimeout)
	defer cancel()
	res, err := allocate.Run(ctx, sc, nil)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return sishui.Errorf(sishui.ETOOMANY, "the run took longer than %v; shorten it or use `sishui model allocate`", ModelTimeout)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("api: allocate: %w", err)
	case errors.Is(err, allocate.ErrInvalidScenario):
		return invalidScenario(err, "")
	case err != nil:
		// the LP failed on this data (e.g. infeasible minimum flows): the scenario's fault
		return &sishui.Error{Code: sishui.EINVALID, Field: "scenario", Message: err.Error()}
	}
	return replyModel(w, res)
}

// checkForecast bounds a forecast scenario.
func checkForecast(sc *forecast.Scenario, prefix string) error {
	if len(sc.Regions) > MaxModelRegions {
		return sishui.Invalid(join(prefix, "regions"), "%d regions is more than the API runs (%d)", len(sc.Regions), MaxModelRegions)
	}
	if len(sc.Years) > MaxModelYears {
		return sishui.Invalid(join(prefix, "years"), "%d years is more than the API runs (%d)", len(sc.Years), MaxModelYears)
	}
	return nil
}

// checkSupply bounds a supply scenario.
func checkSupply(sc *supply.Scenario, prefix string) error {
	if len(sc.Regions) > MaxModelRegions {
		return sishui.Invalid(join(prefix, "regions"), "%d regions is more than the API runs (%d)", len(sc.Regions), MaxModelRegions)
	}
	if len(sc.GuaranteePcts) > 99 {
		return sishui.Invalid(join(prefix, "guarantee_pcts"), "at most 99 rates")
	}
	for name, s := range sc.Series {
		if n := len(s.AnnualM3ByYear) + len(s.AnnualMMByYear); n > MaxModelYears {
			return sishui.Invalid(join(prefix, "series."+name), "%d years is more than the API runs (%d)", n, MaxModelYears)
		}
	}
	return nil
}

func (m *models) loadForecast(raw []byte, prefix string) (*forecast.Scenario, error) {
	src, err := m.scenarioBytes(raw, "forecast", prefix)
	if err != nil {
		return nil, err
	}
	sc, err := forecast.LoadScenario(bytes.NewReader(src))
	if err != nil {
		return nil, invalidScenario(err, prefix)
	}
	return sc, checkForecast(sc, prefix)
}

func (m *models) loadSupply(raw []byte, prefix string) (*supply.Scenario, error) {
	src, err := m.scenarioBytes(raw, "supply", prefix)
	if err != nil {
		return nil, err
	}
	sc, err := supply.LoadScenario(bytes.NewReader(src))
	if err != nil {
		return nil, invalidScenario(err, prefix)
	}
	return sc, checkSupply(sc, prefix)
}

// runModel runs f in a slot, treating run-time errors as the scenario's fault.
func (m *models) runModel(prefix string, f func() error) error {
	release, err := m.acquire()
	if err != nil {
		return err
	}
	defer release()
	if err := f(); err != nil {
		return invalidScenario(err, prefix)
	}
	return nil
}

func (m *models) forecast(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	sc, err := m.loadForecast(body, "")
	if err != nil {
		return err
	}
	var res *forecast.Result
	if err := m.runModel("", func() (err error) { res, err = forecast.Run(sc); return err }); err != nil {
		return err
	}
	return replyModel(w, res)
}

func (m *models) supply(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	sc, err := m.loadSupply(body, "")
	if err != nil {
		return err
	}
	var res *supply.Result
	if err := m.runModel("", func() (err error) { res, err = supply.Run(sc); return err }); err != nil {
		return err
	}
	return replyModel(w, res)
}

func (m *models) capacity(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	var req CapacityRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return sishui.Invalid("body", "want {\"scenario\": NAME} and/or forecast, supply, capacity parts: %v", err)
	}
	part := func(raw json.RawMessage, name string) ([]byte, error) {
		if len(raw) > 0 && string(raw) != "null" {
			return raw, nil
		}
		if req.Scenario == "" {
			return nil, sishui.Invalid(name, "is required without \"scenario\"")
		}
		b, _ := json.Marshal(req.Scenario)
		return b, nil
	}
	fraw, err := part(req.Forecast, "forecast")
	if err != nil {
		return err
	}
	sraw, err := part(req.Supply, "supply")
	if err != nil {
		return err
	}
	craw, err := part(req.Capacity, "capacity")
	if err != nil {
		return err
	}
	fsc, err := m.loadForecast(fraw, "forecast")
	if err != nil {
		return err
	}
	ssc, err := m.loadSupply(sraw, "supply")
	if err != nil {
		return err
	}
	csrc, err := m.scenarioBytes(craw, "capacity", "capacity")
	if err != nil {
		return err
	}
	csc, err := capacity.LoadScenario(bytes.NewReader(csrc))
	if err != nil {
		return invalidScenario(err, "capacity")
	}
	var fr *forecast.Result
	var sr *supply.Result
	var res *capacity.Result
	if err := m.runModel("forecast", func() (err error) { fr, err = forecast.Run(fsc); return err }); err != nil {
		return err
	}
	if err := m.runModel("supply", func() (err error) { sr, err = supply.Run(ssc); return err }); err != nil {
		return err
	}
	if err := m.runModel("capacity", func() (err error) { res, err = capacity.FromResults(csc, fr, sr); return err }); err != nil {
		return err
	}
	return replyModel(w, res)
}

// replyModel writes a model's result unless its JSON exceeds MaxModelResponse.
func replyModel(w http.ResponseWriter, res any) error {
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	if len(b) > MaxModelResponse {
		return sishui.Invalid("body", "the result is %d bytes, more than the API returns (%d); run `sishui model` instead", len(b), MaxModelResponse)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(append(b, '\n'))
	return err
}
