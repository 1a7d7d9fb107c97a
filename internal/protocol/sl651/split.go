package sl651

// SplitFrames is a bufio.SplitFunc that yields whole SL 651 frames (HEX or
// ASCII) from a byte stream. It resynchronises on garbage by skipping to the
// next 7E7E or SOH that starts a structurally valid frame (plausible header,
// length within MaxFrameLen, end character in place), and never returns an
// error: garbage and incomplete frames at EOF are skipped. The CRC is not
// checked here, so that frames with bad checksums reach the decoder (and the
// raw archive). Use a Framer to count skipped bytes.
func SplitFrames(data []byte, atEOF bool) (advance int, token []byte, err error) {
	adv, tok, _ := split(data, atEOF)
	return adv, tok, nil
}

// Framer is a stateful SplitFrames that counts what it yields and skips.
// Use its Split method with bufio.Scanner. Not safe for concurrent use.
type Framer struct {
	Frames  int64 // frames returned
	Skipped int64 // garbage bytes skipped
}

// Split is a bufio.SplitFunc; see SplitFrames.
func (fr *Framer) Split(data []byte, atEOF bool) (advance int, token []byte, err error) {
	adv, tok, skipped := split(data, atEOF)
	fr.Skipped += int64(skipped)
	if tok != nil {
		fr.Frames++
	}
	return adv, tok, nil
}

type candidate uint8

const (
	candInvalid candidate = iota
	candNeedMore
	candOK
)

func split(data []byte, atEOF bool) (advance int, token []byte, skipped int) {
	i := 0
	for i < len(data) {
		j := i
		for j < len(data) && data[j] != 0x7E && data[j] != SOH {
			j++
		}
		if j == len(data) {
			break
		}
		n, st := frameAt(data[j:])
		switch st {
		case candOK:
			return j + n, data[j : j+n : j+n], j
		case candNeedMore:
			if !atEOF {
				return j, nil, j
			}
		}
		i = j + 1
	}
	return len(data), nil, len(data)
}

// frameAt checks whether a frame starts at d[0] and returns its length.
func frameAt(d []byte) (int, candidate) {
	if d[0] == 0x7E {
		return hexFrameAt(d)
	}
	return asciiFrameAt(d)
}

func hexFrameAt(d []byte) (int, candidate) {
	if len(d) < 2 {
		return 0, candNeedMore
	}
	if d[1] != 0x7E {
		return 0, candInvalid
	}
	if len(d) < 14 {
		if len(d) >= 12 && d[11]>>4 != 0 && d[11]>>4 != 8 {
			return 0, candInvalid
		}
		return 0, candNeedMore
	}
	if d[11]>>4 != 0 && d[11]>>4 != 8 {
		return 0, candInvalid
	}
	n := int(d[11]&0x0F)<<8 | int(d[12])
	switch d[13] {
	case STX:
	case SYN:
		if n < 3 {
			return 0, candInvalid
		}
	default:
		return 0, candInvalid
	}
	total := n + hexOverhead
	if len(d) < total {
		return 0, candNeedMore
	}
	if !validEnd(d[total-3]) {
		return 0, candInvalid
	}
	return total, candOK
}

func asciiFrameAt(d []byte) (int, candidate) {
	lim := min(len(d), 23)
	for i := 1; i < lim; i++ {
		if _, ok := hexVal(d[i]); !ok {
			return 0, candInvalid
		}
	}
	if len(d) > 19 && d[19] != '0' && d[19] != '8' {
		return 0, candInvalid
	}
	if len(d) < 24 {
		return 0, candNeedMore
	}
	l, _ := parseHexText(d[20:23])
	n := int(l)
	switch d[23] {
	case STX:
	case SYN:
		if n < 6 {
			return 0, candInvalid
		}
	default:
		return 0, candInvalid
	}
	total := n + ascOverhead
	if len(d) < total {
		return 0, candNeedMore
	}
	if !validEnd(d[total-5]) {
		return 0, candInvalid
	}
	for _, c := range d[total-4 : total] {
		if _, ok := hexVal(c); !ok {
			return 0, candInvalid
		}
	}
	return total, candOK
}
