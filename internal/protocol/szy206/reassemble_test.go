package szy206

import (
	"bytes"
	"errors"
	"testing"
)

func fragment(t *testing.T, addr Address, divs uint8, data string) *Frame {
	t.Helper()
	return &Frame{Control: NewControl(true, true, 3, 0), DIVS: divs, Address: addr, AFN: AFNQueryImage, Data: []byte(data)}
}

func TestReassembler(t *testing.T) {
	a1 := testAddr(t)
	a2 := CodeAddress(0x11223344)
	tests := []struct {
		name    string
		r       Reassembler
		frames  []*Frame
		want    []string // complete messages in order
		wantErr error
		pending int
	}{
		{"three fragments", Reassembler{}, []*Frame{fragment(t, a1, 3, "ab"), fragment(t, a1, 2, "cd"), fragment(t, a1, 1, "ef")}, []string{"abcdef"}, nil, 0},
		{"unsplit frame passes through", Reassembler{}, []*Frame{{Address: a1, Data: []byte("x")}}, []string{"x"}, nil, 0},
		{"single last fragment", Reassembler{}, []*Frame{fragment(t, a1, 1, "z")}, []string{"z"}, nil, 0},
		{"interleaved terminals", Reassembler{}, []*Frame{fragment(t, a1, 2, "a"), fragment(t, a2, 2, "x"), fragment(t, a2, 1, "y"), fragment(t, a1, 1, "b")},
			[]string{"xy", "ab"}, nil, 0},
		{"gap restarts", Reassembler{}, []*Frame{fragment(t, a1, 3, "a"), fragment(t, a1, 1, "c")}, []string{"c"}, ErrSequence, 0},
		{"size bound", Reassembler{MaxBytes: 3}, []*Frame{fragment(t, a1, 3, "ab"), fragment(t, a1, 2, "cd")}, nil, ErrLength, 0},
		{"pending bound evicts oldest", Reassembler{MaxPending: 1}, []*Frame{fragment(t, a1, 2, "a"), fragment(t, a2, 2, "x"), fragment(t, a1, 1, "b")},
			[]string{"b"}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var gotErr error
			for _, f := range tt.frames {
				msg, done, err := tt.r.Add(f)
				if err != nil {
					gotErr = err
				}
				if done {
					got = append(got, string(msg))
				}
			}
			if tt.wantErr == nil && gotErr != nil || tt.wantErr != nil && !errors.Is(gotErr, tt.wantErr) {
				t.Errorf("err %v, want %v", gotErr, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("messages %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("message %d %q, want %q", i, got[i], tt.want[i])
				}
			}
			if tt.r.Pending() != tt.pending {
				t.Errorf("pending %d, want %d", tt.r.Pending(), tt.pending)
			}
		})
	}
}

// TestReassembleEncoded splits a picture with the encoder, frames the byte
// stream, decodes each frame and joins the pieces.
func TestReassembleEncoded(t *testing.T) {
	pic := bytes.Repeat([]byte("JPEG\x68\x16"), 700) // 4200 bytes
	var stream []byte
	const slice = 1024
	n := (len(pic) + slice - 1) / slice
	for k := 0; k < n; k++ {
		part := pic[k*slice : min(len(pic), (k+1)*slice)]
		f := Frame{Control: NewControl(true, true, 3, 0), DIVS: uint8(n - k), Address: testAddr(t), AFN: AFNQueryImage, Picture: true, Data: part}
		var err error
		if stream, err = AppendEncode(stream, &f); err != nil {
			t.Fatal(err)
		}
	}
	var r Reassembler
	var out []byte
	for _, fr := range scanAll(t, bytes.NewReader(stream)) {
		f, err := Decode(fr, ProfileSZY206())
		if err != nil {
			t.Fatal(err)
		}
		msg, done, err := r.Add(f)
		if err != nil {
			t.Fatal(err)
		}
		if done {
			out = msg
		}
	}
	if !bytes.Equal(out, pic) {
		t.Errorf("reassembled %d bytes, want %d", len(out), len(pic))
	}
}
