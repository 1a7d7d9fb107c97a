package ingest

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf8"
)

// parseObservationsFast decodes a body in the plain form most senders use
// — the one key "observations", each item an object of the lowercase keys
// with string and number values, strings without escapes — in one pass and
// with few allocations. It reports false at anything else (any syntax or
// type error, unknown, repeated or differently cased keys, escapes, nulls,
// invalid values), and ParseObservations then decodes the body with
// encoding/json, which gives the error naming the field or the same result.
// So this path can only accept what that one accepts, with equal results.
func parseObservationsFast(body []byte) ([]Observation, bool) {
	p := fastParser{b: body}
	p.ws()
	if !p.lit('{') {
		return nil, false
	}
	p.ws()
	if key, ok := p.str(); !ok || string(key) != "observations" {
		return nil, false
	}
	p.ws()
	if !p.lit(':') {
		return nil, false
	}
	p.ws()
	if !p.lit('[') {
		return nil, false
	}
	// Every item opens one brace: a close upper bound of the count.
	n := min(bytes.Count(body, []byte{'{'})-1, MaxBatchObservations)
	out := make([]Observation, 0, max(n, 0))
	p.ws()
	if !p.lit(']') {
		for {
			if len(out) == MaxBatchObservations {
				return nil, false
			}
			out = append(out, Observation{})
			if !p.observation(&out[len(out)-1]) {
				return nil, false
			}
			p.ws()
			if p.lit(']') {
				break
			}
			if !p.lit(',') {
				return nil, false
			}
			p.ws()
		}
	}
	p.ws()
	if !p.lit('}') {
		return nil, false
	}
	p.ws()
	return out, p.i == len(p.b)
}

// fastParser scans the plain form of parseObservationsFast.
type fastParser struct {
	b []byte
	i int
	// The last metric and protocol read, so that a batch of one metric
	// shares its string.
	metric, protocol string
}

func (p *fastParser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *fastParser) lit(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a string without escapes or control characters, in valid UTF-8,
// and returns its content.
func (p *fastParser) str() ([]byte, bool) {
	if !p.lit('"') {
		return nil, false
	}
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			return s, utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return nil, false
		}
		p.i++
	}
	return nil, false
}

// num reads a number in JSON's grammar and returns its text.
func (p *fastParser) num() ([]byte, bool) {
	start := p.i
	p.lit('-')
	switch {
	case p.lit('0'):
	case p.i < len(p.b) && p.b[p.i] >= '1' && p.b[p.i] <= '9':
		p.digits()
	default:
		return nil, false
	}
	if p.lit('.') && !p.digits() {
		return nil, false
	}
	if p.lit('e') || p.lit('E') {
		if !p.lit('+') {
			p.lit('-')
		}
		if !p.digits() {
			return nil, false
		}
	}
	return p.b[start:p.i], true
}

// digits reads one or more decimal digits.
func (p *fastParser) digits() bool {
	start := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// observation reads one item into o under parseObservation's rules.
func (p *fastParser) observation(o *Observation) bool {
	if !p.lit('{') {
		return false
	}
	const (
		hasPoint = 1 << iota
		hasCode
		hasProtocol
		hasMetric
		hasTime
		hasValue
	)
	seen := 0
	p.ws()
	if p.lit('}') {
		return false // point or code, metric, time and value are required
	}
	for {
		key, ok := p.str()
		if !ok {
			return false
		}
		p.ws()
		if !p.lit(':') {
			return false
		}
		p.ws()
		var bit int
		switch string(key) {
		case "point":
			bit = hasPoint
			v, ok := p.num()
			if !ok {
				return false
			}
			id, err := strconv.ParseInt(string(v), 10, 64)
			if err != nil || id <= 0 {
				return false
			}
			o.Point = id
		case "code":
			bit = hasCode
			v, ok := p.str()
			if !ok || len(v) == 0 {
				return false
			}
			o.Code = string(v)
		case "protocol":
			bit = hasProtocol
			v, ok := p.str()
			if !ok {
				return false
			}
			o.Protocol = reuse(&p.protocol, v)
		case "metric":
			bit = hasMetric
			v, ok := p.str()
			if !ok {
				return false
			}
			o.Metric = reuse(&p.metric, v)
		case "time":
			bit = hasTime
			v, ok := p.str()
			if !ok || !parseRFC3339(v, &o.Time) {
				return false
			}
		case "value":
			bit = hasValue
			v, ok := p.num()
			if !ok {
				return false
			}
			f, err := strconv.ParseFloat(string(v), 64)
			if err != nil {
				return false
			}
			o.Value = f
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		p.ws()
		if p.lit('}') {
			break
		}
		if !p.lit(',') {
			return false
		}
		p.ws()
	}
	// Exactly one of point and code, and the three others.
	return seen&(hasPoint|hasCode) != 0 && seen&(hasPoint|hasCode) != hasPoint|hasCode &&
		seen&(hasMetric|hasTime|hasValue) == hasMetric|hasTime|hasValue
}

// reuse returns *last when it reads v, else v as a new string, kept in *last.
func reuse(last *string, v []byte) string {
	if string(v) != *last {
		*last = string(v)
	}
	return *last
}

// parseRFC3339 parses b as time.Parse(time.RFC3339Nano, string(b)) does
// (both take the same RFC 3339 path first; see TestParseRFC3339), without
// converting b to a string.
func parseRFC3339(b []byte, t *time.Time) bool {
	return t.UnmarshalText(b) == nil
}
