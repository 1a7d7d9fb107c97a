package meter

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/quality"
)

func TestConvert(t *testing.T) {
	d := func(m time.Month, day int) time.Time { return time.Date(2024, m, day, 0, 0, 0, 0, time.UTC) }
	coeffs := []Coefficient{
		{From: d(4, 1), To: d(7, 1), M3PerKWh: 2.5, Source: "pump test 2024-03"},
		{From: d(1, 1), To: d(4, 1), M3PerKWh: 3},
		{From: d(7, 1), M3PerKWh: 2}, // open-ended
	}
	type piece struct {
		start, end time.Time
		vol        float64
	}
	tests := []struct {
		name    string
		energy  []EnergyInterval
		coeffs  []Coefficient
		want    []piece
		wantErr error
	}{
		{"inside one validity", []EnergyInterval{{Start: d(5, 1), End: d(6, 1), KWh: 100}}, coeffs,
			[]piece{{d(5, 1), d(6, 1), 250}}, nil},
		{"picks by date", []EnergyInterval{{Start: d(2, 1), End: d(3, 1), KWh: 100}, {Start: d(8, 1), End: d(9, 1), KWh: 100}}, coeffs,
			[]piece{{d(2, 1), d(3, 1), 300}, {d(8, 1), d(9, 1), 200}}, nil},
		{"start on the boundary takes the new one", []EnergyInterval{{Start: d(7, 1), End: d(7, 2), KWh: 10}}, coeffs,
			[]piece{{d(7, 1), d(7, 2), 20}}, nil},
		{"end on the boundary keeps the old one", []EnergyInterval{{Start: d(6, 30), End: d(7, 1), KWh: 10}}, coeffs,
			[]piece{{d(6, 30), d(7, 1), 25}}, nil},
		{"straddling is split by time", []EnergyInterval{{Start: d(6, 21), End: d(7, 11), KWh: 200}}, coeffs,
			[]piece{{d(6, 21), d(7, 1), 100 * 2.5}, {d(7, 1), d(7, 11), 100 * 2}}, nil},
		{"zero-length", []EnergyInterval{{Start: d(3, 1), End: d(3, 1), KWh: 5}}, coeffs,
			[]piece{{d(3, 1), d(3, 1), 15}}, nil},
		{"none valid", []EnergyInterval{{Start: d(1, 1).AddDate(-1, 0, 0), End: d(1, 2), KWh: 5}}, coeffs, nil, ErrNoCoefficient},
		{"hole between validities", []EnergyInterval{{Start: d(3, 1), End: d(5, 1), KWh: 5}},
			[]Coefficient{{From: d(1, 1), To: d(4, 1), M3PerKWh: 3}, {From: d(4, 2), M3PerKWh: 3}}, nil, ErrNoCoefficient},
		{"no coefficients", []EnergyInterval{{Start: d(3, 1), End: d(3, 2), KWh: 5}}, nil, nil, ErrNoCoefficient},
		{"overlap", nil, []Coefficient{{From: d(1, 1), M3PerKWh: 3}, {From: d(4, 2), M3PerKWh: 3}}, nil, ErrInvalidCoefficient},
		{"zero coefficient", nil, []Coefficient{{From: d(1, 1), M3PerKWh: 0}}, nil, ErrInvalidCoefficient},
		{"empty validity", nil, []Coefficient{{From: d(2, 1), To: d(1, 1), M3PerKWh: 1}}, nil, ErrInvalidCoefficient},
		{"negative energy", []EnergyInterval{{Start: d(3, 1), End: d(3, 2), KWh: -1}}, coeffs, nil, ErrInvalidEnergy},
		{"end before start", []EnergyInterval{{Start: d(3, 2), End: d(3, 1), KWh: 1}}, coeffs, nil, ErrInvalidEnergy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Convert(tt.energy, tt.coeffs)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v", got)
			}
			for i, w := range tt.want {
				g := got[i]
				if !g.Start.Equal(w.start) || !g.End.Equal(w.end) || math.Abs(g.VolumeM3-w.vol) > 1e-9 ||
					g.Method != Electricity || !g.Flags.Has(quality.FlagEstimated) {
					t.Errorf("piece %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestConvertKeepsFlags(t *testing.T) {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	got, err := Convert([]EnergyInterval{{Start: from, End: from.Add(time.Hour), KWh: 1, Flags: quality.FlagRateOfChange}},
		[]Coefficient{{From: from, M3PerKWh: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if want := quality.FlagRateOfChange | quality.FlagEstimated; got[0].Flags != want {
		t.Errorf("flags = %v, want %v", got[0].Flags, want)
	}
}

// An electricity meter's readings go through Derive (kWh) and then Convert.
func TestDeriveThenConvert(t *testing.T) {
	readings := []Reading{{t0, 9990}, {t0.Add(24 * time.Hour), 10}, {t0.Add(48 * time.Hour), 30}}
	kwh := Derive(readings, MeterSpec{Rollover: 10000, Multiplier: 2}, nil) // CT ratio 2
	energy := make([]EnergyInterval, len(kwh))
	for i, iv := range kwh {
		energy[i] = EnergyInterval{Start: iv.Start, End: iv.End, KWh: iv.VolumeM3, Flags: iv.Flags}
	}
	vol, err := Convert(energy, []Coefficient{{From: t0.AddDate(-1, 0, 0), M3PerKWh: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	if got := TotalM3(vol); got != (20+20)*2*1.5 {
		t.Errorf("total = %v m³, want 120", got)
	}
}
