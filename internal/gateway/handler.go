package gateway

import (
	"fmt"

	"github.com/sishui/sishui"
)

// handler is one protocol of the gateway: framing, decoding with mapping to
// samples, and confirms. Sockets, sessions, downlink queues and the commit
// are the connection's; a third protocol is one file with a handler and a
// line in handlers.
type handler interface {
	// maxWire is the largest frame in bytes.
	maxWire() int
	// split finds the next frame in data: it returns how many bytes to
	// consume and the frame (nil: garbage skipped); 0 when more is needed.
	split(data []byte) (adv int, frame []byte)
	// handle decodes w.raw, finds the terminal's point (c.accept), marks w
	// accepted or rejects it (c.reject), sets w.confirm and w.decoded, binds
	// the session (c.s.bind) and appends the frame's samples to dst.
	handle(c *conn, w *work, dst []sishui.Sample) []sishui.Sample
	// confirm encodes the confirm of an accepted frame (into c.out).
	confirm(c *conn, w *work) ([]byte, error)
	// release is told that w's batch is done with (confirmed or not):
	// w.decoded may be reused.
	release(w *work)
}

// handlers are the protocols the gateway speaks.
var handlers = map[string]handler{
	sishui.ProtocolSL651:  sl651Handler{},
	sishui.ProtocolSZY206: szy206Handler{},
}

func checkProtocol(p string) error {
	if handlers[p] == nil {
		return fmt.Errorf("%w %q", ErrProtocol, p)
	}
	return nil
}
