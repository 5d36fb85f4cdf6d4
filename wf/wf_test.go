package wf_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

func TestCIDRoundTrip(t *testing.T) {
	for _, s := range []string{
		"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", // raw, empty file
		"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", // dag-pb
		"QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n",              // CIDv0
	} {
		c, err := wf.ParseCID(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if c.String() != s {
			t.Errorf("String() = %s, want %s", c, s)
		}
		if b, err := c.AppendText([]byte("x")); err != nil || string(b) != "x"+s {
			t.Errorf("AppendText = %q, %v; want %q", b, err, "x"+s)
		}
		again, err := wf.CIDFromBytes(c.Bytes())
		if err != nil || again != c {
			t.Errorf("%s: bytes round trip: %v", s, err)
		}
		j, _ := json.Marshal(c)
		var back wf.CID
		if err := json.Unmarshal(j, &back); err != nil || back != c {
			t.Errorf("%s: JSON round trip: %v", s, err)
		}
	}
	c, _ := wf.ParseCID("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n")
	if c.Version() != 0 || c.Codec() != wf.CodecDagPB {
		t.Errorf("CIDv0: version %d codec %x", c.Version(), c.Codec())
	}
}

func TestParseCIDRejects(t *testing.T) {
	for _, s := range []string{"", "b", "not-a-cid", "bafkrei", "Qm123", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyk",
		"bciqdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvykuaa"} {
		if _, err := wf.ParseCID(s); !errors.Is(err, wf.ErrInvalid) || !errors.Is(err, wf.ErrBadCID) {
			t.Errorf("ParseCID(%q) = %v, want ErrBadCID (an ErrInvalid)", s, err)
		}
	}
	var zero wf.CID
	if zero.Defined() {
		t.Error("zero CID is defined")
	}
	if _, err := json.Marshal(zero); err == nil {
		t.Error("zero CID marshals")
	}
}

func TestAddress(t *testing.T) {
	a, err := wf.ParseAddress("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
	if err != nil || a.String() != "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266" {
		t.Fatalf("%v %s", err, a)
	}
	for _, s := range []string{"", "0x", "f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0xzz9fd6e51aad88f6f4ce6ab8827279cfffb92266", "0x0000000000000000000000000000000000000000"} {
		if _, err := wf.ParseAddress(s); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("ParseAddress(%q) = %v", s, err)
		}
	}
}

func TestErrorKinds(t *testing.T) {
	err := wf.E(wf.ErrTimeout, "function timed out after 1s", errors.New("deadline"))
	if !errors.Is(err, wf.ErrTimeout) || errors.Is(err, wf.ErrInvalid) {
		t.Fatal("E does not match its kind only")
	}
}

func TestDecodeJSON(t *testing.T) {
	type msg struct {
		A int `json:"a"`
	}
	for _, tc := range []struct {
		name, in string
		ok       bool
	}{
		{"object", `{"a":1}`, true},
		{"trailing whitespace", "{\"a\":1}\n", true},
		{"unknown field", `{"a":1,"b":2}`, false},
		{"trailing brace", `{"a":1}}`, false},
		{"trailing bracket", `{"a":1}]`, false},
		{"second object", `{"a":1}{"a":2}`, false},
		{"trailing garbage", "{\"a\":1}x\xff", false},
		{"empty", ``, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m msg
			if err := wf.DecodeJSON([]byte(tc.in), &m); (err == nil) != tc.ok {
				t.Fatalf("DecodeJSON(%q) = %v, want ok %v", tc.in, err, tc.ok)
			}
		})
	}
}

func TestHeaderPrefix(t *testing.T) {
	for _, h := range []string{wf.VoucherHeader, wf.PriceHeader, wf.ReceiptHeader, wf.DurationHeader, wf.RouteHeader, wf.HopsHeader} {
		if !strings.HasPrefix(http.CanonicalHeaderKey(h), wf.HeaderPrefix) {
			t.Errorf("%s does not start with %s once canonical", h, wf.HeaderPrefix)
		}
	}
}

func TestSumCID(t *testing.T) {
	// The empty file as kubo adds it with raw leaves.
	if got := wf.SumCID(wf.CodecRaw, nil).String(); got != "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" {
		t.Errorf("SumCID(raw, empty) = %s", got)
	}
	b := []byte(`{"spec":{}}`)
	sum := sha256.Sum256(b)
	want, err := wf.NewCIDv1(wf.CodecJSON, append([]byte{0x12, 0x20}, sum[:]...))
	if err != nil {
		t.Fatal(err)
	}
	if got := wf.SumCID(wf.CodecJSON, b); got != want || got.Codec() != wf.CodecJSON || got.Version() != 1 {
		t.Errorf("SumCID(json, %s) = %s, want %s", b, got, want)
	}
	if again, err := wf.CIDFromBytes(want.Bytes()); err != nil || again != want {
		t.Errorf("SumCID's bytes do not parse back: %v", err)
	}
}

func TestKeyIDOf(t *testing.T) {
	enc := []byte("WFPK\x01 a sealing public key")
	id := wf.KeyIDOf(enc)
	if want := sha256.Sum256(enc); id != wf.KeyID(want) || id.IsZero() {
		t.Errorf("KeyIDOf = %s, want the SHA-256 of the encoding", id)
	}
	if back, err := wf.ParseKeyID(id.String()); err != nil || back != id {
		t.Errorf("ParseKeyID(String()) = %s, %v", back, err)
	}
	if !wf.KeyIDOf(nil).IsZero() {
		t.Error("no key has a valid id")
	}
}

// The examples of EIP-55, and the first account of the usual dev mnemonic.
func TestAddressChecksum(t *testing.T) {
	for _, want := range []string{
		"0x52908400098527886E0F7030069857D2E4169EE7",
		"0x8617E340B3D01FA5F11F306F4090FD50E238070D",
		"0xde709f2102306220921060314715629080e2fb77",
		"0x27b1fdb04752bbc536007a920d24acb045561c26",
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
		"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
		"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
		"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
		"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
	} {
		for _, in := range []string{want, strings.ToLower(want), "0x" + strings.ToUpper(want[2:])} {
			a, err := wf.ParseAddress(in)
			if err != nil {
				t.Fatalf("ParseAddress(%s): %v", in, err)
			}
			if got := a.Checksum(); got != want {
				t.Errorf("Checksum(%s) = %s, want %s", in, got, want)
			}
			if a.String() != strings.ToLower(want) {
				t.Errorf("String() = %s, want lower case", a)
			}
			if b, _ := a.MarshalText(); string(b) != strings.ToLower(want) {
				t.Errorf("MarshalText() = %s, want lower case (specs sign this form)", b)
			}
		}
	}
}
