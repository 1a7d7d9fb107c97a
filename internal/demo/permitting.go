package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
)

// PermitResult counts what Permitting wrote.
type PermitResult struct {
	Certificates int
	Applications int
	Plans        int
	Reports      int
}

// square is a GeoJSON polygon of ±d degrees around (lon, lat).
func square(lon, lat, d float64) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"type": "Polygon", "coordinates": [][][2]float64{{
		{lon - d, lat - d}, {lon + d, lat - d}, {lon + d, lat + d}, {lon - d, lat + d}, {lon - d, lat - d}}}})
	return b
}

// Permitting gives the demo's permits their process: certificate fields
// (groundwater zone, return point, method and volume), last year's annual
// reports for most holders, plan areas and a public-mains area, the 2026
// holiday calendar, and a queue of applications in every state, each walked
// through its steps as the bureau and the applicant would. EVERY NAME AND
// NUMBER IS INVENTED.
func Permitting(ctx context.Context, st sishui.Store, now time.Time) (PermitResult, error) {
	var res PermitResult
	city := sishui.WithActor(ctx, &sishui.Actor{Username: "city-demo", Role: sishui.RoleCity})
	cal := permitting.National2026()
	hc := &sishui.HolidayCalendar{Name: "default", Verified: cal.Verified, Source: cal.Source}
	for _, d := range cal.Days {
		hc.Days = append(hc.Days, sishui.HolidayDay{Date: d.Date, Workday: d.Workday, Name: d.Name})
	}
	if err := st.PutCalendar(city, hc); err != nil {
		return res, err
	}
	zones, err := st.ListZones(ctx, "")
	if err != nil {
		return res, err
	}
	sources, err := st.ListSources(ctx)
	if err != nil {
		return res, err
	}
	groundwater := map[string]bool{}
	for _, s := range sources {
		groundwater[s.Code] = s.Groundwater
	}
	permits, _, err := st.ListPermits(ctx, sishui.PermitFilter{Page: sishui.Page{Limit: sishui.MaxPageLimit}})
	if err != nil {
		return res, err
	}
	lastYear := now.In(sishui.BeijingTime).Year() - 1
	for i, p := range permits {
		c := &sishui.Certificate{PermitID: p.ID, Level: permitting.LevelCity, Issuer: "聊城市水利局", IssuedAt: p.ValidFrom}
		if groundwater[p.Source] {
			c.Layer = "shallow"
			if p.Source == sishui.SourceGroundDeep {
				c.Layer = "deep"
			}
			for _, z := range zones {
				if z.Region == p.Region && z.Layer == c.Layer {
					c.ZoneID = z.ID
				}
			}
		}
		switch {
		case strings.HasPrefix(p.Sector, "domestic"):
			c.ReturnPoint, c.ReturnMethod, c.ReturnM3 = "城市污水处理厂", "经市政管网排入污水处理厂", p.AnnualM3*6/10
		case p.Sector == "industry":
			c.ReturnPoint, c.ReturnMethod, c.ReturnM3 = "园区污水处理厂", "经处理达标后管道排放", p.AnnualM3*2/10
		default:
			c.ReturnMethod = "无退水（农田灌溉消耗）"
		}
		if err := st.PutCertificate(city, c); err != nil {
			return res, fmt.Errorf("demo certificate %s: %w", p.Number, err)
		}
		res.Certificates++
		// Nine holders in ten reported last year's use on time.
		if i%10 != 3 && !p.ValidFrom.After(time.Date(lastYear, 12, 31, 0, 0, 0, 0, time.UTC)) {
			ap := &sishui.AnnualPlan{PermitID: p.ID, Year: lastYear, PlannedM3: p.AnnualM3 * 9 / 10, ReportedM3: p.AnnualM3 * 7 / 10,
				ReportedAt: time.Date(lastYear, 12, 20, 2, 0, 0, 0, time.UTC)}
			if err := st.UpsertAnnualPlan(city, ap); err != nil {
				return res, err
			}
			res.Reports++
		}
	}

	// Plans (规划水资源论证) and the city's public-mains area.
	for _, pl := range []sishui.Plan{
		{Code: "LC_DEV_ZONE", Name: "聊城经济技术开发区总体规划（2021—2035）", Kind: "development_zone", Region: "371502", Area: square(116.07, 36.43, 0.04),
			Status: sishui.PlanPassed, DemandM3: 18_000_000, Sources: "引黄水、引江水、再生水", CapsAllow: true, Conclusion: "规划需水在东昌府区用水总量控制指标内，地下水零新增"},
		{Code: "DC_CHEM_PARK", Name: "东昌府化工产业园规划", Kind: "industrial_park", Region: "371502", Area: square(115.90, 36.52, 0.03),
			Status: sishui.PlanPending, DemandM3: 6_500_000, Sources: "引江水、再生水"},
		{Code: "LQ_MASTER", Name: "临清市国土空间总体规划", Kind: "urban", Region: "371581", Area: square(115.70, 36.84, 0.08),
			Status: sishui.PlanPassed, DemandM3: 42_000_000, CapsAllow: true, Conclusion: "需压减深层地下水开采"},
	} {
		if err := st.UpsertPlan(city, &pl); err != nil {
			return res, err
		}
		res.Plans++
	}
	if err := st.UpsertMainsArea(city, &sishui.MainsArea{Code: "DC_URBAN", Name: "东昌府区城区公共供水管网", Region: "371502",
		Supplier: "聊城市自来水公司", Area: square(115.99, 36.46, 0.05)}); err != nil {
		return res, err
	}

	// The queue: applications of the demo's first industrial holder in 东昌府区.
	users, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: "371502", Sector: "industry", Page: sishui.Page{Limit: 3}})
	if err != nil || len(users) < 3 {
		return res, fmt.Errorf("demo applications: %d industrial users in 371502: %v", len(users), err)
	}
	type step = sishui.ApplicationStep
	apps := []struct {
		user  *sishui.WaterUser
		app   sishui.PermitApplication
		steps []step
	}{
		{users[0], sishui.PermitApplication{Project: "化工有限公司年产5万吨助剂扩建项目", Source: sishui.SourceYangtze, AnnualM3: 300_000, Purpose: "生产用水",
			IntakeName: "引江管网接入点", ReturnPoint: "园区污水处理厂", ReturnMethod: "管道", ReturnM3: 60_000}, nil},
		{users[1], sishui.PermitApplication{Project: "纺织有限公司印染车间技改", Source: sishui.SourceReclaimed, AnnualM3: 200_000, Purpose: "生产用水",
			IntakeName: "再生水厂出水口", ReturnPoint: "园区污水处理厂", ReturnMethod: "管道", ReturnM3: 40_000},
			[]step{{Action: permitting.ActReturn, Comment: "缺少取水工程平面布置图和计量设施说明"}}},
		{users[2], sishui.PermitApplication{Project: "造纸有限公司热电联产配套", Source: sishui.SourceSurface, AnnualM3: 450_000, Purpose: "锅炉补水",
			IntakeName: "徒骇河取水泵站", ReturnPoint: "徒骇河", ReturnMethod: "处理达标后排放", ReturnM3: 50_000},
			[]step{{Action: permitting.ActAccept}, {Action: permitting.ActReview, Reviewers: []string{"王工（省水利科学研究院）", "李工（聊城大学）", "赵工（市水文中心）"}},
				{Action: permitting.ActOpinion, Reviewer: "王工（省水利科学研究院）", Opinion: sishui.OpinionAgreeConditions, Comment: "补充枯水年取水保证率分析"}}},
		{users[0], sishui.PermitApplication{Project: "化工有限公司循环水系统改造", Source: sishui.SourceReclaimed, AnnualM3: 120_000, Purpose: "循环冷却",
			IntakeName: "再生水管网接入点", ReturnPoint: "园区污水处理厂", ReturnMethod: "管道", ReturnM3: 10_000},
			[]step{{Action: permitting.ActAccept}, {Action: permitting.ActReview, Reviewers: []string{"王工（省水利科学研究院）", "赵工（市水文中心）"}},
				{Action: permitting.ActOpinion, Reviewer: "王工（省水利科学研究院）", Opinion: sishui.OpinionAgree},
				{Action: permitting.ActOpinion, Reviewer: "赵工（市水文中心）", Opinion: sishui.OpinionAgree},
				{Action: permitting.ActApprove, Comment: "准予取水许可"},
				{Action: permitting.ActCertify, Certificate: fmt.Sprintf("取水(聊)字[%d]第0901号", now.In(sishui.BeijingTime).Year())}}},
		{users[1], sishui.PermitApplication{Project: "纺织有限公司自备井", Source: sishui.SourceGroundShallow, AnnualM3: 30_000, Purpose: "生产用水",
			IntakeName: "厂区自备井", Lon: 115.99, Lat: 36.46},
			[]step{{Action: permitting.ActAccept}, {Action: permitting.ActRefuse, Comment: "公共供水管网覆盖范围内不予批准自备井（取水许可条例第二十条）"}}},
	}
	for _, x := range apps {
		a := x.app
		a.Kind, a.UserID, a.Region, a.Sector, a.TermYears = sishui.ApplicationNew, x.user.ID, x.user.Region, x.user.Sector, 5
		applicant := sishui.WithActor(ctx, &sishui.Actor{Username: "enterprise-demo", Role: sishui.RoleEnterprise, WaterUser: x.user.ID})
		if err := st.CreateApplication(applicant, &a, "申请取水许可"); err != nil {
			return res, fmt.Errorf("demo application %s: %w", a.Project, err)
		}
		for _, s := range x.steps {
			if _, err := st.StepApplication(city, a.ID, &s); err != nil {
				return res, fmt.Errorf("demo application %s, %s: %w", a.Project, s.Action, err)
			}
		}
		res.Applications++
	}
	// A renewal applied for in time.
	for _, p := range permits {
		if p.Status != sishui.PermitActive || !permitting.RenewalTimely(p.ValidTo, now.In(sishui.BeijingTime)) || p.ValidTo.Sub(now) > 400*24*time.Hour {
			continue
		}
		ren := sishui.PermitApplication{Kind: sishui.ApplicationRenewal, PermitID: p.ID, UserID: p.UserID, Project: "取水许可延续：" + p.Number, Region: p.Region,
			Source: p.Source, Sector: p.Sector, Purpose: p.Purpose, AnnualM3: p.AnnualM3, TermYears: 5, IntakeName: p.IntakeName, Lon: p.Lon, Lat: p.Lat}
		if err := st.CreateApplication(city, &ren, "代为申请延续"); err != nil {
			return res, fmt.Errorf("demo renewal %s: %w", p.Number, err)
		}
		if _, err := st.StepApplication(city, ren.ID, &step{Action: permitting.ActAccept}); err != nil {
			return res, err
		}
		res.Applications++
		break
	}
	return res, nil
}
