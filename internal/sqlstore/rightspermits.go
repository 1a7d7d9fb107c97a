package sqlstore

import (
	"github.com/sishui/sishui/internal/rights"
)

// SetRightsRules replaces the market's configurable rules (checked first).
func (s *DB) SetRightsRules(c rights.Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	s.Rights = c
	return nil
}
