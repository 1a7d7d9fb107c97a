package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
	liaocheng "github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/rights"
)

const rightsUsage = `usage: sishui rights allocate --year Y [--file rights.yaml] [--adopt] [--json]
       sishui rights verify
       sishui rights export --out FILE.xlsx [--year Y]
       sishui rights report --kind monthly|annual --year Y [--month M] --out FILE.xlsx`

func cmdRights(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s", rightsUsage)
	}
	fs, cfg, err := e.newFlags("rights "+args[0], args[1:])
	if err != nil {
		return err
	}
	year := fs.Int("year", 0, "year (allocate: required; export: only this year's balances)")
	file := fs.String("file", "", "allocation inputs (default: the embedded data/liaocheng/rights.yaml)")
	adopt := fs.Bool("adopt", false, "record the proposal as the year's initial allocation (audited)")
	asJSON := fs.Bool("json", false, "print the proposal as JSON")
	out := fs.String("out", "", "the xlsx file to write")
	kind := fs.String("kind", "annual", "report: monthly or annual")
	month := fs.Int("month", 0, "report: the month of a monthly report")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "allocate":
		if *year == 0 {
			return fmt.Errorf("rights allocate: --year is required")
		}
		af, err := readAllocFile(*file)
		if err != nil {
			return err
		}
		p, err := proposeAllocation(ctx, st, af, *year)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(p); err != nil {
				return err
			}
		} else {
			printProposal(e, p)
		}
		if !*adopt {
			fmt.Fprintln(e.stdout, "proposal only: run again with --adopt to record it")
			return nil
		}
		n, err := adoptAllocation(ctx, st, af, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "adopted: %d allocation transactions posted for %d\n", n, p.Year)
	case "verify":
		v, err := st.VerifyRights(ctx)
		if err != nil {
			fmt.Fprintf(e.stdout, "rights ledger BROKEN: %v\n", err)
			return exitError(1)
		}
		fmt.Fprintf(e.stdout, "rights ledger verified: %d transactions, %d entries, %d accounts; every invariant holds\n", v.Transactions, v.Entries, v.Accounts)
	case "export":
		if *out == "" {
			return fmt.Errorf("rights export: --out is required")
		}
		return exportRights(ctx, st, *out, *year)
	case "report":
		if *out == "" {
			return fmt.Errorf("rights report: --out is required")
		}
		return writeRightsReport(ctx, st, *kind, *year, *month, *out)
	default:
		return fmt.Errorf("%s", rightsUsage)
	}
	return nil
}

// allocFile is rights.yaml: the allocation's weights, reserve, allocable
// totals and the regional data the statistics lack.
type allocFile struct {
	Weights         rights.Weights `yaml:"weights"`
	ReservePermille int64          `yaml:"reserve_permille"`
	Sources         []struct {
		Code        string `yaml:"code"`
		Year        int    `yaml:"year"`
		AllocableM3 int64  `yaml:"allocable_m3"`
	} `yaml:"sources"`
	Regions map[string]struct {
		Population       float64 `yaml:"population"`
		IrrigatedMu      float64 `yaml:"irrigated_mu"`
		IndustrialOutput float64 `yaml:"industrial_output"`
		EcologyM3        float64 `yaml:"ecology_m3"`
	} `yaml:"regions"`
}

func readAllocFile(path string) (*allocFile, error) {
	var b []byte
	var err error
	if path == "" {
		b, err = fs.ReadFile(liaocheng.FS, "rights.yaml")
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	af := &allocFile{Weights: rights.DefaultWeights(), ReservePermille: rights.DefaultReservePermille}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(af); err != nil {
		return nil, fmt.Errorf("rights file: %w", err)
	}
	return af, nil
}

// proposeAllocation gathers the counties, their caps and statistics and proposes the year's allocation.
func proposeAllocation(ctx context.Context, st sishui.Store, af *allocFile, year int) (*rights.Proposal, error) {
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{Level: sishui.LevelCounty})
	if err != nil {
		return nil, err
	}
	caps, err := st.ListCaps(ctx, "", year)
	if err != nil {
		return nil, err
	}
	capOf := map[string]*sishui.RegionCap{}
	for _, c := range caps {
		capOf[c.Region] = c
	}
	stats, err := st.ListStatistics(ctx, sishui.StatisticFilter{})
	if err != nil {
		return nil, err
	}
	type rm struct{ region, metric string }
	latest := map[rm]*sishui.Statistic{}
	for _, s := range stats {
		k := rm{s.Region, s.Metric}
		if s.Year <= year && (latest[k] == nil || s.Year > latest[k].Year) {
			latest[k] = s
		}
	}
	stat := func(region, metric string, fallback float64) float64 {
		if s := latest[rm{region, metric}]; s != nil {
			return s.Value
		}
		return fallback
	}
	srcs, err := st.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	ground := map[string]bool{}
	for _, s := range srcs {
		ground[s.Code] = s.Groundwater
	}
	in := rights.AllocInput{Year: year, Weights: af.Weights, ReservePermille: af.ReservePermille}
	for _, s := range af.Sources {
		if s.Year == year {
			if _, ok := ground[s.Code]; !ok {
				return nil, fmt.Errorf("rights file: unknown source %q", s.Code)
			}
			in.Sources = append(in.Sources, rights.AllocSource{Code: s.Code, Groundwater: ground[s.Code], AllocableM3: s.AllocableM3})
		}
	}
	if len(in.Sources) == 0 {
		return nil, fmt.Errorf("rights file: no allocable totals for %d", year)
	}
	for _, r := range regions {
		c := capOf[r.Code]
		if c == nil {
			continue // no cap, no share: reported beside the proposal by its absence
		}
		x := af.Regions[r.Code]
		in.Regions = append(in.Regions, rights.AllocRegion{Region: r.Code,
			Population:       stat(r.Code, "population_10k", x.Population),
			IrrigatedMu:      stat(r.Code, "irrigated_area_mu", x.IrrigatedMu),
			IndustrialOutput: stat(r.Code, "industrial_va_10k_cny", x.IndustrialOutput),
			EcologyM3:        x.EcologyM3,
			CapTotalM3:       c.TotalM3, CapGroundM3: c.GroundwaterM3})
	}
	if len(in.Regions) == 0 {
		return nil, fmt.Errorf("no county has a total-use cap for %d", year)
	}
	return rights.Propose(in)
}

func printProposal(e *env, p *rights.Proposal) {
	var srcs []string
	for s := range p.Reserve {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	vol := map[string]map[string]int64{}
	for _, r := range p.Rows {
		if vol[r.Region] == nil {
			vol[r.Region] = map[string]int64{}
		}
		vol[r.Region][r.Source] = r.VolumeM3
	}
	fmt.Fprintf(e.stdout, "initial allocation proposal %d (m³; beside the caps)\n", p.Year)
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "region\tindex\t%s\ttotal\tcap\tgroundwater\tgw cap\t\n", strings.Join(srcs, "\t"))
	for _, r := range p.Regions {
		fmt.Fprintf(tw, "%s\t%.4f\t", r.Region, r.Index)
		for _, s := range srcs {
			fmt.Fprintf(tw, "%d\t", vol[r.Region][s])
		}
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t\n", r.TotalM3, r.CapTotalM3, r.GroundM3, r.CapGroundM3)
	}
	fmt.Fprint(tw, "reserve 预留\t\t")
	var total int64
	for _, s := range srcs {
		fmt.Fprintf(tw, "%d\t", p.Reserve[s])
		total += p.Reserve[s]
	}
	fmt.Fprintf(tw, "%d\t\t\t\t\n", total)
	tw.Flush()
}

// adoptAllocation records a proposal: holders for the pool, escrow, reserve,
// buy-back account and each county; the allocable totals; one allocation
// transaction per source. A year is adopted once (reverse it to redo it).
func adoptAllocation(ctx context.Context, st sishui.Store, af *allocFile, p *rights.Proposal) (int, error) {
	holders := []*sishui.RightsHolder{
		{Code: "pool", Kind: sishui.HolderPool, Name: "可分配水量 allocable pool"},
		{Code: "escrow", Kind: sishui.HolderEscrow, Name: "挂牌冻结 escrow"},
		{Code: "reserve", Kind: sishui.HolderReserve, Name: "市级预留 city reserve"},
		{Code: "buyback", Kind: sishui.HolderBuyback, Name: "政府回购 buy-back"},
	}
	for _, r := range p.Regions {
		reg, err := st.GetRegion(ctx, r.Region)
		if err != nil {
			return 0, err
		}
		holders = append(holders, &sishui.RightsHolder{Code: "region:" + r.Region, Kind: sishui.HolderRegion, Name: reg.Name, Region: r.Region})
	}
	ids := map[string]int64{}
	for _, h := range holders {
		if err := st.UpsertRightsHolder(ctx, h); err != nil {
			return 0, err
		}
		ids[h.Code] = h.ID
	}
	ref := fmt.Sprintf("allocation:%d", p.Year)
	done, _, err := st.ListRightsTxs(ctx, sishui.RightsFilter{Holder: ids["pool"], Year: p.Year, Page: sishui.Page{Limit: sishui.MaxPageLimit}})
	if err != nil {
		return 0, err
	}
	reversed := map[int64]bool{}
	for _, t := range done {
		if t.Reverses > 0 {
			reversed[t.Reverses] = true
		}
	}
	for _, t := range done {
		if t.Ref == ref && t.Reason == sishui.ReasonAllocation && !reversed[t.ID] {
			return 0, &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf("the %d allocation is already adopted (transaction %d); reverse it to adopt another", p.Year, t.ID)}
		}
	}
	for _, s := range af.Sources {
		if s.Year == p.Year {
			if err := st.SetRightsAllocable(ctx, sishui.RightsAllocable{Source: s.Code, Year: s.Year, VolumeM3: s.AllocableM3}); err != nil {
				return 0, err
			}
		}
	}
	byRegion := map[string]int64{}
	for _, r := range p.Regions {
		byRegion[r.Region] = ids["region:"+r.Region]
	}
	txs, err := p.Txs(ids["pool"], ids["reserve"], byRegion)
	if err != nil {
		return 0, err
	}
	for _, tx := range txs {
		if err := st.PostRightsTx(ctx, tx); err != nil {
			return 0, err
		}
	}
	return len(txs), nil
}

// adoptDemoAllocation adopts the embedded rights.yaml for each year it has
// allocable totals for (the demo's 2026), unless already adopted.
func adoptDemoAllocation(ctx context.Context, st sishui.Store) (int, error) {
	af, err := readAllocFile("")
	if err != nil {
		return 0, err
	}
	years := map[int]bool{}
	for _, s := range af.Sources {
		years[s.Year] = true
	}
	n := 0
	for y := range years {
		p, err := proposeAllocation(ctx, st, af, y)
		if err != nil {
			return n, err
		}
		k, err := adoptAllocation(ctx, st, af, p)
		if sishui.ErrorCode(err) == sishui.ECONFLICT {
			continue
		}
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

// exportRights writes the balances, the ledger and the trades to an xlsx workbook.
func exportRights(ctx context.Context, st sishui.Store, path string, year int) error {
	hs, err := st.ListRightsHolders(ctx)
	if err != nil {
		return err
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
	f := excelize.NewFile()
	defer f.Close()
	sheet := func(title string, header []any, rows [][]any) error {
		if _, err := f.NewSheet(title); err != nil {
			return err
		}
		if err := f.SetSheetRow(title, "A1", &header); err != nil {
			return err
		}
		for i, r := range rows {
			if err := f.SetSheetRow(title, fmt.Sprintf("A%d", i+2), &r); err != nil {
				return err
			}
		}
		return f.SetPanes(title, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	bs, err := st.RightsBalances(ctx, sishui.RightsFilter{Year: year}, time.Time{})
	if err != nil {
		return err
	}
	var rows [][]any
	for _, b := range bs {
		h := holder[b.Holder]
		kind := ""
		if h != nil {
			kind = h.Kind
		}
		rows = append(rows, []any{name(b.Holder), kind, b.Source, b.Year, b.VolumeM3, b.MinM3, b.MaxM3})
	}
	if err := sheet("余额 Balances", []any{"持有者 holder", "类型 kind", "水源 source", "年度 year", "年初 on 1 Jan (m³)", "最低 lowest (m³)", "最高 highest (m³)"}, rows); err != nil {
		return err
	}
	rows = nil
	err = st.EachRightsTx(ctx, func(tx *sishui.RightsTx) error {
		for _, e := range tx.Entries {
			if year != 0 && e.Year != year {
				continue
			}
			var from, to string
			if !e.From.IsZero() {
				from, to = e.From.Format(time.DateOnly), e.To.Format(time.DateOnly)
			}
			rows = append(rows, []any{tx.ID, tx.Reason, tx.Ref, tx.Created.In(sishui.BeijingTime).Format("2006-01-02 15:04"), tx.Actor, name(e.Holder), e.Source, e.Year, e.VolumeM3, from, to})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := sheet("分录 Ledger", []any{"交易 tx", "事由 reason", "关联 ref", "时间 time", "操作人 actor", "持有者 holder", "水源 source", "年度 year", "水量 m³", "起 from", "止 to"}, rows); err != nil {
		return err
	}
	rows = nil
	for p := (sishui.Page{Limit: sishui.MaxPageLimit}); ; p.Offset += p.Limit {
		ts, n, err := st.ListTrades(ctx, sishui.TradeFilter{Page: p})
		if err != nil {
			return err
		}
		for _, t := range ts {
			rows = append(rows, []any{t.ID, t.Type, t.Mode, t.SellerName, t.BuyerName, t.Source, t.VolumeM3, t.PriceFen, t.AmountFen,
				t.From.Format(time.DateOnly), t.To.Format(time.DateOnly), t.Status, t.Route, t.NoticeTo.Format(time.DateOnly)})
		}
		if p.Offset+p.Limit >= n {
			break
		}
	}
	if err := sheet("交易 Trades", []any{"编号 id", "类型 type", "方式 mode", "出让方 seller", "受让方 buyer", "水源 source", "水量 m³", "单价 price (fen/m³)", "金额 amount (fen)",
		"起 from", "止 to", "状态 status", "审批 route", "公示截止 notice to"}, rows); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	return f.SaveAs(path)
}
