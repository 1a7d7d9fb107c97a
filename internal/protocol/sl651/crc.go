package sl651

// crcTable is the lookup table of CRC-16/MODBUS (reflected polynomial 0xA001).
var crcTable = func() (t [256]uint16) {
	for i := range t {
		c := uint16(i)
		for range 8 {
			if c&1 != 0 {
				c = c>>1 ^ 0xA001
			} else {
				c >>= 1
			}
		}
		t[i] = c
	}
	return t
}()

// Checksum returns the CRC-16/MODBUS of b (init 0xFFFF, reflected, no final xor),
// the check code SL 651-2014 puts after the end character. HEX frames transmit it
// high byte first; ASCII frames as four upper-case hex characters.
func Checksum(b []byte) uint16 {
	crc := uint16(0xFFFF)
	for _, c := range b {
		crc = crc>>8 ^ crcTable[byte(crc)^c]
	}
	return crc
}
