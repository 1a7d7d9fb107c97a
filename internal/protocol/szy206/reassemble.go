package szy206

import "fmt"

// Reassembler joins the data of split frames (DIV = 1, DIVS counting down
// to 1) per terminal address and AFN. Memory is bounded: at most MaxPending
// messages are kept (the oldest is evicted) and a message larger than
// MaxBytes is dropped. It is not safe for concurrent use; a gateway keeps
// one per connection or guards it.
type Reassembler struct {
	MaxBytes   int // per message; 0 means 1 MiB
	MaxPending int // concurrent partial messages; 0 means 16

	pending []*partial // oldest first
}

type partial struct {
	addr Address
	afn  AFN
	next uint8 // expected DIVS
	data []byte
}

// Add feeds one decoded frame. For an unsplit frame it returns f.Data at
// once. For a fragment it returns complete = false until the fragment with
// DIVS = 1 arrives, then the joined data (a fresh slice owned by the
// caller). A fragment that does not follow the previous one of the same
// address and AFN drops the partial message, starts a new one with itself
// and returns an error wrapping ErrSequence; a message over MaxBytes is
// dropped with an error wrapping ErrLength.
func (r *Reassembler) Add(f *Frame) (msg []byte, complete bool, err error) {
	if !f.Control.Split() {
		return f.Data, true, nil
	}
	maxBytes := r.MaxBytes
	if maxBytes <= 0 {
		maxBytes = 1 << 20
	}
	k := r.find(f.Address, f.AFN)
	if k >= 0 && r.pending[k].next != f.DIVS {
		got := r.pending[k].next
		r.remove(k)
		k = -1
		err = fmt.Errorf("szy206: reassemble %s AFN %02X: %w: expected DIVS %d, got %d",
			f.Address, byte(f.AFN), ErrSequence, got, f.DIVS)
	}
	if k < 0 {
		if f.DIVS == 1 {
			return append([]byte(nil), f.Data...), true, err
		}
		maxPending := r.MaxPending
		if maxPending <= 0 {
			maxPending = 16
		}
		for len(r.pending) >= maxPending {
			r.remove(0)
		}
		r.pending = append(r.pending, &partial{addr: f.Address, afn: f.AFN})
		k = len(r.pending) - 1
	}
	p := r.pending[k]
	if len(p.data)+len(f.Data) > maxBytes {
		r.remove(k)
		return nil, false, fmt.Errorf("szy206: reassemble %s AFN %02X: %w: message over %d bytes",
			f.Address, byte(f.AFN), ErrLength, maxBytes)
	}
	p.data = append(p.data, f.Data...)
	p.next = f.DIVS - 1
	if f.DIVS == 1 {
		r.remove(k)
		return p.data, true, err
	}
	return nil, false, err
}

// Pending returns the number of partial messages held.
func (r *Reassembler) Pending() int { return len(r.pending) }

// Drop discards the partial message of addr and afn, if any (e.g. when the
// terminal disconnects).
func (r *Reassembler) Drop(addr Address, afn AFN) {
	if k := r.find(addr, afn); k >= 0 {
		r.remove(k)
	}
}

func (r *Reassembler) find(addr Address, afn AFN) int {
	for k, p := range r.pending {
		if p.addr == addr && p.afn == afn {
			return k
		}
	}
	return -1
}

func (r *Reassembler) remove(k int) {
	copy(r.pending[k:], r.pending[k+1:])
	r.pending[len(r.pending)-1] = nil
	r.pending = r.pending[:len(r.pending)-1]
}
