package rewards_test

import (
	"context"
	"math/big"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain/sim"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// BenchmarkCreditsPassThrough is what the credits wrapper adds to a
// caller-paid request from a payer without credits (the common case):
// meter alone, then the wrapper around the same meter, in the same run.
//
//	go test -run '^$' -bench CreditsPassThrough -benchtime 2000x ./rewards
func BenchmarkCreditsPassThrough(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := sim.New(ctx, sim.Options{Accounts: 4})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	prov, user := s.Accounts()[1], s.Accounts()[2]
	pc := s.Client(prov)
	l, err := ledger.Open(filepath.Join(b.TempDir(), "ledger.db"), ledger.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	meter, err := payment.New(payment.Config{Chain: pc, Key: prov, Ledger: l, Price: big.NewInt(1)})
	if err != nil {
		b.Fatal(err)
	}
	addr, err := pc.DeployCredits(ctx, s.Accounts()[3].Address())
	if err != nil {
		b.Fatal(err)
	}
	cr, err := pc.Credits(ctx, addr)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Client(user).Deposit(ctx, big.NewInt(1_000_000_000)); err != nil {
		b.Fatal(err)
	}
	pays, err := rewards.OpenCreditPayments(rewards.CreditsConfig{Next: meter, Credits: cr, Provider: prov.Address(),
		ChainID: pc.ChainID(), Escrow: s.Contracts().Escrow, Path: filepath.Join(b.TempDir(), "credits.log")})
	if err != nil {
		b.Fatal(err)
	}
	defer pays.Close()
	// The wrapper alone: around a Payments that charges nothing.
	free, err := rewards.OpenCreditPayments(rewards.CreditsConfig{Next: freePayments{meter}, Credits: cr, Provider: prov.Address(),
		ChainID: pc.ChainID(), Escrow: s.Contracts().Escrow})
	if err != nil {
		b.Fatal(err)
	}
	payer := &client.Payer{Signer: user, ChainID: pc.ChainID().Uint64(), Escrow: s.Contracts().Escrow, Provider: prov.Address(),
		Headroom: wf.NewAmount(big.NewInt(1_000_000))}
	fn := wf.SumCID(wf.CodecRaw, []byte("function"))
	for _, bc := range []struct {
		name string
		p    wf.Payments
	}{{"meter", meter}, {"credits+meter", pays}, {"meter-2", meter}, {"credits+meter-2", pays}, {"credits+free", free}} {
		b.Run(bc.name, func(b *testing.B) {
			reqs := make([]*wf.PaidRequest, b.N)
			for i := range reqs {
				h, err := payer.Header(fn, "GET", "/", "", nil)
				if err != nil {
					b.Fatal(err)
				}
				reqs[i] = &wf.PaidRequest{Function: fn, Owner: wf.Address{1}, Method: "GET", Path: "/", Header: http.Header{http.CanonicalHeaderKey(wf.VoucherHeader): {h}}}
			}
			b.ResetTimer()
			for i := range b.N {
				ch, err := bc.p.Authorize(ctx, reqs[i])
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ch.Commit(ctx, wf.RequestID{0: 1, 1: byte(i), 2: byte(i >> 8), 3: byte(i >> 16)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// freePayments charges nothing: BenchmarkCreditsPassThrough's baseline
// for the wrapper's own cost. The meter proves headers (rewards.Prover).
type freePayments struct{ *payment.Meter }

func (freePayments) Price() wf.Amount { return wf.NewAmount(big.NewInt(1)) }
func (freePayments) Authorize(context.Context, *wf.PaidRequest) (wf.Charge, error) {
	return freeCharge{}, nil
}

type freeCharge struct{}

func (freeCharge) Commit(context.Context, wf.RequestID) (map[string][]string, error) { return nil, nil }
func (freeCharge) Release()                                                          {}
