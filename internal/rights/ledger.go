// Package rights holds the water-rights rules: a double-entry ledger in whole
// m³ per (holder, source, year) with optional validity windows, the market
// (listing, agreement transfer, one-sided bidding, public notice, approval,
// settlement), the refusals, effective caps and the initial-allocation
// proposal. It is pure: no I/O and no clock; dates come from the caller.
//
// Balances are derived from entries. A holder's balance on a day counts every
// entry without a window and every entry whose window contains the day, so
// leased water returns to the lessor at the end of the lease by itself.
package rights

import (
	"errors"
	"fmt"
	"time"

	"github.com/sishui/sishui"
)

// Refusals, wrapped in a *sishui.Error with code ECONFLICT (errors.Is works).
var (
	ErrUnbalanced     = errors.New("transaction does not balance")
	ErrNegative       = errors.New("a balance would fall below zero")
	ErrOversell       = errors.New("more than the seller's unsold right for the period")
	ErrEcological     = errors.New("ecological water may not be sold")
	ErrOverExtraction = errors.New("groundwater may not be sold into an over-extraction area (超采区)")
	ErrPublicSupplier = errors.New("an urban public water supplier may not sell a withdrawal right")
	ErrOverAllocated  = errors.New("allocation above the source's allocable total")
	ErrReversed       = errors.New("the transaction was already reversed")
)

func refuse(err error, format string, args ...any) *sishui.Error {
	return &sishui.Error{Code: sishui.ECONFLICT, Message: fmt.Sprintf(format, args...), Err: err}
}

// Key names one ledger account.
type Key struct {
	Holder int64
	Source string
	Year   int
}

type sourceYear struct {
	Source string
	Year   int
}

// Ledger is the derived state of a set of accounts: each account's balance on
// every day of its year. Post checks and applies a transaction; nothing else
// changes it. A Ledger may hold only some accounts (a store loads the ones a
// transaction touches); a missing account has balance zero.
type Ledger struct {
	holders   map[int64]*sishui.RightsHolder
	accts     map[Key][]int64
	allocable map[sourceYear]int64
	reversed  map[int64]bool
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger {
	return &Ledger{holders: map[int64]*sishui.RightsHolder{}, accts: map[Key][]int64{},
		allocable: map[sourceYear]int64{}, reversed: map[int64]bool{}}
}

// AddHolder makes a holder known to the ledger.
func (l *Ledger) AddHolder(h *sishui.RightsHolder) { l.holders[h.ID] = h }

// Holder returns a known holder or nil.
func (l *Ledger) Holder(id int64) *sishui.RightsHolder { return l.holders[id] }

// SetAllocable bounds what may be allocated of a source in a year (the
// allocable total: river share, groundwater indicator, transfer quotas). Zero
// or unset means unbounded.
func (l *Ledger) SetAllocable(source string, year int, m3 int64) {
	l.allocable[sourceYear{source, year}] = m3
}

// Load adds v m³ to an account over a window (zero from: the whole year)
// without checks: a store loading the sums of stored entries.
func (l *Ledger) Load(k Key, from, to time.Time, v int64) {
	e := sishui.RightsEntry{Year: k.Year, From: from, To: to}
	a := l.acct(k)
	lo, hi := window(&e)
	for d := lo; d <= hi; d++ {
		a[d] += v
	}
}

// MarkReversed records that a transaction was reversed (a store loading state).
func (l *Ledger) MarkReversed(tx int64) { l.reversed[tx] = true }

// DaysIn returns the number of days of a year.
func DaysIn(year int) int { return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() }

// Date returns the UTC midnight of a day of a year (0-based).
func Date(year, day int) time.Time { return time.Date(year, 1, 1+day, 0, 0, 0, 0, time.UTC) }

// window returns the 0-based day range [a, b] an entry counts on.
func window(e *sishui.RightsEntry) (int, int) {
	if e.From.IsZero() {
		return 0, DaysIn(e.Year) - 1
	}
	return e.From.YearDay() - 1, e.To.YearDay() - 1
}

func (l *Ledger) acct(k Key) []int64 {
	a := l.accts[k]
	if a == nil {
		a = make([]int64, DaysIn(k.Year))
		l.accts[k] = a
	}
	return a
}

// Balance returns a holder's balance on a day (a date in the year).
func (l *Ledger) Balance(holder int64, source string, day time.Time) int64 {
	a := l.accts[Key{holder, source, day.Year()}]
	if a == nil {
		return 0
	}
	return a[day.YearDay()-1]
}

// MinMax returns the lowest and highest balance of an account over its year.
func (l *Ledger) MinMax(k Key) (lo, hi int64) {
	a := l.accts[k]
	if a == nil {
		return 0, 0
	}
	lo, hi = a[0], a[0]
	for _, v := range a[1:] {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// Unsold returns the lowest balance of a holder over the dates from..to
// (inclusive, possibly spanning years): what it can still sell for the period.
func (l *Ledger) Unsold(holder int64, source string, from, to time.Time) int64 {
	lo := int64(-1)
	for _, sp := range Spans(from, to) {
		a := l.accts[Key{holder, source, sp.Year}]
		if a == nil {
			return 0
		}
		for d := sp.From.YearDay() - 1; d <= sp.To.YearDay()-1; d++ {
			if lo < 0 || a[d] < lo {
				lo = a[d]
			}
		}
	}
	return max(lo, 0)
}

// Keys returns the accounts the ledger holds.
func (l *Ledger) Keys() []Key {
	out := make([]Key, 0, len(l.accts))
	for k := range l.accts {
		out = append(out, k)
	}
	return out
}

// Span is the part of a term inside one year.
type Span struct {
	Year     int
	From, To time.Time
}

// Spans splits the dates from..to (inclusive) by year.
func Spans(from, to time.Time) []Span {
	from, to = Day(from), Day(to)
	var out []Span
	for y := from.Year(); y <= to.Year(); y++ {
		a, b := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		if from.After(a) {
			a = from
		}
		if to.Before(b) {
			b = to
		}
		out = append(out, Span{y, a, b})
	}
	return out
}

// Day truncates t to its UTC date.
func Day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var reasons = map[string]bool{
	sishui.ReasonAllocation: true, sishui.ReasonListing: true, sishui.ReasonRelease: true, sishui.ReasonTrade: true,
	sishui.ReasonLease: true, sishui.ReasonBuyback: true, sishui.ReasonExpiry: true, sishui.ReasonCorrection: true,
}

// Check validates a transaction's shape without applying it: a known reason,
// known holders, entries inside their year, balanced per (source, year,
// window), pool legs only for allocation and expiry, escrow legs only for the
// market.
func (l *Ledger) Check(tx *sishui.RightsTx) error {
	if !reasons[tx.Reason] {
		return sishui.Invalid("reason", "must be one of allocation, listing, release, trade, lease, buyback, expiry, correction")
	}
	if len(tx.Entries) < 2 {
		return sishui.Invalid("entries", "a transaction has at least two entries")
	}
	type wkey struct {
		Source   string
		Year     int
		From, To int64
	}
	sums := map[wkey]int64{}
	for i := range tx.Entries {
		e := &tx.Entries[i]
		field := func(f string) string { return fmt.Sprintf("entries[%d].%s", i, f) }
		h := l.holders[e.Holder]
		switch {
		case h == nil:
			return sishui.Invalid(field("holder"), "unknown holder %d", e.Holder)
		case e.Source == "":
			return sishui.Invalid(field("source"), "is required")
		case e.Year < 1990 || e.Year > 2100:
			return sishui.Invalid(field("year"), "must be between 1990 and 2100")
		case e.VolumeM3 == 0:
			return sishui.Invalid(field("volume_m3"), "must not be zero")
		case e.From.IsZero() != e.To.IsZero():
			return sishui.Invalid(field("to"), "a window has both from and to")
		case !e.From.IsZero() && (e.From.Year() != e.Year || e.To.Year() != e.Year || e.To.Before(e.From)):
			return sishui.Invalid(field("to"), "the window must lie inside the year, from before to")
		case !e.From.IsZero() && (!e.From.Equal(Day(e.From)) || !e.To.Equal(Day(e.To))):
			return sishui.Invalid(field("from"), "window bounds are dates (UTC midnight)")
		}
		switch h.Kind {
		case sishui.HolderPool:
			if tx.Reason != sishui.ReasonAllocation && tx.Reason != sishui.ReasonExpiry && tx.Reason != sishui.ReasonCorrection {
				return sishui.Invalid(field("holder"), "the pool moves only by allocation or expiry")
			}
		case sishui.HolderEscrow:
			switch tx.Reason {
			case sishui.ReasonListing, sishui.ReasonRelease, sishui.ReasonTrade, sishui.ReasonLease, sishui.ReasonCorrection:
			default:
				return sishui.Invalid(field("holder"), "escrow moves only by the market")
			}
		}
		sums[wkey{e.Source, e.Year, e.From.Unix() * int64(boolInt(!e.From.IsZero())), e.To.Unix() * int64(boolInt(!e.To.IsZero()))}] += e.VolumeM3
	}
	for k, v := range sums {
		if v != 0 {
			return refuse(ErrUnbalanced, "%s %d: entries sum to %d m³", k.Source, k.Year, v)
		}
	}
	if tx.Reason == sishui.ReasonCorrection {
		if tx.Reverses <= 0 {
			return sishui.Invalid("reverses", "a correction names the transaction it reverses")
		}
		if l.reversed[tx.Reverses] {
			return refuse(ErrReversed, "transaction %d", tx.Reverses)
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Post checks a transaction and applies it, or changes nothing and returns why
// not: no non-pool balance may fall below zero on any day, the pool never
// rises above zero, and allocations stay within the allocable total.
func (l *Ledger) Post(tx *sishui.RightsTx) error {
	if err := l.Check(tx); err != nil {
		return err
	}
	l.apply(tx, 1)
	if err := l.checkTouched(tx); err != nil {
		l.apply(tx, -1)
		return err
	}
	if tx.Reason == sishui.ReasonCorrection {
		l.reversed[tx.Reverses] = true
	}
	return nil
}

func (l *Ledger) apply(tx *sishui.RightsTx, sign int64) {
	for i := range tx.Entries {
		e := &tx.Entries[i]
		a := l.acct(Key{e.Holder, e.Source, e.Year})
		lo, hi := window(e)
		v := sign * e.VolumeM3
		for d := lo; d <= hi; d++ {
			a[d] += v
		}
	}
}

func (l *Ledger) checkTouched(tx *sishui.RightsTx) error {
	for i := range tx.Entries {
		e := &tx.Entries[i]
		a := l.accts[Key{e.Holder, e.Source, e.Year}]
		lo, hi := window(e)
		pool := l.holders[e.Holder].Kind == sishui.HolderPool
		lim := l.allocable[sourceYear{e.Source, e.Year}]
		for d := lo; d <= hi; d++ {
			if pool {
				if a[d] > 0 {
					return refuse(ErrNegative, "%s %d: more returned to the pool than was allocated", e.Source, e.Year)
				}
				if lim > 0 && -a[d] > lim {
					return refuse(ErrOverAllocated, "%s %d: %d m³ allocated, allocable %d m³", e.Source, e.Year, -a[d], lim)
				}
			} else if a[d] < 0 {
				return refuse(ErrNegative, "holder %d, %s %d, on %s: %d m³", e.Holder, e.Source, e.Year,
					Date(e.Year, d).Format(time.DateOnly), a[d])
			}
		}
	}
	return nil
}

// Reversal returns the correction reversing tx: every entry negated.
func Reversal(tx *sishui.RightsTx, memo string) *sishui.RightsTx {
	out := &sishui.RightsTx{Reason: sishui.ReasonCorrection, Reverses: tx.ID, Ref: tx.Ref, Memo: memo,
		Entries: make([]sishui.RightsEntry, len(tx.Entries))}
	for i, e := range tx.Entries {
		e.ID, e.Tx, e.VolumeM3 = 0, 0, -e.VolumeM3
		out.Entries[i] = e
	}
	return out
}

// Verify checks every invariant over the whole ledger: no non-pool balance
// below zero on any day, the pool never above zero, per source, year and day
// the holders' balances sum to what the pool issued (allocation plus reserve
// less expiries), and nothing above the allocable total.
func (l *Ledger) Verify() error {
	sums := map[sourceYear][]int64{}
	for k, a := range l.accts {
		sy := sourceYear{k.Source, k.Year}
		s := sums[sy]
		if s == nil {
			s = make([]int64, len(a))
			sums[sy] = s
		}
		pool := l.holders[k.Holder] != nil && l.holders[k.Holder].Kind == sishui.HolderPool
		lim := l.allocable[sy]
		for d, v := range a {
			s[d] += v
			switch {
			case pool && v > 0:
				return refuse(ErrNegative, "pool %s %d on %s: %d m³", k.Source, k.Year, Date(k.Year, d).Format(time.DateOnly), v)
			case pool && lim > 0 && -v > lim:
				return refuse(ErrOverAllocated, "%s %d: %d m³ allocated, allocable %d m³", k.Source, k.Year, -v, lim)
			case !pool && v < 0:
				return refuse(ErrNegative, "holder %d, %s %d, on %s: %d m³", k.Holder, k.Source, k.Year, Date(k.Year, d).Format(time.DateOnly), v)
			}
		}
	}
	for sy, s := range sums {
		for d, v := range s {
			if v != 0 {
				return refuse(ErrUnbalanced, "%s %d on %s: holders and pool differ by %d m³", sy.Source, sy.Year, Date(sy.Year, d).Format(time.DateOnly), v)
			}
		}
	}
	return nil
}
