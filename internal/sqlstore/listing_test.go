package sqlstore

import (
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/sishui/sishui"
)

// Every sort field a list documents has a column, and no column is reachable
// that the list does not document.
func TestSortSpecs(t *testing.T) {
	for name, sp := range map[string]sortSpec{"points": pointSort, "water users": waterUserSort, "permits": permitSort,
		"alerts": alertSort, "frames": frameSort, "audit": auditSort, "accounts": accountSort} {
		got := slices.Sorted(maps.Keys(sp.cols))
		want := slices.Sorted(slices.Values(sp.allowed))
		if !slices.Equal(got, want) || !slices.Contains(sp.allowed, sp.def) {
			t.Errorf("%s: columns for %q, allowed %q, default %q", name, got, want, sp.def)
		}
	}
}

func TestOrderBy(t *testing.T) {
	tests := []struct {
		name  string
		sp    sortSpec
		page  sishui.Page
		want  string
		field string // of the error
	}{
		{"default", alertSort, sishui.Page{}, "id DESC", ""},
		{"default reversed", alertSort, sishui.Page{Order: "asc"}, "id ASC", ""},
		{"field ascending", pointSort, sishui.Page{Sort: "name"}, "name ASC, id ASC", ""},
		{"field descending", pointSort, sishui.Page{Sort: "updated_at", Order: "desc"}, "updated_ms DESC, id DESC", ""},
		{"unknown field", pointSort, sishui.Page{Sort: "name; DROP TABLE points"}, "", "sort"},
		{"column name is not a field", pointSort, sishui.Page{Sort: "updated_ms"}, "", "sort"},
		{"bad order", pointSort, sishui.Page{Sort: "name", Order: "up"}, "", "order"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.sp.orderBy(tt.page)
			if tt.field != "" {
				var e *sishui.Error
				if !errors.As(err, &e) || e.Code != sishui.EINVALID || e.Field != tt.field {
					t.Fatalf("err %v, want invalid %s", err, tt.field)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("%q %v, want %q", got, err, tt.want)
			}
		})
	}
}

func TestSearchEscapes(t *testing.T) {
	var w where
	w.search(" 50%_A\\ ", "name", "code")
	if len(w.args) != 2 || w.args[0] != `%50\%\_a\\%` || w.String() != ` WHERE (LOWER(name) LIKE ? ESCAPE '\' OR LOWER(code) LIKE ? ESCAPE '\')` {
		t.Fatalf("%s %q", w.String(), w.args)
	}
	var none where
	if none.search("  ", "name"); len(none.conds) != 0 {
		t.Fatal("blank query filters")
	}
}
