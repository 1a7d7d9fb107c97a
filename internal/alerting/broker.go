package alerting

import (
	"context"
	"sync"

	"github.com/sishui/sishui"
)

// Broker fans alert changes out to in-process subscribers (the SSE stream).
// A subscriber that does not keep up loses messages rather than slowing the
// scheduler; the dashboard reloads the alert list on reconnect.
type Broker struct {
	mu   sync.Mutex
	subs map[*subscription]struct{}
}

type subscription struct {
	ch     chan sishui.Alert
	filter func(*sishui.Alert) bool
}

// NewBroker returns an empty broker.
func NewBroker() *Broker { return &Broker{subs: map[*subscription]struct{}{}} }

// Publish sends a to every subscriber whose filter accepts it.
func (b *Broker) Publish(a sishui.Alert) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs {
		if s.filter != nil && !s.filter(&a) {
			continue
		}
		select {
		case s.ch <- a:
		default: // slow subscriber: drop
		}
	}
}

// Subscribe returns a channel of alerts accepted by filter (nil: all) and a
// function that ends the subscription.
func (b *Broker) Subscribe(filter func(*sishui.Alert) bool) (<-chan sishui.Alert, func()) {
	s := &subscription{ch: make(chan sishui.Alert, 64), filter: filter}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	var once sync.Once
	return s.ch, func() {
		once.Do(func() {
			b.mu.Lock()
			delete(b.subs, s)
			b.mu.Unlock()
		})
	}
}

// Subscribers returns the number of subscriptions.
func (b *Broker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// SubscribeAlerts subscribes the context's actor to the alerts in its scope:
// everything for city-wide accounts, the county's region tree for county
// staff, the water user's own alerts for enterprise accounts. Public callers
// get EUNAUTHORIZED.
func (s *Service) SubscribeAlerts(ctx context.Context) (<-chan sishui.Alert, func(), error) {
	a := sishui.ActorFrom(ctx)
	var filter func(*sishui.Alert) bool
	switch {
	case a.SeesAll():
	case a.Role == sishui.RoleCounty:
		tree, err := s.accounts.RegionTree(ctx)
		if err != nil {
			return nil, nil, err
		}
		root := a.Region
		filter = func(x *sishui.Alert) bool { return x.Region != "" && tree.Within(x.Region, root) }
	case a.Role == sishui.RoleEnterprise && a.WaterUser > 0:
		user := a.WaterUser
		filter = func(x *sishui.Alert) bool { return x.UserID == user }
	default:
		return nil, nil, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "log in to follow alerts"}
	}
	ch, cancel := s.broker.Subscribe(filter)
	return ch, cancel, nil
}
