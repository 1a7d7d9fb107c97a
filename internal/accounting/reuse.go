package accounting

import (
	"context"
	"fmt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/indicator"
)

// reuseFromRegister computes indicator 8 (规模以上工业用水重复利用率) from its
// register: Σ reused / (Σ reused + Σ intake) over the year's reports of
// enterprises above designated size in the region (the city: all). It
// answers the value and how many reports it took (0: none, no value).
func (s *Service) reuseFromRegister(ctx context.Context, region, root string, year int) (float64, int, error) {
	f := sishui.ReuseFilter{Year: year}
	if region != root {
		f.Region = region
	}
	rs, err := s.store.ListReuseReports(ctx, f)
	if err != nil {
		return 0, 0, fmt.Errorf("accounting: reuse register: %w", err)
	}
	var reused, intake []float64
	for _, r := range rs {
		if r.AboveSize {
			reused, intake = append(reused, float64(r.ReusedM3)), append(intake, float64(r.IntakeM3))
		}
	}
	if len(reused) == 0 {
		return 0, 0, nil
	}
	v, err := indicator.SharePercent(reused, intake)
	if err != nil {
		return 0, 0, nil
	}
	return v, len(reused), nil
}
