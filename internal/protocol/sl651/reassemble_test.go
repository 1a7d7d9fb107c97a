package sl651

import (
	"bytes"
	"errors"
	"testing"
)

func imagePackets(t *testing.T, station string, size, slice int) (*Frame, []*Frame) {
	t.Helper()
	f := simReport(FormatHEX)
	f.Station, _ = ParseAddress(station)
	f.Function = FuncImage
	pic := make([]byte, size)
	for i := range pic {
		pic[i] = byte(i * 7)
	}
	f.Elements = []Element{{ID: "PIC", Code: CodePIC, Def: 0xF3, Raw: pic, Observed: f.Observed}}
	raw, err := EncodePackets(f, slice)
	if err != nil {
		t.Fatal(err)
	}
	var out []*Frame
	for _, b := range raw {
		p, err := Decode(b)
		if err != nil {
			t.Fatalf("decode packet: %v", err)
		}
		out = append(out, p)
	}
	return f, out
}

func TestReassembler(t *testing.T) {
	t.Run("out of order with a duplicate", func(t *testing.T) {
		orig, packets := imagePackets(t, "0012345678", 3000, 1000)
		if len(packets) != 4 || packets[0].Packet != (Packet{4, 1}) || packets[3].End != ETX || packets[1].End != ETB {
			t.Fatalf("packets %d %+v", len(packets), packets[0].Packet)
		}
		var r Reassembler
		order := []int{2, 0, 2, 3}
		for _, i := range order {
			if _, done, err := r.Add(packets[i]); err != nil || done {
				t.Fatalf("add %d: done %v err %v", i, done, err)
			}
		}
		if m := r.Missing(packets[0]); len(m) != 1 || m[0] != 2 {
			t.Errorf("missing %v, want [2]", m)
		}
		nak, err := Encode(NewNAK(packets[0], 2))
		if err != nil {
			t.Fatal(err)
		}
		if n := mustDecode(t, nak); n.End != NAK || n.Packet != (Packet{4, 2}) || n.Direction != Down {
			t.Errorf("NAK %+v", n)
		}
		body, done, err := r.Add(packets[1])
		if err != nil || !done {
			t.Fatalf("done %v err %v", done, err)
		}
		var d Decoder
		g := *packets[1]
		if err := d.DecodeBody(body, &g); err != nil {
			t.Fatal(err)
		}
		if g.Serial != orig.Serial || !g.Sent.Equal(orig.Sent) || !bytes.Equal(g.Elements[0].Raw, orig.Elements[0].Raw) {
			t.Errorf("reassembled serial %d picture %d bytes", g.Serial, len(g.Elements[0].Raw))
		}
		if n, b := r.Pending(); n != 0 || b != 0 {
			t.Errorf("pending %d/%d", n, b)
		}
		c := mustDecode(t, mustEncode(t, NewConfirm(&g, EOT)))
		if c.Start != SYN || c.Packet != (Packet{4, 4}) || c.Serial != orig.Serial || c.End != EOT {
			t.Errorf("M3 confirm %+v", c)
		}
	})
	t.Run("message count bound drops the oldest", func(t *testing.T) {
		r := Reassembler{MaxMessages: 2}
		stations := []string{"0000000001", "0000000002", "0000000003"}
		var first []*Frame
		for _, s := range stations {
			_, p := imagePackets(t, s, 300, 100)
			first = append(first, p[0])
			if _, _, err := r.Add(p[0]); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := r.Pending(); n != 2 || r.Missing(first[0]) != nil || r.Missing(first[2]) == nil {
			t.Errorf("pending %d, oldest kept %v", n, r.Missing(first[0]))
		}
	})
	t.Run("byte bound", func(t *testing.T) {
		r := Reassembler{MaxBytes: 250}
		_, p := imagePackets(t, "0000000009", 600, 100)
		var err error
		for _, pk := range p {
			if _, _, err = r.Add(pk); err != nil {
				break
			}
		}
		if !errors.Is(err, ErrLength) {
			t.Errorf("err %v, want ErrLength", err)
		}
		if n, b := r.Pending(); n != 0 || b != 0 {
			t.Errorf("pending %d/%d after overflow", n, b)
		}
	})
	t.Run("new total restarts the message", func(t *testing.T) {
		var r Reassembler
		_, a := imagePackets(t, "0000000007", 300, 100)
		_, b := imagePackets(t, "0000000007", 300, 200)
		r.Add(a[0])
		r.Add(b[0])
		if m := r.Missing(b[0]); len(m) != 1 || m[0] != 2 {
			t.Errorf("missing %v", m)
		}
	})
	t.Run("bad packets", func(t *testing.T) {
		var r Reassembler
		single := simReport(FormatHEX)
		if _, _, err := r.Add(single); !errors.Is(err, ErrPacket) {
			t.Errorf("STX frame: %v", err)
		}
		_, p := imagePackets(t, "0000000008", 300, 100)
		bad := *p[0]
		bad.Packet.Seq = 9
		if _, _, err := r.Add(&bad); !errors.Is(err, ErrPacket) {
			t.Errorf("seq 9 of 3: %v", err)
		}
	})
}

func mustEncode(t *testing.T, f *Frame) []byte {
	t.Helper()
	b, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
