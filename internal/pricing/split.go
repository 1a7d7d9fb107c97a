package pricing

import (
	"math/big"
	"sort"
)

// SplitQuota splits a user's quota volume (whole m³) across its holdings
// (its permits, or permits and public-supply accounts) in proportion to the
// weights (each holding's metered use of the period, or its declared
// output): the shares are whole m³ and add up to quotaM3 exactly.
//
// Each holding first gets the floor of quota × weight / Σ weights; the m³
// left over go one each to the holdings with the largest fractional parts
// (largest-remainder method), ties to the lower index, so the result is
// deterministic for sorted holdings. When every weight is zero (nothing
// metered yet) the quota is split equally by the same rule. Negative weights
// count as zero.
func SplitQuota(quotaM3 int64, weights []int64) []int64 {
	out := make([]int64, len(weights))
	if len(weights) == 0 || quotaM3 == 0 {
		return out
	}
	w := make([]int64, len(weights))
	var total int64
	for i, v := range weights {
		w[i] = max(v, 0)
		total += w[i]
	}
	if total == 0 {
		for i := range w {
			w[i] = 1
		}
		total = int64(len(w))
	}
	sign := int64(1)
	q := quotaM3
	if q < 0 { // not expected (quotas are never negative); kept symmetric
		sign, q = -1, -q
	}
	type rem struct {
		i int
		r *big.Int
	}
	rems := make([]rem, len(w))
	var given int64
	bq, bt := big.NewInt(q), big.NewInt(total)
	for i, v := range w {
		num := new(big.Int).Mul(bq, big.NewInt(v))
		quo, r := new(big.Int).QuoRem(num, bt, new(big.Int))
		out[i] = quo.Int64()
		given += out[i]
		rems[i] = rem{i, r}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.Cmp(rems[b].r) > 0 })
	for k := int64(0); k < q-given; k++ {
		out[rems[k].i]++
	}
	if sign < 0 {
		for i := range out {
			out[i] = -out[i]
		}
	}
	return out
}
