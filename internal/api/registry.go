package api

import (
	"net/http"
	"strings"

	"github.com/sishui/sishui"
)

var (
	pageParams = []Param{{"offset", "integer", "rows to skip"}, {"limit", "integer", "rows to return (default 100, at most 1000)"}}
	regionQ    = Param{"region", "string", "region code: that region and everything below it (counties host their functional zones)"}
)

func withPage(ps ...Param) []Param { return append(ps, pageParams...) }

func (s *Server) registryRoutes() []Route {
	st := s.Store
	return []Route{
		// Vocabulary.
		{Method: "GET", Path: "/api/v1/regions", Summary: "List regions", Tag: "vocabulary", Out: []sishui.Region{},
			Query: []Param{{"parent", "string", "children (and hosted zones) of this region"}, {"level", "string", "province, city, county or zone"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListRegions(r.Context(), sishui.RegionFilter{Parent: r.URL.Query().Get("parent"), Level: r.URL.Query().Get("level")})
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/regions/{code}", Summary: "Get a region", Tag: "vocabulary", Out: sishui.Region{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.GetRegion(r.Context(), r.PathValue("code"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/regions/{code}", Summary: "Create or replace a region", Tag: "vocabulary", In: sishui.Region{}, Out: sishui.Region{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Region
				if err := decode(r, &v); err != nil {
					return err
				}
				v.Code = r.PathValue("code")
				return reply(w, &v, st.UpsertRegion(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/sources", Summary: "List water sources", Tag: "vocabulary", Out: []sishui.Source{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListSources(r.Context())
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/sources/{code}", Summary: "Create or replace a water source", Tag: "vocabulary", In: sishui.Source{}, Out: sishui.Source{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Source
				if err := decode(r, &v); err != nil {
					return err
				}
				v.Code = r.PathValue("code")
				return reply(w, &v, st.UpsertSource(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/sectors", Summary: "List sectors", Tag: "vocabulary", Out: []sishui.Sector{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListSectors(r.Context())
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/sectors/{code}", Summary: "Create or replace a sector", Tag: "vocabulary", In: sishui.Sector{}, Out: sishui.Sector{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Sector
				if err := decode(r, &v); err != nil {
					return err
				}
				v.Code = r.PathValue("code")
				return reply(w, &v, st.UpsertSector(r.Context(), &v))
			}},

		// Water users.
		{Method: "GET", Path: "/api/v1/water-users", Summary: "List water users (取用水户)", Tag: "registry", Out: List[sishui.WaterUser]{},
			Query: sortedList(sishui.WaterUserSorts, "name or credit code", regionQ, Param{"sector", "string", "sector code"}, Param{"retired", "boolean", "true or false"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f := sishui.WaterUserFilter{Region: r.URL.Query().Get("region"), Sector: r.URL.Query().Get("sector"), Query: r.URL.Query().Get("q")}
				switch v := r.URL.Query().Get("retired"); v {
				case "":
				case "true", "false":
					b := v == "true"
					f.Retired = &b
				default:
					return sishui.Invalid("retired", "must be true or false, got %q", v)
				}
				var err error
				if f.Page, err = qSortedPage(r, sishui.WaterUserSorts); err != nil {
					return err
				}
				items, total, err := st.ListWaterUsers(r.Context(), f)
				return replyList(w, items, total, f.Page, err)
			}},
		{Method: "POST", Path: "/api/v1/water-users", Summary: "Register a water user", Tag: "registry", In: sishui.WaterUser{}, Out: sishui.WaterUser{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.WaterUser
				if err := decode(r, &v); err != nil {
					return err
				}
				v.ID = 0
				return replyCreated(w, &v, st.CreateWaterUser(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/water-users/{id}", Summary: "Get a water user", Tag: "registry", Out: sishui.WaterUser{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.GetWaterUser(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/water-users/{id}", Summary: "Replace a water user's fields", Tag: "registry", In: sishui.WaterUser{}, Out: sishui.WaterUser{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var v sishui.WaterUser
				if err := decode(r, &v); err != nil {
					return err
				}
				v.ID = id
				return reply(w, &v, st.UpdateWaterUser(r.Context(), &v))
			}},
		{Method: "DELETE", Path: "/api/v1/water-users/{id}", Summary: "Retire a water user (rows referring to it stay)", Tag: "registry",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.RetireWaterUser(r.Context(), id))
			}},

		// Permits.
		{Method: "GET", Path: "/api/v1/permits", Summary: "List withdrawal permits (取水许可)", Tag: "registry", Out: List[sishui.Permit]{},
			Query: sortedList(sishui.PermitSorts, "number, purpose, intake or holder's name", regionQ, Param{"user_id", "integer", "holder"}, Param{"source", "string", "source code"}, Param{"status", "string", "permit status"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f := sishui.PermitFilter{Region: r.URL.Query().Get("region"), Source: r.URL.Query().Get("source"), Status: r.URL.Query().Get("status"), Query: r.URL.Query().Get("q")}
				var err error
				if f.UserID, err = qInt64(r, "user_id"); err != nil {
					return err
				}
				if f.Page, err = qSortedPage(r, sishui.PermitSorts); err != nil {
					return err
				}
				items, total, err := st.ListPermits(r.Context(), f)
				return replyList(w, items, total, f.Page, err)
			}},
		{Method: "POST", Path: "/api/v1/permits", Summary: "Register a withdrawal permit", Tag: "registry", In: sishui.Permit{}, Out: sishui.Permit{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Permit
				if err := decode(r, &v); err != nil {
					return err
				}
				v.ID = 0
				return replyCreated(w, &v, st.CreatePermit(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/permits/{id}", Summary: "Get a permit", Tag: "registry", Out: sishui.Permit{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.GetPermit(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/permits/{id}", Summary: "Replace a permit's fields", Tag: "registry", In: sishui.Permit{}, Out: sishui.Permit{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var v sishui.Permit
				if err := decode(r, &v); err != nil {
					return err
				}
				v.ID = id
				return reply(w, &v, st.UpdatePermit(r.Context(), &v))
			}},

		// Points.
		{Method: "GET", Path: "/api/v1/points", Summary: "List monitoring points", Tag: "registry", Out: List[sishui.Point]{},
			Query: sortedList(sishui.PointSorts, "name or terminal address", regionQ, Param{"kind", "string", "point kind"}, Param{"protocol", "string", "terminal protocol"}, Param{"permit_id", "integer", "linked permit"}, Param{"user_id", "integer", "water user owning the permit"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f := sishui.PointFilter{Region: r.URL.Query().Get("region"), Kind: r.URL.Query().Get("kind"), Protocol: r.URL.Query().Get("protocol"), Query: r.URL.Query().Get("q")}
				var err error
				if f.PermitID, err = qInt64(r, "permit_id"); err != nil {
					return err
				}
				if f.UserID, err = qInt64(r, "user_id"); err != nil {
					return err
				}
				if f.Page, err = qSortedPage(r, sishui.PointSorts); err != nil {
					return err
				}
				items, total, err := st.ListPoints(r.Context(), f)
				return replyList(w, items, total, f.Page, err)
			}},
		{Method: "POST", Path: "/api/v1/points", Summary: "Register a monitoring point", Tag: "registry", In: PointInput{}, Out: sishui.Point{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in PointInput
				if err := decode(r, &in); err != nil {
					return err
				}
				v := in.point()
				return replyCreated(w, v, st.CreatePoint(r.Context(), v))
			}},
		{Method: "GET", Path: "/api/v1/points/{id}", Summary: "Get a monitoring point", Tag: "registry", Out: sishui.Point{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.GetPoint(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/points/{id}", Summary: "Replace a monitoring point's fields", Tag: "registry", In: PointInput{}, Out: sishui.Point{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in PointInput
				if err := decode(r, &in); err != nil {
					return err
				}
				v := in.point()
				v.ID = id
				if in.Password == nil { // keep the stored terminal password unless one is sent
					old, err := st.GetPoint(r.Context(), id)
					if err != nil {
						return err
					}
					v.Password = old.Password
				}
				return reply(w, v, st.UpdatePoint(r.Context(), v))
			}},
		{Method: "DELETE", Path: "/api/v1/points/{id}", Summary: "Retire a monitoring point (its data stays)", Tag: "registry",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.RetirePoint(r.Context(), id))
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/latest", Summary: "Latest value of each metric of a point", Tag: "series", Out: []SampleOut{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.LatestSamples(r.Context(), id)
				return reply(w, samplesOut(v), err)
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/samples", Summary: "One series of a point within [from, to)", Tag: "series", Out: []SampleOut{},
			Query:   []Param{{"metric", "string", "metric name, e.g. volume_m3, flow_m3s, level_m, depth_m"}, {"from", "string", "RFC 3339 or YYYY-MM-DD"}, {"to", "string", "RFC 3339 or YYYY-MM-DD (default: now)"}, {"limit", "integer", "at most this many samples (default 10000)"}},
			Handler: s.samples},

		// Sections and zones.
		{Method: "GET", Path: "/api/v1/sections", Summary: "List river control sections", Tag: "registry", Out: []sishui.Section{}, Query: []Param{regionQ},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListSections(r.Context(), r.URL.Query().Get("region"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/sections/{code}", Summary: "Create or replace a control section", Tag: "registry", In: sishui.Section{}, Out: sishui.Section{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Section
				if err := decode(r, &v); err != nil {
					return err
				}
				v.Code = r.PathValue("code")
				return reply(w, &v, st.UpsertSection(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/zones", Summary: "List groundwater zones", Tag: "registry", Out: []sishui.Zone{}, Query: []Param{regionQ},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListZones(r.Context(), r.URL.Query().Get("region"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/zones/{code}", Summary: "Create or replace a groundwater zone", Tag: "registry", In: sishui.Zone{}, Out: sishui.Zone{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Zone
				if err := decode(r, &v); err != nil {
					return err
				}
				v.Code = r.PathValue("code")
				return reply(w, &v, st.UpsertZone(r.Context(), &v))
			}},

		// Caps, indicators, targets, statistics.
		{Method: "GET", Path: "/api/v1/caps", Summary: "List regions' annual total-use and groundwater caps", Tag: "targets", Out: []sishui.RegionCap{},
			Query: []Param{{"region", "string", "exact region code"}, {"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := st.ListCaps(r.Context(), r.URL.Query().Get("region"), y)
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/caps/{region}/{year}", Summary: "Set a region's annual caps", Tag: "targets", In: sishui.RegionCap{}, Out: sishui.RegionCap{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.RegionCap
				if err := decodeRequired(r, &v, "total_m3"); err != nil {
					return err
				}
				y, err := pathYear(r)
				if err != nil {
					return err
				}
				v.Region, v.Year = r.PathValue("region"), y
				return reply(w, &v, st.UpsertCap(r.Context(), &v))
			}},
		{Method: "PUT", Path: "/api/v1/indicators/{id}", Summary: "Create or replace an indicator", Tag: "targets", In: sishui.Indicator{}, Out: sishui.Indicator{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Indicator
				if err := decode(r, &v); err != nil {
					return err
				}
				v.ID = r.PathValue("id")
				return reply(w, &v, st.UpsertIndicator(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/targets", Summary: "The plan's targets (the annex: 10 indicators × years)", Tag: "targets", Out: []sishui.Target{},
			Query: []Param{{"indicator", "string", "indicator id, e.g. total_use"}, {"year", "integer", "year"}, {"region", "string", "exact region code"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := st.ListTargets(r.Context(), sishui.TargetFilter{Indicator: r.URL.Query().Get("indicator"), Year: y, Region: r.URL.Query().Get("region")})
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/targets/{indicator}/{region}/{year}", Summary: "Set a target", Tag: "targets", In: sishui.Target{}, Out: sishui.Target{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Target
				if err := decodeRequired(r, &v, "value"); err != nil {
					return err
				}
				y, err := pathYear(r)
				if err != nil {
					return err
				}
				v.Indicator, v.Region, v.Year = r.PathValue("indicator"), r.PathValue("region"), y
				return reply(w, &v, st.UpsertTarget(r.Context(), &v))
			}},
		{Method: "GET", Path: "/api/v1/statistics", Summary: "List entered statistics (GDP, value added, population …)", Tag: "targets", Out: []sishui.Statistic{},
			Query: []Param{{"region", "string", "exact region code"}, {"year", "integer", "year"}, {"metric", "string", "statistic metric"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := st.ListStatistics(r.Context(), sishui.StatisticFilter{Region: r.URL.Query().Get("region"), Year: y, Metric: r.URL.Query().Get("metric")})
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/statistics/{region}/{year}/{metric}", Summary: "Enter a statistic", Tag: "targets", In: sishui.Statistic{}, Out: sishui.Statistic{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var v sishui.Statistic
				if err := decodeRequired(r, &v, "value"); err != nil {
					return err
				}
				y, err := pathYear(r)
				if err != nil {
					return err
				}
				v.Region, v.Year, v.Metric = r.PathValue("region"), y, r.PathValue("metric")
				return reply(w, &v, st.UpsertStatistic(r.Context(), &v))
			}},

		// Frames and audit.
		{Method: "GET", Path: "/api/v1/frames", Summary: "Raw frame archive, newest first (quarantined frames with their reason)", Tag: "telemetry", Out: List[sishui.RawFrame]{},
			Query: sortedList(sishui.FrameSorts, "station, peer or reason", Param{"station", "string", "terminal address"}, Param{"status", "string", "ok, quarantined or error"}, Param{"protocol", "string", "sl651 or szy206"}, Param{"since", "string", "RFC 3339"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f := sishui.FrameFilter{Station: r.URL.Query().Get("station"), Status: r.URL.Query().Get("status"), Protocol: r.URL.Query().Get("protocol"), Query: r.URL.Query().Get("q")}
				var err error
				if f.Since, err = qTime(r, "since"); err != nil {
					return err
				}
				if f.Page, err = qSortedPage(r, sishui.FrameSorts); err != nil {
					return err
				}
				items, total, err := st.ListFrames(r.Context(), f)
				decodeFrames(items)
				return replyList(w, items, total, f.Page, err)
			}},
		{Method: "GET", Path: "/api/v1/audit", Summary: "Audit log, newest first (administrators and auditors)", Tag: "audit", Out: List[sishui.AuditEntry]{},
			Query: sortedList(sishui.AuditSorts, "entity id, actor or reason", Param{"entity", "string", "entity kind"}, Param{"entity_id", "string", "entity id"}, Param{"actor", "string", "username"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f := sishui.AuditFilter{Entity: r.URL.Query().Get("entity"), EntityID: r.URL.Query().Get("entity_id"), Actor: r.URL.Query().Get("actor"), Query: r.URL.Query().Get("q")}
				var err error
				if f.Page, err = qSortedPage(r, sishui.AuditSorts); err != nil {
					return err
				}
				items, total, err := st.ListAudit(r.Context(), f)
				return replyList(w, items, total, f.Page, err)
			}},
	}
}

// PointInput is a point as clients send it: like Point, plus the terminal
// password, which is write-only (never returned).
type PointInput struct {
	sishui.Point
	Password *string `json:"password,omitempty"`
}

func (in *PointInput) point() *sishui.Point {
	p := in.Point
	p.ID = 0
	p.Code = strings.ToUpper(p.Code)
	if in.Password != nil {
		p.Password = *in.Password
	}
	return &p
}

func reply[T any](w http.ResponseWriter, v T, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func replyCreated[T any](w http.ResponseWriter, v T, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, v)
}

func replyNoContent(w http.ResponseWriter, err error) error {
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func replyList[T any](w http.ResponseWriter, items []T, total int, p sishui.Page, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[T]{Items: items, Total: total, Offset: p.Offset, Limit: p.Limit})
}
