package warning

import (
	"fmt"
	"strings"
	"time"
)

// Level is a warning colour. The zero value None means no warning.
type Level int

const (
	None Level = iota
	Blue
	Yellow
	Orange
	Red
)

var levelNames = [...]string{"none", "blue", "yellow", "orange", "red"}

func (l Level) String() string {
	if l >= None && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// ParseLevel parses "blue", "yellow", "orange", "red" or "none".
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if strings.EqualFold(s, n) {
			return Level(i), nil
		}
	}
	return None, fmt.Errorf("warning: level %q: %w", s, ErrInvalidRule)
}

// MarshalText encodes the level name.
func (l Level) MarshalText() ([]byte, error) {
	if l < None || int(l) >= len(levelNames) {
		return nil, fmt.Errorf("warning: level %d: %w", int(l), ErrInvalidRule)
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText decodes a level name.
func (l *Level) UnmarshalText(p []byte) error {
	v, err := ParseLevel(string(p))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Duration is a time.Duration written as in Go ("90s", "5m", "1h30m") or with a
// day suffix ("7d", "1d12h") in rule and scenario files.
type Duration time.Duration

func (d Duration) String() string {
	t := time.Duration(d)
	if t > 0 && t%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", t/(24*time.Hour))
	}
	return t.String()
}

// ParseDuration parses a Duration.
func ParseDuration(s string) (Duration, error) {
	s = strings.TrimSpace(s)
	var days int64
	if i := strings.IndexByte(s, 'd'); i > 0 {
		if _, err := fmt.Sscanf(s[:i], "%d", &days); err != nil || days < 0 {
			return 0, fmt.Errorf("warning: duration %q: %w", s, ErrInvalidRule)
		}
		s = s[i+1:]
	}
	var rest time.Duration
	if s != "" {
		var err error
		if rest, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("warning: duration: %v: %w", err, ErrInvalidRule)
		}
	}
	return Duration(time.Duration(days)*24*time.Hour + rest), nil
}

// MarshalText encodes the duration.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes the duration.
func (d *Duration) UnmarshalText(p []byte) error {
	v, err := ParseDuration(string(p))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
