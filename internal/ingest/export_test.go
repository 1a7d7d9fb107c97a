package ingest

import "time"

// AwaitPointCheck waits until no registry version check runs, so that a
// test sees the check its last call started finish.
func (ing *Ingester) AwaitPointCheck() {
	for ing.points.checking.Load() {
		time.Sleep(time.Millisecond)
	}
}
