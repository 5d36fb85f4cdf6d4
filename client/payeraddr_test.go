package client_test

import (
	"math/big"
	"sync/atomic"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// countingSigner counts its Address calls.
type countingSigner struct {
	wf.Signer
	n atomic.Int64
}

func (s *countingSigner) Address() wf.Address { s.n.Add(1); return s.Signer.Address() }

// TestPayerReadsAddressOnce: a Payer reads its Signer's address once (a
// chain.Key derives it on every call), and every header still names it.
func TestPayerReadsAddressOnce(t *testing.T) {
	key := chain.DevKey(3)
	s := &countingSigner{Signer: key}
	p := &client.Payer{Signer: s, ChainID: 31337, Escrow: wf.Address{1}, Provider: wf.Address{2},
		Headroom: wf.NewAmount(big.NewInt(1000))}
	fn, err := wf.ParseCID("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		v, err := p.Header(fn, "GET", "/", "n="+string(rune('a'+i)), nil)
		if err != nil {
			t.Fatal(err)
		}
		h, err := voucher.Decode(v)
		if err != nil {
			t.Fatal(err)
		}
		if h.Voucher.Payer != key.Address() || h.Seq != uint64(i+1) {
			t.Fatalf("header %d: payer %s seq %d, want %s and %d", i, h.Voucher.Payer, h.Seq, key.Address(), i+1)
		}
	}
	if n := s.n.Load(); n != 1 {
		t.Fatalf("Address called %d times for 5 requests, want 1", n)
	}
}
