package ingest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestParseObservationsFast: the one-pass decoder takes the plain bodies and
// decodes them as encoding/json does; whatever it declines goes to
// encoding/json, so it must never accept a body that one refuses or decode
// one differently.
func TestParseObservationsFast(t *testing.T) {
	item := `{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}`
	plain := []string{
		`{"observations":[` + item + `]}`,
		`{"observations":[]}`,
		" \n{ \"observations\" :\t[ " + item + " , " + item + " ] }\r\n",
		`{"observations":[{"code":"0012345678","protocol":"szy206","metric":"volume_m3","time":"2026-03-01T00:00:00Z","value":-1234.5e-2}]}`,
		`{"observations":[{"value":0,"time":"2026-03-01T00:00:00.123456789-05:30","metric":"level_m","code":"水位站","protocol":""}]}`,
		`{"observations":[{"point":1,"metric":"","time":"2026-03-01T00:00:00Z","value":-0}]}`,
		`{"observations":[{"point":999999999999,"metric":"x","time":"2026-03-01T00:00:00.5Z","value":1E+2}]}`,
	}
	declined := []string{
		``, `null`, `{}`, `[]`, `{"observations":null}`, `{"Observations":[]}`,
		`{"observations":[]} x`, `{"observations":[]}}`, `{"observations":[]]}`, `{"observations":[],"observations":[]}`,
		`{"observations":[],"extra":1}`, `{"observations":[1]}`, `{"observations":[{}]}`, `{"observations":[` + item + `,]}`,
		`{"observations":[{"Point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":12,"point":13,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":12,"code":"AB","metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":null,"code":"AB","metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"code":"","metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"code":"A\"B","metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"code":"A\u0042","metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		"{\"observations\":[{\"code\":\"A\xffB\",\"metric\":\"flow_m3s\",\"time\":\"2026-03-01T08:00:00+08:00\",\"value\":1.25}]}",
		"{\"observations\":[{\"code\":\"A\tB\",\"metric\":\"flow_m3s\",\"time\":\"2026-03-01T08:00:00+08:00\",\"value\":1.25}]}",
		`{"observations":[{"point":0,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":-3,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":1.0,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":01,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":99999999999999999999,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":"12","metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":12,"metric":7,"time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":12,"time":"2026-03-01T08:00:00+08:00","value":1.25}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","value":1.25}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00"}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01 08:00","value":1.25}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-02-30T08:00:00Z","value":1.25}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":"1"}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1e999}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":.5}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1.}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":+1}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":NaN}]}`,
		`{"observations":[{"point":12,"metric":"flow_m3s","time":"2026-03-01T08:00:00+08:00","value":1,"unit":"m"}]}`,
		`{"observations":[` + strings.Repeat(item+",", MaxBatchObservations) + item + `]}`,
	}
	for _, body := range plain {
		fast, ok := parseObservationsFast([]byte(body))
		if !ok {
			t.Errorf("declined the plain body %s", body)
			continue
		}
		strict, err := parseObservationsStrict([]byte(body))
		if err != nil {
			t.Errorf("%s: accepted a body encoding/json refuses: %v", body, err)
			continue
		}
		if !sameObservations(fast, strict) {
			t.Errorf("%s: decoded\n%+v\nencoding/json decodes\n%+v", body, fast, strict)
		}
	}
	for _, body := range declined {
		if _, ok := parseObservationsFast([]byte(body)); ok {
			t.Errorf("accepted %.200s", body)
		}
	}
}

func sameObservations(a, b []Observation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if !x.Time.Equal(y.Time) || x.Time.Location().String() != y.Time.Location().String() || x.Time.Format(time.RFC3339Nano) != y.Time.Format(time.RFC3339Nano) {
			return false
		}
		x.Time, y.Time = time.Time{}, time.Time{}
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestParseRFC3339: the byte form gives what time.Parse gives, and refuses
// what it refuses.
func TestParseRFC3339(t *testing.T) {
	for _, s := range []string{
		"2026-03-01T08:00:00+08:00", "2026-03-01T08:00:00Z", "2026-03-01T08:00:00.123Z", "2026-03-01T08:00:00.123456789-05:30",
		"2026-03-01T08:00:00,5Z", "2026-03-01T8:00:00Z", "2026-03-01t08:00:00Z", "2026-03-01T08:00:00z", "2026-03-01T08:00:00+24:00",
		"2026-03-01T08:00:00+0800", "2026-03-01T08:00:00", "2026-02-29T08:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01 08:00:00Z",
		"0000-01-01T00:00:00Z", "2026-03-01T08:00:00.Z", "", "x",
	} {
		var got time.Time
		ok := parseRFC3339([]byte(s), &got)
		want, err := time.Parse(time.RFC3339Nano, s)
		switch {
		case ok && err != nil:
			t.Errorf("%q: accepted; time.Parse: %v", s, err)
		case ok && (!got.Equal(want) || fmt.Sprint(got) != fmt.Sprint(want)):
			t.Errorf("%q: %v, time.Parse gives %v", s, got, want)
		}
	}
}

// TestParseTimeOrder: trying the likely form first gives what trying RFC
// 3339 first, then each zoneless layout, gives.
func TestParseTimeOrder(t *testing.T) {
	inOrder := func(s string) (time.Time, bool) {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t, true
		}
		for _, l := range zonelessLayouts {
			if t, err := time.ParseInLocation(l, s, Beijing); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	}
	for _, s := range []string{
		"2026-03-01T08:00:00+08:00", "2026-03-01T08:00:00Z", "2026-03-01T08:00:00z", "2026-03-01T08:00:00.5-05:00",
		"2026-03-01 08:00:00", "2026-03-01T08:00:00", "2026-03-01 08:00", "2026-03-01T08:00", "2026/03/01 08:00:00",
		"2026/03/01 08:00", "2026-03-01 08:00:00.123", "2026-03-01 08:00Z", "2026-03-01 08:00:00+08:00", "Z", "-", "x",
		"2026-03-01T08:00:00 +08:00", "2026-03-01T08:00:00+0800", "2026-02-30 08:00:00",
	} {
		got, err := ParseTime(s, Beijing)
		want, ok := inOrder(s)
		if (err == nil) != ok || !got.Equal(want) || got.Location().String() != want.Location().String() {
			t.Errorf("%q: %v, %v; in order: %v, %v", s, got, err, want, ok)
		}
	}
}
