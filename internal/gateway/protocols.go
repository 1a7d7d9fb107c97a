package gateway

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
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

var sl651Decoder sl651.Decoder

// handleSL651 decodes an SL 651 frame, decides whether it is accepted and
// appends its samples.
func (c *conn) handleSL651(w *work, samples []sishui.Sample) []sishui.Sample {
	f := new(sl651.Frame)
	err := sl651Decoder.Decode(w.raw.Bytes, f)
	if f.Station != (sl651.Address{}) {
		w.raw.Station = f.Station.String()
	}
	if f.Function != 0 {
		w.raw.Function = fmt.Sprintf("%02X", f.Function)
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
	if p == nil {
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
		if c.sl651r == nil {
			c.sl651r = &sl651.Reassembler{MaxMessages: 4, MaxBytes: 1 << 20}
		}
		body, done, err := c.sl651r.Add(f)
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
	w.sl = f
	w.confirm = f.Function != sl651.FuncKeepAlive
	c.s.bind(c, termKey{c.protocol, w.raw.Station})
	return c.s.Mapping.SL651Samples(samples, f, p, w.arrival)
}

// handleSZY206 decodes an SZY 206 frame under the terminal's profile,
// decides whether it is accepted and appends its samples.
func (c *conn) handleSZY206(w *work, samples []sishui.Sample) []sishui.Sample {
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
	if p == nil {
		return samples
	}
	w.accepted = true
	w.szy = f
	w.prof = prof
	switch f.AFN {
	case szy206.AFNLink, szy206.AFNSelfReport, szy206.AFNAlarm, szy206.AFNManual, szy206.AFNPicture, szy206.AFNVoltage:
		w.confirm = true
	default:
		w.confirm = f.Control.Split()
	}
	c.s.bind(c, termKey{c.protocol, w.raw.Station})
	if len(f.Readings) == 0 && !f.HasState {
		return samples
	}
	return c.s.Mapping.SZY206Samples(samples, f, p, w.arrival)
}

// confirmFrame encodes the confirm of an accepted frame into c.out.
func (c *conn) confirmFrame(w *work) ([]byte, error) {
	var err error
	if w.sl != nil {
		end := sl651.EOT
		switch {
		case w.sl.End == sl651.ETB:
			end = sl651.ACK
		case c.queued():
			end = sl651.ESC // stay online: commands are waiting
		}
		c.out, err = sl651.AppendFrame(c.out[:0], sl651.NewConfirm(w.sl, end))
		return c.out, err
	}
	if w.szy != nil {
		tp := szy206.NewTimeTag(c.s.now(), 0, w.prof.TimeTagLen)
		c.out, err = szy206.AppendConfirm(c.out[:0], w.szy, w.prof, c.s.SZY206WorkMode, &tp)
		return c.out, err
	}
	return nil, errors.New("gateway: nothing to confirm")
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
