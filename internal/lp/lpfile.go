package lp

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
)

var inf = math.Inf(1)

// WriteLP writes m in CPLEX LP format, readable by `glpsol --lp`. Columns are named
// x<j> and rows r<i> (the caller's names may hold characters the format forbids); a
// ranged row is written as two rows r<i>_lo and r<i>_hi.
func (m *Model) WriteLP(w io.Writer) error {
	if err := m.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', 17, 64) }
	// row-wise terms
	starts, index, values := m.csc()
	type term struct {
		col int
		v   float64
	}
	rows := make([][]term, m.NumRows())
	for j := 0; j < m.NumCols(); j++ {
		for k := starts[j]; k < starts[j+1]; k++ {
			rows[index[k]] = append(rows[index[k]], term{j, values[k]})
		}
	}
	writeTerms := func(ts []term) {
		if len(ts) == 0 {
			fmt.Fprint(bw, " 0 x0")
			return
		}
		for k, t := range ts {
			switch {
			case k > 0 && t.v >= 0:
				fmt.Fprintf(bw, " + %s x%d", num(t.v), t.col)
			case t.v < 0:
				fmt.Fprintf(bw, " - %s x%d", num(-t.v), t.col)
			default:
				fmt.Fprintf(bw, " %s x%d", num(t.v), t.col)
			}
			if k%8 == 7 {
				fmt.Fprint(bw, "\n   ")
			}
		}
	}
	fmt.Fprintln(bw, "\\ written by sishui internal/lp")
	fmt.Fprintln(bw, "Minimize")
	fmt.Fprint(bw, " obj:")
	var obj []term
	for j, c := range m.cost {
		if c != 0 {
			obj = append(obj, term{j, c})
		}
	}
	if m.NumCols() == 0 {
		fmt.Fprint(bw, " 0")
	} else {
		writeTerms(obj)
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "Subject To")
	for i := range m.rowLower {
		lo, hi := m.rowLower[i], m.rowUpper[i]
		switch {
		case lo == hi:
			fmt.Fprintf(bw, " r%d:", i)
			writeTerms(rows[i])
			fmt.Fprintf(bw, " = %s\n", num(lo))
		case lo > -inf && hi < inf:
			fmt.Fprintf(bw, " r%d_lo:", i)
			writeTerms(rows[i])
			fmt.Fprintf(bw, " >= %s\n r%d_hi:", num(lo), i)
			writeTerms(rows[i])
			fmt.Fprintf(bw, " <= %s\n", num(hi))
		case lo > -inf:
			fmt.Fprintf(bw, " r%d:", i)
			writeTerms(rows[i])
			fmt.Fprintf(bw, " >= %s\n", num(lo))
		case hi < inf:
			fmt.Fprintf(bw, " r%d:", i)
			writeTerms(rows[i])
			fmt.Fprintf(bw, " <= %s\n", num(hi))
		default: // free row: constrain nothing, keep the columns known
			fmt.Fprintf(bw, " r%d:", i)
			writeTerms(rows[i])
			fmt.Fprintf(bw, " >= -1e+30\n")
		}
	}
	fmt.Fprintln(bw, "Bounds")
	for j := range m.cost {
		lo, hi := m.colLower[j], m.colUpper[j]
		switch {
		case lo == hi:
			fmt.Fprintf(bw, " x%d = %s\n", j, num(lo))
		case lo == -inf && hi == inf:
			fmt.Fprintf(bw, " x%d free\n", j)
		case lo == -inf:
			fmt.Fprintf(bw, " -inf <= x%d <= %s\n", j, num(hi))
		case hi == inf:
			fmt.Fprintf(bw, " %s <= x%d <= +inf\n", num(lo), j)
		default:
			fmt.Fprintf(bw, " %s <= x%d <= %s\n", num(lo), j, num(hi))
		}
	}
	fmt.Fprintln(bw, "End")
	return bw.Flush()
}
