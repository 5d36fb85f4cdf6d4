package voucher

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

// Tag reuses HMAC states, and Request.AppendBytes writes the bytes a
// signature covers without a buffer of its own: both must agree with the
// straightforward forms, for short requests and long ones, one after the
// other on the same key.
func TestTagIsHMAC(t *testing.T) {
	fn, err := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	if err != nil {
		t.Fatal(err)
	}
	k := &MACKey{k: [32]byte{1, 2, 3, 31: 0xff}}
	for i, r := range []Request{
		{},
		{Provider: wf.Address{1}, Payer: wf.Address{2}, Function: fn, Method: "GET", Path: "/", Seq: 7, BodyHash: BodyHash(nil)},
		{Provider: wf.Address{1}, Payer: wf.Address{2}, Function: fn, Method: "POST", Path: "/" + strings.Repeat("p", 600), RawQuery: "a=1&b=" + strings.Repeat("q", 300), Seq: 1 << 62, BodyHash: BodyHash([]byte("x"))},
	} {
		if got, want := r.Bytes(), plainBytes(r); !bytes.Equal(got, want) {
			t.Errorf("request %d: Bytes\n got %x\nwant %x", i, got, want)
		}
		if got := r.AppendBytes([]byte("pre")); !bytes.Equal(got, append([]byte("pre"), plainBytes(r)...)) {
			t.Errorf("request %d: AppendBytes does not append", i)
		}
		m := hmac.New(sha256.New, k.k[:])
		m.Write(plainBytes(r))
		want := [32]byte(m.Sum(nil))
		if got := k.Tag(r); got != want {
			t.Errorf("request %d: Tag %x, HMAC-SHA256 %x", i, got, want)
		}
		if !k.Verify(r, want) {
			t.Errorf("request %d: Verify refuses the HMAC", i)
		}
		want[0] ^= 1
		if k.Verify(r, want) {
			t.Errorf("request %d: Verify takes a changed tag", i)
		}
	}
}

// plainBytes is Request.Bytes as first written: the signed format.
func plainBytes(r Request) []byte {
	var b bytes.Buffer
	b.WriteString(domain)
	b.Write(r.Provider[:])
	b.Write(r.Payer[:])
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], r.Seq)
	b.Write(n[:])
	for _, s := range []string{r.Function.String(), r.Method, r.Path, r.RawQuery} {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(s)))
		b.Write(l[:])
		b.WriteString(s)
	}
	b.Write(r.BodyHash[:])
	return b.Bytes()
}

func BenchmarkTag(b *testing.B) {
	fn, err := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, make([]byte, 32)...))
	if err != nil {
		b.Fatal(err)
	}
	k := &MACKey{k: [32]byte{1, 2, 3}}
	r := Request{Provider: wf.Address{1}, Payer: wf.Address{2}, Function: fn, Method: "GET", Path: "/", RawQuery: "name=bench", Seq: 7, BodyHash: BodyHash(nil)}
	b.ReportAllocs()
	for b.Loop() {
		k.Tag(r)
	}
}
