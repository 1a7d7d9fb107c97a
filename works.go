package sishui

import (
	"context"
	"math"
	"strings"
	"time"
)

// Work kinds of the works register (工程名录).
const (
	WorkRiver       = "river"               // 河道
	WorkReservoir   = "reservoir"           // 水库
	WorkDistrict    = "irrigation_district" // 灌区
	WorkIntake      = "intake"              // 取水口、引黄闸
	WorkGate        = "gate"                // 闸、拦河闸坝
	WorkWaterWorks  = "water_works"         // 水厂、水源地
	WorkPipeline    = "pipeline"            // 输水管线
	WorkWWTP        = "wwtp"                // 污水处理厂
	WorkReclaimed   = "reclaimed_plant"     // 再生水厂
	WorkChemPark    = "chem_park"           // 化工园区
	WorkPond        = "pond"                // 坑塘（千村千塘）
	WorkTransferHub = "transfer"            // 调水工程（南水北调配套）
)

// WorkKinds lists the kinds.
var WorkKinds = []string{WorkRiver, WorkReservoir, WorkDistrict, WorkIntake, WorkGate, WorkWaterWorks, WorkPipeline, WorkWWTP, WorkReclaimed, WorkChemPark, WorkPond, WorkTransferHub}

// Work states.
const (
	WorkPlanned      = "planned"            // 论证、规划
	WorkPreparing    = "preparing"          // 前期工作
	WorkConstructing = "under_construction" // 在建
	WorkInService    = "in_service"         // 运行
)

// Bases of a register row: what the seed or DOMAIN.md states, or invented for the demo.
const (
	BasisFact     = "fact"     // every value from the plan or DOMAIN.md (with Source)
	BasisMixed    = "mixed"    // the name (and what Source says) is fact, the other values invented
	BasisInvented = "invented" // made up for the demo
)

// Irrigation district types (灌区类型), for the irrigation coefficient's weighting.
const (
	DistrictLarge  = "large"  // 大型 (≥ 30万亩)
	DistrictMedium = "medium" // 中型 (1–30万亩)
	DistrictSmall  = "small"  // 小型
	DistrictWell   = "well"   // 纯井灌区
)

// LevelStorage is one point of a reservoir's level–storage curve (水位–库容曲线).
type LevelStorage struct {
	LevelM    float64 `json:"level_m"`
	StorageM3 int64   `json:"storage_m3"`
}

// Work is one work of the register: a river, reservoir, irrigation district,
// water works, intake, gate, plant, chemical park or pond, with the fields its
// kind uses. It is also a node of the dispatch network (links: WorkLink).
type Work struct {
	Code     string   `json:"code"`
	Kind     string   `json:"kind"`
	Name     string   `json:"name"`
	Region   string   `json:"region"`             // the county it lies in (the city for cross-county works)
	Counties []string `json:"counties,omitempty"` // counties it crosses or serves
	Lon      float64  `json:"lon,omitempty"`
	Lat      float64  `json:"lat,omitempty"`
	Status   string   `json:"status"`
	Basis    string   `json:"basis"`
	Source   string   `json:"source,omitempty"` // what is fact, and where from

	// Reservoirs.
	CapacityM3    int64          `json:"capacity_m3,omitempty"`
	DeadStorageM3 int64          `json:"dead_storage_m3,omitempty"`
	NormalLevelM  float64        `json:"normal_level_m,omitempty"`
	DeadLevelM    float64        `json:"dead_level_m,omitempty"`
	LevelStorage  []LevelStorage `json:"level_storage,omitempty"`
	DistrictType  string         `json:"district_type,omitempty"`  // irrigation districts
	DesignAreaMu  float64        `json:"design_area_mu,omitempty"` // irrigation districts: design irrigated area (亩)
	EffectiveMu   float64        `json:"effective_area_mu,omitempty"`
	DesignFlowM3s float64        `json:"design_flow_m3s,omitempty"` // intakes, gates, canals
	CapacityM3Day float64        `json:"capacity_m3_day,omitempty"` // water works, plants
	Upgraded      bool           `json:"upgraded,omitempty"`        // WWTP: 提标改造 done
	UpgradeYear   int            `json:"upgrade_year,omitempty"`
	LengthKm      float64        `json:"length_km,omitempty"` // rivers, pipelines
	Parent        string         `json:"parent,omitempty"`    // e.g. an intake's district
	Sections      []string       `json:"sections,omitempty"`  // control sections on a river
	Points        []string       `json:"points,omitempty"`    // monitoring points (terminal codes)
	Permits       []string       `json:"permits,omitempty"`   // withdrawal permit numbers
	Note          string         `json:"note,omitempty"`
}

// Validate checks the work's own fields.
func (w *Work) Validate() error {
	if !isCode(w.Code) {
		return Invalid("code", "must be lower-case letters, digits and _")
	}
	if !contains(WorkKinds, w.Kind) {
		return Invalid("kind", "must be one of %s", strings.Join(WorkKinds, ", "))
	}
	if strings.TrimSpace(w.Name) == "" {
		return Invalid("name", "is required")
	}
	if !isDigits(w.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	switch w.Status {
	case WorkPlanned, WorkPreparing, WorkConstructing, WorkInService:
	default:
		return Invalid("status", "must be planned, preparing, under_construction or in_service")
	}
	switch w.Basis {
	case BasisFact, BasisMixed, BasisInvented:
	default:
		return Invalid("basis", "must be fact, mixed or invented")
	}
	if w.Basis != BasisInvented && strings.TrimSpace(w.Source) == "" {
		return Invalid("source", "a fact needs its source")
	}
	if err := validateLonLat(w.Lon, w.Lat); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"design_area_mu", w.DesignAreaMu}, {"effective_area_mu", w.EffectiveMu}, {"design_flow_m3s", w.DesignFlowM3s}, {"capacity_m3_day", w.CapacityM3Day}, {"length_km", w.LengthKm}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			return Invalid(f.name, "must be a non-negative number")
		}
	}
	if w.CapacityM3 < 0 || w.DeadStorageM3 < 0 || w.DeadStorageM3 > w.CapacityM3 && w.CapacityM3 > 0 {
		return Invalid("dead_storage_m3", "must lie between 0 and the capacity")
	}
	for i := 1; i < len(w.LevelStorage); i++ {
		a, b := w.LevelStorage[i-1], w.LevelStorage[i]
		if !(b.LevelM > a.LevelM) || b.StorageM3 < a.StorageM3 {
			return Invalid("level_storage", "point %d: levels must rise and storage must not fall", i+1)
		}
	}
	if w.Kind == WorkDistrict {
		switch w.DistrictType {
		case DistrictLarge, DistrictMedium, DistrictSmall, DistrictWell:
		default:
			return Invalid("district_type", "must be large, medium, small or well")
		}
	}
	return nil
}

// StorageAt interpolates the level–storage curve linearly at level (m),
// clamped to the curve's ends; false without a curve.
func (w *Work) StorageAt(levelM float64) (int64, bool) {
	c := w.LevelStorage
	if len(c) == 0 || math.IsNaN(levelM) {
		return 0, false
	}
	if levelM <= c[0].LevelM {
		return c[0].StorageM3, true
	}
	for i := 1; i < len(c); i++ {
		if levelM <= c[i].LevelM {
			f := (levelM - c[i-1].LevelM) / (c[i].LevelM - c[i-1].LevelM)
			return c[i-1].StorageM3 + int64(math.Round(f*float64(c[i].StorageM3-c[i-1].StorageM3))), true
		}
	}
	return c[len(c)-1].StorageM3, true
}

// WorkLink is a directed link of the network (from → to) with its capacity: a
// canal, pipeline, river reach or transfer.
type WorkLink struct {
	From        string  `json:"from"`
	To          string  `json:"to"`
	Kind        string  `json:"kind"` // canal | pipeline | river | transfer
	CapacityM3s float64 `json:"capacity_m3s"`
	Basis       string  `json:"basis"`
	Source      string  `json:"source,omitempty"`
	Note        string  `json:"note,omitempty"`
}

// Validate checks the link's own fields.
func (l *WorkLink) Validate() error {
	if !isCode(l.From) || !isCode(l.To) || l.From == l.To {
		return Invalid("to", "a link joins two different works")
	}
	switch l.Kind {
	case "canal", "pipeline", "river", "transfer":
	default:
		return Invalid("kind", "must be canal, pipeline, river or transfer")
	}
	if !(l.CapacityM3s >= 0) || math.IsInf(l.CapacityM3s, 0) {
		return Invalid("capacity_m3s", "must be a non-negative number")
	}
	if l.Basis != BasisFact && l.Basis != BasisMixed && l.Basis != BasisInvented {
		return Invalid("basis", "must be fact, mixed or invented")
	}
	return nil
}

// Measurement metrics on works, the inputs of the computed indicators.
const (
	MeasGrossWithdrawalM3 = "gross_withdrawal_m3" // irrigation district: head withdrawal (渠首引水量)
	MeasFieldNetM3PerMu   = "field_net_m3_per_mu" // typical field: net irrigation water per 亩 (净灌溉用水量)
	MeasFieldAreaMu       = "field_area_mu"       // typical field area, or the district's irrigated area of the season
	MeasSuppliedM3        = "supplied_m3"         // water works: 供水总量
	MeasRegisteredM3      = "registered_m3"       // water works: 注册用户用水量 (billed + unbilled registered)
	MeasResidentialM3     = "residential_m3"      // water works: residential use metered to the household (抄表到户)
	MeasFrostDepthM       = "frost_depth_m"       // water works: maximum frost depth of the place
	MeasPipeLengthKm      = "pipe_length_km"      // water works: DN ≥ 75 network length
	MeasMeanPressureMPa   = "mean_pressure_mpa"   // water works: mean outlet pressure
	MeasConventionalM3    = "conventional_m3"     // chemical park: conventional sources
	MeasUnconventionalM3  = "unconventional_m3"   // chemical park: reclaimed, brackish, rain
	MeasReusedM3          = "reused_m3"           // enterprise: 重复利用水量
	MeasIntakeM3          = "intake_m3"           // enterprise: 取水量
)

// Measurement is a recorded figure on a work for a year (and, for irrigation,
// a field and season): the data the computed indicators use.
type Measurement struct {
	ID      int64     `json:"id"`
	Work    string    `json:"work"`
	Year    int       `json:"year"`
	Metric  string    `json:"metric"`
	Field   string    `json:"field,omitempty"`  // typical field (典型田块) or enterprise
	Season  string    `json:"season,omitempty"` // e.g. 春灌, 夏灌, 冬灌
	Value   float64   `json:"value"`
	Basis   string    `json:"basis"` // measured | entered | invented
	Note    string    `json:"note,omitempty"`
	Actor   string    `json:"actor"`
	Created time.Time `json:"created"`
}

// Validate checks the measurement's own fields.
func (m *Measurement) Validate() error {
	if !isCode(m.Work) {
		return Invalid("work", "must be a work code")
	}
	if m.Year < 2000 || m.Year > 2100 {
		return Invalid("year", "must be between 2000 and 2100")
	}
	if !isCode(m.Metric) {
		return Invalid("metric", "must be a measurement metric")
	}
	if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) || m.Value < 0 {
		return Invalid("value", "must be a non-negative number")
	}
	switch m.Basis {
	case "measured", "entered", "invented":
	default:
		return Invalid("basis", "must be measured, entered or invented")
	}
	return nil
}

// WorkFilter selects works; zero fields do not filter.
type WorkFilter struct {
	Kind   string
	Region string // this region exactly, or a county it crosses
}

// WorksStore holds the works register, its links and measurements. Reads are
// for signed-in accounts other than public; the register is reference data
// (city staff, administrators, the importer); measurements may also be
// recorded by counties for works in their region. Writes are audited.
type WorksStore interface {
	UpsertWork(ctx context.Context, w *Work) error
	// ListWorks lists works by kind and code.
	ListWorks(ctx context.Context, f WorkFilter) ([]*Work, error)
	// GetWork returns ENOTFOUND for an unknown code.
	GetWork(ctx context.Context, code string) (*Work, error)
	// UpsertWorkLink: EINVALID when either end is unknown.
	UpsertWorkLink(ctx context.Context, l *WorkLink) error
	ListWorkLinks(ctx context.Context) ([]*WorkLink, error)
	// PutMeasurement records (or replaces) the measurement of (work, year, metric, field, season).
	PutMeasurement(ctx context.Context, m *Measurement) error
	// ListMeasurements lists a year's measurements, of one kind of work when kind is set.
	ListMeasurements(ctx context.Context, year int, kind string) ([]*Measurement, error)
}
