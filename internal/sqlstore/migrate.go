package sqlstore

import (
	"io/fs"
	"path"
	"sort"
	"strings"
)

// LoadMigrations reads dir/*.sql from fsys in name order.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]Migration, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Name: strings.TrimSuffix(path.Base(n), ".sql"), SQL: string(b)})
	}
	return out, nil
}
