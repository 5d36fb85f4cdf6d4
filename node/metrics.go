package node

import (
	"context"
	"math/big"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/provider"
)

// balanceTTL is how long the key's ether balance, one chain read, is
// reused between scrapes of /metrics.
const balanceTTL = 30 * time.Second

// paymentStats reads what the node charged and settled from its ledger,
// and its gas left from the chain, for the provider's /metrics
// (provider.Config.PaymentStats).
type paymentStats struct {
	p     *payments
	chain *chain.Client

	mu      sync.Mutex
	balAt   time.Time
	balance *big.Int
}

func (s *paymentStats) read(ctx context.Context) (provider.PaymentStats, error) {
	bs, err := s.p.ledger.Batches()
	if err != nil {
		return provider.PaymentStats{}, err
	}
	st := LedgerStats(s.p.ledger.Accounts(), bs)
	st.Balance = s.gasLeft(ctx)
	return st, nil
}

// LedgerStats sums a ledger's accounts and batches into the figures
// /metrics shows (Balance left unknown).
func LedgerStats(accts map[ledger.Key]ledger.Account, bs []*ledger.Batch) provider.PaymentStats {
	sum := func(get func(ledger.Account) ledger.Totals) provider.Tally {
		t := provider.Tally{Amount: new(big.Int)}
		for _, a := range accts {
			x := get(a)
			t.Count += x.Count
			if x.Amount != nil {
				t.Amount.Add(t.Amount, x.Amount)
			}
		}
		return t
	}
	st := provider.PaymentStats{
		Charged:  sum(func(a ledger.Account) ledger.Totals { return a.Charged }),
		Settled:  sum(func(a ledger.Account) ledger.Totals { return a.Settled }),
		Pending:  sum(func(a ledger.Account) ledger.Totals { return a.Pending() }),
		Stranded: sum(func(a ledger.Account) ledger.Totals { return a.Stranded }),
	}
	for _, b := range bs {
		st.FeeBumps += uint64(len(b.Replaced))
		switch b.State {
		case ledger.Settled:
			st.Settlements++
			st.GasUsed += b.GasUsed
			if b.Created.After(st.LastSettled) {
				st.LastSettled = b.Created
			}
		case ledger.Aborted:
			st.Failures++
		}
	}
	return st
}

// gasLeft is the key's ether balance, read at most every balanceTTL; nil
// when the chain connection cannot say (several endpoints).
func (s *paymentStats) gasLeft(ctx context.Context) *big.Int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.balance != nil && time.Since(s.balAt) < balanceTTL {
		return s.balance
	}
	b, err := s.chain.EtherBalance(ctx, s.p.meter.Provider())
	if err != nil {
		return s.balance
	}
	s.balance, s.balAt = b, time.Now()
	return b
}
