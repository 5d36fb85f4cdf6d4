package dag_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multibase"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// FuzzImportCAR: ImportCAR never panics, fails only with wf.ErrInvalid or
// wf.ErrTooLarge, and every block it stores re-verifies against its CID.
func FuzzImportCAR(f *testing.F) {
	ctx := context.Background()
	s := memstore.New()
	root, err := dag.AddFile(ctx, s, bytes.NewReader(bytes.Repeat([]byte("fuzz"), 70000)))
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dag.ExportCAR(ctx, s, root, &buf); err != nil {
		f.Fatal(err)
	}
	small := memstore.New()
	sroot, _ := dag.AddFile(ctx, small, strings.NewReader("hello"))
	var sbuf bytes.Buffer
	dag.ExportCAR(ctx, small, sroot, &sbuf)
	f.Add(sbuf.Bytes())
	f.Add(buf.Bytes()[:600])
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Add([]byte{0x0a, 0xa1, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x02})

	f.Fuzz(func(t *testing.T, in []byte) {
		dst := memstore.New()
		roots, err := dag.ImportCAR(ctx, bytes.NewReader(in), dst, dag.Limits{MaxBytes: 1 << 20})
		if err != nil {
			if !errors.Is(err, wf.ErrInvalid) && !errors.Is(err, wf.ErrTooLarge) {
				t.Fatalf("error wraps neither wf.ErrInvalid nor wf.ErrTooLarge: %v", err)
			}
		} else if len(roots) == 0 {
			t.Fatal("success without roots")
		}
		for _, c := range dst.CIDs() {
			b, _ := dst.Get(ctx, c)
			if err := store.Verify(c, b); err != nil {
				t.Fatalf("stored block fails verification: %v", err)
			}
		}
	})
}

// FuzzParseCID checks wf.ParseCID (stdlib only) against go-cid. Whenever
// wf accepts a string, go-cid must accept it too and decode it to the same
// bytes, and wf's canonical text must read back to the same CID. Where
// go-cid accepts a string in a form wf supports (base32 "b", base58btc "z",
// CIDv0 "Qm…"), wf must accept it too, except where wf is stricter on
// purpose (see wfStricter).
func FuzzParseCID(f *testing.F) {
	for _, s := range []string{
		"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
		"bafybeifxjc3yimngq6irfec7e5za5zoxbcm5yir44cniapilsb7gnvccyy",
		"BAFYBEIFXJC3YIMNGQ6IRFEC7E5ZA5ZOXBCM5YIR44CNIAPILSB7GNVCCYY",
		"QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n",
		"zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA",
		"bafkqaaa",
		"mAXASIA",
		"b",
		// Non-minimal varints (version, codec, multihash code, length).
		"bqeafkerafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq",
		"bahkqaerafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq",
		"bafkzeabafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq",
		"bafkrfiaafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, werr := wf.ParseCID(s)
		g, gerr := cid.Decode(s)
		if werr == nil {
			if gerr != nil {
				t.Fatalf("wf.ParseCID(%q) = %x, go-cid rejects it: %v", s, w.Bytes(), gerr)
			}
			if !bytes.Equal(w.Bytes(), g.Bytes()) {
				t.Fatalf("wf.ParseCID(%q) = %x, go-cid decodes %x", s, w.Bytes(), g.Bytes())
			}
			if w.String() != g.String() {
				t.Fatalf("%q: wf prints %s, go-cid prints %s", s, w, g)
			}
			if back, err := wf.ParseCID(w.String()); err != nil || back != w {
				t.Fatalf("%q: String %s does not parse back: %v", s, w, err)
			}
			if canon := canonicalText(s, g); s != canon {
				t.Fatalf("wf.ParseCID accepts %q, a second text form of %s", s, canon)
			}
			return
		}
		if gerr == nil && supportedForm(s) && !wfStricter(s, g) {
			t.Fatalf("go-cid accepts %q (%x) but wf.ParseCID says: %v", s, g.Bytes(), werr)
		}
	})
}

// supportedForm reports whether s is written in a form wf.ParseCID reads.
func supportedForm(s string) bool {
	if len(s) == 46 && strings.HasPrefix(s, "Qm") {
		return true
	}
	return len(s) > 0 && strings.ContainsRune("bBz", rune(s[0]))
}

// canonicalText is the one text form of g in the base s is written in.
func canonicalText(s string, g cid.Cid) string {
	switch {
	case s[0] == 'z':
		t, _ := g.StringOfBase(multibase.Base58BTC)
		return t
	case s[0] == 'B':
		t, _ := g.StringOfBase(multibase.Base32Upper)
		return t
	}
	return g.String()
}

// wfStricter lists what wf rejects on purpose although go-cid accepts it:
// a CIDv0 written with a multibase prefix, multihash digests over 128
// bytes, sha2-256 digests that are not 32 bytes, text over 256 bytes, and
// any base32 text but the canonical one (go-multibase, like encoding/base32,
// skips line breaks, ignores the unused bits of the last character and
// reads "b" text in either case).
func wfStricter(s string, g cid.Cid) bool {
	p := g.Prefix()
	return g.Version() == 0 && s[0] != 'Q' ||
		(s[0] == 'b' || s[0] == 'B') && canonicalText(s, g) != s ||
		p.MhLength > 128 ||
		p.MhType == wf.HashSHA2256 && p.MhLength != 32 ||
		len(s) > 256
}

// TestParseCIDNonMinimalVarint: varints that are not minimally encoded
// (0xd5 0x00 for codec 0x55, 0x81 0x00 for version 1) would give one CID
// several binary forms, so wf.CID == would stop meaning "same CID".
// go-cid rejects them, and so must wf.
func TestParseCIDNonMinimalVarint(t *testing.T) {
	for _, tc := range []struct{ name, s string }{
		{"Version", "bqeafkerafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq"},         // 81 00 55 12 20 ...
		{"Codec", "bahkqaerafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq"},           // 01 d5 00 12 20 ...
		{"MultihashCode", "bafkzeabafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq"},   // 01 55 92 00 20 ...
		{"MultihashLength", "bafkrfiaafvyrmqvxe2yeialcpsu7xlbs6xefgd5rsa6mjwycewdrpeq2jcaq"}, // 01 55 12 a0 00 ...
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := cid.Decode(tc.s); err == nil {
				t.Fatalf("go-cid accepts %q", tc.s)
			}
			if c, err := wf.ParseCID(tc.s); err == nil {
				t.Fatalf("wf.ParseCID(%q) = %x, want an error", tc.s, c.Bytes())
			}
		})
	}
}
