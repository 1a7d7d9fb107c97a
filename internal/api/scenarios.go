package api

import (
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/workspace"
)

// ScenarioRequest is the body of POST /api/v1/scenarios: a name and the
// changes (workspace.Changes), or a base scenario whose changes are copied
// when changes are absent.
type ScenarioRequest struct {
	Name    string          `json:"name"`
	Note    string          `json:"note,omitempty"`
	Base    int64           `json:"base,omitempty"`
	Changes json.RawMessage `json:"changes,omitempty"`
}

// ScenarioSave is the body of PUT /api/v1/scenarios/{id}: a new version.
type ScenarioSave struct {
	Version int             `json:"version"` // the version being replaced (optimistic concurrency)
	Name    string          `json:"name,omitempty"`
	Note    string          `json:"note,omitempty"`
	Changes json.RawMessage `json:"changes"`
}

// ScenarioShareRequest is the body of POST /api/v1/scenarios/{id}/shares.
type ScenarioShareRequest struct {
	Account string `json:"account"`
	Access  string `json:"access"` // read, edit, or "" to remove
}

// CarryRequest asks 以水定城/地/人/产 for a county.
type CarryRequest struct {
	Region   string `json:"region"`
	Quantity string `json:"quantity"` // population, irrigated_area, industry, gdp
}

// WhatIfRequest runs changes without saving them.
type WhatIfRequest struct {
	Changes json.RawMessage `json:"changes"`
}

// WhatIfCarryRequest asks a county's maximum under unsaved changes.
type WhatIfCarryRequest struct {
	Changes  json.RawMessage `json:"changes"`
	Region   string          `json:"region"`
	Quantity string          `json:"quantity"`
}

// ScenarioBaseline is the city's current data a scenario starts from, with
// the model's counties.
type ScenarioBaseline struct {
	Baseline   workspace.Baseline `json:"baseline"`
	Counties   []workspace.County `json:"counties"`
	Quantities []string           `json:"quantities"`
}

// ScenarioExport is a scenario with every version and result.
type ScenarioExport struct {
	Format   string                    `json:"format"` // "sishui-scenario/1"
	Scenario *sishui.Scenario          `json:"scenario"`
	Versions []*sishui.ScenarioVersion `json:"versions"`
}

// ScenarioRoutes returns the scenario workspace: saved scenarios
// (/api/v1/scenarios…), their runs, 以水定城/地/人/产 answers, comparisons and
// export; and the unsaved what-if runs under /api/v1/models/ (which write
// nothing and obey the model-run admission).
func ScenarioRoutes(svc *accounting.Service, model *workspace.Model) []Route {
	h := &scenarios{st: svc.Store(), svc: svc, model: model, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
	return []Route{
		{Method: "GET", Path: "/api/v1/scenarios", Summary: "Scenarios the caller owns or has been given", Tag: "scenarios",
			Out: []*sishui.Scenario{}, Handler: h.list},
		{Method: "POST", Path: "/api/v1/scenarios", Summary: "Save a new scenario (version 1)", Tag: "scenarios",
			In: ScenarioRequest{}, Out: sishui.Scenario{}, Handler: h.create},
		{Method: "GET", Path: "/api/v1/scenarios/baseline", Summary: "The city's current data scenarios start from (caps, metered use) and the model's counties", Tag: "scenarios",
			Query: []Param{{"year", "integer", "year (default: the current year)"}}, Out: ScenarioBaseline{}, Handler: h.baselineView},
		{Method: "GET", Path: "/api/v1/scenarios/compare", Summary: "Two scenarios' last results side by side", Tag: "scenarios",
			Query: []Param{{"a", "integer", "scenario id"}, {"b", "integer", "scenario id"}}, Out: workspace.Comparison{}, Handler: h.compare},
		{Method: "GET", Path: "/api/v1/scenarios/{id}", Summary: "A scenario with its current version's changes and result", Tag: "scenarios",
			Out: sishui.Scenario{}, Handler: h.get},
		{Method: "PUT", Path: "/api/v1/scenarios/{id}", Summary: "Save new changes as the next version", Tag: "scenarios",
			In: ScenarioSave{}, Out: sishui.Scenario{}, Handler: h.save},
		{Method: "DELETE", Path: "/api/v1/scenarios/{id}", Summary: "Delete a scenario (its owner or an administrator; not while another starts from it)", Tag: "scenarios", Handler: h.delete},
		{Method: "GET", Path: "/api/v1/scenarios/{id}/versions", Summary: "A scenario's versions", Tag: "scenarios",
			Out: []*sishui.ScenarioVersion{}, Handler: h.versions},
		{Method: "GET", Path: "/api/v1/scenarios/{id}/export", Summary: "A scenario with every version and result as one JSON file", Tag: "scenarios",
			Out: ScenarioExport{}, Handler: h.export},
		{Method: "POST", Path: "/api/v1/scenarios/{id}/run", Summary: "Run the chain forecast → supply → allocation → capacity on the current version and keep the result", Tag: "scenarios",
			Out: sishui.Scenario{}, Handler: h.run},
		{Method: "POST", Path: "/api/v1/scenarios/{id}/shares", Summary: "Share a scenario with an account (read or edit), or stop sharing", Tag: "scenarios",
			In: ScenarioShareRequest{}, Out: sishui.Scenario{}, Handler: h.share},
		{Method: "POST", Path: "/api/v1/scenarios/{id}/carry", Summary: "以水定城/地/人/产: the most a county can carry under the scenario, with the binding constraint", Tag: "scenarios",
			In: CarryRequest{}, Out: workspace.CarryAnswer{}, Handler: h.carry},
		{Method: "POST", Path: "/api/v1/models/whatif", Summary: "Run the scenario chain on unsaved changes", Tag: "models",
			In: WhatIfRequest{}, Out: workspace.Result{}, Handler: h.whatIf},
		{Method: "POST", Path: "/api/v1/models/carry", Summary: "以水定城/地/人/产 under unsaved changes", Tag: "models",
			In: WhatIfCarryRequest{}, Out: workspace.CarryAnswer{}, Handler: h.whatIfCarry},
	}
}

type scenarios struct {
	st    sishui.Store
	svc   *accounting.Service
	model *workspace.Model
	slots chan struct{}
}

func (h *scenarios) acquire() (func(), error) {
	select {
	case h.slots <- struct{}{}:
		return func() { <-h.slots }, nil
	default:
		return nil, sishui.Errorf(sishui.ETOOMANY, "all model slots are busy; try again shortly")
	}
}

// baseline reads this year's caps and metered use of the counties in the
// caller's scope.
func (h *scenarios) baseline(ctx context.Context, year int) (*workspace.Baseline, error) {
	ov, err := h.svc.Overview(ctx, year)
	if err != nil {
		return nil, err
	}
	bl := &workspace.Baseline{Year: ov.Year, Counties: map[string]workspace.BaselineCounty{}}
	rows := ov.Counties
	if len(rows) == 0 && ov.Region != "" { // a county account: its own region
		rows = []accounting.RegionSummary{{Region: ov.Region, UseM3: ov.UseM3, CapM3: ov.CapM3, ProjectedM3: ov.ProjectedM3}}
	}
	// Settled regional rights trades move the caps (as 限批 sees them), and
	// each county's regional water-use right (区域用水权) is shown beside them.
	day := time.Date(ov.Year, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	if now := time.Now(); now.Year() == ov.Year {
		day = now
	}
	shifts, err := h.st.CapShifts(ctx, day)
	if err != nil {
		return nil, err
	}
	rights := map[string]float64{}
	holders, err := h.st.ListRightsHolders(ctx)
	if err != nil && sishui.ErrorCode(err) != sishui.EFORBIDDEN {
		return nil, err
	}
	for _, hd := range holders {
		if hd.Kind != sishui.HolderRegion || hd.Region == "" {
			continue
		}
		bs, err := h.st.RightsBalances(ctx, sishui.RightsFilter{Holder: hd.ID, Year: ov.Year}, day)
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			rights[hd.Region] += float64(b.VolumeM3)
		}
	}
	for _, c := range rows {
		sh := shifts[c.Region]
		bc := workspace.BaselineCounty{UseCapM3: float64(c.CapM3 + sh.TotalM3()), GroundwaterCapM3: float64(c.GroundwaterCapM3 + sh.GroundM3),
			MeteredM3: c.UseM3, ProjectedM3: c.ProjectedM3, RightsM3: rights[c.Region]}
		if c.CapM3 == 0 {
			bc.UseCapM3, bc.GroundwaterCapM3 = 0, 0
		}
		bl.Counties[c.Region] = bc
	}
	return bl, nil
}

func (h *scenarios) changes(raw json.RawMessage, field string) (*workspace.Changes, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, sishui.Invalid(field, "is required")
	}
	ch, err := workspace.DecodeChanges(raw)
	if err != nil {
		return nil, err
	}
	if err := ch.Validate(h.model); err != nil {
		return nil, err
	}
	return ch, nil
}

func (h *scenarios) list(w http.ResponseWriter, r *http.Request) error {
	v, err := h.st.ListScenarios(r.Context())
	return reply(w, v, err)
}

func (h *scenarios) create(w http.ResponseWriter, r *http.Request) error {
	var req ScenarioRequest
	if err := decodeRequired(r, &req, "name"); err != nil {
		return err
	}
	ctx := r.Context()
	if len(req.Changes) == 0 || string(req.Changes) == "null" {
		if req.Base == 0 {
			return sishui.Invalid("changes", "is required (or name a base scenario to start from)")
		}
		base, err := h.st.GetScenario(ctx, req.Base)
		if err != nil {
			return sishui.Invalid("base", "no scenario %d visible to this account", req.Base)
		}
		req.Changes = base.Changes
	}
	if _, err := h.changes(req.Changes, "changes"); err != nil {
		return err
	}
	sc := &sishui.Scenario{Name: req.Name, Note: req.Note, Base: req.Base, Changes: req.Changes}
	return replyCreated(w, sc, h.st.CreateScenario(ctx, sc))
}

func (h *scenarios) get(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := h.st.GetScenario(r.Context(), id)
	return reply(w, v, err)
}

func (h *scenarios) save(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var req ScenarioSave
	if err := decodeRequired(r, &req, "version", "changes"); err != nil {
		return err
	}
	if req.Version <= 0 {
		return sishui.Invalid("version", "must be a positive integer")
	}
	if _, err := h.changes(req.Changes, "changes"); err != nil {
		return err
	}
	v, err := h.st.SaveScenario(r.Context(), id, req.Version, req.Name, req.Note, req.Changes)
	return reply(w, v, err)
}

func (h *scenarios) delete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := h.st.DeleteScenario(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *scenarios) versions(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := h.st.ListScenarioVersions(r.Context(), id)
	return reply(w, v, err)
}

func (h *scenarios) export(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	sc, err := h.st.GetScenario(ctx, id)
	if err != nil {
		return err
	}
	list, err := h.st.ListScenarioVersions(ctx, id)
	if err != nil {
		return err
	}
	out := ScenarioExport{Format: "sishui-scenario/1", Scenario: sc, Versions: make([]*sishui.ScenarioVersion, 0, len(list))}
	for _, v := range list {
		full, err := h.st.GetScenarioVersion(ctx, id, v.Version)
		if err != nil {
			return err
		}
		out.Versions = append(out.Versions, full)
	}
	w.Header().Set("Content-Disposition", `attachment; filename="scenario-`+strconv.FormatInt(id, 10)+`.json"`)
	return writeJSON(w, http.StatusOK, out)
}

func (h *scenarios) run(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	sc, err := h.st.GetScenario(ctx, id)
	if err != nil {
		return err
	}
	if sc.Access != "owner" && sc.Access != sishui.AccessEdit {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "this scenario is shared read-only with this account"}
	}
	ch, err := h.changes(sc.Changes, "changes")
	if err != nil {
		return err
	}
	release, err := h.acquire()
	if err != nil {
		return err
	}
	defer release()
	bl, err := h.baseline(ctx, 0)
	if err != nil {
		return err
	}
	res, err := h.model.Run(ctx, ch, bl)
	if err != nil {
		return err
	}
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	if err := h.st.SetScenarioResult(ctx, id, sc.Version, b); err != nil {
		return err
	}
	v, err := h.st.GetScenario(ctx, id)
	return reply(w, v, err)
}

func (h *scenarios) share(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var req ScenarioShareRequest
	if err := decodeRequired(r, &req, "account", "access"); err != nil {
		return err
	}
	if err := h.st.ShareScenario(r.Context(), id, req.Account, req.Access); err != nil {
		return err
	}
	v, err := h.st.GetScenario(r.Context(), id)
	return reply(w, v, err)
}

func (h *scenarios) carryWith(ctx context.Context, w http.ResponseWriter, ch *workspace.Changes, region, quantity string) error {
	release, err := h.acquire()
	if err != nil {
		return err
	}
	defer release()
	bl, err := h.baseline(ctx, 0)
	if err != nil {
		return err
	}
	a, err := h.model.Carry(ctx, ch, bl, region, quantity)
	return reply(w, a, err)
}

func (h *scenarios) carry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var req CarryRequest
	if err := decodeRequired(r, &req, "region", "quantity"); err != nil {
		return err
	}
	sc, err := h.st.GetScenario(r.Context(), id)
	if err != nil {
		return err
	}
	ch, err := h.changes(sc.Changes, "changes")
	if err != nil {
		return err
	}
	return h.carryWith(r.Context(), w, ch, req.Region, req.Quantity)
}

func (h *scenarios) whatIf(w http.ResponseWriter, r *http.Request) error {
	var req WhatIfRequest
	if err := decodeRequired(r, &req, "changes"); err != nil {
		return err
	}
	ch, err := h.changes(req.Changes, "changes")
	if err != nil {
		return err
	}
	release, err := h.acquire()
	if err != nil {
		return err
	}
	defer release()
	bl, err := h.baseline(r.Context(), 0)
	if err != nil {
		return err
	}
	res, err := h.model.Run(r.Context(), ch, bl)
	return reply(w, res, err)
}

func (h *scenarios) whatIfCarry(w http.ResponseWriter, r *http.Request) error {
	var req WhatIfCarryRequest
	if err := decodeRequired(r, &req, "changes", "region", "quantity"); err != nil {
		return err
	}
	ch, err := h.changes(req.Changes, "changes")
	if err != nil {
		return err
	}
	return h.carryWith(r.Context(), w, ch, req.Region, req.Quantity)
}

func (h *scenarios) baselineView(w http.ResponseWriter, r *http.Request) error {
	year, err := qInt(r, "year")
	if err != nil {
		return err
	}
	if year != 0 {
		if err := sishui.CheckYear("year", year); err != nil {
			return err
		}
	}
	bl, err := h.baseline(r.Context(), year)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ScenarioBaseline{Baseline: *bl, Counties: h.model.Counties(), Quantities: workspace.Quantities})
}

func (h *scenarios) compare(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var res [2]*workspace.Result
	var names [2]string
	for i, p := range []string{"a", "b"} {
		id, err := qInt64(r, p)
		if err != nil {
			return err
		}
		if id == 0 {
			return sishui.Invalid(p, "is required")
		}
		sc, err := h.st.GetScenario(ctx, id)
		if err != nil {
			if sishui.ErrorCode(err) == sishui.ENOTFOUND {
				return sishui.Invalid(p, "no scenario %d visible to this account", id)
			}
			return err
		}
		if len(sc.Result) == 0 {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: p, Message: "scenario " + strconv.FormatInt(id, 10) + " has not been run at its current version"}
		}
		res[i] = new(workspace.Result)
		if err := json.Unmarshal(sc.Result, res[i]); err != nil {
			return err
		}
		names[i] = sc.Name
	}
	return writeJSON(w, http.StatusOK, workspace.Compare(names[0], res[0], names[1], res[1]))
}
