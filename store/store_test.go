package store_test

import (
	"errors"
	"testing"

	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

func TestVerify(t *testing.T) {
	data := []byte("hello\n")
	good := wf.SumCID(wf.CodecRaw, data)
	if good.String() != "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am" {
		t.Fatalf("Sum = %s, want what `echo hello | ipfs add --cid-version=1` prints", good)
	}
	identity, _ := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x00, byte(len(data))}, data...))
	blake3, _ := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x1e, 32}, make([]byte, 32)...))
	for _, tc := range []struct {
		name string
		c    wf.CID
		data []byte
		want error
	}{
		{"SHA256", good, data, nil},
		{"SHA256Mismatch", good, []byte("hello"), wf.ErrInvalid},
		{"Identity", identity, data, nil},
		{"IdentityMismatch", identity, []byte("bye"), wf.ErrInvalid},
		{"UnsupportedHash", blake3, data, wf.ErrInvalid},
		{"Undefined", wf.CID{}, data, wf.ErrInvalid},
		{"TooLarge", wf.SumCID(wf.CodecRaw, make([]byte, store.MaxBlockSize+1)), make([]byte, store.MaxBlockSize+1), wf.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := store.Verify(tc.c, tc.data)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("Verify error = %v, want %v", err, tc.want)
			}
		})
	}
	if got, ok := store.Identity(identity); !ok || string(got) != string(data) {
		t.Fatalf("Identity = %q, %v", got, ok)
	}
	if _, ok := store.Identity(good); ok {
		t.Fatal("Identity reports a sha2-256 CID as inline")
	}
}
