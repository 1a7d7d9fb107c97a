package sishui

import (
	"strconv"
	"strings"
	"time"
)

// Budget subjects.
const (
	BudgetRegion = "region" // a county's (or the city's) budget
	BudgetUser   = "user"   // a major user's budget
)

// WaterBudget is a year's water budget (水预算) of a region or a major user,
// for a source and sector ("" for all), split over the months.
type WaterBudget struct {
	ID        int64     `json:"id"`
	Year      int       `json:"year"`
	Subject   string    `json:"subject"`    // region | user
	SubjectID string    `json:"subject_id"` // region code or water-user id
	Region    string    `json:"region"`     // the region (a user's own region), for scoping
	Source    string    `json:"source,omitempty"`
	Sector    string    `json:"sector,omitempty"`
	AnnualM3  int64     `json:"annual_m3"`
	MonthlyM3 []int64   `json:"monthly_m3"` // 12 values summing to AnnualM3
	Basis     string    `json:"basis"`      // cap | permits | allocation | entered
	Note      string    `json:"note,omitempty"`
	Actor     string    `json:"actor,omitempty"`
	Updated   time.Time `json:"updated"`
}

// Validate checks the budget's fields.
func (b *WaterBudget) Validate() error {
	switch {
	case b.Year < 1990 || b.Year > 2100:
		return Invalid("year", "must be a year")
	case b.Subject == BudgetRegion && !isDigits(b.SubjectID, 6):
		return Invalid("subject_id", "a region budget names a 6-digit region code")
	case b.Subject == BudgetUser:
		if id, err := strconv.ParseInt(b.SubjectID, 10, 64); err != nil || id <= 0 {
			return Invalid("subject_id", "a user budget names the water user's id")
		}
	case b.Subject != BudgetRegion:
		return Invalid("subject", "must be region or user")
	}
	if b.Source != "" && !isCode(b.Source) {
		return Invalid("source", "must be a source code or empty")
	}
	if b.Sector != "" && !isCode(b.Sector) {
		return Invalid("sector", "must be a sector code or empty")
	}
	if b.AnnualM3 < 0 {
		return Invalid("annual_m3", "must not be negative")
	}
	if len(b.MonthlyM3) != 12 {
		return Invalid("monthly_m3", "must have 12 values")
	}
	var sum int64
	for _, v := range b.MonthlyM3 {
		if v < 0 {
			return Invalid("monthly_m3", "must not be negative")
		}
		sum += v
	}
	if sum != b.AnnualM3 {
		return Invalid("monthly_m3", "sums to %d, not the annual %d m³", sum, b.AnnualM3)
	}
	if strings.TrimSpace(b.Basis) == "" {
		return Invalid("basis", "say what the budget derives from: cap, permits, allocation or entered")
	}
	return nil
}

// SavingContract is a contract water-saving (合同节水管理) contract between a
// user and a saving-service company. Savings are verified per year against
// the baseline year's use per unit of output of Product (IPMVP option C).
type SavingContract struct {
	ID           int64     `json:"id"`
	UserID       int64     `json:"user_id"`
	Region       string    `json:"region"`
	Company      string    `json:"company"` // 节水服务企业
	Model        string    `json:"model"`   // share | guarantee | custody
	Sector       string    `json:"sector"`
	Product      string    `json:"product"` // the output the baseline is normalised by
	BaselineYear int       `json:"baseline_year"`
	StartYear    int       `json:"start_year"`
	EndYear      int       `json:"end_year"`
	Guaranteed   int64     `json:"guaranteed"` // guaranteed saving, thousandths
	Share        int64     `json:"share"`      // company's share of the savings' value, thousandths
	Price        int64     `json:"price"`      // value of a m³ saved, 1/10000 元
	FeeFen       int64     `json:"fee_fen"`    // yearly guarantee or custody fee
	Note         string    `json:"note,omitempty"`
	Actor        string    `json:"actor,omitempty"`
	Updated      time.Time `json:"updated"`
}

// Validate checks the contract's fields (the terms' numbers are checked by internal/saving).
func (c *SavingContract) Validate() error {
	switch {
	case c.UserID <= 0:
		return Invalid("user_id", "is required")
	case strings.TrimSpace(c.Company) == "":
		return Invalid("company", "is required")
	case c.Model != "share" && c.Model != "guarantee" && c.Model != "custody":
		return Invalid("model", "must be share (节水效益分享), guarantee (节水效果保证) or custody (用水费用托管)")
	case !isCode(c.Sector):
		return Invalid("sector", "must be a sector code")
	case strings.TrimSpace(c.Product) == "":
		return Invalid("product", "is required")
	case c.BaselineYear < 1990 || c.StartYear <= c.BaselineYear || c.EndYear < c.StartYear || c.EndYear > 2100:
		return Invalid("start_year", "need baseline_year < start_year ≤ end_year")
	case c.Guaranteed < 0 || c.Guaranteed > 1000:
		return Invalid("guaranteed", "must be in [0, 1000] thousandths")
	case c.Share < 0 || c.Share > 1000:
		return Invalid("share", "must be in [0, 1000] thousandths")
	case c.Price < 0 || c.FeeFen < 0:
		return Invalid("price", "price and fee must not be negative")
	}
	return nil
}
