package szy206

// crcTable is the byte-wise table for CRC-8 with generator
// x^7+x^6+x^5+x^2+1 (0xE5), MSB first, init 0, no reflection, no final XOR.
var crcTable = func() (t [256]byte) {
	for i := range t {
		c := byte(i)
		for range 8 {
			if c&0x80 != 0 {
				c = c<<1 ^ 0xE5
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return t
}()

// CRC8 returns the SZY 206 / SL/T 427 check byte of b (the user-data area:
// control byte(s), address, AFN, data and AUX).
func CRC8(b []byte) byte {
	var c byte
	for _, x := range b {
		c = crcTable[c^x]
	}
	return c
}
