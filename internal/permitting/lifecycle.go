package permitting

import (
	"fmt"
	"time"
)

// Application kinds.
const (
	KindNew     = "new"     // a new, rebuilt or expanded project (新建、改建、扩建)
	KindChange  = "change"  // a change of the licensed items (art. 26)
	KindRenewal = "renewal" // 延续 (apply ≥ 45 days before expiry, art. 25)
)

// Application states.
const (
	StateSubmitted   = "submitted"    // received; completeness check running (5 working days)
	StateReturned    = "returned"     // papers incomplete: waits on the applicant (补正)
	StateAccepted    = "accepted"     // accepted (受理); decision clock running (45 working days)
	StateUnderReview = "under_review" // 水资源论证 report under review
	StateApproved    = "approved"     // approved; certificate to issue
	StateRefused     = "refused"      // refused (不予许可), with its rule
	StateCertified   = "certified"    // certificate issued; the permit exists
	StateWithdrawn   = "withdrawn"    // withdrawn by the applicant
)

// Actions on an application.
const (
	ActSubmit   = "submit"   // applicant or the bureau on its behalf
	ActReturn   = "return"   // bureau: papers incomplete
	ActResubmit = "resubmit" // applicant: papers completed
	ActAccept   = "accept"   // bureau: papers complete (受理)
	ActReview   = "review"   // bureau: the 论证 report goes to review (reviewers named)
	ActOpinion  = "opinion"  // a reviewer's opinion (stays under review)
	ActApprove  = "approve"  // bureau decision: approve
	ActRefuse   = "refuse"   // bureau decision: refuse
	ActCertify  = "certify"  // bureau: certificate issued
	ActWithdraw = "withdraw" // applicant withdraws
	ActAttach   = "attach"   // a document attached (no state change)
	// ActForward: the bureau forwards an application another level decides
	// (the province, or a basin authority) with its opinion; no state change.
	ActForward = "forward"
)

// Parties an application can wait on.
const (
	WaitsOnBureau    = "bureau"
	WaitsOnApplicant = "applicant"
	WaitsOnReviewers = "reviewers"
	WaitsOnProvince  = "province" // the deciding level above the city (province or basin authority)
	WaitsOnNobody    = ""
)

// Statutory clocks (取水许可和水资源费征收管理条例 arts. 13, 19, 25).
const (
	CompletenessWorkdays = 5
	ForwardWorkdays      = 20 // forwarding to the deciding level (art. 10)
	DecisionWorkdays     = 45
	RenewalLeadDays      = 45
)

type transition struct{ from, action, to string }

var transitions = []transition{
	{"", ActSubmit, StateSubmitted},
	{StateSubmitted, ActReturn, StateReturned},
	{StateSubmitted, ActAccept, StateAccepted},
	{StateReturned, ActResubmit, StateSubmitted},
	{StateAccepted, ActReview, StateUnderReview},
	{StateUnderReview, ActOpinion, StateUnderReview},
	{StateAccepted, ActApprove, StateApproved},
	{StateUnderReview, ActApprove, StateApproved},
	{StateAccepted, ActRefuse, StateRefused},
	{StateUnderReview, ActRefuse, StateRefused},
	{StateSubmitted, ActRefuse, StateRefused},
	{StateApproved, ActCertify, StateCertified},
	{StateAccepted, ActForward, StateAccepted},
	{StateUnderReview, ActForward, StateUnderReview},
	{StateSubmitted, ActWithdraw, StateWithdrawn},
	{StateReturned, ActWithdraw, StateWithdrawn},
	{StateAccepted, ActWithdraw, StateWithdrawn},
	{StateUnderReview, ActWithdraw, StateWithdrawn},
}

// ApplicantActions are the actions an applicant (enterprise account) may take.
var ApplicantActions = map[string]bool{ActSubmit: true, ActResubmit: true, ActWithdraw: true, ActAttach: true}

// Next returns the state after action in state from, or an error naming both
// when the lifecycle does not allow it. ActAttach keeps any open state.
func Next(from, action string) (string, error) {
	if action == ActAttach {
		if Closed(from) || from == "" {
			return "", fmt.Errorf("cannot attach documents to an application in state %q", from)
		}
		return from, nil
	}
	for _, t := range transitions {
		if t.from == from && t.action == action {
			return t.to, nil
		}
	}
	return "", fmt.Errorf("action %q is not allowed in state %q", action, from)
}

// Closed reports whether no further action changes the application.
func Closed(state string) bool {
	return state == StateRefused || state == StateCertified || state == StateWithdrawn
}

// Clock is an application's statutory clock: who it waits on and by when.
type Clock struct {
	WaitsOn   string    `json:"waits_on"`
	Clock     string    `json:"clock,omitempty"`    // completeness | decision
	Started   time.Time `json:"started,omitempty"`  // date the clock started
	Due       time.Time `json:"due,omitempty"`      // last day (inclusive)
	Remaining int       `json:"remaining_workdays"` // working days left after today (negative: overdue)
	Overdue   bool      `json:"overdue"`
}

// ClockOf returns the clock of an application in state, received (date of
// the last submission) and accepted (date of acceptance) on the calendar,
// as of today. Review time counts against the decision clock (the ordinance
// names no pause for the 论证 review).
func ClockOf(cal *Calendar, state string, received, accepted, today time.Time) Clock {
	var c Clock
	switch state {
	case StateSubmitted:
		c = Clock{WaitsOn: WaitsOnBureau, Clock: "completeness", Started: dateOf(received), Due: cal.AddWorkdays(received, CompletenessWorkdays)}
	case StateAccepted, StateUnderReview:
		c = Clock{WaitsOn: WaitsOnBureau, Clock: "decision", Started: dateOf(accepted), Due: cal.AddWorkdays(accepted, DecisionWorkdays)}
		if state == StateUnderReview {
			c.WaitsOn = WaitsOnReviewers
		}
	case StateApproved:
		return Clock{WaitsOn: WaitsOnBureau}
	case StateReturned:
		return Clock{WaitsOn: WaitsOnApplicant}
	default:
		return Clock{}
	}
	t := dateOf(today)
	if t.After(c.Due) {
		c.Remaining = -cal.WorkdaysBetween(c.Due, t)
		c.Overdue = true
	} else {
		c.Remaining = cal.WorkdaysBetween(t, c.Due)
	}
	return c
}

// ClockOfLevel is ClockOf for an application the level above decides: once
// accepted, the bureau forwards it within ForwardWorkdays working days
// (the "forwarding" clock, waiting on the bureau); once forwarded
// (forwarded not zero) the decision clock runs from the forwarding and
// waits on the deciding level. A city decision is ClockOf.
func ClockOfLevel(cal *Calendar, state, level string, received, accepted, forwarded, today time.Time) Clock {
	if level == "" || level == LevelCity || (state != StateAccepted && state != StateUnderReview) {
		return ClockOf(cal, state, received, accepted, today)
	}
	var c Clock
	if forwarded.IsZero() {
		c = Clock{WaitsOn: WaitsOnBureau, Clock: "forwarding", Started: dateOf(accepted), Due: cal.AddWorkdays(accepted, ForwardWorkdays)}
	} else {
		c = Clock{WaitsOn: WaitsOnProvince, Clock: "decision", Started: dateOf(forwarded), Due: cal.AddWorkdays(forwarded, DecisionWorkdays)}
	}
	t := dateOf(today)
	if t.After(c.Due) {
		c.Remaining = -cal.WorkdaysBetween(c.Due, t)
		c.Overdue = true
	} else {
		c.Remaining = cal.WorkdaysBetween(t, c.Due)
	}
	return c
}

// RenewalDeadline is the last day a renewal may be applied for: 45 days
// before the last day of validity (art. 25).
func RenewalDeadline(validTo time.Time) time.Time {
	return dateOf(validTo).AddDate(0, 0, -RenewalLeadDays)
}

// RenewalTimely reports whether a renewal received on received is in time
// for a permit valid to validTo.
func RenewalTimely(validTo, received time.Time) bool {
	return !dateOf(received).After(RenewalDeadline(validTo))
}

// Permit actions after the certificate (the permit's own lifecycle).
const (
	PermitSuspend   = "suspend"   // 暂停 (e.g. 限批 enforcement, unpaid tax, violations)
	PermitReinstate = "reinstate" // suspension lifted
	PermitRevoke    = "revoke"    // 吊销 (a penalty)
	PermitCancel    = "cancel"    // 注销 (term over without renewal, holder gone, surrendered)
	PermitExpire    = "expire"    // the term is over: the sweep marks the permit expired
)

// PermitNext returns a permit's status after action (statuses as in the
// root package: active, suspended, expired, revoked, cancelled).
func PermitNext(status, action string) (string, error) {
	switch {
	case action == PermitSuspend && status == "active":
		return "suspended", nil
	case action == PermitExpire && (status == "active" || status == "suspended"):
		return "expired", nil
	case action == PermitReinstate && status == "suspended":
		return "active", nil
	case action == PermitRevoke && (status == "active" || status == "suspended"):
		return "revoked", nil
	case action == PermitCancel && (status == "active" || status == "suspended" || status == "expired"):
		return "cancelled", nil
	}
	return "", fmt.Errorf("permit action %q is not allowed in status %q", action, status)
}
