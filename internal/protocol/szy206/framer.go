package szy206

import "bytes"

// SplitFrames is a bufio.SplitFunc that yields one raw SZY 206 frame per
// token. It resynchronises on garbage: it skips to the next 68H L 68H with a
// plausible L (ordinary L ≥ 7, or a picture frame's 1…MaxPictureL with a
// bounded 16-bit count), waits for L+5 bytes (MaxFrameLen at most; picture
// frames MaxPictureFrameLen) and requires the 16H end byte. A candidate with
// a bad check byte is still returned (so it can be archived and reported as
// ErrChecksum by Decode) unless a valid frame starts inside it, in which case
// the bytes before that frame are dropped as garbage. It never returns an
// error; at EOF an incomplete tail is discarded.
func SplitFrames(data []byte, atEOF bool) (advance int, token []byte, err error) {
	i := 0
	for {
		k := bytes.IndexByte(data[i:], StartByte)
		if k < 0 {
			return len(data), nil, nil
		}
		i += k
		n, st := candidate(data[i:])
		switch st {
		case candBad:
			i++
			continue
		case candShort:
			// A complete valid frame further on means this start was garbage.
			if j := nextValid(data, i+1, len(data)); j >= 0 {
				i = j
				continue
			}
			if atEOF {
				i++
				continue
			}
			return i, nil, nil
		}
		// Complete candidate data[i:i+n] ending in 16H.
		if !checkOK(data[i : i+n]) {
			if j := nextValid(data, i+1, i+n); j >= 0 {
				i = j
				continue
			}
		}
		return i + n, data[i : i+n], nil
	}
}

type candState uint8

const (
	candOK candState = iota
	candShort
	candBad
)

// candidate inspects a possible frame at b[0] == 68H. It returns its length
// and candOK when complete and ending in 16H, candShort when more bytes are
// needed, candBad when it cannot be a frame.
func candidate(b []byte) (int, candState) {
	if len(b) < 3 {
		return 0, candShort
	}
	if b[2] != StartByte || b[1] == 0 {
		return 0, candBad
	}
	var n int
	if b[1] <= MaxPictureL {
		h := 4 + 5 + 1
		if len(b) < 4 {
			return 0, candShort
		}
		if Control(b[3]).Split() {
			h++
		}
		if len(b) < h+2 {
			return 0, candShort
		}
		c := int(b[h]) | int(b[h+1])<<8
		if c == 0 || c > int(b[1])*pictureUnit {
			return 0, candBad
		}
		n = h + 2 + c + 2
	} else {
		n = int(b[1]) + 5
	}
	if len(b) < n {
		return n, candShort
	}
	if b[n-1] != EndByte {
		return 0, candBad
	}
	return n, candOK
}

func checkOK(fr []byte) bool { return CRC8(fr[3:len(fr)-2]) == fr[len(fr)-2] }

// nextValid returns the index of the first complete, check-byte-valid frame
// starting in data[from:to], or -1.
func nextValid(data []byte, from, to int) int {
	for j := from; j < to; j++ {
		k := bytes.IndexByte(data[j:to], StartByte)
		if k < 0 {
			return -1
		}
		j += k
		if n, st := candidate(data[j:]); st == candOK && checkOK(data[j:j+n]) {
			return j
		}
	}
	return -1
}
