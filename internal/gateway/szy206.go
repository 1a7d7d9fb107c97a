package gateway

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// szy206Kind classifies an SZY 206 decode error.
func szy206Kind(err error) (status, kind string, offset int) {
	var pe *szy206.ParseError
	if errors.As(err, &pe) {
		offset = pe.Offset
	}
	status = sishui.FrameError
	switch {
	case errors.Is(err, szy206.ErrChecksum):
		return sishui.FrameQuarantined, KindChecksum, offset
	case errors.Is(err, szy206.ErrTruncated):
		kind = KindTruncated
	case errors.Is(err, szy206.ErrLength):
		kind = KindLength
	case errors.Is(err, szy206.ErrUnknownFunction):
		kind = KindUnknownFunction
	case errors.Is(err, szy206.ErrSyntax), errors.Is(err, szy206.ErrRange):
		kind = KindSyntax
	case errors.Is(err, szy206.ErrSequence):
		kind = KindPacket
	default:
		kind = KindOther
	}
	return status, kind, offset
}

// szy206Handler speaks SZY 206 (水资源监测数据传输规约).
type szy206Handler struct{}

func (szy206Handler) maxWire() int { return szy206.MaxPictureFrameLen }

func (szy206Handler) split(data []byte) (int, []byte) {
	adv, tok, _ := szy206.SplitFrames(data, false)
	return adv, tok
}

// szy206State is a connection's reassembly of split messages.
type szy206State struct{ r *szy206.Reassembler }

// szy206Decoded is an accepted SZY 206 frame and the profile it decoded under.
type szy206Decoded struct {
	f    *szy206.Frame
	prof szy206.Profile
}

// handle decodes an SZY 206 frame under the terminal's profile, decides
// whether it is accepted and appends its samples.
func (szy206Handler) handle(c *conn, w *work, samples []sishui.Sample) []sishui.Sample {
	prof := c.s.prof
	f := new(szy206.Frame)
	err := szy206.DecodeInto(f, w.raw.Bytes, prof)
	if f.Address == (szy206.Address{}) {
		f.Address = szyRawAddress(w.raw.Bytes)
	}
	if f.Address != (szy206.Address{}) {
		w.raw.Station = strings.ToUpper(f.Address.String())
		if p, ok := c.s.SZY206Profiles[w.raw.Station]; ok && p != prof {
			prof = p
			f = new(szy206.Frame)
			err = szy206.DecodeInto(f, w.raw.Bytes, prof)
		}
	}
	if f.AFN != 0 {
		w.raw.Function = fmt.Sprintf("%02X", byte(f.AFN))
	}
	if err != nil {
		status, kind, off := szy206Kind(err)
		c.reject(w, status, kind, err, off)
		return samples
	}
	if !f.Control.Up() {
		c.reject(w, sishui.FrameError, KindDirection, errors.New("downlink frame from a terminal"), 0)
		return samples
	}
	p := c.accept(w, w.raw.Station)
	if p == nil || !c.checkSource(w, p) {
		return samples
	}
	if f.Control.Split() {
		// A fragment of a split message (拆分帧): archived and confirmed
		// one by one; the values come with the last (DIVS = 1).
		st, _ := c.state.(*szy206State)
		if st == nil {
			st = &szy206State{r: &szy206.Reassembler{MaxPending: 4, MaxBytes: 1 << 20}}
			c.state = st
		}
		msg, done, err := st.r.Add(f)
		if err != nil {
			status, kind, off := szy206Kind(err)
			c.reject(w, status, kind, err, off)
			return samples
		}
		if done {
			if err := szy206.DecodeJoined(f, msg, prof); err != nil {
				status, kind, _ := szy206Kind(err)
				c.reject(w, status, kind, fmt.Errorf("split message: %w", err), 0)
				return samples
			}
		}
	}
	w.accepted = true
	w.decoded = szy206Decoded{f, prof}
	switch f.AFN {
	case szy206.AFNLink, szy206.AFNSelfReport, szy206.AFNAlarm, szy206.AFNManual, szy206.AFNPicture, szy206.AFNVoltage:
		w.confirm = true
	default:
		w.confirm = f.Control.Split()
	}
	var sent time.Time
	if f.HasTime {
		if t, ok := f.Time.Time(w.arrival); ok {
			sent = t
		}
	}
	sig := c.s.bindAndCheck(c, termKey{c.protocol, w.raw.Station}, markOf(w.raw.Bytes, -1, sent), w.arrival)
	if len(f.Readings) == 0 && !f.HasState {
		sig.mark(w, nil)
		return samples
	}
	n0 := len(samples)
	samples = c.s.Mapping.SZY206Samples(samples, f, p, w.arrival)
	sig.mark(w, samples[n0:])
	return samples
}

// confirm encodes the confirm of an accepted SZY 206 frame into c.out.
func (szy206Handler) release(*work) {}

func (szy206Handler) confirm(c *conn, w *work) ([]byte, error) {
	d := w.decoded.(szy206Decoded)
	tp := szy206.NewTimeTag(c.s.now(), 0, d.prof.TimeTagLen)
	var err error
	c.out, err = szy206.AppendConfirm(c.out[:0], d.f, d.prof, c.s.SZY206WorkMode, &tp)
	return c.out, err
}

// szyRawAddress reads the address field of an SZY 206 frame that did not
// decode (e.g. a bad check byte), so that the archive can attribute it.
func szyRawAddress(b []byte) szy206.Address {
	var a szy206.Address
	if len(b) < 10 || b[0] != szy206.StartByte || b[2] != szy206.StartByte {
		return a
	}
	off := 4
	if szy206.Control(b[3]).Split() {
		off = 5
	}
	if len(b) >= off+5 {
		copy(a[:], b[off:off+5])
	}
	return a
}
