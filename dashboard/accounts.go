package dashboard

import (
	"encoding/hex"
	"errors"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// Signed account reads (provider GET /v1/payer and GET /v1/console): the
// wallet signs a wf.AccountRead for one provider, the dashboard forwards
// it and renders what the provider answers. A payer sees what each
// provider holds against it before settling; an operator reads its node's
// console from a dashboard that does not run beside the node.

// modeOf is the ledger mode a client.Holding's Mode names.
func modeOf(s string) ledger.Mode {
	switch s {
	case "owner":
		return ledger.Owner
	case "caller":
		return ledger.Caller
	}
	return ledger.Mina
}

// account reads the form's provider and scope ("payer", or "operator":
// then the signed-in user must be that provider's operator).
func (d *Dashboard) account(w http.ResponseWriter, r *http.Request) (*Provider, string, bool) {
	p, err := d.provider(r)
	scope := r.PostFormValue("scope")
	switch {
	case err != nil || (scope != wf.ScopePayer && scope != wf.ScopeOperator):
		d.fail(w, r, http.StatusBadRequest, "Say which provider and what to read.")
		return nil, "", false
	case scope == wf.ScopeOperator && d.operatorOf(sessionOf(r).addr) != p:
		d.fail(w, r, http.StatusForbidden, "The console is for a provider's operator: sign in with the provider's key.")
		return nil, "", false
	}
	return p, scope, true
}

// serveAccountRequest answers the typed data the wallet signs to read
// what one provider holds (scope payer) or its console (scope operator),
// good for client.LogsWindow.
func (d *Dashboard) serveAccountRequest(w http.ResponseWriter, r *http.Request) {
	p, scope, ok := d.account(w, r)
	if !ok {
		return
	}
	expires := d.cfg.Now().Add(client.LogsWindow).Unix()
	d.writeTypedData(w, r, wf.AccountRead{Scope: scope, Provider: p.Address, Expires: expires}, expires)
}

// serveAccount forwards the wallet's signature (the signed-in user's
// only) and renders the answer as a fragment: the holdings against the
// payer, or the console.
func (d *Dashboard) serveAccount(w http.ResponseWriter, r *http.Request) {
	p, scope, ok := d.account(w, r)
	if !ok {
		return
	}
	user := sessionOf(r).addr
	expires, err := strconv.ParseInt(r.PostFormValue("expires"), 10, 64)
	sig, err2 := parseSig(r.PostFormValue("signature"))
	if err != nil || err2 != nil {
		d.fail(w, r, http.StatusBadRequest, "The read needs an expiry and the wallet's signature.")
		return
	}
	if signer, err := d.cfg.Verifier.Recover(wf.AccountRead{Scope: scope, Provider: p.Address, Expires: expires}, sig); err != nil || signer != user {
		d.fail(w, r, http.StatusForbidden, "The signature is not yours over this read.")
		return
	}
	status := http.StatusOK
	var msg string
	read := func(out any) {
		if err := d.client(p).ReadAccountSigned(r.Context(), scope, p.Address, expires, sig, out); err != nil {
			status, msg = http.StatusBadGateway, p.Name+": "+err.Error()
			var re *client.ResponseError
			if errors.As(err, &re) && (re.StatusCode == http.StatusForbidden || re.StatusCode == http.StatusUnauthorized) {
				status = http.StatusForbidden
			}
		}
	}
	var name string
	var data any
	if scope == wf.ScopeOperator {
		var c client.Console
		read(&c)
		name, data = "console", d.remoteConsoleView(&c, msg)
	} else {
		var h client.PayerHoldings
		read(&h)
		name, data = "holdings", d.holdingsView(r, p, user, &h, msg)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	d.fragment.ExecuteTemplate(w, name, data)
}

// holdingsRow is one of a payer's accounts at a provider.
type holdingsRow struct {
	client.Holding
	ModeText string
}

// holdingsView is what a provider holds against the payer, beside what
// the escrow still lets it take: the cap's budget left once it settles
// what it holds.
type holdingsView struct {
	Provider  string
	Error     string
	Paid      bool
	Rows      []holdingsRow
	Budget    *big.Int // the allowance's budget on the chain; nil: unknown
	Held      *big.Int // owner-mode charges pending and in flight
	Left      *big.Int // Budget less Held
	BudgetErr string
}

func (d *Dashboard) holdingsView(r *http.Request, p *Provider, payer wf.Address, h *client.PayerHoldings, msg string) holdingsView {
	v := holdingsView{Provider: p.Name, Error: msg, Paid: h.Paid, Held: new(big.Int)}
	for _, a := range h.Accounts {
		text := "from your escrow (you own the functions)"
		if a.Mode == "caller" {
			text = "with your vouchers (you called)"
		}
		v.Rows = append(v.Rows, holdingsRow{Holding: a, ModeText: text})
		if a.Mode == "owner" {
			for _, t := range []ledger.Totals{a.Pending, a.InFlight} {
				if t.Amount != nil {
					v.Held.Add(v.Held, t.Amount)
				}
			}
		}
	}
	if d.cfg.Escrow != nil && msg == "" {
		if al, err := d.cfg.Escrow.Allowance(r.Context(), payer, p.Address); err != nil {
			v.BudgetErr = err.Error()
		} else if al.Budget != nil {
			v.Budget = al.Budget
			v.Left = new(big.Int).Sub(al.Budget, v.Held)
		}
	}
	return v
}

// consoleView is the ledger part of an operator's console, from the
// node's process (wf dev) or its signed read.
type consoleView struct {
	Remote      bool // read through the operator's signature
	Error       string
	HasLoaded   bool
	LoadedCount int
	Loaded      []wf.CID
	HasLedger   bool
	Payers      int
	Ledger      []payerRow
	Earnings    *earnings
	InFlight    []settlementRow
	InFlightErr string
}

// localConsoleView reads the console from the node's process.
func (d *Dashboard) localConsoleView(p *Provider) consoleView {
	var v consoleView
	if p.Loaded != nil {
		fs := p.Loaded.LoadedFunctions()
		v.HasLoaded, v.LoadedCount, v.Loaded = true, len(fs), fs[:min(len(fs), maxLoadedRows)]
	}
	if p.Ledger != nil {
		v.HasLedger = true
		accts := p.Ledger.Accounts()
		rows := make([]payerRow, 0, len(accts))
		for k, a := range accts {
			row := payerRow{Payer: k.Payer, Mode: k.Mode, Charged: a.Charged, Settled: a.Settled,
				InFlight: a.InFlight, Pending: a.Pending()}
			if k.Mode == ledger.Mina {
				row.Channel = k.Channel.String()
			}
			rows = append(rows, row)
		}
		v.Payers, v.Ledger = len(rows), sortPayers(rows)
		e := earningsOf(accts)
		v.Earnings = &e
		if b, ok := p.Ledger.(Batches); ok {
			bs, err := b.InFlightBatches()
			v.InFlight, v.InFlightErr = settlementRows(bs, d.cfg.Now()), errText(err)
		}
	}
	return v
}

// remoteConsoleView is the console a node answered to its operator's
// signed read.
func (d *Dashboard) remoteConsoleView(c *client.Console, msg string) consoleView {
	v := consoleView{Remote: true, Error: msg}
	if msg != "" {
		return v
	}
	v.HasLoaded, v.LoadedCount, v.Loaded = true, c.LoadedCount, c.Loaded[:min(len(c.Loaded), maxLoadedRows)]
	if !c.Paid {
		return v
	}
	v.HasLedger, v.Payers = true, c.Payers
	accts := map[ledger.Key]ledger.Account{}
	rows := make([]payerRow, 0, len(c.Accounts))
	for _, a := range c.Accounts {
		k := ledger.Key{Mode: modeOf(a.Mode), Payer: a.Payer}
		if k.Mode == ledger.Mina {
			if b, err := hex.DecodeString(a.Channel); err == nil && len(b) == len(k.Channel) {
				k.Channel = ledger.WideKey(b)
			}
		}
		accts[k] = ledger.Account{Charged: a.Charged, Settled: a.Settled, InFlight: a.InFlight, Stranded: a.Stranded}
		rows = append(rows, payerRow{Payer: a.Payer, Mode: k.Mode, Channel: a.Channel, Charged: a.Charged, Settled: a.Settled, InFlight: a.InFlight, Pending: a.Pending})
	}
	v.Ledger = sortPayers(rows)
	e := earningsOf(accts) // over the accounts answered: the node bounds them (most pending first)
	v.Earnings = &e
	now := d.cfg.Now()
	for _, f := range c.InFlight {
		row := settlementRow{ID: f.ID, Payer: f.Payer, Mode: modeOf(f.Mode), Count: f.Count, Amount: f.Amount, State: ledger.State(f.State),
			Age: now.Sub(f.Created).Round(time.Second), Tx: f.Tx, Nonce: f.Nonce, Bumps: f.FeeBumps}
		if f.Tx != "" {
			row.Unmined, row.Stuck = unmined(f.Signed, f.Created, now)
		}
		v.InFlight = append(v.InFlight, row)
	}
	return v
}

// sortPayers puts the largest pending first and keeps maxPayerRows.
func sortPayers(rows []payerRow) []payerRow {
	slices.SortFunc(rows, func(a, b payerRow) int {
		if c := cmpBig(b.Pending.Amount, a.Pending.Amount); c != 0 {
			return c
		}
		if c := cmpBig(b.Charged.Amount, a.Charged.Amount); c != 0 {
			return c
		}
		if c := slices.Compare(a.Payer[:], b.Payer[:]); c != 0 {
			return c
		}
		return int(a.Mode) - int(b.Mode)
	})
	return rows[:min(len(rows), maxPayerRows)]
}
