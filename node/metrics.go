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
	var st provider.PaymentStats
	charged, settled := s.p.meter.Totals()
	st.Charged, st.Settled = tally(charged), tally(settled)
	st.Stranded = tally(s.p.meter.Stranded())
	pending := ledger.Totals{Amount: new(big.Int)}
	for _, a := range s.p.ledger.Accounts() {
		pa := a.Pending()
		pending.Count += pa.Count
		if pa.Amount != nil {
			pending.Amount.Add(pending.Amount, pa.Amount)
		}
	}
	st.Pending = tally(pending)
	bs, err := s.p.ledger.Batches()
	if err != nil {
		return st, err
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
	st.Balance = s.gasLeft(ctx)
	return st, nil
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

func tally(t ledger.Totals) provider.Tally { return provider.Tally{Count: t.Count, Amount: t.Amount} }
