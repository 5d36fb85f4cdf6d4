package minarail_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/wf"
)

func testReceipt(t testing.TB) (*minarail.Receipt, *mina.PrivateKey) {
	k, err := mina.NewPrivateKey(big.NewInt(424242))
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	return &minarail.Receipt{Network: mina.Testnet, Channel: k.PublicKey(), Function: fn, Request: wf.RequestID{1, 2, 3},
		Amount: 1000, Cumulative: 7000}, k
}

// A receipt decodes to what was signed; any change to it, or to the
// network, fails its signature.
func TestReceipt(t *testing.T) {
	r, k := testReceipt(t)
	enc, err := r.Sign(k)
	if err != nil {
		t.Fatal(err)
	}
	got, err := minarail.DecodeReceipt(enc)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cumulative != 7000 || got.Amount != 1000 || !got.Provider.Equal(k.PublicKey()) || got.Request != r.Request {
		t.Fatalf("decoded %+v", got)
	}
	for name, edit := range map[string]func(*minarail.Receipt){
		"amount":     func(r *minarail.Receipt) { r.Amount++ },
		"cumulative": func(r *minarail.Receipt) { r.Cumulative++ },
		"request":    func(r *minarail.Receipt) { r.Request[0]++ },
		"network":    func(r *minarail.Receipt) { r.Network = mina.Mainnet },
	} {
		c := *got
		edit(&c)
		if mina.Verify(c.Provider, c.Fields(), c.Signature, c.Network) {
			t.Errorf("a receipt with another %s verifies", name)
		}
	}
	for _, bad := range []string{"", "!!", enc + "A", strings.Repeat("A", 3000)} {
		if _, err := minarail.DecodeReceipt(bad); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("DecodeReceipt(%.20q): %v", bad, err)
		}
	}
}

func FuzzDecodeReceipt(f *testing.F) {
	r, k := testReceipt(f)
	enc, err := r.Sign(k)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(enc)
	f.Add("eyJ2IjoxfQ")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := minarail.DecodeReceipt(s)
		if err != nil {
			return
		}
		// What decodes was signed by the key it names.
		if !mina.Verify(got.Provider, got.Fields(), got.Signature, got.Network) {
			t.Fatal("a decoded receipt does not verify")
		}
	})
}
