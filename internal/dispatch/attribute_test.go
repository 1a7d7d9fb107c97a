package dispatch

import (
	"math"
	"reflect"
	"testing"
)

func f(v float64) *float64 { return &v }

// Hand-computed: planned 100,000 m³ on a forecast demand of 120,000.
//
//  1. Demand rose to 130,000 (+10,000), so the target is 110,000; the river brought
//     only 90,000, 20,000 short of it (inflow −20,000); the work moved 85,000: the
//     deviation −15,000 = +10,000 − 20,000 − 5,000 (operation: 5,000 left unused).
//  2. The same without an inflow reading: the operation takes −25,000.
//  3. Demand fell to 100,000 (−20,000): the target 80,000 lies within the 90,000 that
//     came, so the inflow explains nothing; moving 85,000 is +5,000 by operation.
func TestAttributeByHand(t *testing.T) {
	o := Order{Work: "intake_a", VolumeM3: 100_000, ForecastDemandM3: 120_000, ForecastInflowM3: 500_000}
	for _, c := range []struct {
		a                    Actual
		dev, dem, inflow, op float64
		missing              []string
	}{
		{Actual{f(85_000), f(130_000), f(90_000)}, -15_000, 10_000, -20_000, -5_000, nil},
		{Actual{f(85_000), f(130_000), nil}, -15_000, 10_000, 0, -25_000, []string{"actual_inflow"}},
		{Actual{f(85_000), f(100_000), f(90_000)}, -15_000, -20_000, 0, 5_000, nil},
		{Actual{f(0), f(130_000), f(0)}, -100_000, 10_000, -110_000, 0, nil},
	} {
		d, ok := Attribute(o, c.a)
		if !ok {
			t.Fatal("no deviation")
		}
		if d.DeviationM3 != c.dev || d.DemandM3 != c.dem || d.InflowM3 != c.inflow || d.OperationM3 != c.op || !reflect.DeepEqual(d.Missing, c.missing) {
			t.Errorf("got %+v, want dev %v demand %v inflow %v operation %v missing %v", d, c.dev, c.dem, c.inflow, c.op, c.missing)
		}
		if math.Abs(d.DemandM3+d.InflowM3+d.OperationM3-d.DeviationM3) > 1e-6 {
			t.Errorf("parts do not add up: %+v", d)
		}
	}
	if _, ok := Attribute(o, Actual{}); ok {
		t.Error("a deviation without an actual volume")
	}
}
