package postgres

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

// PostgreSQL type OIDs of the array elements the store sends (pg_type).
const (
	oidBytea  = 17
	oidInt8   = 20
	oidInt4   = 23
	oidText   = 25
	oidFloat8 = 701
)

// binaryFormat is the format code list meaning "all binary" for parameters
// and result columns alike.
var binaryFormat = []int16{1}

// arrayBuf encodes one-dimensional arrays without NULLs in PostgreSQL's
// binary array format (array_recv), one after another into a single buffer,
// each becoming one statement parameter. Header: number of dimensions, a
// has-NULLs flag, the element type OID, then for the dimension its length
// and lower bound (1); then each element as its length and its bytes (int4,
// int8 and float8 big-endian, text as UTF-8, bytea raw). An empty array has
// no dimensions (as the server itself sends it). A buffer is reused through
// arrayBufs, so that encoding a commit allocates next to nothing.
type arrayBuf struct {
	buf    []byte
	ends   []int    // end offset in buf of each array
	params [][]byte // the arrays as parameters, filled by values
	ids    []int64  // decoded result ids, reused
}

var arrayBufs = sync.Pool{New: func() any { return new(arrayBuf) }}

func (a *arrayBuf) reset() {
	a.buf, a.ends = a.buf[:0], a.ends[:0]
}

// begin writes the header of an array of n elements of type elem.
func (a *arrayBuf) begin(elem uint32, n int) {
	if n == 0 {
		a.buf = appendUint32s(a.buf, 0, 0, elem)
		return
	}
	a.buf = appendUint32s(a.buf, 1, 0, elem, uint32(n), 1)
}

// end closes the array begun last.
func (a *arrayBuf) end() { a.ends = append(a.ends, len(a.buf)) }

func appendUint32s(b []byte, vs ...uint32) []byte {
	for _, v := range vs {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

// int4Array adds an int4[] of n elements, the i-th being at(i).
func (a *arrayBuf) int4Array(n int, at func(int) int32) {
	a.begin(oidInt4, n)
	for i := range n {
		a.buf = binary.BigEndian.AppendUint32(a.buf, 4)
		a.buf = binary.BigEndian.AppendUint32(a.buf, uint32(at(i)))
	}
	a.end()
}

// int8Array adds an int8[] of n elements, the i-th being at(i).
func (a *arrayBuf) int8Array(n int, at func(int) int64) {
	a.array8(oidInt8, n, func(i int) uint64 { return uint64(at(i)) })
}

// float8Array adds a float8[] of n elements, the i-th being at(i); NaN,
// infinities and -0 travel bit for bit.
func (a *arrayBuf) float8Array(n int, at func(int) float64) {
	a.array8(oidFloat8, n, func(i int) uint64 { return math.Float64bits(at(i)) })
}

// array8 adds an array of n 8-byte elements of type elem.
func (a *arrayBuf) array8(elem uint32, n int, at func(int) uint64) {
	a.begin(elem, n)
	for i := range n {
		a.buf = binary.BigEndian.AppendUint32(a.buf, 8)
		a.buf = binary.BigEndian.AppendUint64(a.buf, at(i))
	}
	a.end()
}

// textArray adds a text[] of n elements, the i-th being at(i) (UTF-8; the
// server rejects invalid UTF-8 and NUL bytes, as it does in any text).
func (a *arrayBuf) textArray(n int, at func(int) string) { arrayOfBytes(a, oidText, n, at) }

// byteaArray adds a bytea[] of n elements, the i-th being at(i); nil is
// sent as an empty value, not NULL.
func (a *arrayBuf) byteaArray(n int, at func(int) []byte) { arrayOfBytes(a, oidBytea, n, at) }

// arrayOfBytes adds an array of n elements of type elem sent as their bytes.
func arrayOfBytes[T string | []byte](a *arrayBuf, elem uint32, n int, at func(int) T) {
	a.begin(elem, n)
	for i := range n {
		v := at(i)
		a.buf = binary.BigEndian.AppendUint32(a.buf, uint32(len(v)))
		a.buf = append(a.buf, v...)
	}
	a.end()
}

// values returns the arrays added since reset as parameter values. They
// point into the buffer: valid until the next reset.
func (a *arrayBuf) values() [][]byte {
	a.params = a.params[:0]
	start := 0
	for _, e := range a.ends {
		a.params = append(a.params, a.buf[start:e:e])
		start = e
	}
	return a.params
}

// decodeInt8 decodes a binary int8.
func decodeInt8(src []byte) (int64, error) {
	if len(src) != 8 {
		return 0, fmt.Errorf("int8 of %d bytes", len(src))
	}
	return int64(binary.BigEndian.Uint64(src)), nil
}

// decodeInt8Array appends the elements of a binary one-dimensional int8[]
// without NULLs to dst.
func decodeInt8Array(dst []int64, src []byte) ([]int64, error) {
	if len(src) < 12 {
		return dst, errors.New("int8[]: short header")
	}
	ndim, elem := binary.BigEndian.Uint32(src), binary.BigEndian.Uint32(src[8:])
	if elem != oidInt8 {
		return dst, fmt.Errorf("int8[]: element type %d", elem)
	}
	if ndim == 0 {
		return dst, nil
	}
	if ndim != 1 || len(src) < 20 {
		return dst, fmt.Errorf("int8[]: %d dimensions", ndim)
	}
	n := int(binary.BigEndian.Uint32(src[12:]))
	src = src[20:]
	if len(src) != 12*n {
		return dst, fmt.Errorf("int8[]: %d bytes for %d elements", len(src), n)
	}
	for range n {
		if l := int32(binary.BigEndian.Uint32(src)); l != 8 {
			return dst, fmt.Errorf("int8[]: element of length %d", l)
		}
		dst = append(dst, int64(binary.BigEndian.Uint64(src[4:])))
		src = src[12:]
	}
	return dst, nil
}
