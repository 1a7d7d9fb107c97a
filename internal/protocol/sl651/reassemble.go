package sl651

import (
	"fmt"
)

// Reassembler collects the packets of M3 multi-packet messages and returns the
// whole body once every packet has arrived. Messages are keyed by format,
// station, centre and function. Memory is bounded: at most MaxMessages
// messages and MaxBytes buffered bytes in total; beyond that the oldest
// message is dropped (the RTU resends on a missing confirm). There is no
// clock: call Drop for messages the caller has timed out. Not safe for
// concurrent use.
type Reassembler struct {
	MaxMessages int // default 64
	MaxBytes    int // default 4 MiB

	pending map[reasmKey]*partial
	order   []reasmKey // oldest first
	bytes   int
}

type reasmKey struct {
	format   Format
	station  Address
	center   byte
	function byte
}

type partial struct {
	total int
	got   int
	size  int
	parts [][]byte
}

func keyOf(f *Frame) reasmKey {
	return reasmKey{format: f.Format, station: f.Station, center: f.Center, function: f.Function}
}

func (r *Reassembler) limits() (int, int) {
	m, b := r.MaxMessages, r.MaxBytes
	if m <= 0 {
		m = 64
	}
	if b <= 0 {
		b = 4 << 20
	}
	return m, b
}

// Add stores packet f (its Body is copied). When the message is complete it
// returns the concatenated body and done = true and forgets the message;
// decode it with Decoder.DecodeBody. A packet with a different total than the
// packets already held restarts the message; a repeated sequence number
// replaces the earlier copy.
func (r *Reassembler) Add(f *Frame) (body []byte, done bool, err error) {
	if f.Start != SYN || f.Packet.Total == 0 {
		return nil, false, fmt.Errorf("sl651: reassemble: %w: not an M3 packet", ErrPacket)
	}
	total, seq := int(f.Packet.Total), int(f.Packet.Seq)
	if seq < 1 || seq > total {
		return nil, false, fmt.Errorf("sl651: reassemble: %w: packet %d of %d", ErrPacket, seq, total)
	}
	maxMsgs, maxBytes := r.limits()
	if len(f.Body) > maxBytes {
		return nil, false, fmt.Errorf("sl651: reassemble: %w: packet of %d bytes over the %d-byte limit", ErrLength, len(f.Body), maxBytes)
	}
	if r.pending == nil {
		r.pending = make(map[reasmKey]*partial)
	}
	k := keyOf(f)
	p := r.pending[k]
	if p != nil && p.total != total {
		r.Drop(f)
		p = nil
	}
	if p == nil {
		if total == 1 {
			return append([]byte(nil), f.Body...), true, nil
		}
		for len(r.order) >= maxMsgs {
			r.dropKey(r.order[0])
		}
		p = &partial{total: total, parts: make([][]byte, total)}
		r.pending[k] = p
		r.order = append(r.order, k)
	}
	if old := p.parts[seq-1]; old != nil {
		p.size -= len(old)
		r.bytes -= len(old)
		p.got--
	}
	for r.bytes+len(f.Body) > maxBytes && len(r.order) > 0 && r.order[0] != k {
		r.dropKey(r.order[0])
	}
	if r.bytes+len(f.Body) > maxBytes {
		r.dropKey(k)
		return nil, false, fmt.Errorf("sl651: reassemble: %w: message over the %d-byte limit", ErrLength, maxBytes)
	}
	part := append(make([]byte, 0, len(f.Body)), f.Body...)
	p.parts[seq-1] = part
	p.size += len(part)
	r.bytes += len(part)
	p.got++
	if p.got < p.total {
		return nil, false, nil
	}
	body = make([]byte, 0, p.size)
	for _, part := range p.parts {
		body = append(body, part...)
	}
	r.dropKey(k)
	return body, true, nil
}

// Missing returns the sequence numbers not yet received for f's message
// (nil if no message is pending), e.g. to send a NAK.
func (r *Reassembler) Missing(f *Frame) []uint16 {
	p := r.pending[keyOf(f)]
	if p == nil {
		return nil
	}
	var out []uint16
	for i, part := range p.parts {
		if part == nil {
			out = append(out, uint16(i+1))
		}
	}
	return out
}

// Drop forgets the pending message f belongs to.
func (r *Reassembler) Drop(f *Frame) { r.dropKey(keyOf(f)) }

// Pending returns the number of incomplete messages and the bytes they hold.
func (r *Reassembler) Pending() (messages, bytes int) { return len(r.pending), r.bytes }

func (r *Reassembler) dropKey(k reasmKey) {
	p := r.pending[k]
	if p == nil {
		return
	}
	r.bytes -= p.size
	delete(r.pending, k)
	for i, o := range r.order {
		if o == k {
			r.order = append(r.order[:i], r.order[i+1:]...)
			break
		}
	}
}
