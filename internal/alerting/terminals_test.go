package alerting

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
)

// TestTerminalSecurityAlert: a terminal's replayed and impersonating frames
// in the frame archive raise a terminal_security alert on its point, named
// like the point; a quiet terminal raises none.
func TestTerminalSecurityAlert(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := citytest.SQLite(t)
	now := time.Now().UTC().Truncate(time.Second)
	s := newService(t, st, &citytest.Clock{T: now}, Config{})
	p := citytest.PointByCode(t, st, "3715020400")
	var frames []*sishui.RawFrame
	for i, reason := range []string{"replay: serial 3 repeated with other contents", "impersonation: reported from 10.0.0.9 while its session from 10.0.0.1 was alive",
		"replay: send time behind", ""} {
		frames = append(frames, &sishui.RawFrame{Received: now.Add(-time.Duration(i) * time.Minute), Protocol: p.Protocol, Peer: "10.0.0.9:4000",
			Station: p.Code, Bytes: []byte{0x68}, Status: sishui.FrameOK, Reason: reason})
	}
	if err := st.ArchiveFrames(ctx, frames); err != nil {
		t.Fatal(err)
	}
	changes, err := s.Eval(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var found *sishui.Alert
	for _, ch := range changes {
		if ch.Alert.Rule == "terminal_security" {
			if ch.Alert.Subject != "point:"+p.Code {
				t.Fatalf("terminal_security alert on %s: only %s has signals", ch.Alert.Subject, p.Code)
			}
			found = &ch.Alert
		}
	}
	if found == nil || found.State != sishui.AlertFiring || found.Level != "orange" {
		t.Fatalf("terminal_security alert = %+v, want firing orange (3 signals)", found)
	}
	if err := s.NameAlerts(ctx, found); err != nil || found.SubjectName != p.Name {
		t.Fatalf("subject name %q, want %q (%v)", found.SubjectName, p.Name, err)
	}
}
