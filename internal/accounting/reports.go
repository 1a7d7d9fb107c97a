package accounting

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/report"
)

var statusZH = map[string]string{"meets": "达标", "at_risk": "有风险", "misses": "未达标", NoData: "无数据"}
var basisZH = map[string]string{BasisComputed: "计算", BasisEntered: "填报", NoData: "无数据"}
var levelZH = map[string]string{"blue": "蓝色", "yellow": "黄色", "orange": "橙色", "red": "红色", "none": "无"}
var stateZH = map[string]string{sishui.AlertPending: "待定", sishui.AlertFiring: "告警中", sishui.AlertAcknowledged: "已确认", sishui.AlertResolved: "已解除"}

func or(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return k
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

func optNum(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Report builds the monthly (month 1–12) or annual report of region (the
// caller's default when empty) for year: use by source, sector and county
// with the measured/estimated/entered split, the indicators against their
// targets in the annex layout, the warnings active in the period, and the
// completeness of reporting.
func (s *Service) Report(ctx context.Context, kind, region string, year, month int) (*report.Report, error) {
	switch kind {
	case report.Monthly:
		if month < 1 || month > 12 {
			return nil, sishui.Invalid("month", "a monthly report needs a month 1–12")
		}
	case report.Annual:
		month = 0
	default:
		return nil, sishui.Invalid("kind", "must be monthly or annual, got %q", kind)
	}
	if sishui.ActorFrom(ctx).Role == sishui.RolePublic {
		return nil, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "log in to download reports"}
	}
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, err
	}
	if region, err = s.resolveRegion(ctx, ri, region); err != nil {
		return nil, err
	}
	if year == 0 {
		year = s.now().In(sishui.BeijingTime).Year()
	}
	rep := &report.Report{Kind: kind, Region: region, Year: year, Month: month, Generated: s.now()}
	if r := ri.byCode[region]; r != nil {
		rep.RegionName = r.Name
	}
	from, to := year*100+1, year*100+12
	periodStart := time.Date(year, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	periodEnd := periodStart.AddDate(1, 0, 0)
	if month != 0 {
		from, to = year*100+month, year*100+month
		periodStart = time.Date(year, time.Month(month), 1, 0, 0, 0, 0, sishui.BeijingTime)
		periodEnd = periodStart.AddDate(0, 1, 0)
	}
	cells, err := s.store.MonthlyUse(ctx, sishui.UseFilter{Region: region, FromMonth: from, ToMonth: to})
	if err != nil {
		return nil, err
	}
	names, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	period := fmt.Sprintf("%d", year)
	if month != 0 {
		period = fmt.Sprintf("%04d-%02d", year, month)
	}
	useCols := func(first, firstName string) []report.Column {
		return []report.Column{{Key: first, Header: firstName + "代码"}, {Key: first + "_name", Header: firstName}, {Key: "period", Header: "时段"},
			{Key: "volume_m3", Header: "用水量", Unit: "m³"}, {Key: "measured_m3", Header: "计量", Unit: "m³"}, {Key: "estimated_m3", Header: "估算", Unit: "m³"},
			{Key: "entered_m3", Header: "填报", Unit: "m³"}, {Key: "share", Header: "占比", Unit: "%"}}
	}
	useTable := func(name, title, key, keyName string, keyOf func(sishui.UseCell) string) report.Table {
		sums := map[string]*UseRow{}
		var total float64
		for _, c := range cells {
			k := keyOf(c)
			if sums[k] == nil {
				sums[k] = &UseRow{}
			}
			sums[k].add(c)
			total += float64(c.Total()) / 1000
		}
		keys := make([]string, 0, len(sums))
		for k := range sums {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		t := report.Table{Name: name, Title: title, Columns: useCols(key, keyName), Rows: [][]any{}}
		for _, k := range keys {
			u := sums[k]
			var sh any
			if total > 0 {
				sh = round3(100 * u.VolumeM3 / total)
			}
			t.Rows = append(t.Rows, []any{k, or(names, k), period, round3(u.VolumeM3), round3(u.MeasuredM3), round3(u.EstimatedM3), round3(u.EnteredM3), sh})
		}
		t.Rows = append(t.Rows, []any{"total", "合计", period, round3(total), nil, nil, nil, nil})
		return t
	}
	rep.Tables = append(rep.Tables,
		useTable("use_by_source", "用水量_按水源", "source", "水源", func(c sishui.UseCell) string { return c.Source }),
		useTable("use_by_sector", "用水量_按行业", "sector", "行业", func(c sishui.UseCell) string { return c.Sector }),
	)
	// By county (or child region), with caps for annual reports.
	children := ri.below[region]
	slices.Sort(children)
	if len(children) > 0 {
		caps, err := s.store.ListCaps(ctx, "", year)
		if err != nil {
			return nil, err
		}
		capOf := map[string]int64{}
		for _, c := range caps {
			capOf[c.Region] = c.TotalM3
		}
		t := report.Table{Name: "use_by_region", Title: "用水量_按区县", Rows: [][]any{}, Columns: []report.Column{
			{Key: "region", Header: "区划代码"}, {Key: "region_name", Header: "区县"}, {Key: "period", Header: "时段"}, {Key: "volume_m3", Header: "用水量", Unit: "m³"},
			{Key: "measured_m3", Header: "计量", Unit: "m³"}, {Key: "estimated_m3", Header: "估算", Unit: "m³"}, {Key: "entered_m3", Header: "填报", Unit: "m³"},
			{Key: "cap_m3", Header: "年度用水总量控制指标", Unit: "m³"}, {Key: "cap_share", Header: "占年度指标", Unit: "%"}}}
		for _, ch := range children {
			var u UseRow
			for _, c := range cells {
				if ri.within(c.Region, ch) {
					u.add(c)
				}
			}
			var capV, sh any
			if cp := capOf[ch]; cp > 0 {
				capV, sh = cp, round3(100*u.VolumeM3/float64(cp))
			}
			t.Rows = append(t.Rows, []any{ch, or(names, ch), period, round3(u.VolumeM3), round3(u.MeasuredM3), round3(u.EstimatedM3), round3(u.EnteredM3), capV, sh})
		}
		rep.Tables = append(rep.Tables, t)
	}
	// Indicators in the annex layout.
	inds, err := s.Indicators(ctx, region, year)
	if err != nil {
		return nil, err
	}
	it := report.Table{Name: "indicators", Title: "主要任务目标完成情况", Rows: [][]any{}, Columns: []report.Column{
		{Key: "seq", Header: "序号"}, {Key: "name", Header: "指标名称"}, {Key: "unit", Header: "单位"}, {Key: "attribute", Header: "指标属性"},
		{Key: "target", Header: fmt.Sprintf("%d年目标值", year)}, {Key: "actual", Header: "实际值"}, {Key: "ytd", Header: "年初至今"},
		{Key: "projection", Header: "预测年末值"}, {Key: "basis", Header: "数据来源"}, {Key: "status", Header: "完成状态"}, {Key: "through", Header: "数据截至"}}}
	for _, x := range inds {
		attr := "预期性"
		if x.Binding {
			attr = "约束性"
		}
		it.Rows = append(it.Rows, []any{x.Seq, x.Name, x.Unit, attr, optNum(x.Target), optNum(x.Actual), optNum(x.YTD), optNum(x.Projection),
			or(basisZH, x.Basis), or(statusZH, x.Status), x.Through})
	}
	rep.Tables = append(rep.Tables, it)
	// Warnings of the period.
	alerts, err := s.allAlerts(ctx, sishui.AlertFilter{Region: region, Since: periodStart, Until: periodEnd})
	if err != nil {
		return nil, err
	}
	wt := report.Table{Name: "warnings", Title: "预警信息", Rows: [][]any{}, Columns: []report.Column{
		{Key: "id", Header: "编号"}, {Key: "rule", Header: "规则"}, {Key: "subject", Header: "对象"}, {Key: "region", Header: "区划代码"},
		{Key: "level", Header: "当前等级"}, {Key: "max_level", Header: "最高等级"}, {Key: "state", Header: "状态"},
		{Key: "active_since", Header: "开始时间"}, {Key: "resolved_at", Header: "解除时间"}, {Key: "ack_by", Header: "确认人"}, {Key: "message", Header: "内容"}}}
	slices.SortFunc(alerts, func(a, b *sishui.Alert) int { return int(a.ID - b.ID) })
	for _, a := range alerts {
		var resolved any
		if !a.ResolvedAt.IsZero() {
			resolved = a.ResolvedAt.In(sishui.BeijingTime).Format("2006-01-02 15:04")
		}
		wt.Rows = append(wt.Rows, []any{a.ID, a.Rule, a.Subject, a.Region, or(levelZH, a.Level), or(levelZH, a.MaxLevel), or(stateZH, a.State),
			a.ActiveSince.In(sishui.BeijingTime).Format("2006-01-02 15:04"), resolved, a.AckBy, a.Message})
	}
	rep.Tables = append(rep.Tables, wt)
	// Completeness by county.
	pm, err := s.store.PointMonthlyUse(ctx, sishui.UseFilter{Region: region, FromMonth: from, ToMonth: to})
	if err != nil {
		return nil, err
	}
	ct := report.Table{Name: "completeness", Title: "数据到报率", Rows: [][]any{}, Columns: []report.Column{
		{Key: "region", Header: "区划代码"}, {Key: "region_name", Header: "区县"}, {Key: "points", Header: "计量点数"},
		{Key: "expected", Header: "应报次数"}, {Key: "received", Header: "实报次数"}, {Key: "rate", Header: "到报率", Unit: "%"}}}
	groups := children
	if len(groups) == 0 {
		groups = []string{region}
	}
	var tp, te, tr int
	for _, g := range groups {
		pts := map[int64]bool{}
		var e, r int
		for _, x := range pm {
			if ri.within(x.Region, g) {
				pts[x.Point] = true
				e += x.Expected
				r += x.Received
			}
		}
		var rate any
		if e > 0 {
			rate = round3(100 * float64(r) / float64(e))
		}
		ct.Rows = append(ct.Rows, []any{g, or(names, g), len(pts), e, r, rate})
		tp, te, tr = tp+len(pts), te+e, tr+r
	}
	var rate any
	if te > 0 {
		rate = round3(100 * float64(tr) / float64(te))
	}
	ct.Rows = append(ct.Rows, []any{region, "合计", tp, te, tr, rate})
	rep.Tables = append(rep.Tables, ct)
	return rep, rep.Validate()
}

// names maps region, source and sector codes to their Chinese names.
func (s *Service) names(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	rs, err := s.store.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		out[r.Code] = r.Name
	}
	srcs, err := s.store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range srcs {
		out[x.Code] = x.Name
	}
	secs, err := s.store.ListSectors(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range secs {
		out[x.Code] = x.Name
	}
	return out, nil
}
