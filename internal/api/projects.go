package api

import (
	"net/http"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/plan"
)

// projectRoutes are the project register, its progress updates, the Gantt
// timeline and the warnings of late milestones.
func (s *Server) projectRoutes() []Route {
	st := s.Store
	list := func(r *http.Request) ([]*sishui.Project, time.Time, error) {
		at, err := qTime(r, "at")
		if err != nil {
			return nil, at, err
		}
		if at.IsZero() {
			at = time.Now()
		}
		ps, err := st.ListProjects(r.Context(), sishui.ProjectFilter{Region: r.URL.Query().Get("region"), Task: r.URL.Query().Get("task")})
		return ps, at, err
	}
	filters := []Param{{Name: "region", Type: "string"}, {Name: "task", Type: "string", Doc: "projects serving this task"}, atParam}
	return []Route{
		{Method: "GET", Path: "/api/v1/projects", Summary: "The project register: owner, county, budget (fen), schedule, milestones, progress, photos and documents, tasks and indicators served", Tag: "projects",
			Query: filters, Out: []*sishui.Project{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				ps, _, err := list(r)
				return reply(w, ps, err)
			}},
		{Method: "GET", Path: "/api/v1/projects/gantt", Summary: "The projects as Gantt bars (start, end, progress, milestones marked done or late)", Tag: "projects",
			Query: filters, Out: []plan.GanttBar{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				ps, at, err := list(r)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusOK, plan.Gantt(ps, at))
			}},
		{Method: "GET", Path: "/api/v1/projects/late-milestones", Summary: "Warnings: open milestones past their due date, most late first", Tag: "projects",
			Query: filters, Out: []plan.LateMilestone{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				ps, at, err := list(r)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusOK, nonNil(plan.LateMilestones(ps, at)))
			}},
		{Method: "GET", Path: "/api/v1/projects/{code}", Summary: "One project", Tag: "projects", Out: sishui.Project{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := st.GetProject(r.Context(), r.PathValue("code"))
				return reply(w, p, err)
			}},
		{Method: "POST", Path: "/api/v1/projects/{code}/progress", Summary: "Update progress: percent, status, milestones reached (index → date), photos or documents; city staff or the project's county; audited", Tag: "projects",
			In: sishui.ProjectUpdate{}, Out: sishui.Project{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.ProjectUpdate
				if err := decode(r, &in); err != nil {
					return err
				}
				p, err := st.UpdateProject(r.Context(), r.PathValue("code"), &in)
				return reply(w, p, err)
			}},
	}
}
