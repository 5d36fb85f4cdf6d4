package chain

import (
	"context"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// nonceSeq hands out one account's nonces. Signing and sending happen under
// its lock, so transactions reach the node in nonce order and a nonce is used
// only once a node accepted its transaction: a failed send leaves no gap.
//
// The sequence starts from the node's pending nonce and resynchronises when
// the node rejects a nonce (another process sent from the same account, or a
// transaction was dropped).
type nonceSeq struct {
	mu     sync.Mutex
	next   uint64
	synced bool
}

// nonceBackend is the part of Backend nonceSeq uses.
type nonceBackend interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
}

// send signs a transaction with the next nonce (sign) and sends it.
func (s *nonceSeq) send(ctx context.Context, b nonceBackend, from common.Address, sign func(nonce uint64) (*types.Transaction, error)) (*types.Transaction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	const attempts = 3
	for i := 0; ; i++ {
		if !s.synced {
			n, err := b.PendingNonceAt(ctx, from)
			if err != nil {
				return nil, err
			}
			s.next, s.synced = n, true
		}
		tx, err := sign(s.next)
		if err != nil {
			return nil, err
		}
		err = b.SendTransaction(ctx, tx)
		if err == nil || isAlreadyKnown(err) {
			s.next++
			return tx, nil
		}
		if !isNonceError(err) || i+1 == attempts {
			if isNonceError(err) {
				s.synced = false
			}
			return nil, err
		}
		s.synced = false
	}
}

// Node errors arrive as JSON-RPC messages, so they are matched by text (the
// messages of go-ethereum's core.ErrNonceTooLow, core.ErrNonceTooHigh and
// txpool.ErrReplaceUnderpriced, which other clients copy).
func isNonceError(err error) bool {
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "nonce too low") || strings.Contains(m, "nonce too high") ||
		strings.Contains(m, "replacement transaction underpriced") || strings.Contains(m, "invalid nonce")
}

// isAlreadyKnown reports that the node already has this very transaction
// (a retried send): it counts as sent.
func isAlreadyKnown(err error) bool {
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "already known") || strings.Contains(m, "known transaction")
}
