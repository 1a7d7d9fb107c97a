package sishui

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Bounds on input, the same for every caller (API, CLI, city files).
const (
	MinYear     = 1949 // no record of this platform predates the People's Republic
	MaxYear     = 2200 // plans reach decades ahead, not centuries
	MaxVolumeM3 = 1e12 // 10¹² m³: far above any permit or cap (the Yellow River carries ~5.8×10¹⁰ m³ a year)
	MaxNameLen  = 200  // characters of a name
	MaxNoteLen  = 2000 // characters of a note
	MaxTextLen  = 500  // characters of other free text (address, purpose, intake)
	passwordHex = 4    // SL 651 terminal passwords: 4 hex digits (2 bytes)
)

// CheckYear reports a year outside MinYear…MaxYear as EINVALID naming field.
func CheckYear(field string, y int) error {
	if y < MinYear || y > MaxYear {
		return Invalid(field, "must be a year between %d and %d, got %d", MinYear, MaxYear, y)
	}
	return nil
}

// CheckDate reports a date outside MinYear…MaxYear.
func CheckDate(field string, t time.Time) error {
	if t.Year() < MinYear || t.Year() > MaxYear {
		return Invalid(field, "must be a date between %d and %d", MinYear, MaxYear)
	}
	return nil
}

// CheckVolume reports a volume that is negative or above MaxVolumeM3.
func CheckVolume(field string, v int64) error {
	if v < 0 || v > MaxVolumeM3 {
		return Invalid(field, "must be between 0 and 10¹² m³, got %d", v)
	}
	return nil
}

// CheckName checks a one-line name: at most MaxNameLen characters and no
// control or bidirectional-override characters.
func CheckName(field, s string) error { return checkText(field, s, MaxNameLen, false) }

// CheckNote checks free text of up to MaxNoteLen characters; line breaks and tabs are allowed.
func CheckNote(field, s string) error { return checkText(field, s, MaxNoteLen, true) }

// CheckText checks one-line free text of up to MaxTextLen characters.
func CheckText(field, s string) error { return checkText(field, s, MaxTextLen, false) }

func checkText(field, s string, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return Invalid(field, "must be valid UTF-8")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Invalid(field, "must be at most %d characters, got %d", max, n)
	}
	for i, r := range s {
		if multiline && (r == '\n' || r == '\t' || r == '\r') {
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) {
			return Invalid(field, "must not contain control characters (U+%04X at byte %d)", r, i)
		}
	}
	return nil
}

// isBidiControl reports the bidirectional embedding, override and isolate
// controls that make text display other than it reads (CVE-2021-42574).
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// CheckTerminalPassword checks an SL 651 terminal password: 4 hex digits.
func CheckTerminalPassword(field, s string) error {
	if len(s) != passwordHex || strings.TrimLeft(strings.ToUpper(s), "0123456789ABCDEF") != "" {
		return Invalid(field, "must be 4 hex digits")
	}
	return nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
