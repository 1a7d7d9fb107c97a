package billing

import (
	"context"
	"sort"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// holding is one of a water user's subjects whose use is measured against a
// share of the user's quota: a permit (subject permit) or a non-residential
// customer account (subject account).
type holding struct {
	subject string
	id      int64
	user    int64
	region  string
	sector  string // the permit's sector; an account's is its user's
	usedM3  int64  // metered use of the period: the default split weight
}

type holdKey struct {
	subject string
	id      int64
}

// quotaDecl is one declared output's quota volume (norm × output, whole m³)
// and, per permit, the declared parts of that output.
type quotaDecl struct {
	user            int64
	sector, product string
	quotaM3         int64
	parts           map[int64]int64 // permit id → declared output of the product
}

// splitQuotas gives each holding its share of its user's quota, without
// double counting: every declaration's quota goes to the user's holdings of
// the declaration's sector (when none has that sector: all its holdings, or
// none when strict — the tax's agricultural exemption only counts
// agricultural declarations),
// split by the permits' declared parts of that output when any is declared
// (holdings without a declared part get none), else by each holding's
// metered use of the period (equally when nothing is metered). Shares are
// whole m³ by the largest remainder, ties to the earlier holding (holdings
// in subject and id order), so the shares of a user add up to its quota
// exactly.
func splitQuotas(decls []quotaDecl, hs []holding, strict bool) map[holdKey]int64 {
	byUser := map[int64][]holding{}
	for _, h := range hs {
		byUser[h.user] = append(byUser[h.user], h)
	}
	for _, list := range byUser {
		sort.Slice(list, func(i, j int) bool {
			if list[i].subject != list[j].subject {
				return list[i].subject > list[j].subject // permits before accounts
			}
			return list[i].id < list[j].id
		})
	}
	out := map[holdKey]int64{}
	for _, d := range decls {
		all := byUser[d.user]
		var elig []holding
		for _, h := range all {
			if h.sector == d.sector {
				elig = append(elig, h)
			}
		}
		if len(elig) == 0 && !strict {
			elig = all
		}
		if len(elig) == 0 {
			continue // the user holds nothing measured here
		}
		w := make([]int64, len(elig))
		var declared int64
		for i, h := range elig {
			if h.subject == sishui.BillPermit {
				w[i] = d.parts[h.id]
				declared += w[i]
			}
		}
		if declared == 0 {
			for i, h := range elig {
				w[i] = h.usedM3
			}
		}
		for i, share := range pricing.SplitQuota(d.quotaM3, w) {
			out[holdKey{elig[i].subject, elig[i].id}] += share
		}
	}
	return out
}

// quotaDecls reads the year's declared outputs and their per-permit parts
// and prices each with the norm in force at day in the user's region (the
// region of its first holding); declarations of users holding nothing here
// and those without a norm are left out. scale (num/12) pro-rates the
// quotas to a part of the year (12 for the whole year).
func quotaDecls(ctx context.Context, st sishui.Store, cat *Catalog, year int, day time.Time, hs []holding, months int64) ([]quotaDecl, error) {
	outs, err := st.AllOutputs(ctx, year)
	if err != nil {
		return nil, err
	}
	parts, err := st.ListPermitOutputs(ctx, year)
	if err != nil {
		return nil, err
	}
	regionOf := map[int64]string{}
	for _, h := range hs {
		if _, ok := regionOf[h.user]; !ok {
			regionOf[h.user] = h.region
		}
	}
	type key struct {
		user            int64
		sector, product string
	}
	partsOf := map[key]map[int64]int64{}
	for _, p := range parts {
		k := key{p.UserID, p.Sector, p.Product}
		if partsOf[k] == nil {
			partsOf[k] = map[int64]int64{}
		}
		partsOf[k][p.PermitID] = p.Output
	}
	var out []quotaDecl
	for _, o := range outs {
		region, ok := regionOf[o.UserID]
		if !ok {
			continue
		}
		n, ok := cat.NormFor(region, o.Sector, o.Product, day)
		if !ok {
			continue
		}
		q := pricing.Scale(n.QuotaM3(o.Output, false), months, 12)
		out = append(out, quotaDecl{user: o.UserID, sector: o.Sector, product: o.Product, quotaM3: q, parts: partsOf[key{o.UserID, o.Sector, o.Product}]})
	}
	return out, nil
}
