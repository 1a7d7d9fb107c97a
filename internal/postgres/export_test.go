package postgres

// Hooks for the external tests (package postgres_test).

// IngestStatement is the name of the group commit's prepared statement in
// its fast form, and IngestSafeStatement in its safe form (for resends).
var (
	IngestStatement     = ingestForms[0][0].name
	IngestSafeStatement = ingestForms[1][0].name
)

// SafeAfterConflict is safeAfterConflict.
const SafeAfterConflict = safeAfterConflict

// DecodeInt8Array is decodeInt8Array.
var DecodeInt8Array = decodeInt8Array

// PostgreSQL type OIDs of the arrays (the store's statement takes its
// parameter types from its casts).
const (
	oidByteaArray  = 1001
	oidInt4Array   = 1007
	oidTextArray   = 1009
	oidInt8Array   = 1016
	oidFloat8Array = 1022
)

// EncodeArray encodes values ([]int32, []int64, []float64, []string or
// [][]byte) as one binary array parameter and returns it with the array's
// type OID.
func EncodeArray(values any) ([]byte, uint32) {
	var a arrayBuf
	var oid uint32
	switch v := values.(type) {
	case []int32:
		a.int4Array(len(v), func(i int) int32 { return v[i] })
		oid = oidInt4Array
	case []int64:
		a.int8Array(len(v), func(i int) int64 { return v[i] })
		oid = oidInt8Array
	case []float64:
		a.float8Array(len(v), func(i int) float64 { return v[i] })
		oid = oidFloat8Array
	case []string:
		a.textArray(len(v), func(i int) string { return v[i] })
		oid = oidTextArray
	case [][]byte:
		a.byteaArray(len(v), func(i int) []byte { return v[i] })
		oid = oidByteaArray
	default:
		panic("EncodeArray: unsupported type")
	}
	return a.values()[0], oid
}
