package accounting

import (
	"context"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// billedUse is a water works' registered use of a year from its customers'
// issued bills (注册用户用水量, CJJ 92-2016), and the part metered to the
// household (residential accounts on individual meters).
type billedUse struct {
	registeredM3, residentialM3 float64
	residential                 bool // some residential household bills
}

// worksBilledUse sums, per water works, the issued bills of a year of the
// customer accounts it supplies (CustomerAccount.Supplier names the works by
// code or name). Per account and month the bill in force counts: the last
// issued one (an adjustment replaces the bill it corrects). Works without
// billed accounts are absent: their entered registered use stands.
func (s *Service) worksBilledUse(ctx context.Context, year int, works map[string]*sishui.Work) (map[string]*billedUse, error) {
	byName := map[string]string{}
	for code, w := range works {
		if w.Kind == sishui.WorkWaterWorks {
			byName[code], byName[w.Name] = code, code
		}
	}
	if len(byName) == 0 {
		return nil, nil
	}
	accounts, err := s.store.AllCustomerAccounts(ctx)
	if err != nil {
		return nil, err
	}
	supplier := map[int64]*sishui.CustomerAccount{}
	for _, a := range accounts {
		if a.Supplier != "" && byName[a.Supplier] != "" {
			supplier[a.ID] = a
		}
	}
	if len(supplier) == 0 {
		return nil, nil
	}
	out := map[string]*billedUse{}
	for m := 1; m <= 12; m++ {
		bills, err := s.store.IssuedBills(ctx, sishui.BillAccount, year*100+m)
		if err != nil {
			return nil, err
		}
		inForce := map[int64]*sishui.Bill{} // bills come by subject and id: the last is in force
		for _, b := range bills {
			if supplier[b.SubjectID] != nil {
				inForce[b.SubjectID] = b
			}
		}
		for id, b := range inForce {
			a := supplier[id]
			code := byName[a.Supplier]
			u := out[code]
			if u == nil {
				u = &billedUse{}
				out[code] = u
			}
			u.registeredM3 += float64(b.VolumeM3)
			if a.Class == pricing.ClassResidential && a.Meter == sishui.MeterIndividual {
				u.residentialM3 += float64(b.VolumeM3)
				u.residential = true
			}
		}
	}
	return out, nil
}
