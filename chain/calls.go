package chain

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/webfunctions/wf/wf"
)

// WalletTx is a transaction prepared for someone else's wallet: the dashboard
// builds it, the user's wallet (EIP-1193 eth_sendTransaction) signs and
// sends it, so the key never leaves the wallet. It carries no value.
type WalletTx struct {
	To   wf.Address
	Data []byte
	What string // what it does, in words
}

// ApproveTx is the transaction that sets the sender's allowance for provider
// (see ApproveLimits), checked the same way.
func (c *conn) ApproveTx(provider wf.Address, maxPricePerRequest, budget *big.Int, l Limits) (WalletTx, error) {
	data, err := c.packApprove(provider, maxPricePerRequest, budget, l)
	if err != nil {
		return WalletTx{}, err
	}
	return WalletTx{To: c.contracts.Escrow, Data: data, What: "approve " + provider.Checksum()}, nil
}

// DepositTxs are the transactions with which payer deposits amt into its own
// escrow account: first approving the escrow on the token when payer's
// token allowance is short (as Deposit does), then the deposit. The
// second can only be sent once the first is mined.
func (c *conn) DepositTxs(ctx context.Context, payer wf.Address, amt *big.Int) ([]WalletTx, error) {
	if err := amount("deposit", amt, 256); err != nil {
		return nil, err
	}
	out, err := c.call(ctx, c.contracts.Token, c.token.PackAllowance(common.Address(payer), common.Address(c.contracts.Escrow)), "token allowance")
	if err != nil {
		return nil, err
	}
	have, err := c.token.UnpackAllowance(out)
	if err != nil {
		return nil, fmt.Errorf("chain: token allowance: %w", err)
	}
	var txs []WalletTx
	if have.Cmp(amt) < 0 {
		txs = append(txs, WalletTx{To: c.contracts.Token, Data: c.token.PackApprove(common.Address(c.contracts.Escrow), amt), What: "let the escrow take the deposit from your tokens"})
	}
	return append(txs, WalletTx{To: c.contracts.Escrow, Data: c.escrow.PackDeposit(amt), What: "deposit"}), nil
}

// RequestWithdrawTx is the transaction that asks to withdraw amt from the
// sender's escrow account (see RequestWithdraw).
func (c *conn) RequestWithdrawTx(amt *big.Int) (WalletTx, error) {
	if err := amount("withdrawal", amt, 256); err != nil {
		return WalletTx{}, err
	}
	return WalletTx{To: c.contracts.Escrow, Data: c.escrow.PackRequestWithdraw(amt), What: "request withdrawal"}, nil
}

// CancelWithdrawTx is the transaction that cancels the sender's pending
// withdrawal; WithdrawTx the one that pays it out once its delay has
// passed (see CancelWithdraw and Withdraw).
func (c *conn) CancelWithdrawTx() WalletTx {
	return WalletTx{To: c.contracts.Escrow, Data: c.escrow.PackCancelWithdraw(), What: "cancel withdrawal"}
}

// WithdrawTx: see CancelWithdrawTx.
func (c *conn) WithdrawTx() WalletTx {
	return WalletTx{To: c.contracts.Escrow, Data: c.escrow.PackWithdraw(), What: "withdraw"}
}

// ErrNotOurs is WaitTx's error for a transaction that touched neither
// the escrow nor its token.
var ErrNotOurs = errors.New("chain: the transaction touched neither the escrow nor its token")

// WaitTx waits until the transaction h (a WalletTx a wallet sent) is mined
// and reports where. A reverted transaction fails with ErrReverted; one
// that emitted no event of the escrow or its token fails with ErrNotOurs,
// so a hash of some other transaction is not taken for the call.
func (c *conn) WaitTx(ctx context.Context, h Hash) (Receipt, error) {
	r, err := c.waitMined(ctx, common.Hash(h))
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: wait for %s: %w", h, err)
	}
	rc := Receipt{TxHash: h, Block: r.BlockNumber.Uint64(), GasUsed: r.GasUsed}
	if r.Status != types.ReceiptStatusSuccessful {
		return rc, fmt.Errorf("chain: tx %s: %w", h, &RevertError{msg: "transaction reverted"})
	}
	for _, l := range r.Logs {
		if a := wf.Address(l.Address); a == c.contracts.Escrow || a == c.contracts.Token {
			return rc, nil
		}
	}
	return rc, fmt.Errorf("%w (tx %s)", ErrNotOurs, h)
}

// SendTx sends tx from the Client's key and waits until it is mined: what
// a wallet does with a WalletTx (tests and command-line wallets).
func (c *Client) SendTx(ctx context.Context, tx WalletTx) (Receipt, error) {
	return c.transact(ctx, tx.To, tx.Data, tx.What)
}

// ParseHash parses a transaction hash, 0x and 64 hex digits.
func ParseHash(s string) (Hash, error) {
	b, err := hexBytes(s, 32)
	if err != nil {
		return Hash{}, fmt.Errorf("%w: transaction hash: %v", wf.ErrInvalid, err)
	}
	return Hash(b), nil
}

func hexBytes(s string, n int) ([]byte, error) {
	if len(s) != 2+2*n || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') {
		return nil, fmt.Errorf("want 0x and %d hex digits", 2*n)
	}
	return hex.DecodeString(s[2:])
}
