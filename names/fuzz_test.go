package names_test

import (
	"bytes"
	"testing"

	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/wf"
)

// FuzzDecode: Decode never panics, and whatever it accepts re-encodes to
// the same bytes and CID (one record, one address).
func FuzzDecode(f *testing.F) {
	for _, r := range []wf.NameRecord{
		record(wf.Target{Function: fn("a"), Weight: 100}),
		func() wf.NameRecord {
			r := record(wf.Target{Function: fn("a"), Weight: 90}, wf.Target{Function: fn("b"), Weight: 10})
			r.Sticky = "cookie:uid"
			return r
		}(),
	} {
		b, _, err := names.Encode(signed(f, r))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"record":{},"signature":"0x"}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sr, err := names.Decode(b)
		if err != nil {
			return
		}
		again, c, err := names.Encode(sr)
		if err != nil {
			t.Fatalf("decoded record does not encode: %v", err)
		}
		if !bytes.Equal(again, b) || c != wf.SumCID(wf.CodecJSON, b) {
			t.Fatalf("accepted a non-canonical record:\n%s\n%s", b, again)
		}
	})
}
