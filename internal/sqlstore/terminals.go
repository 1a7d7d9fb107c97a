package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/sishui/sishui"
)

// FrameSignals counts each terminal's suspicious frames received since: the
// gateway's signals in accepted frames' reasons (internal/gateway/signals.go)
// and frames quarantined for a wrong password or source network. It reads
// only frames with a reason (a partial index, migration 016) and only
// terminals in the actor's scope.
func (s *DB) FrameSignals(ctx context.Context, since time.Time) ([]sishui.FrameSignal, error) {
	var w where
	w.add("reason <> ''")
	w.add("received_ms >= ?", since.UnixMilli())
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	if !sc.all {
		var pw where
		sc.apply(&pw, "region", pointUserExpr)
		w.add("station IN (SELECT code FROM points"+pw.String()+")", pw.args...)
	}
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT protocol, station,
		SUM(CASE WHEN status = 'ok' AND reason LIKE '%replay: %' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'ok' AND reason LIKE '%impersonation: %' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'ok' AND reason LIKE '%clock_skew: %' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'quarantined' AND (reason LIKE 'password:%' OR reason LIKE 'source_network:%') THEN 1 ELSE 0 END)
		FROM frames`+w.String()+` GROUP BY protocol, station ORDER BY protocol, station`), w.args...)
	if err != nil {
		return nil, fmt.Errorf("frame signals: %w", err)
	}
	defer rows.Close()
	var out []sishui.FrameSignal
	for rows.Next() {
		var x sishui.FrameSignal
		if err := rows.Scan(&x.Protocol, &x.Station, &x.Replay, &x.Impersonation, &x.ClockSkew, &x.Forged); err != nil {
			return nil, fmt.Errorf("frame signals: %w", err)
		}
		if x.Total() > 0 {
			out = append(out, x)
		}
	}
	return out, rows.Err()
}
