package cityfile

import (
	"context"

	"github.com/sishui/sishui"
)

type tasksFile struct {
	Source string        `json:"source"`
	Tasks  []sishui.Task `json:"tasks"`
}

// planFile loads the plan's files: units.yaml, tasks.yaml, works.yaml and projects.yaml.
func (l *loader) planFile(ctx context.Context, name string, b []byte) error {
	switch name {
	case "units":
		var rows []sishui.Unit
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertUnit(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
		}
		l.counts["units"] += len(rows)
	case "tasks":
		var f tasksFile
		if err := decodeYAML(b, &f); err != nil {
			return err
		}
		for i := range f.Tasks {
			t := &f.Tasks[i]
			if t.Source == "" {
				t.Source = f.Source
			}
			if err := l.st.UpsertTask(ctx, t); err != nil {
				return at(i, err)
			}
		}
		l.counts["tasks"] += len(f.Tasks)
	}
	return nil
}
