package alerting

import (
	"context"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/citytest"
)

// newServices returns an accounting service and the warning service over it,
// both on clock c.
func newServices(t *testing.T, st sishui.Store, c *citytest.Clock, cfg Config) (*accounting.Service, *Service) {
	t.Helper()
	acct, err := accounting.New(st, accounting.Config{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Now = c.Now
	s, err := New(st, acct, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return acct, s
}

func newService(t *testing.T, st sishui.Store, c *citytest.Clock, cfg Config) *Service {
	t.Helper()
	_, s := newServices(t, st, c, cfg)
	return s
}

// allAlerts lists every stored alert matching f.
func allAlerts(ctx context.Context, st sishui.Store, f sishui.AlertFilter) ([]*sishui.Alert, error) {
	return sishui.AllPages(func(p sishui.Page) ([]*sishui.Alert, int, error) {
		f.Page = p
		return st.ListAlerts(ctx, f)
	})
}
