package pricing

import "time"

// Guideline2017 is the default over-plan / over-quota surcharge of the 2017
// national guideline (发改价格〔2017〕1792号): up to 20 % over +0.5×, 20–40 %
// +1×, over 40 % +2× of every component, measured monthly. DOMAIN.md §2.2
// marks it unverified; a city's own rule table replaces it.
func Guideline2017(region string) *SurchargeRule {
	return &SurchargeRule{
		Version: Version{Region: region, Class: ClassNonResidential, EffectiveFrom: time.Date(2017, 10, 1, 0, 0, 0, 0, time.UTC),
			Source: "发改价格〔2017〕1792号 (unverified: recalled, text not seen)"},
		Name:   "超定额累进加价 (2017 指导意见 default)",
		Period: CycleMonth,
		Bands:  []Band{{UpTo: 200, Factor: 500}, {UpTo: 400, Factor: 1000}, {UpTo: 0, Factor: 2000}},
	}
}

// OverUse2024 is the default multiplier bands of over-permit / over-plan use
// under the water-resource tax: 2× up to 20 % over, 2.5× for 20–40 %, 3× above
// 40 % (and 2× for unpermitted water): Shanxi's 2024 table, unverified for
// Shandong until its 2024 table is loaded (DOMAIN.md §3.2).
func OverUse2024() (bands []Band, unpermitted Milli) {
	return []Band{{UpTo: 200, Factor: 2000}, {UpTo: 400, Factor: 2500}, {UpTo: 0, Factor: 3000}}, 2000
}
