package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// Escrow changes from the payments page (a provider's hard cap, a
// deposit, a withdrawal request) are transactions the dashboard prepares
// and the user's wallet signs and sends (EIP-1193 eth_sendTransaction, the
// one way every browser wallet sends): the server holds no key. The page
// then posts the transaction's hash; the server waits for it to be mined
// and shows what the escrow says now, read from the chain, not from the
// page.

// EscrowTxs prepares escrow transactions for a wallet and waits for them;
// *chain.Client implements it. The dashboard finds it on Config.Escrow by
// type assertion: without it, the payments page only reads.
type EscrowTxs interface {
	ChainID() *big.Int
	ApproveTx(provider wf.Address, maxPricePerRequest, budget *big.Int, l chain.Limits) (chain.WalletTx, error)
	DepositTxs(ctx context.Context, payer wf.Address, amt *big.Int) ([]chain.WalletTx, error)
	RequestWithdrawTx(amt *big.Int) (chain.WalletTx, error)
	CancelWithdrawTx() chain.WalletTx
	WithdrawTx() chain.WalletTx
	WaitTx(ctx context.Context, h chain.Hash) (chain.Receipt, error)
}

var _ EscrowTxs = (*chain.Client)(nil)

// txWait bounds how long the page waits for a wallet's transaction to be
// mined; past it the page says to reload later. maxTxWaits bounds the
// waits at once: anyone can sign in and post a hash that is never mined.
const (
	txWait     = 90 * time.Second
	maxTxWaits = 32
)

func (d *Dashboard) escrowTxs() EscrowTxs {
	e, _ := d.cfg.Escrow.(EscrowTxs)
	return e
}

// walletTx is one transaction as the page hands it to the wallet.
type walletTx struct {
	To   string `json:"to"`
	Data string `json:"data"`
	What string `json:"what"`
}

// serveTxRequest answers the transactions that make the change the form
// asks for: {"chainId", "txs": [{to, data, what}]}, to be sent in order,
// each once the one before is mined.
func (d *Dashboard) serveTxRequest(w http.ResponseWriter, r *http.Request) {
	e := d.escrowTxs()
	if e == nil {
		d.fail(w, r, http.StatusNotFound, "This dashboard cannot prepare escrow transactions: it is not connected to a chain.")
		return
	}
	payer := sessionOf(r).addr
	amountOf := func(field, what string) (*big.Int, error) {
		a, err := wf.ParseUSDC(r.PostFormValue(field))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if a.Sign() <= 0 {
			return nil, fmt.Errorf("%s: give an amount above zero", what)
		}
		return a.Big(), nil
	}
	var (
		txs []chain.WalletTx
		err error
	)
	switch r.PostFormValue("action") {
	case "cap":
		p, perr := d.provider(r)
		budget, berr := wf.ParseUSDC(r.PostFormValue("budget"))
		price, pe := amountOf("price", "The price cap per request")
		switch {
		case perr != nil:
			err = errors.New("Pick a provider from the list.")
		case berr != nil:
			err = fmt.Errorf("The budget: %w", berr)
		case pe != nil:
			err = pe
		case p.Address.IsZero():
			err = errors.New("This provider's address is unknown, so no cap can name it.")
		default:
			var l chain.Limits
			if l, err = d.capLimits(r, payer, p); err == nil {
				var tx chain.WalletTx
				if tx, err = e.ApproveTx(p.Address, price, budget.Big(), l); err == nil {
					txs = []chain.WalletTx{tx}
				}
			}
		}
	case "deposit":
		var amt *big.Int
		if amt, err = amountOf("amount", "The deposit"); err == nil {
			txs, err = e.DepositTxs(r.Context(), payer, amt)
		}
	case "withdraw":
		var amt *big.Int
		if amt, err = amountOf("amount", "The withdrawal"); err == nil {
			var tx chain.WalletTx
			if tx, err = e.RequestWithdrawTx(amt); err == nil {
				txs = []chain.WalletTx{tx}
			}
		}
	case "cancel-withdrawal":
		txs = []chain.WalletTx{e.CancelWithdrawTx()}
	case "finish-withdrawal":
		txs = []chain.WalletTx{e.WithdrawTx()}
	default:
		err = errors.New("Say what to change: a cap, a deposit or a withdrawal.")
	}
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	out := make([]walletTx, len(txs))
	for i, tx := range txs {
		out[i] = walletTx{To: tx.To.Checksum(), Data: "0x" + fmt.Sprintf("%x", tx.Data), What: tx.What}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"chainId": "0x" + e.ChainID().Text(16), "txs": out})
}

// periods are the per-period caps the cap form offers, by form value.
var periods = map[string]time.Duration{"1h": time.Hour, "24h": 24 * time.Hour, "168h": 7 * 24 * time.Hour, "720h": 30 * 24 * time.Hour}

// capLimits are the limits a cap change approves: the per-period cap the
// form asks for ("keep" the current one, "none", or a period of periods
// with the amount per_period), and always the current metering key: an
// approval replaces the whole allowance, and the page does not manage
// metering keys (wf escrow approve --meter does), so it must not drop
// one.
func (d *Dashboard) capLimits(r *http.Request, payer wf.Address, p *Provider) (chain.Limits, error) {
	cur, err := d.cfg.Escrow.Allowance(r.Context(), payer, p.Address)
	if err != nil {
		return chain.Limits{}, fmt.Errorf("The current cap could not be read: %w", err)
	}
	l := cur.Limits
	amount := r.PostFormValue("per_period")
	switch v := r.PostFormValue("period"); v {
	case "", "keep":
		if amount == "" || !l.Capped() {
			if amount != "" {
				return l, errors.New("Pick the period the amount per period is for.")
			}
			return l, nil
		}
	case "none":
		l.MaxPerPeriod, l.Period = nil, 0
		return l, nil
	default:
		per, ok := periods[v]
		if !ok {
			return l, errors.New("Pick a period from the list.")
		}
		l.Period = per
	}
	a, err := wf.ParseUSDC(amount)
	if err != nil {
		return l, fmt.Errorf("The amount per period: %w", err)
	}
	if a.Sign() <= 0 {
		return l, errors.New("The amount per period: give an amount above zero, or pick no period cap.")
	}
	l.MaxPerPeriod = a.Big()
	return l, nil
}

// serveTx waits for a transaction the wallet sent to be mined and renders
// what the escrow says now about the form's subject, as a fragment.
func (d *Dashboard) serveTx(w http.ResponseWriter, r *http.Request) {
	e := d.escrowTxs()
	if e == nil {
		d.fail(w, r, http.StatusNotFound, "This dashboard is not connected to a chain.")
		return
	}
	h, err := chain.ParseHash(r.PostFormValue("hash"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "The wallet answered no transaction hash.")
		return
	}
	select {
	case d.txWaits <- struct{}{}:
		defer func() { <-d.txWaits }()
	default:
		w.Header().Set("Retry-After", "10")
		d.fail(w, r, http.StatusServiceUnavailable, "Too many transactions are being waited for; reload the page in a moment to see yours.")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), txWait)
	defer cancel()
	data := map[string]any{"Hash": h.String()}
	if d.cfg.TxURL != "" {
		data["Link"] = d.cfg.TxURL + h.String()
	}
	status := http.StatusOK
	rc, err := e.WaitTx(ctx, h)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		status, data["Error"] = http.StatusAccepted, "Not mined yet: reload the page later to see it."
	case errors.Is(err, chain.ErrNotOurs):
		status, data["Error"] = http.StatusBadRequest, "That transaction did not touch this dashboard's escrow."
	case err != nil:
		status, data["Error"] = http.StatusBadGateway, err.Error()
	default:
		data["Block"] = rc.Block
		payer := sessionOf(r).addr
		if p, perr := d.provider(r); perr == nil && r.PostFormValue("action") == "cap" {
			if a, err := d.cfg.Escrow.Allowance(r.Context(), payer, p.Address); err == nil {
				data["Cap"] = capRow(p, a, d.cfg.Now())
			}
		} else if acct, err := d.cfg.Escrow.Account(r.Context(), payer); err == nil {
			data["Account"] = acct
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	d.fragment.ExecuteTemplate(w, "tx", data)
}

// capRow is a provider's allowance as the payments page shows it.
func capRow(p *Provider, a chain.Allowance, now time.Time) allowanceRow {
	row := allowanceRow{Name: p.Name, Address: p.Address, Cap: a.Budget, MaxPrice: a.MaxPricePerRequest, Meter: a.Meter}
	if a.MaxPricePerRequest != nil && a.MaxPricePerRequest.Sign() > 0 && a.Budget != nil {
		row.Requests = new(big.Int).Quo(a.Budget, a.MaxPricePerRequest).String()
	}
	if left, until := a.Left(now); left != nil {
		row.PerPeriod, row.PeriodLeft, row.PeriodEnds, row.Period = a.MaxPerPeriod, left, until, a.Period
	}
	return row
}
