package szy206

import (
	"encoding/hex"
	"fmt"
	"time"
)

// FrameSummary is the JSON view of a frame printed by `sishui decode`.
type FrameSummary struct {
	Protocol  string          `json:"protocol"` // "szy206"
	Profile   string          `json:"profile,omitempty"`
	AFN       string          `json:"afn"`      // two hex digits ("FFxx" for user-defined)
	Function  string          `json:"function"` // same as AFN, for symmetry with SL651
	Name      string          `json:"name,omitempty"`
	Address   AddressSummary  `json:"address"`
	Direction string          `json:"direction"` // "up" (terminal → centre) or "down"
	Type      string          `json:"type"`      // parameter class of the control byte
	FCB       uint8           `json:"fcb"`
	Split     *SplitSummary   `json:"split,omitempty"`
	Time      string          `json:"time,omitempty"` // RFC 3339, +08:00
	TimeTag   *TimeTagSummary `json:"time_tag,omitempty"`
	Password  string          `json:"password,omitempty"`
	Link      string          `json:"link,omitempty"`
	WorkMode  string          `json:"work_mode,omitempty"`
	Values    []ValueSummary  `json:"values,omitempty"`
	Alarm     []string        `json:"alarm,omitempty"`
	Status    *StatusSummary  `json:"status,omitempty"`
	Picture   bool            `json:"picture,omitempty"`
	Data      string          `json:"data,omitempty"` // hex of D when not interpreted
}

// AddressSummary shows the address as sent and decoded.
type AddressSummary struct {
	Hex     string `json:"hex"`
	Mode    int    `json:"mode"`
	Region  string `json:"region,omitempty"`  // mode 1: 6-digit GB/T 2260 code
	Station *int   `json:"station,omitempty"` // mode 1: A2 in the profile's byte order
	Code    string `json:"code,omitempty"`    // mode 2: 8-digit station code
}

// SplitSummary shows the split counter of a DIV frame.
type SplitSummary struct {
	DIVS int  `json:"divs"`
	Last bool `json:"last"`
}

// TimeTagSummary shows a time tag that lacks month and year.
type TimeTagSummary struct {
	Day      int `json:"day"`
	Hour     int `json:"hour"`
	Minute   int `json:"minute"`
	Second   int `json:"second"`
	DelayMin int `json:"delay_min"`
}

// ValueSummary is one reading.
type ValueSummary struct {
	ID      string   `json:"id"`
	Index   int      `json:"index"`
	Value   *float64 `json:"value"` // null when the terminal sent no measurement
	Unit    string   `json:"unit,omitempty"`
	Missing bool     `json:"missing,omitempty"`
	Aux     *int     `json:"aux,omitempty"`
}

// StatusSummary shows the terminal status word.
type StatusSummary struct {
	Raw         string `json:"raw"`
	WorkMode    string `json:"work_mode"`
	ICCardValid bool   `json:"ic_card_valid"`
	FixedValue  bool   `json:"fixed_value_control"`
	PumpRunning bool   `json:"pump_running"`
	DoorClosed  bool   `json:"door_closed"`
	OnBattery   bool   `json:"on_battery"`
}

// Summary returns the JSON view of f. A 5-byte time tag is shown as
// time_tag fields; use SummaryAt to resolve it to a full time.
func Summary(f *Frame) FrameSummary { return SummaryAt(f, time.Time{}) }

// SummaryAt is Summary with ref (e.g. the arrival time) supplying month and
// year of a 5-byte time tag.
func SummaryAt(f *Frame, ref time.Time) FrameSummary {
	p := &f.Profile
	s := FrameSummary{Protocol: "szy206", Profile: p.Name, AFN: fmt.Sprintf("%02X", byte(f.AFN)),
		Name: f.AFN.Name(), Direction: "down", FCB: f.Control.FCB(),
		Type: f.Control.Type().Name(p.Edition, f.Control.Up()), Picture: f.Picture}
	if f.AFN == AFNUser {
		s.AFN += fmt.Sprintf("%02X", f.UserAFN)
	}
	s.Function = s.AFN
	if f.Control.Up() {
		s.Direction = "up"
	}
	if f.Control.Split() {
		s.Split = &SplitSummary{DIVS: int(f.DIVS), Last: f.DIVS == 1}
	}
	a := AddressSummary{Hex: f.Address.String(), Mode: f.Address.Mode()}
	if a.Mode == 1 {
		if r, ok := f.Address.Region(); ok {
			a.Region = fmt.Sprintf("%06d", r)
		}
		st := int(f.Station)
		a.Station = &st
	} else {
		a.Code = fmt.Sprintf("%08X", f.Address.Code())
	}
	s.Address = a
	if f.HasTime {
		if t, ok := f.Time.Time(ref); ok {
			s.Time = t.Format(time.RFC3339)
		}
		if !f.Time.Complete() {
			s.TimeTag = &TimeTagSummary{Day: int(f.Time.Day), Hour: int(f.Time.Hour),
				Minute: int(f.Time.Minute), Second: int(f.Time.Second), DelayMin: int(f.Time.DelayMin)}
		}
	}
	if f.HasPassword {
		s.Password = fmt.Sprintf("%04X", f.Password)
	}
	if f.AFN == AFNLink && len(f.Data) == 1 {
		s.Link = f.Link.String()
	}
	if f.HasWorkMode {
		s.WorkMode = f.WorkMode.String()
	}
	for _, r := range f.Readings {
		v := ValueSummary{ID: r.Kind.String(), Index: int(r.Index), Unit: r.Unit.String(), Missing: r.Missing}
		if !r.Missing {
			x := r.Value()
			v.Value = &x
		}
		if r.Kind == KindWindSpeed || r.Kind == KindRainStat {
			aux := int(r.Aux)
			v.Aux = &aux
		}
		s.Values = append(s.Values, v)
	}
	if f.HasState {
		s.Alarm = f.Alarm.Names(p.Edition)
		st := f.Status
		s.Status = &StatusSummary{Raw: fmt.Sprintf("%04X", uint16(st)), WorkMode: st.WorkMode().String(),
			ICCardValid: st.ICCardValid(), FixedValue: st.FixedValueOn(), PumpRunning: !st.PumpStopped(),
			DoorClosed: st.DoorClosed(), OnBattery: st.OnBattery()}
	}
	interpreted := f.HasState || f.HasWorkMode || f.AFN == AFNLink
	if !interpreted && len(f.Data) > 0 {
		s.Data = hex.EncodeToString(f.Data)
	}
	return s
}
