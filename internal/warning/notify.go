package warning

import "context"

// Notifier delivers alert events (to a webhook, SMS gateway, mail, …). Notify
// returns nil once every event is delivered; on error the caller may retry with
// the same events, so receivers should de-duplicate by (AlertID, Type, Time).
type Notifier interface {
	Notify(ctx context.Context, events []Event) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, events []Event) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, events []Event) error { return f(ctx, events) }

// MinLevel returns a Notifier passing on only events of at least level (and
// every acknowledged, resolved and cancelled event of such alerts, judged by the
// previous level).
func MinLevel(level Level, next Notifier) Notifier {
	return NotifierFunc(func(ctx context.Context, events []Event) error {
		var keep []Event
		for _, ev := range events {
			if ev.Level >= level || ev.PrevLevel >= level {
				keep = append(keep, ev)
			}
		}
		if len(keep) == 0 {
			return nil
		}
		return next.Notify(ctx, keep)
	})
}
