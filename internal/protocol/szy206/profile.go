package szy206

import (
	"errors"
	"fmt"
)

// Edition selects the meaning of the type codes that changed between the
// editions (0111, 1000, uplink 1110) and of alarm bit D9.
type Edition uint8

// Editions.
const (
	Edition2016 Edition = iota // SZY 206-2016
	Edition2021                // SL/T 427-2021
)

// Profile holds the per-terminal answers to the open questions of the
// protocol (PROTOCOLS.md §2.3, §2.6, §2.7, §2.8, §5). The caller picks one
// per terminal; Detect helps when the answer is unknown.
type Profile struct {
	// Name identifies the profile in summaries and logs.
	Name string
	// Edition: SZY 206-2016 or SL/T 427-2021 type-code meanings.
	Edition Edition
	// TimeTagLen is the length of Tp: 5 (SZY 206: s, min, h, day, delay)
	// or 7 (SL/T 427: adds month and year). Tp itself stays optional; its
	// presence is inferred from L.
	TimeTagLen int
	// StationBigEndian: A2 (station number) is sent high byte first.
	// The general rule of the standard is low byte first.
	StationBigEndian bool
	// AlarmBigEndian: the alarm and status words are sent high byte first
	// (as hm1212 reads them). The general rule is low byte first.
	AlarmBigEndian bool
	// FlowUnitFlag: the high nibble of flow byte 5 carries sign (D7–D6,
	// 11 = negative) and unit (D5–D4, 00 = m³/s, 11 = m³/h), as in SL/T 427.
	// Otherwise the high nibble is a sign nibble (0 = +, F or 8 = −) and
	// FlowUnit gives the unit.
	FlowUnitFlag bool
	// FlowUnit is the flow unit when FlowUnitFlag is false: UnitM3s or UnitM3h.
	FlowUnit Unit
	// LevelIsDepth: the water-level class carries groundwater depth below
	// ground instead of a level above datum (reading id "depth").
	LevelIsDepth bool
	// RealtimeQueryAFN is the function whose uplink replies carry real-time
	// values like a self-report (B0H; some vendors number it differently).
	RealtimeQueryAFN AFN
	// ConfirmKeepsType: the centre's confirm of a report echoes the report's
	// type code (hm1212: C & 7FH); otherwise it sends type 0000.
	ConfirmKeepsType bool
	// LinkReplyEcho: the centre's AFN 02 reply echoes the terminal's link
	// byte (F0/F1/F2); otherwise it sends 00H as hm1212 does.
	LinkReplyEcho bool
	// PasswordAFN changes the terminal's password (default 96H) and
	// IntervalAFN sets its self-report classes and intervals (default
	// A1H). PROTOCOLS.md §2.4 leaves both open: the defaults are the p206
	// list's, unverified with a real RTU. Zero: the command is not offered.
	PasswordAFN AFN
	IntervalAFN AFN
}

// ProfileSZY206 is SZY 206-2016 as far as it is known: 5-byte Tp, every
// multi-byte field low byte first, flow in m³/s without a unit flag.
func ProfileSZY206() Profile {
	return Profile{Name: "szy206", Edition: Edition2016, TimeTagLen: 5, FlowUnit: UnitM3s,
		RealtimeQueryAFN: AFNQuery, ConfirmKeepsType: true,
		PasswordAFN: DefaultPasswordAFN, IntervalAFN: DefaultIntervalAFN}
}

// ProfileSZY206BE is SZY 206-2016 with A2 and the alarm/status words read
// high byte first, as the public hm1212 and go-sl427 implementations do.
func ProfileSZY206BE() Profile {
	p := ProfileSZY206()
	p.Name = "szy206-be"
	p.StationBigEndian = true
	p.AlarmBigEndian = true
	return p
}

// ProfileSLT427 is SL/T 427-2021: 7-byte Tp, flow unit flag, electricity
// and weather type codes, low byte first.
func ProfileSLT427() Profile {
	return Profile{Name: "slt427", Edition: Edition2021, TimeTagLen: 7, FlowUnitFlag: true,
		FlowUnit: UnitM3s, RealtimeQueryAFN: AFNQuery, ConfirmKeepsType: true,
		PasswordAFN: DefaultPasswordAFN, IntervalAFN: DefaultIntervalAFN}
}

// Presets returns the named profiles, SZY 206 first.
func Presets() []Profile {
	return []Profile{ProfileSZY206(), ProfileSZY206BE(), ProfileSLT427()}
}

// ProfileByName returns the preset with that name.
func ProfileByName(name string) (Profile, bool) {
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Validate checks the profile's fields.
func (p Profile) Validate() error {
	if p.TimeTagLen != 5 && p.TimeTagLen != 7 {
		return errors.New("szy206: profile " + p.Name + ": TimeTagLen must be 5 or 7")
	}
	if p.FlowUnit != UnitM3s && p.FlowUnit != UnitM3h {
		return errors.New("szy206: profile " + p.Name + ": FlowUnit must be m3/s or m3/h")
	}
	for _, a := range []AFN{p.PasswordAFN, p.IntervalAFN} {
		if a != 0 && (a == AFNUser || a == AFNLink || a == p.RealtimeQueryAFN || isReportAFN(a)) {
			return fmt.Errorf("szy206: profile %s: AFN %02X cannot be a settings command", p.Name, byte(a))
		}
	}
	if p.PasswordAFN != 0 && p.PasswordAFN == p.IntervalAFN {
		return fmt.Errorf("szy206: profile %s: the password and interval AFNs are both %02X", p.Name, byte(p.PasswordAFN))
	}
	return nil
}

// DetectResult is the outcome of decoding one frame under one profile.
type DetectResult struct {
	Profile Profile
	Err     error // nil if the frame decodes cleanly
}

// Detect decodes frame under each candidate profile (Presets() when none
// are given) and reports which decode cleanly, in candidate order. It is
// meant for "--protocol auto": run it on a terminal's first frames and keep
// the profiles that stay clean. Byte-order questions (A2, alarm word) cannot
// be settled by decoding alone: profiles differing only there both succeed.
func Detect(frame []byte, candidates ...Profile) []DetectResult {
	if len(candidates) == 0 {
		candidates = Presets()
	}
	res := make([]DetectResult, len(candidates))
	var f Frame
	for i, p := range candidates {
		res[i] = DetectResult{Profile: p, Err: DecodeInto(&f, frame, p)}
	}
	return res
}

// BestProfile returns the first candidate (Presets() when none are given)
// under which frame decodes cleanly, or the first candidate's error.
func BestProfile(frame []byte, candidates ...Profile) (Profile, error) {
	res := Detect(frame, candidates...)
	for _, r := range res {
		if r.Err == nil {
			return r.Profile, nil
		}
	}
	return Profile{}, res[0].Err
}
