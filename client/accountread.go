package client

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// AccountPath is where a provider answers a signed wf.AccountRead of
// scope: GET /v1/payer (PayerHoldings) and GET /v1/console (Console).
func AccountPath(scope string) string {
	if scope == wf.ScopeOperator {
		return "/v1/console"
	}
	return "/v1/payer"
}

// ReadAccountSigned reads what the provider whose address is provider
// holds under scope (wf.ScopePayer: the signer's own accounts;
// wf.ScopeOperator: the node's console, for its own key only), with sig
// over wf.AccountRead{scope, provider, expires} made elsewhere (a
// browser's wallet), decoding the JSON answer into out.
func (c *Client) ReadAccountSigned(ctx context.Context, scope string, provider wf.Address, expires int64, sig wf.Signature, out any) error {
	req, err := signedRead(ctx, c.BaseURL+AccountPath(scope), provider, expires, sig, nil)
	if err != nil {
		return err
	}
	if err := c.do(req, http.StatusOK, out); err != nil {
		return fmt.Errorf("%s read: %w", scope, err)
	}
	return nil
}

// ReadAccount is ReadAccountSigned signed by signer, good for LogsWindow,
// for the provider this client reaches (its address from /v1/info).
func (c *Client) ReadAccount(ctx context.Context, scope string, signer wf.Signer, out any) error {
	info, err := c.Info(ctx)
	if err != nil {
		return err
	}
	expires := time.Now().Add(LogsWindow).Unix()
	sig, err := signer.Sign(wf.AccountRead{Scope: scope, Provider: info.Address, Expires: expires})
	if err != nil {
		return fmt.Errorf("%s read: %w", scope, err)
	}
	return c.ReadAccountSigned(ctx, scope, info.Address, expires, sig, out)
}

// Holding is one account of a node's ledger: what the payer was charged
// in one mode and how much of it is settled, in flight or pending.
type Holding struct {
	Payer    wf.Address    `json:"payer,omitzero"`    // zero for a MINA channel
	Mode     string        `json:"mode"`              // "owner" (the escrow pays), "caller" (vouchers) or "mina" (a MINA channel; amounts in nanomina)
	Channel  string        `json:"channel,omitempty"` // a MINA channel's key, hex`
	Charged  ledger.Totals `json:"charged"`
	Settled  ledger.Totals `json:"settled"`
	InFlight ledger.Totals `json:"inFlight"`
	Pending  ledger.Totals `json:"pending"`  // charged, not yet settled nor in flight
	Stranded ledger.Totals `json:"stranded"` // charged under a metering key the owner replaced: never paid
}

// PayerHoldings is GET /v1/payer's answer.
type PayerHoldings struct {
	Provider wf.Address `json:"provider"`
	Payer    wf.Address `json:"payer"`
	Paid     bool       `json:"paid"` // false: this node charges nobody
	Accounts []Holding  `json:"accounts"`
}

// Console is GET /v1/console's answer.
type Console struct {
	Provider    wf.Address `json:"provider"`
	LoadedCount int        `json:"loadedCount"`
	Loaded      []wf.CID   `json:"loaded"` // most recently used first, at most MaxConsoleLoaded
	Paid        bool       `json:"paid"`
	Payers      int        `json:"payers"`   // accounts in the ledger
	Accounts    []Holding  `json:"accounts"` // the most pending first, at most MaxConsoleAccounts
	InFlight    []InFlight `json:"inFlight"` // settlements in flight, oldest first
	Now         time.Time  `json:"now"`
}

// InFlight is a settlement in flight.
type InFlight struct {
	ID       uint64     `json:"id"`
	Payer    wf.Address `json:"payer"`
	Mode     string     `json:"mode"`
	Count    uint64     `json:"count"`
	Amount   *big.Int   `json:"amount"`
	State    string     `json:"state"`
	Created  time.Time  `json:"created"`
	Tx       string     `json:"tx,omitempty"` // the latest transaction's hash, "" before one is signed
	Nonce    uint64     `json:"nonce,omitempty"`
	Signed   time.Time  `json:"signed,omitzero"`
	FeeBumps int        `json:"feeBumps"`
}

// Bounds on what a console read answers.
const (
	MaxConsoleLoaded   = 200
	MaxConsoleAccounts = 500
)
