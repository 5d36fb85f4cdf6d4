package chain_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/chain/sim"
)

// receiptNet is quorumNet with the liar first: the endpoint transactions
// are sent to and (before receipts were checked) receipts came from.
func receiptNet(t *testing.T) (*quorumNet, *chain.Key, *chain.Key) {
	t.Helper()
	n := newQuorumNet(t)
	n.urls = append([]string{n.urls[2]}, n.urls[:2]...)
	payer, provider := n.s.Accounts()[1], n.s.Accounts()[2]
	pc := n.s.Client(payer)
	if _, err := pc.Deposit(context.Background(), big.NewInt(1000)); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.Approve(context.Background(), provider.Address(), big.NewInt(10), big.NewInt(1000)); err != nil {
		t.Fatal(err)
	}
	return n, payer, provider
}

// rewriteReceipts makes the liar answer receipt lookups with forge(receipt),
// nil for none.
func rewriteReceipts(p *sim.RPCProxy, forge func(r map[string]any) map[string]any) {
	p.SetRewrite(func(method string, params []json.RawMessage, result json.RawMessage) json.RawMessage {
		if method != "eth_getTransactionReceipt" {
			return result
		}
		var r map[string]any
		if json.Unmarshal(result, &r) != nil || r == nil {
			return result
		}
		b, _ := json.Marshal(forge(r))
		return b
	})
}

func budget(t *testing.T, n *quorumNet, payer, provider *chain.Key) int64 {
	t.Helper()
	a, err := n.s.Client(payer).Allowance(context.Background(), payer.Address(), provider.Address())
	if err != nil {
		t.Fatal(err)
	}
	return a.Budget.Int64()
}

func TestQuorumRefusesFakeSettleReceipt(t *testing.T) {
	ctx := context.Background()
	n, payer, provider := receiptNet(t)
	c := n.dial(t, provider, chain.QuorumOptions{})

	// Honest: the settle is confirmed through three endpoints.
	if _, err := c.Settle(ctx, payer.Address(), 1, big.NewInt(10)); err != nil {
		t.Fatalf("honest settle: %v", err)
	}
	if b := budget(t, n, payer, provider); b != 990 {
		t.Fatalf("budget after honest settle: %d, want 990", b)
	}

	// The first endpoint underprices the settle's gas, so it runs out and
	// reverts on chain, and then reports it successful: the provider would
	// book charges as paid that never were.
	n.liar.SetRewrite(func(method string, params []json.RawMessage, result json.RawMessage) json.RawMessage {
		switch method {
		case "eth_estimateGas":
			return json.RawMessage(`"0x1"`) // plus headroom: 25001 gas, too little
		case "eth_getTransactionReceipt":
			var r map[string]any
			if json.Unmarshal(result, &r) != nil || r == nil {
				return result
			}
			r["status"] = "0x1"
			b, _ := json.Marshal(r)
			return b
		}
		return result
	})
	r, err := c.Settle(ctx, payer.Address(), 1, big.NewInt(10))
	if !errors.Is(err, chain.ErrDisagreement) {
		t.Fatalf("faked successful settle: %+v, %v; want ErrDisagreement", r, err)
	}
	t.Log(err)
	if b := budget(t, n, payer, provider); b != 990 {
		t.Fatalf("budget after the reverted settle: %d, want 990 (the settle must not have paid)", b)
	}
}

func TestQuorumRefusesFakeSettleRevert(t *testing.T) {
	ctx := context.Background()
	n, payer, provider := receiptNet(t)
	c := n.dial(t, provider, chain.QuorumOptions{})
	// A settle that paid, reported reverted: the provider would put the
	// charges back to pending and settle them again.
	rewriteReceipts(n.liar, func(r map[string]any) map[string]any { r["status"] = "0x0"; return r })
	_, err := c.Settle(ctx, payer.Address(), 1, big.NewInt(10))
	var rev *chain.RevertError
	if !errors.Is(err, chain.ErrDisagreement) || errors.As(err, &rev) {
		t.Fatalf("faked revert: %v; want ErrDisagreement, not a revert", err)
	}
	if b := budget(t, n, payer, provider); b != 990 {
		t.Fatalf("budget: %d, want 990", b)
	}
}

func TestQuorumHiddenSettleReceipt(t *testing.T) {
	ctx := context.Background()
	n, payer, provider := receiptNet(t)
	hide := func(map[string]any) map[string]any { return nil }
	rewriteReceipts(n.liar, hide)

	// All of three: a receipt one endpoint denies is not mined yet; the
	// settle is not confirmed (nor called reverted) before the deadline.
	c := n.dial(t, provider, chain.QuorumOptions{})
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, err := c.Settle(tctx, payer.Address(), 1, big.NewInt(10))
	var rev *chain.RevertError
	if err == nil || errors.As(err, &rev) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("hidden receipt, all of three: %v; want the deadline", err)
	}

	// Two of three: the honest two outvote the one hiding it.
	c2 := n.dial(t, provider, chain.QuorumOptions{Quorum: 2})
	tctx2, cancel2 := context.WithTimeout(ctx, 30*time.Second)
	defer cancel2()
	if _, err := c2.Settle(tctx2, payer.Address(), 1, big.NewInt(10)); err != nil {
		t.Fatalf("hidden receipt, two of three: %v", err)
	}
	if b := budget(t, n, payer, provider); b != 980 {
		t.Fatalf("budget: %d, want 980 (both settles paid)", b)
	}
}
