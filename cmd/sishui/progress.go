package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar draws a one-line bar on a terminal-like writer.
type progressBar struct {
	w     io.Writer
	total int64
	start time.Time
	last  time.Time
}

func newProgressBar(w io.Writer, total int64) *progressBar {
	return &progressBar{w: w, total: total, start: time.Now()}
}

func (b *progressBar) set(n int64) {
	if time.Since(b.last) < 200*time.Millisecond && n < b.total {
		return
	}
	b.last = time.Now()
	frac := 1.0
	if b.total > 0 {
		frac = min(float64(n)/float64(b.total), 1)
	}
	const width = 30
	done := int(frac * width)
	fmt.Fprintf(b.w, "\r[%s%s] %5.1f%% %s", strings.Repeat("=", done), strings.Repeat(" ", width-done), frac*100, time.Since(b.start).Round(time.Second))
}

func (b *progressBar) done() {
	b.set(b.total)
	fmt.Fprintln(b.w)
}
