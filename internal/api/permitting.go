package api

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/certificate"
	"github.com/sishui/sishui/internal/permitting"
	"github.com/sishui/sishui/internal/permitview"
)

// ApplicationInput is a permit application as submitted, with a comment for the submit step.
type ApplicationInput struct {
	sishui.PermitApplication
	Comment string `json:"comment,omitempty"`
}

// ApplicationOutput is an application with its statutory clock.
type ApplicationOutput struct {
	*sishui.PermitApplication
	Clock permitting.Clock `json:"clock"`
}

// PermitActionInput suspends, reinstates, revokes or cancels a permit.
type PermitActionInput struct {
	Action string `json:"action"` // suspend | reinstate | revoke | cancel
	Reason string `json:"reason"`
}

func (s *Server) permittingRoutes() []Route {
	st := s.Store
	withClock := func(r *http.Request, a *sishui.PermitApplication, err error) (ApplicationOutput, error) {
		if err != nil {
			return ApplicationOutput{}, err
		}
		cal, err := permitview.Calendar(r.Context(), st, "")
		if err != nil {
			return ApplicationOutput{}, err
		}
		return ApplicationOutput{a, permitview.ClockOf(cal, a, time.Now().In(sishui.BeijingTime))}, nil
	}
	appFilter := func(r *http.Request) (sishui.ApplicationFilter, error) {
		q := r.URL.Query()
		f := sishui.ApplicationFilter{Region: q.Get("region"), State: q.Get("state"), Kind: q.Get("kind"), Open: q.Get("open") == "true", Query: q.Get("q")}
		var err error
		if f.UserID, err = qInt64(r, "user_id"); err != nil {
			return f, err
		}
		f.Page, err = qSortedPage(r, sishui.ApplicationSorts)
		return f, err
	}
	appQ := sortedList(sishui.ApplicationSorts, "project or certificate number", regionQ, Param{"user_id", "integer", "applicant"}, Param{"state", "string", "submitted, returned, accepted, under_review, approved, refused, certified, withdrawn"},
		Param{"kind", "string", "new, change, renewal"}, Param{"open", "boolean", "only applications that wait on someone"})
	return []Route{
		{Method: "GET", Path: "/api/v1/permit-applications", Summary: "List permit applications (取水许可申请) in scope; enterprises see their own", Tag: "permitting",
			Query: appQ, Out: List[permitview.QueueItem]{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f, err := appFilter(r)
				if err != nil {
					return err
				}
				apps, total, err := st.ListApplications(r.Context(), f)
				if err != nil {
					return err
				}
				cal, err := permitview.Calendar(r.Context(), st, "")
				if err != nil {
					return err
				}
				today := time.Now().In(sishui.BeijingTime)
				items := make([]permitview.QueueItem, len(apps))
				for i, a := range apps {
					items[i] = permitview.QueueItem{PermitApplication: a, Clock: permitview.ClockOf(cal, a, today)}
				}
				return replyList(w, items, total, f.Page, nil)
			}},
		{Method: "GET", Path: "/api/v1/permit-applications/queue", Summary: "The bureau's queue: open applications, who each waits on and its statutory clock (working days), overdue first", Tag: "permitting",
			Query: appQ, Out: List[permitview.QueueItem]{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f, err := appFilter(r)
				if err != nil {
					return err
				}
				f.Open = true
				cal, err := permitview.Calendar(r.Context(), st, r.URL.Query().Get("calendar"))
				if err != nil {
					return err
				}
				items, total, err := permitview.Queue(r.Context(), st, cal, f, time.Now())
				return replyList(w, items, total, f.Page, err)
			}},
		{Method: "POST", Path: "/api/v1/permit-applications", Summary: "Submit an application (an enterprise for itself, or the bureau on its behalf)", Tag: "permitting",
			In: ApplicationInput{}, Out: ApplicationOutput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in ApplicationInput
				if err := decode(r, &in); err != nil {
					return err
				}
				a := in.PermitApplication
				a.ID, a.Check, a.CertificateNumber = 0, nil, ""
				out, err := withClock(r, &a, st.CreateApplication(r.Context(), &a, in.Comment))
				return replyCreated(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/permit-applications/{id}", Summary: "Get an application with its clock", Tag: "permitting", Out: ApplicationOutput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				a, err := st.GetApplication(r.Context(), id)
				out, err := withClock(r, a, err)
				return reply(w, out, err)
			}},
		{Method: "POST", Path: "/api/v1/permit-applications/{id}/steps", Summary: "Take a step: return, resubmit, accept, review, opinion, approve, refuse, certify, withdraw, attach (限批 refuses approval with its rule and numbers)", Tag: "permitting",
			In: sishui.ApplicationStep{}, Out: ApplicationOutput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in sishui.ApplicationStep
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Action == "" {
					return sishui.Invalid("action", "is required")
				}
				a, err := st.StepApplication(r.Context(), id, &in)
				out, err := withClock(r, a, err)
				return replyCreated(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/permit-applications/{id}/steps", Summary: "An application's steps: who, when, documents, opinions", Tag: "permitting", Out: []sishui.ApplicationStep{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.ListApplicationSteps(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/permit-applications/{id}/check", Summary: "Run every 限批 rule on the application as it stands (no write)", Tag: "permitting", Out: permitting.Decision{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.CheckApplication(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/permit-applications/{id}/attachments", Summary: "Upload a document (raw body ≤ 20 MB; ?name= file name; Content-Type as sent)", Tag: "permitting",
			Query: []Param{{"name", "string", "file name"}}, Out: sishui.Attachment{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				data, err := io.ReadAll(io.LimitReader(r.Body, sishui.MaxAttachmentBytes+1))
				if err != nil {
					return sishui.Invalid("body", "could not be read: %v", err)
				}
				at := &sishui.Attachment{ApplicationID: id, Name: r.URL.Query().Get("name"), ContentType: r.Header.Get("Content-Type"), Data: data}
				return replyCreated(w, at, st.AddAttachment(r.Context(), at))
			}},
		{Method: "GET", Path: "/api/v1/permit-applications/{id}/attachments", Summary: "An application's documents (without their data)", Tag: "permitting", Out: []sishui.Attachment{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.ListAttachments(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/permit-attachments/{id}", Summary: "Download a document", Tag: "permitting",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				at, err := st.GetAttachment(r.Context(), id)
				if err != nil {
					return err
				}
				w.Header().Set("Content-Type", at.ContentType)
				w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+urlEscape(at.Name))
				_, err = w.Write(at.Data)
				return err
			}},
		{Method: "GET", Path: "/api/v1/permits/{id}/certificate", Summary: "A permit's certificate fields (zone, return, level, issuer)", Tag: "permitting", Out: sishui.Certificate{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.GetCertificate(r.Context(), id)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/permits/{id}/certificate.pdf", Summary: "The printable 取水许可证 (PDF)", Tag: "permitting", Handler: s.certificatePDF},
		{Method: "POST", Path: "/api/v1/permits/{id}/actions", Summary: "Suspend, reinstate, revoke or cancel (注销) a permit, with a reason", Tag: "permitting",
			In: PermitActionInput{}, Out: sishui.Permit{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in PermitActionInput
				if err := decode(r, &in); err != nil {
					return err
				}
				v, err := st.PermitAction(r.Context(), id, in.Action, in.Reason)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/permits/{id}/annual-plans", Summary: "A permit's annual withdrawal plans and reports (年度取水计划)", Tag: "permitting", Out: []sishui.AnnualPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.ListAnnualPlans(r.Context(), id, 0)
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/permits/{id}/annual-plans/{year}", Summary: "Record a year's plan and, with reported_m3, its report (the holder or the bureau)", Tag: "permitting",
			In: sishui.AnnualPlan{}, Out: sishui.AnnualPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, year, err := pathIDYear(r)
				if err != nil {
					return err
				}
				var in sishui.AnnualPlan
				if err := decodeRequired(r, &in, "planned_m3"); err != nil {
					return err
				}
				in.PermitID, in.Year = id, year
				return reply(w, &in, st.UpsertAnnualPlan(r.Context(), &in))
			}},
		{Method: "GET", Path: "/api/v1/plans", Summary: "Plans under 规划水资源论证 with their areas and assessment status", Tag: "permitting", Query: []Param{regionQ}, Out: []sishui.Plan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListPlans(r.Context(), r.URL.Query().Get("region"))
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/plans/{code}", Summary: "Get a plan", Tag: "permitting", Out: sishui.Plan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.GetPlan(r.Context(), r.PathValue("code"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/plans/{code}", Summary: "Create or replace a plan (area as GeoJSON)", Tag: "permitting", In: sishui.Plan{}, Out: sishui.Plan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.Plan
				if err := decode(r, &in); err != nil {
					return err
				}
				in.Code = r.PathValue("code")
				return reply(w, &in, st.UpsertPlan(r.Context(), &in))
			}},
		{Method: "GET", Path: "/api/v1/mains-areas", Summary: "Public-mains coverage areas (公共供水管网覆盖范围)", Tag: "permitting", Query: []Param{regionQ}, Out: []sishui.MainsArea{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListMainsAreas(r.Context(), r.URL.Query().Get("region"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/mains-areas/{code}", Summary: "Create or replace a public-mains area (GeoJSON)", Tag: "permitting", In: sishui.MainsArea{}, Out: sishui.MainsArea{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.MainsArea
				if err := decode(r, &in); err != nil {
					return err
				}
				in.Code = r.PathValue("code")
				return reply(w, &in, st.UpsertMainsArea(r.Context(), &in))
			}},
		{Method: "GET", Path: "/api/v1/permit-calendars/{name}", Summary: "A holiday calendar (the clocks use \"default\", else the shipped 2026 national one, unverified)", Tag: "permitting", Out: sishui.HolidayCalendar{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.GetCalendar(r.Context(), r.PathValue("name"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/permit-calendars/{name}", Summary: "Load a holiday calendar: weekday days off and worked weekend days", Tag: "permitting", In: sishui.HolidayCalendar{}, Out: sishui.HolidayCalendar{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.HolidayCalendar
				if err := decode(r, &in); err != nil {
					return err
				}
				in.Name = r.PathValue("name")
				return reply(w, &in, st.PutCalendar(r.Context(), &in))
			}},
		{Method: "GET", Path: "/api/v1/metering-compliance", Summary: "Online-metering compliance of every permit that must be metered online, with the county league table", Tag: "permitting",
			Query: []Param{{"window_days", "integer", "days of reports counted for completeness (default 7)"}}, Out: permitview.Compliance{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				days, err := qInt(r, "window_days")
				if err != nil {
					return err
				}
				if days < 0 || days > 366 {
					return sishui.Invalid("window_days", "must be between 1 and 366")
				}
				v, err := permitview.ComplianceView(r.Context(), st, permitview.ConfigOf(st).Compliance, days, time.Now())
				return reply(w, v, err)
			}},
	}
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// certificatePDF renders a permit's certificate.
func (s *Server) certificatePDF(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.Store.GetPermit(ctx, id)
	if err != nil {
		return err
	}
	d := certificate.Data{Number: p.Number, IntakeName: p.IntakeName, Lon: p.Lon, Lat: p.Lat, Purpose: p.Purpose, AnnualM3: p.AnnualM3,
		ValidFrom: p.ValidFrom, ValidTo: p.ValidTo, IssuedOn: p.CreatedAt.In(sishui.BeijingTime)}
	if u, err := s.Store.GetWaterUser(ctx, p.UserID); err == nil {
		d.Holder, d.CreditCode = u.Name, u.CreditCode
	} else {
		return err
	}
	level := permitting.LevelCity
	if c, err := s.Store.GetCertificate(ctx, id); err == nil {
		d.ReturnPoint, d.ReturnMethod, d.ReturnM3, level = c.ReturnPoint, c.ReturnMethod, c.ReturnM3, c.Level
		d.IssuedOn = c.IssuedAt.In(sishui.BeijingTime)
		if c.ApplicationID != 0 {
			if a, err := s.Store.GetApplication(ctx, c.ApplicationID); err == nil {
				d.Project = a.Project
			}
		}
	} else if sishui.ErrorCode(err) != sishui.ENOTFOUND {
		return err
	}
	srcs, err := s.Store.ListSources(ctx)
	if err != nil {
		return err
	}
	for _, src := range srcs {
		if src.Code == p.Source {
			kind := "地表水"
			switch {
			case src.Groundwater:
				kind = "地下水"
			case src.Unconventional:
				kind = "非常规水源"
			}
			d.SourceType = kind + "（" + src.Name + "）"
		}
	}
	d.Authority = "山东省水利厅"
	if level != permitting.LevelProvince {
		if cities, err := s.Store.ListRegions(ctx, sishui.RegionFilter{Level: sishui.LevelCity}); err == nil && len(cities) > 0 {
			d.Authority = cities[0].Name + "水利局"
		}
	}
	font, err := certificate.LoadFont("")
	if err != nil {
		return &sishui.Error{Code: sishui.EINTERNAL, Op: "certificate", Message: "the certificate font is not installed", Err: err}
	}
	var buf bytes.Buffer
	if err := certificate.Render(&buf, d, font); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", "inline; filename*=UTF-8''"+urlEscape(p.Number+".pdf"))
	_, err = w.Write(buf.Bytes())
	return err
}
