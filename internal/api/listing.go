package api

import (
	"net/http"
	"strings"

	"github.com/sishui/sishui"
)

// sortedList returns the query parameters of a list that sorts and searches
// on the server: ps, then q (what it searches), sort (the fields allowed),
// order, offset and limit.
func sortedList(sorts []string, search string, ps ...Param) []Param {
	return withPage(append(ps,
		Param{"q", "string", "case-insensitive substring of " + search},
		Param{"sort", "string", "sort field, one of: " + strings.Join(sorts, ", ") + " (unknown fields are 400 naming `sort`)"},
		Param{"order", "string", "asc (default with sort) or desc"})...)
}

// qSortedPage reads offset, limit, sort and order, checking sort against the
// list's fields: EINVALID naming "sort" or "order".
func qSortedPage(r *http.Request, sorts []string) (sishui.Page, error) {
	p, err := qPage(r)
	if err != nil {
		return p, err
	}
	q := r.URL.Query()
	p.Sort, p.Order = q.Get("sort"), strings.ToLower(q.Get("order"))
	return p, p.CheckSort(sorts)
}

// qYearFilter reads the list of one year's records: year (required), region,
// q and the sorted page.
func qYearFilter(r *http.Request, sorts []string) (sishui.YearFilter, error) {
	y, err := qYear(r)
	if err != nil {
		return sishui.YearFilter{}, err
	}
	p, err := qSortedPage(r, sorts)
	q := r.URL.Query()
	return sishui.YearFilter{Year: y, Region: q.Get("region"), Query: q.Get("q"), Page: p}, err
}
