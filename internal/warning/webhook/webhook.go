// Package webhook delivers warning events to an HTTP endpoint as JSON, retrying
// transient failures (network errors, 429 and 5xx responses) with exponential
// backoff. It implements warning.Notifier.
package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/sishui/sishui/internal/warning"
)

// ErrPermanent marks a delivery the receiver rejected (a 4xx other than 408 and
// 429); retrying the same payload will not help.
var ErrPermanent = errors.New("webhook: permanent failure")

// Payload is the JSON body posted to the endpoint.
type Payload struct {
	Version int             `json:"version"` // 1
	Events  []warning.Event `json:"events"`
}

// Notifier posts events to URL. The zero values of the optional fields give
// http.DefaultClient, 5 attempts, 1 s initial backoff doubling up to 1 min.
type Notifier struct {
	URL         string
	Client      *http.Client
	Header      http.Header   // extra request headers (e.g. an Authorization token)
	MaxAttempts int           // total attempts, including the first
	Backoff     time.Duration // wait before the second attempt; doubles each time
	MaxBackoff  time.Duration // upper bound of the wait
	// Sleep waits d or until ctx ends; nil uses a timer. Tests may replace it.
	Sleep func(ctx context.Context, d time.Duration) error
}

var _ warning.Notifier = (*Notifier)(nil)

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Notify posts the events as one Payload, retrying transient failures. It
// returns nil on a 2xx response, an error wrapping ErrPermanent on a permanent
// rejection, and the last error once attempts run out or ctx ends. A
// Retry-After header (in seconds) on 429 or 503 lengthens the next wait.
func (n *Notifier) Notify(ctx context.Context, events []warning.Event) error {
	if len(events) == 0 {
		return nil
	}
	body, err := json.Marshal(Payload{Version: 1, Events: events})
	if err != nil {
		return fmt.Errorf("webhook: encode: %w", err)
	}
	client := n.Client
	if client == nil {
		client = http.DefaultClient
	}
	attempts := n.MaxAttempts
	if attempts <= 0 {
		attempts = 5
	}
	wait, maxWait := n.Backoff, n.MaxBackoff
	if wait <= 0 {
		wait = time.Second
	}
	if maxWait <= 0 {
		maxWait = time.Minute
	}
	sl := n.Sleep
	if sl == nil {
		sl = sleep
	}
	var last error
	for i := 1; ; i++ {
		var retryAfter time.Duration
		retryAfter, last = n.post(ctx, client, body)
		if last == nil || errors.Is(last, ErrPermanent) {
			return last
		}
		if i >= attempts {
			return fmt.Errorf("webhook: %d attempts: %w", attempts, last)
		}
		d := min(max(wait, retryAfter), maxWait)
		if err := sl(ctx, d); err != nil {
			return fmt.Errorf("webhook: %w (last error: %v)", err, last)
		}
		wait = min(2*wait, maxWait)
	}
}

func (n *Notifier) post(ctx context.Context, client *http.Client, body []byte) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.URL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("webhook: request: %v: %w", err, ErrPermanent)
	}
	for k, vs := range n.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, fmt.Errorf("webhook: post: %w", ctx.Err())
		}
		return 0, fmt.Errorf("webhook: post: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return 0, nil
	case c == http.StatusTooManyRequests || c == http.StatusRequestTimeout || c >= 500:
		var ra time.Duration
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
			ra = time.Duration(s) * time.Second
		}
		return ra, fmt.Errorf("webhook: status %d", c)
	default:
		return 0, fmt.Errorf("webhook: status %d: %w", c, ErrPermanent)
	}
}
