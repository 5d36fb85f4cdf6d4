package provider

import (
	"bytes"
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// Signed reads of a paid node's ledger (docs/dashboard.md):
//
//	GET /v1/payer    what this node holds against the signer as a payer
//	GET /v1/console  the operator's console; the signer must be this node
//
// Both take `Authorization: WF-Sig expires=<unix>,sig=<0x...>` over a
// wf.AccountRead of their scope for this provider, as log reads do. No
// central database is involved: a payer asks each provider, and an
// operator reads only its own node, from wherever its dashboard runs.

// ledgerOf is the node's ledger when it has one: Config.Ledger, else the
// meter's (payment.Meter implements it).
func (p *Provider) ledgerOf() *ledger.Ledger {
	if p.cfg.Ledger != nil {
		return p.cfg.Ledger
	}
	if l, ok := p.cfg.Payments.(interface{ Ledger() *ledger.Ledger }); ok {
		return l.Ledger()
	}
	return nil
}

// accountSigner returns who signed the request's wf.AccountRead of scope
// for this node; on a refusal it has answered w.
func (p *Provider) accountSigner(w http.ResponseWriter, r *http.Request, scope string) (wf.Address, bool) {
	signer, err := p.sigAuth(r, func(expires int64) wf.Message {
		return wf.AccountRead{Scope: scope, Provider: p.address(), Expires: expires}
	})
	if err != nil {
		w.Header().Set("WWW-Authenticate", `WF-Sig realm="`+scope+`"`)
		httperr.Write(w, info(r).log, err)
		return wf.Address{}, false
	}
	return signer, true
}

func holding(k ledger.Key, a ledger.Account) client.Holding {
	h := client.Holding{Payer: k.Payer, Mode: k.Mode.String(), Charged: a.Charged, Settled: a.Settled, InFlight: a.InFlight,
		Pending: a.Pending(), Stranded: a.Stranded}
	if k.Mode == ledger.Mina {
		h.Channel = k.Channel.String()
	}
	return h
}

// servePayer answers what this node holds against the signer: each of its
// accounts (as an owner paying from the escrow, as a caller paying with
// vouchers), charged, settled, in flight and pending.
func (p *Provider) servePayer(w http.ResponseWriter, r *http.Request) {
	payer, ok := p.accountSigner(w, r, wf.ScopePayer)
	if !ok {
		return
	}
	out := client.PayerHoldings{Provider: p.address(), Payer: payer, Accounts: []client.Holding{}}
	if l := p.ledgerOf(); l != nil {
		out.Paid = true
		for _, m := range []ledger.Mode{ledger.Owner, ledger.Caller} {
			k := ledger.Key{Mode: m, Payer: payer}
			if a := l.Account(k); !a.Charged.IsZero() || !a.Settled.IsZero() {
				out.Accounts = append(out.Accounts, holding(k, a))
			}
		}
	}
	httperr.WriteJSON(w, http.StatusOK, out)
}

// serveConsole answers the operator's console: loaded functions, the
// ledger per payer and the settlements in flight. Only this node's key
// may read it.
func (p *Provider) serveConsole(w http.ResponseWriter, r *http.Request) {
	signer, ok := p.accountSigner(w, r, wf.ScopeOperator)
	if !ok {
		return
	}
	if self := p.address(); self.IsZero() || signer != self {
		httperr.Write(w, info(r).log, fmt.Errorf("%w: the console is this node's operator's: sign with the provider's key %s", wf.ErrForbidden, self.Checksum()))
		return
	}
	loaded := p.LoadedFunctions()
	out := client.Console{Provider: p.address(), LoadedCount: len(loaded), Loaded: loaded[:min(len(loaded), client.MaxConsoleLoaded)],
		Accounts: []client.Holding{}, InFlight: []client.InFlight{}, Now: p.cfg.Now().UTC()}
	if l := p.ledgerOf(); l != nil {
		out.Paid = true
		accts := l.Accounts()
		out.Payers = len(accts)
		for k, a := range accts {
			out.Accounts = append(out.Accounts, holding(k, a))
		}
		slices.SortFunc(out.Accounts, func(a, b client.Holding) int {
			return cmp.Or(cmpAmount(b.Pending, a.Pending), cmpAmount(b.Charged, a.Charged), bytes.Compare(a.Payer[:], b.Payer[:]), cmp.Compare(a.Mode, b.Mode))
		})
		out.Accounts = out.Accounts[:min(len(out.Accounts), client.MaxConsoleAccounts)]
		bs, err := l.InFlightBatches()
		if err != nil {
			httperr.Write(w, info(r).log, fmt.Errorf("provider: console: %w", err))
			return
		}
		for _, b := range bs {
			f := client.InFlight{ID: b.ID, Payer: b.Payer, Mode: b.Mode.String(), Count: b.Count, Amount: b.Amount,
				State: string(b.State), Created: b.Created, FeeBumps: len(b.Replaced)}
			if b.Tx != nil {
				f.Tx, f.Nonce, f.Signed = b.Tx.Hash.String(), b.Tx.Nonce, b.Tx.Signed
			}
			out.InFlight = append(out.InFlight, f)
		}
		slices.SortFunc(out.InFlight, func(a, b client.InFlight) int { return cmp.Compare(a.ID, b.ID) })
	}
	httperr.WriteJSON(w, http.StatusOK, out)
}

func cmpAmount(a, b ledger.Totals) int {
	if a.Amount == nil || b.Amount == nil {
		return cmp.Compare(a.Count, b.Count)
	}
	return a.Amount.Cmp(b.Amount)
}
