package szy206

import "testing"

func crcBitwise(b []byte) byte {
	var c byte
	for _, x := range b {
		c ^= x
		for range 8 {
			if c&0x80 != 0 {
				c = c<<1 ^ 0xE5
			} else {
				c <<= 1
			}
		}
	}
	return c
}

func TestCRC8(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want byte
	}{
		{"check string", []byte("123456789"), 0xF7},
		{"empty", nil, 0x00},
		{"hm1212 confirm rule", mustHex(t, "335303810D00C000"), 0x3E},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CRC8(tt.in); got != tt.want {
				t.Errorf("CRC8 = %02X, want %02X", got, tt.want)
			}
		})
	}
}

func TestCRC8TableMatchesBitwise(t *testing.T) {
	for i := range 256 {
		b := []byte{byte(i), byte(i * 7), 0x68}
		if CRC8(b) != crcBitwise(b) {
			t.Fatalf("table and bitwise CRC differ for % X", b)
		}
	}
}
