package gateway

import (
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// TestSZY206SplitMessage: a self-report split in three fragments (拆分帧) is
// confirmed fragment by fragment and its values stored once, from the joined
// data; a fragment out of sequence is rejected and not confirmed.
func TestSZY206SplitMessage(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSZY206, szyCode, "", 1)
	ts := startServer(t, store, nil)
	whole := szyReport(t, szyCode, 0, 0.75, 4321)
	body := whole[10 : len(whole)-2] // after C, A (5) and AFN; before CS and the end byte
	ctl := szy206.Control(whole[3]) | 0x40
	third := len(body) / 3
	parts := [][]byte{body[:third], body[third : 2*third], body[2*third:]}
	frag := func(divs uint8, data []byte) []byte {
		b, err := szy206.AppendEncode(nil, &szy206.Frame{Control: ctl, DIVS: divs, Address: szyAddr(t, szyCode), AFN: szy206.AFNSelfReport, Data: data})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	c := dial(t, ts, sishui.ProtocolSZY206)
	for i, part := range parts {
		c.send(frag(uint8(3-i), part))
		ans, err := szy206.Decode(c.mustNext(), szy206.ProfileSZY206())
		if err != nil || ans.Control.Up() || ans.DIVS != uint8(3-i) {
			t.Fatalf("fragment %d: answer %+v %v, want its confirm", i, ans, err)
		}
		if i < 2 {
			if n := len(series(t, store, p.ID, sishui.MetricVolumeM3)); n != 0 {
				t.Fatalf("after fragment %d: %d volumes stored before the message is whole", i, n)
			}
		}
	}
	vol := series(t, store, p.ID, sishui.MetricVolumeM3)
	flow := series(t, store, p.ID, sishui.MetricFlowM3s)
	if len(vol) != 1 || vol[0].Value != 4321 || len(flow) != 1 || flow[0].Value != 0.75 {
		t.Fatalf("stored volume %+v flow %+v, want 4321 and 0.75 once", vol, flow)
	}
	// A fragment out of sequence (DIVS 1 after 3) is rejected, not confirmed;
	// the next good frame's confirm is the first answer.
	c.send(frag(3, parts[0]))
	c.mustNext()
	bad := frag(1, parts[2])
	c.send(bad)
	c.send(szyReport(t, szyCode, 60, 0.5, 4400))
	if ans, err := szy206.Decode(c.mustNext(), szy206.ProfileSZY206()); err != nil || ans.Control.Split() {
		t.Fatalf("answer %+v %v: want the unsplit report's confirm", ans, err)
	}
	if f := archived(t, store, "szy206", bad); f == nil || f.Status == sishui.FrameOK {
		t.Fatalf("out-of-sequence fragment archived as %+v", f)
	}
}
