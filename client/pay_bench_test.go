package client

import (
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// BenchmarkAuthorizeKeyed is the Payer's own work for a request in a
// keyed session (what wfbench load pays per caller-paid request besides
// HTTP): the running total, the MAC and the header.
//
// Run: go test -run '^$' -bench AuthorizeKeyed ./client/
func BenchmarkAuthorizeKeyed(b *testing.B) {
	p := &Payer{Signer: chain.DevKey(3), ChainID: 31337, Escrow: wf.Address{1}, Provider: wf.Address{2},
		Headroom: wf.NewAmount(big.NewInt(1 << 40))}
	fn, err := wf.ParseCID("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")
	if err != nil {
		b.Fatal(err)
	}
	rq := voucher.Request{Function: fn, Method: "GET", Path: "/", RawQuery: "name=bench", BodyHash: voucher.BodyHash(nil)}
	if _, err := p.authorize(rq, false, true); err != nil { // opens the session
		b.Fatal(err)
	}
	a, err := voucher.NewAcceptor(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	p.store().Update(func(s *PayState) error {
		s.Accept, s.Price = a.Header(), wf.NewAmount(big.NewInt(1))
		return nil
	})
	for b.Loop() {
		pay, err := p.authorize(rq, false, true)
		if err != nil || !voucher.IsMAC(pay.header) {
			b.Fatalf("%q, %v: want a keyed header", pay.header, err)
		}
	}
}
