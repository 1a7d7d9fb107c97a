package gateway

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
)

// sl651Kind classifies an SL 651 decode error.
func sl651Kind(err error) (status, kind string, offset int) {
	var pe *sl651.ParseError
	if errors.As(err, &pe) {
		offset = pe.Offset
	}
	status = sishui.FrameError
	switch {
	case errors.Is(err, sl651.ErrChecksum):
		return sishui.FrameQuarantined, KindChecksum, offset
	case errors.Is(err, sl651.ErrTruncated):
		kind = KindTruncated
	case errors.Is(err, sl651.ErrLength):
		kind = KindLength
	case errors.Is(err, sl651.ErrUnknownFunction):
		kind = KindUnknownFunction
	case errors.Is(err, sl651.ErrSyntax):
		kind = KindSyntax
	case errors.Is(err, sl651.ErrPacket):
		kind = KindPacket
	default:
		kind = KindOther
	}
	return status, kind, offset
}

var sl651Decoder sl651.Decoder

// hexBytes names every byte in two upper-case hex digits, as frames list
// their function codes.
var hexBytes = func() (t [256]string) {
	for i := range t {
		t[i] = fmt.Sprintf("%02X", i)
	}
	return t
}()

// sl651Frames are decoded frames between batches: Decode reuses a frame's
// element lists, so a report costs no allocations for them.
var sl651Frames = sync.Pool{New: func() any { return new(sl651.Frame) }}

// sl651Handler speaks SL 651 (水文监测数据通信规约).
type sl651Handler struct{}

func (sl651Handler) maxWire() int { return sl651.MaxFrameLen }

func (sl651Handler) split(data []byte) (int, []byte) {
	adv, tok, _ := sl651.SplitFrames(data, false)
	return adv, tok
}

// sl651State is a connection's multi-packet reassembly.
type sl651State struct{ r *sl651.Reassembler }

// handle decodes an SL 651 frame, decides whether it is accepted and
// appends its samples.
func (sl651Handler) handle(c *conn, w *work, samples []sishui.Sample) []sishui.Sample {
	f := sl651Frames.Get().(*sl651.Frame)
	w.decoded = f // back to the pool with the batch (release)
	err := sl651Decoder.Decode(w.raw.Bytes, f)
	if f.Station != (sl651.Address{}) {
		w.raw.Station = f.Station.String()
	}
	if f.Function != 0 {
		w.raw.Function = hexBytes[f.Function]
	}
	if err != nil {
		status, kind, off := sl651Kind(err)
		c.reject(w, status, kind, err, off)
		return samples
	}
	if f.Direction != sl651.Up {
		c.reject(w, sishui.FrameError, KindDirection, errors.New("downlink frame from a terminal"), 0)
		return samples
	}
	p := c.accept(w, w.raw.Station)
	if p == nil || !c.checkSource(w, p) {
		return samples
	}
	if p.Password == "" && !c.s.AllowNoPassword {
		c.reject(w, sishui.FrameQuarantined, KindNoPassword, errors.New("the point has no terminal password: set one (4 hex digits) or run with --allow-no-password"), 0)
		return samples
	}
	if p.Password != "" {
		want, perr := strconv.ParseUint(strings.TrimSpace(p.Password), 16, 16)
		if perr != nil || uint16(want) != f.Password {
			c.reject(w, sishui.FrameQuarantined, KindPassword, fmt.Errorf("password %04X does not match the point's", f.Password), 0)
			return samples
		}
	}
	if f.IsMultiPacket() {
		st, _ := c.state.(*sl651State)
		if st == nil {
			st = &sl651State{r: &sl651.Reassembler{MaxMessages: 4, MaxBytes: 1 << 20}}
			c.state = st
		}
		body, done, err := st.r.Add(f)
		if err != nil {
			status, kind, off := sl651Kind(err)
			c.reject(w, status, kind, err, off)
			return samples
		}
		if !done {
			// An intermediate packet: archived, confirmed with the whole message.
			w.accepted = true
			return samples
		}
		if err := sl651Decoder.DecodeBody(body, f); err != nil {
			status, kind, off := sl651Kind(err)
			c.reject(w, status, kind, err, off)
			return samples
		}
	}
	w.accepted = true
	w.confirm = f.Function != sl651.FuncKeepAlive
	serial := int(f.Serial)
	if f.Function == sl651.FuncKeepAlive {
		serial = -1 // a keep-alive repeats the last data message's serial
	}
	sig := c.s.bindAndCheck(c, termKey{c.protocol, w.raw.Station}, markOf(w.raw.Bytes, serial, f.Sent), w.arrival)
	n0 := len(samples)
	samples = c.s.Mapping.SL651Samples(samples, f, p, w.arrival)
	sig.mark(w, samples[n0:])
	return samples
}

// release returns w's decoded frame to the pool once its batch is
// confirmed. A multi-packet one stays out: the reassembler may hold its
// body.
func (sl651Handler) release(w *work) {
	if f, ok := w.decoded.(*sl651.Frame); ok && !f.IsMultiPacket() {
		sl651Frames.Put(f)
	}
}

// confirm encodes the confirm of an accepted SL 651 frame into c.out.
func (sl651Handler) confirm(c *conn, w *work) ([]byte, error) {
	f := w.decoded.(*sl651.Frame)
	end := sl651.EOT
	switch {
	case f.End == sl651.ETB:
		end = sl651.ACK
	case c.queued():
		end = sl651.ESC // stay online: commands are waiting
	}
	var err error
	c.out, err = sl651.AppendFrame(c.out[:0], sl651.NewConfirm(f, end))
	return c.out, err
}
