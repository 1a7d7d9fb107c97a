package permitting

import (
	"testing"
	"time"
)

func TestNext(t *testing.T) {
	path := []struct{ action, want string }{
		{ActSubmit, StateSubmitted}, {ActReturn, StateReturned}, {ActAttach, StateReturned}, {ActResubmit, StateSubmitted},
		{ActAccept, StateAccepted}, {ActReview, StateUnderReview}, {ActOpinion, StateUnderReview}, {ActOpinion, StateUnderReview},
		{ActApprove, StateApproved}, {ActCertify, StateCertified},
	}
	s := ""
	for _, p := range path {
		next, err := Next(s, p.action)
		if err != nil || next != p.want {
			t.Fatalf("Next(%q, %q) = %q, %v; want %q", s, p.action, next, err, p.want)
		}
		s = next
	}
	for _, bad := range []struct{ from, action string }{
		{StateCertified, ActApprove}, {StateSubmitted, ActApprove}, {StateSubmitted, ActCertify}, {StateRefused, ActAttach},
		{StateApproved, ActWithdraw}, {"", ActAccept}, {StateAccepted, ActOpinion},
	} {
		if _, err := Next(bad.from, bad.action); err == nil {
			t.Errorf("Next(%q, %q) allowed", bad.from, bad.action)
		}
	}
}

func TestClockOf(t *testing.T) {
	c := synthetic(t)
	// Received Friday 2030-03-01: the holiday week does not count; due on the
	// 5th working day: 03-09 (Sat worked), 11, 12, 13, 14.
	ck := ClockOf(c, StateSubmitted, date("2030-03-01"), time.Time{}, date("2030-03-11"))
	if ck.WaitsOn != WaitsOnBureau || ck.Clock != "completeness" || ck.Due.Format(time.DateOnly) != "2030-03-14" || ck.Remaining != 3 || ck.Overdue {
		t.Errorf("completeness clock %+v", ck)
	}
	ck = ClockOf(c, StateSubmitted, date("2030-03-01"), time.Time{}, date("2030-03-18"))
	if !ck.Overdue || ck.Remaining != -2 {
		t.Errorf("overdue clock %+v", ck)
	}
	ck = ClockOf(c, StateUnderReview, date("2030-03-01"), date("2030-03-11"), date("2030-03-11"))
	if ck.WaitsOn != WaitsOnReviewers || ck.Clock != "decision" || ck.Remaining != 45 || ck.Due != c.AddWorkdays(date("2030-03-11"), 45) {
		t.Errorf("decision clock %+v", ck)
	}
	if ck := ClockOf(c, StateReturned, date("2030-03-01"), time.Time{}, date("2030-03-11")); ck.WaitsOn != WaitsOnApplicant || ck.Clock != "" {
		t.Errorf("returned %+v", ck)
	}
	if ck := ClockOf(c, StateCertified, date("2030-03-01"), time.Time{}, date("2030-03-11")); ck.WaitsOn != WaitsOnNobody {
		t.Errorf("certified %+v", ck)
	}
}

func TestRenewalTimely(t *testing.T) {
	to := date("2030-12-31")
	if RenewalDeadline(to).Format(time.DateOnly) != "2030-11-16" {
		t.Errorf("deadline %s", RenewalDeadline(to))
	}
	if !RenewalTimely(to, date("2030-11-16")) || RenewalTimely(to, date("2030-11-17")) {
		t.Error("renewal 45 days before expiry")
	}
}

func TestPermitNext(t *testing.T) {
	for _, tc := range []struct{ status, action, want string }{
		{"active", PermitSuspend, "suspended"}, {"suspended", PermitReinstate, "active"}, {"suspended", PermitRevoke, "revoked"},
		{"active", PermitCancel, "cancelled"}, {"expired", PermitCancel, "cancelled"},
		{"revoked", PermitReinstate, ""}, {"active", PermitReinstate, ""}, {"cancelled", PermitSuspend, ""},
	} {
		got, err := PermitNext(tc.status, tc.action)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("PermitNext(%s, %s) = %q, %v", tc.status, tc.action, got, err)
		}
	}
}

func TestClockOfLevel(t *testing.T) {
	c := synthetic(t)
	acc := date("2030-03-11")
	// A city decision keeps the ordinary clock.
	if ck := ClockOfLevel(c, StateAccepted, LevelCity, date("2030-03-01"), acc, time.Time{}, acc); ck.Clock != "decision" || ck.WaitsOn != WaitsOnBureau {
		t.Errorf("city %+v", ck)
	}
	// The province decides: the bureau forwards within 20 working days.
	ck := ClockOfLevel(c, StateAccepted, LevelProvince, date("2030-03-01"), acc, time.Time{}, acc)
	if ck.Clock != "forwarding" || ck.WaitsOn != WaitsOnBureau || ck.Due != c.AddWorkdays(acc, ForwardWorkdays) || ck.Remaining != ForwardWorkdays {
		t.Errorf("forwarding %+v", ck)
	}
	late := c.AddWorkdays(acc, ForwardWorkdays+3)
	if ck := ClockOfLevel(c, StateUnderReview, LevelProvince, date("2030-03-01"), acc, time.Time{}, late); !ck.Overdue || ck.Remaining != -3 {
		t.Errorf("forwarding overdue %+v", ck)
	}
	// Forwarded: the deciding level's 45 working days run from the forwarding.
	fwd := date("2030-03-20")
	ck = ClockOfLevel(c, StateAccepted, LevelProvince, date("2030-03-01"), acc, fwd, fwd)
	if ck.Clock != "decision" || ck.WaitsOn != WaitsOnProvince || ck.Due != c.AddWorkdays(fwd, DecisionWorkdays) || ck.Overdue {
		t.Errorf("forwarded %+v", ck)
	}
	// Other states are as ClockOf.
	if ck := ClockOfLevel(c, StateSubmitted, LevelProvince, date("2030-03-01"), time.Time{}, time.Time{}, acc); ck.Clock != "completeness" {
		t.Errorf("submitted %+v", ck)
	}
	if _, err := Next(StateAccepted, ActForward); err != nil {
		t.Errorf("forward from accepted: %v", err)
	}
	if _, err := Next(StateSubmitted, ActForward); err == nil {
		t.Error("forward before acceptance allowed")
	}
}

func TestPermitExpire(t *testing.T) {
	for _, tc := range []struct {
		from string
		ok   bool
	}{{"active", true}, {"suspended", true}, {"expired", false}, {"revoked", false}, {"cancelled", false}} {
		next, err := PermitNext(tc.from, PermitExpire)
		if tc.ok != (err == nil) || tc.ok && next != "expired" {
			t.Errorf("expire from %s: %q %v", tc.from, next, err)
		}
	}
}
