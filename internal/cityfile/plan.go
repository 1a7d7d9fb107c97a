package cityfile

import (
	"context"
	"fmt"

	"github.com/sishui/sishui"
)

type worksFile struct {
	Works        []sishui.Work        `json:"works"`
	Links        []sishui.WorkLink    `json:"links"`
	Measurements []sishui.Measurement `json:"measurements"`
}

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
	case "works":
		var f worksFile
		if err := decodeYAML(b, &f); err != nil {
			return err
		}
		for i := range f.Works {
			if err := l.st.UpsertWork(ctx, &f.Works[i]); err != nil {
				return fmt.Errorf("works: %w", at(i, err))
			}
		}
		for i := range f.Links {
			if err := l.st.UpsertWorkLink(ctx, &f.Links[i]); err != nil {
				return fmt.Errorf("links: %w", at(i, err))
			}
		}
		for i := range f.Measurements {
			if err := l.st.PutMeasurement(ctx, &f.Measurements[i]); err != nil {
				return fmt.Errorf("measurements: %w", at(i, err))
			}
		}
		l.counts["works"] += len(f.Works)
		l.counts["work_links"] += len(f.Links)
		l.counts["measurements"] += len(f.Measurements)
	case "projects":
		var rows []sishui.Project
		if err := decodeYAML(b, &rows); err != nil {
			return err
		}
		for i := range rows {
			if err := l.st.UpsertProject(ctx, &rows[i]); err != nil {
				return at(i, err)
			}
		}
		l.counts["projects"] += len(rows)
	}
	return nil
}
