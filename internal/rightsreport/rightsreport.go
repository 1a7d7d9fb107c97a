// Package rightsreport builds the monthly and annual water-rights reports
// (用水权月报/年报, issue 14) as report tables, written as xlsx by
// internal/report: balances at the period's end with the year's lowest and
// highest, the period's ledger movements by reason, and the trades made in
// the period with their status. Volumes are whole m³, money yuan from fen.
package rightsreport

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/report"
)

// Period returns the report's first day and the day after its last (UTC dates).
func Period(kind string, year, month int) (time.Time, time.Time, error) {
	if year < 1949 || year > 2200 {
		return time.Time{}, time.Time{}, sishui.Invalid("year", "must be between 1949 and 2200")
	}
	switch kind {
	case report.Monthly:
		if month < 1 || month > 12 {
			return time.Time{}, time.Time{}, sishui.Invalid("month", "must be between 1 and 12 for a monthly report")
		}
		from := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 1, 0), nil
	case report.Annual:
		from := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(1, 0, 0), nil
	}
	return time.Time{}, time.Time{}, sishui.Invalid("kind", "must be monthly or annual")
}

var holderKind = map[string]string{
	sishui.HolderPool: "可分配水量", sishui.HolderRegion: "区域用水权", sishui.HolderPermit: "取水权", sishui.HolderCollective: "灌溉用水户水权",
	sishui.HolderReserve: "市级预留", sishui.HolderBuyback: "政府回购", sishui.HolderEscrow: "挂牌冻结",
}

var reasonName = map[string]string{
	sishui.ReasonAllocation: "初始分配", sishui.ReasonListing: "挂牌冻结", sishui.ReasonRelease: "解冻", sishui.ReasonTrade: "转让",
	sishui.ReasonLease: "租赁", sishui.ReasonBuyback: "回购", sishui.ReasonExpiry: "到期", sishui.ReasonCorrection: "更正",
}

var tradeName = map[string]string{
	sishui.TradeRegional: "区域水权", sishui.TradeWithdrawal: "取水权", sishui.TradeIrrigation: "灌溉用水户水权",
	sishui.ModeTransfer: "转让", sishui.ModeLease: "租赁",
	sishui.TradeNotice: "公示中", sishui.TradeSettled: "已交割", sishui.TradeRejected: "未批准", sishui.TradeCancelled: "已撤销",
}

func yuan(fen int64) float64 { return float64(fen) / 100 }

// Build reads the ledger and market in the caller's scope and returns the report.
func Build(ctx context.Context, st sishui.Store, kind string, year, month int, now time.Time) (*report.Report, error) {
	from, to, err := Period(kind, year, month)
	if err != nil {
		return nil, err
	}
	if kind == report.Annual {
		month = 0
	}
	hs, err := st.ListRightsHolders(ctx)
	if err != nil {
		return nil, err
	}
	holder := map[int64]*sishui.RightsHolder{}
	for _, h := range hs {
		holder[h.ID] = h
	}
	name := func(id int64) string {
		if h := holder[id]; h != nil {
			return h.Name
		}
		return fmt.Sprint(id)
	}
	kindOf := func(id int64) string {
		if h := holder[id]; h != nil {
			return holderKind[h.Kind]
		}
		return ""
	}
	rep := &report.Report{Kind: kind, Year: year, Month: month, Generated: now.UTC(), Subject: "用水权", Slug: "rights"}
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	for _, r := range regions {
		if r.Level == sishui.LevelCity && rep.Region == "" {
			rep.Region, rep.RegionName = r.Code, r.Name
		}
	}

	// Balances on the period's last day.
	last := to.AddDate(0, 0, -1)
	bs, err := st.RightsBalances(ctx, sishui.RightsFilter{Year: year}, last)
	if err != nil {
		return nil, err
	}
	bal := report.Table{Name: "balances", Title: "用水权余额", Columns: []report.Column{
		{Key: "holder", Header: "权利人"}, {Key: "kind", Header: "类别"}, {Key: "source", Header: "水源"},
		{Key: "volume_m3", Header: "期末余额", Unit: "m³"}, {Key: "min_m3", Header: "年内最低", Unit: "m³"}, {Key: "max_m3", Header: "年内最高", Unit: "m³"}}}
	sort.Slice(bs, func(i, j int) bool {
		if bs[i].Holder != bs[j].Holder {
			return bs[i].Holder < bs[j].Holder
		}
		return bs[i].Source < bs[j].Source
	})
	for _, b := range bs {
		if h := holder[b.Holder]; h != nil && (h.Kind == sishui.HolderPool || h.Kind == sishui.HolderEscrow) && b.VolumeM3 == 0 {
			continue
		}
		if b.VolumeM3 == 0 && b.MinM3 == 0 && b.MaxM3 == 0 {
			continue
		}
		bal.Rows = append(bal.Rows, []any{name(b.Holder), kindOf(b.Holder), b.Source, b.VolumeM3, b.MinM3, b.MaxM3})
	}

	// Ledger movements made in the period, by reason.
	type agg struct{ txs, m3 int64 }
	moves := map[string]*agg{}
	count := func(tx *sishui.RightsTx, scoped bool) {
		if tx.Created.Before(from) || !tx.Created.Before(to) {
			return
		}
		a := moves[tx.Reason]
		if a == nil {
			a = &agg{}
			moves[tx.Reason] = a
		}
		a.txs++
		var in, out int64 // what the transaction moved in and out of the accounts counted
		for _, e := range tx.Entries {
			if scoped && holder[e.Holder] == nil {
				continue
			}
			if e.VolumeM3 > 0 {
				in += e.VolumeM3
			} else {
				out -= e.VolumeM3
			}
		}
		a.m3 += max(in, out)
	}
	err = st.EachRightsTx(ctx, func(tx *sishui.RightsTx) error { count(tx, false); return nil })
	if sishui.ErrorCode(err) == sishui.EFORBIDDEN {
		// A county or an enterprise: the transactions of its own holders, the
		// volumes moved in or out of their accounts.
		var txs []*sishui.RightsTx
		txs, err = sishui.AllPages(func(p sishui.Page) ([]*sishui.RightsTx, int, error) {
			return st.ListRightsTxs(ctx, sishui.RightsFilter{Page: p})
		})
		for _, tx := range txs {
			count(tx, true)
		}
	}
	if err != nil {
		return nil, err
	}
	mov := report.Table{Name: "movements", Title: "台账变动", Columns: []report.Column{
		{Key: "reason", Header: "事由"}, {Key: "transactions", Header: "笔数"}, {Key: "volume_m3", Header: "变动水量", Unit: "m³"}}}
	reasons := make([]string, 0, len(moves))
	for r := range moves {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		n := reasonName[r]
		if n == "" {
			n = r
		}
		mov.Rows = append(mov.Rows, []any{n, moves[r].txs, moves[r].m3})
	}

	// Trades made in the period.
	ts, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.RightsTrade, int, error) {
		return st.ListTrades(ctx, sishui.TradeFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].ID < ts[j].ID })
	tr := report.Table{Name: "trades", Title: "水权交易", Columns: []report.Column{
		{Key: "id", Header: "编号"}, {Key: "type", Header: "类型"}, {Key: "mode", Header: "形式"}, {Key: "seller", Header: "出让方"},
		{Key: "buyer", Header: "受让方"}, {Key: "source", Header: "水源"}, {Key: "volume_m3", Header: "水量", Unit: "m³"},
		{Key: "price", Header: "单价", Unit: "元/m³"}, {Key: "amount", Header: "金额", Unit: "元"}, {Key: "from", Header: "起始日"},
		{Key: "to", Header: "截止日"}, {Key: "notice_to", Header: "公示截止"}, {Key: "status", Header: "状态"}}}
	var settledM3, settledFen int64
	for _, t := range ts {
		if t.Created.Before(from) || !t.Created.Before(to) {
			continue
		}
		seller, buyer := t.SellerName, t.BuyerName
		if seller == "" {
			seller = name(t.Seller)
		}
		if buyer == "" {
			buyer = name(t.Buyer)
		}
		tr.Rows = append(tr.Rows, []any{t.ID, tradeName[t.Type], tradeName[t.Mode], seller, buyer, t.Source, t.VolumeM3,
			yuan(t.PriceFen), yuan(t.AmountFen), t.From.Format(time.DateOnly), t.To.Format(time.DateOnly), t.NoticeTo.Format(time.DateOnly), tradeName[t.Status]})
		if t.Status == sishui.TradeSettled {
			settledM3 += t.VolumeM3
			settledFen += t.AmountFen
		}
	}
	sum := report.Table{Name: "summary", Title: "概况", Columns: []report.Column{{Key: "item", Header: "项目"}, {Key: "value", Header: "数值"}}, Rows: [][]any{
		{"期间", from.Format(time.DateOnly) + " – " + last.Format(time.DateOnly)},
		{"交易笔数", int64(len(tr.Rows))},
		{"已交割水量 (m³)", settledM3},
		{"已交割金额 (元)", yuan(settledFen)},
	}}
	rep.Tables = []report.Table{sum, bal, mov, tr}
	return rep, rep.Validate()
}
