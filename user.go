package sishui

import (
	"strings"
	"time"
)

// WaterUser is a registered withdrawer or user of water (取用水户): an enterprise,
// a water-supply company, an irrigation district, a village collective …
type WaterUser struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	CreditCode string    `json:"credit_code"` // 统一社会信用代码, 18 characters, GB 32100-2015
	Region     string    `json:"region"`
	Sector     string    `json:"sector"`
	Address    string    `json:"address,omitempty"`
	Lon        float64   `json:"lon,omitempty"`
	Lat        float64   `json:"lat,omitempty"`
	Contact    string    `json:"contact,omitempty"`
	Phone      string    `json:"phone,omitempty"`
	Retired    bool      `json:"retired"`
	Note       string    `json:"note,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Validate checks the user's own fields (lookups such as the region's existence
// are the store's job, in the same transaction as the write).
func (u *WaterUser) Validate() error {
	if strings.TrimSpace(u.Name) == "" {
		return Invalid("name", "is required")
	}
	if err := firstErr(CheckName("name", u.Name), CheckText("address", u.Address), CheckName("contact", u.Contact),
		CheckName("phone", u.Phone), CheckNote("note", u.Note)); err != nil {
		return err
	}
	if err := ValidateCreditCode(u.CreditCode); err != nil {
		return err
	}
	if !isDigits(u.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if !isCode(u.Sector) {
		return Invalid("sector", "must be a sector code")
	}
	return validateLonLat(u.Lon, u.Lat)
}

func validateLonLat(lon, lat float64) error {
	if lon == 0 && lat == 0 {
		return nil // not given
	}
	if !(lon >= 73 && lon <= 136) { // China's extent; also rejects NaN
		return Invalid("lon", "must be a longitude within China (73–136), got %v", lon)
	}
	if !(lat >= 3 && lat <= 54) {
		return Invalid("lat", "must be a latitude within China (3–54), got %v", lat)
	}
	return nil
}

// creditCodeChars is the GB 32100-2015 character set; a character's value is its index.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeCheck returns the check character for the first 17 characters of a
// unified social credit code, or false when a character is outside the set.
func CreditCodeCheck(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeChars, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditCodeWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return creditCodeChars[c], true
}

// ValidateCreditCode checks a unified social credit code (统一社会信用代码):
// 18 characters from the standard's set, digits 3–8 an administrative code, and
// the check character.
func ValidateCreditCode(code string) error {
	if len(code) != 18 {
		return Invalid("credit_code", "must be 18 characters, got %d", len(code))
	}
	for i := 0; i < 18; i++ {
		if strings.IndexByte(creditCodeChars, code[i]) < 0 {
			return Invalid("credit_code", "character %d (%q) is not allowed", i+1, code[i])
		}
	}
	if !isDigits(code[2:8], 6) {
		return Invalid("credit_code", "characters 3–8 must be an administrative division code")
	}
	want, _ := CreditCodeCheck(code[:17])
	if code[17] != want {
		return Invalid("credit_code", "check character is %q, expected %q", code[17], want)
	}
	return nil
}

// WaterUserFilter selects water users. Zero fields do not filter.
type WaterUserFilter struct {
	Region  string // this region or any region below it (prefix match on the code tree)
	Sector  string
	Query   string // substring of name or credit code
	Retired *bool
	Page
}

// Page is the pagination of a list: Limit rows after Offset. A zero Limit means the default (100).
// Sort names a field of the list's sort fields (e.g. PointSorts; "" for the
// list's own order) and Order is OrderAsc (the default) or OrderDesc.
type Page struct {
	Offset int
	Limit  int
	Sort   string
	Order  string
}

// AllPages collects every page of a paginated list, MaxPageLimit rows at a time.
func AllPages[T any](list func(Page) ([]T, int, error)) ([]T, error) {
	var out []T
	p := Page{Limit: MaxPageLimit}
	for {
		items, total, err := list(p)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		p.Offset += len(items)
		if len(items) == 0 || p.Offset >= total {
			return out, nil
		}
	}
}

// MaxPageLimit caps Limit on any list.
const MaxPageLimit = 1000

// Normalize applies the default and the cap.
func (p Page) Normalize() Page {
	if p.Limit <= 0 {
		p.Limit = 100
	}
	if p.Limit > MaxPageLimit {
		p.Limit = MaxPageLimit
	}
	if p.Offset < 0 {
		p.Offset = 0
	}
	return p
}
