package dashboard

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// fnRow is one function on the functions page: one CID, wherever it is.
type fnRow struct {
	CID       wf.CID
	Created   string
	Sealed    bool
	Providers []string
	Loaded    int       // providers that have it loaded now
	Names     []nameRef // the owner's names pointing at it now
}

// nameRef is a name whose newest record sends a share of its requests to
// a function.
type nameRef struct {
	Name   string
	Seq    uint64
	Weight uint8
}

// unreachable names a provider a page could not read, and why.
type unreachable struct{ Name, Err string }

// each runs f for every provider at once and collects the failures.
func (d *Dashboard) each(ctx context.Context, f func(i int, p *Provider) error) []unreachable {
	var mu sync.Mutex
	var bad []unreachable
	var wg sync.WaitGroup
	for i := range d.cfg.Providers {
		wg.Go(func() {
			if err := f(i, &d.cfg.Providers[i]); err != nil {
				mu.Lock()
				bad = append(bad, unreachable{d.cfg.Providers[i].Name, err.Error()})
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	slices.SortFunc(bad, func(a, b unreachable) int { return strings.Compare(a.Name, b.Name) })
	return bad
}

// sent is what one provider answered to a change the page sent it.
type sent struct{ Provider, Err string }

// sendTo runs f for the providers at indexes at once and reports each
// one's answer, in that order; nil indexes are every provider.
func (d *Dashboard) sendTo(indexes []int, f func(p *Provider) error) []sent {
	if indexes == nil {
		indexes = make([]int, len(d.cfg.Providers))
		for i := range indexes {
			indexes[i] = i
		}
	}
	out := make([]sent, len(indexes))
	var wg sync.WaitGroup
	for i, pi := range indexes {
		p := &d.cfg.Providers[pi]
		wg.Go(func() {
			out[i] = sent{Provider: p.Name}
			if err := f(p); err != nil {
				out[i].Err = err.Error()
			}
		})
	}
	wg.Wait()
	return out
}

func (d *Dashboard) serveFunctions(w http.ResponseWriter, r *http.Request) {
	owner := sessionOf(r).addr
	lists := make([][]client.Function, len(d.cfg.Providers))
	var (
		bad   []unreachable
		named []*nameRow
		wg    sync.WaitGroup
	)
	wg.Go(func() {
		bad = d.each(r.Context(), func(i int, p *Provider) error {
			fs, err := d.client(p).Functions(r.Context(), owner)
			lists[i] = fs
			return err
		})
	})
	wg.Go(func() { named, _ = d.ownerNames(r) }) // a provider that failed is named once, from the listing
	wg.Wait()
	refs := map[wf.CID][]nameRef{}
	for _, n := range named {
		rec := n.Record.Record
		for _, t := range rec.Targets {
			refs[t.Function] = append(refs[t.Function], nameRef{Name: rec.Name, Seq: rec.Seq, Weight: t.Weight})
		}
	}
	byCID := map[wf.CID]*fnRow{}
	var rows []*fnRow
	for i, fs := range lists {
		for _, f := range fs {
			if f.Owner != owner {
				continue // a provider's listing is its word; the owner is checked
			}
			row := byCID[f.CID]
			if row == nil {
				row = &fnRow{CID: f.CID, Created: f.Created, Sealed: f.Sealed, Names: refs[f.CID]}
				byCID[f.CID] = row
				rows = append(rows, row)
			}
			row.Providers = append(row.Providers, d.cfg.Providers[i].Name)
			if f.Loaded {
				row.Loaded++
			}
		}
	}
	slices.SortFunc(rows, func(a, b *fnRow) int {
		return cmp.Or(strings.Compare(b.Created, a.Created), strings.Compare(a.CID.String(), b.CID.String()))
	})
	d.render(w, r, http.StatusOK, "functions", page{Title: "Functions", Nav: "functions",
		Data: map[string]any{"Rows": rows, "Unreachable": bad, "Providers": len(d.cfg.Providers), "ProviderList": d.cfg.Providers}})
}

// holder is a provider that holds a function, and what a request to it
// costs there.
type holder struct {
	Index   int
	Name    string
	Price   *big.Int // nil when its /v1/info did not answer
	URL     string   // where the function is invoked
	Sealing wf.KeyID // its sealing key, zero if none or unknown
}

// grantRow is one sealing key a sealed function's data key is wrapped
// to, and the providers here that hold it.
type grantRow struct {
	Key     string
	Holders []string
}

// policy is what a function's spec says about who may call it and who
// pays, in words.
type policy struct {
	CallerPays bool
	OwnerPays  string // "requests/window" the owner pays at most, "" unbounded
	PerCaller  string
	// CICallers, if set, are the only callers: CI jobs whose identity
	// token matches a rule (wf.ci.callers).
	CICallers []spec.CICaller
	// Placement is where gateways may route it (wf.placement); nil:
	// anywhere.
	Placement *placement
	// Credential, if set, admits only holders of a credential that
	// satisfies it (wf.access), in words.
	Credential *credentialPolicy
	Err        string // an extension could not be read
}

// credentialPolicy is a wf.access policy in the page's words.
type credentialPolicy struct {
	CID        wf.CID // the policy's, as errors and docs name it
	Issuers    []string
	Predicates []string
	Disclosed  []string // the CGI variables the function sees
	Session    time.Duration
	Rate       string // per credential, "" unbounded
	Setup      wf.CID
}

func credentialOf(a *spec.Access, data []byte) *credentialPolicy {
	c := &credentialPolicy{CID: spec.AccessCID(data), Issuers: a.Issuers, Session: time.Duration(a.MaxSessionSeconds) * time.Second, Setup: a.Setup}
	words := map[string]string{spec.OpEq: "=", spec.OpNeq: "≠", spec.OpLt: "<", spec.OpLte: "≤", spec.OpGt: ">", spec.OpGte: "≥"}
	for _, pr := range a.Predicates {
		var v string
		switch {
		case pr.Op == spec.OpIn:
			v = "one of " + strconv.Itoa(len(pr.Set)) + " values"
			if len(pr.Set) <= 8 {
				v = "one of " + strings.Join(pr.Set, ", ")
			}
		case pr.Int != nil:
			v = words[pr.Op] + " " + strconv.FormatInt(*pr.Int, 10)
		case pr.String != nil:
			v = words[pr.Op] + " " + strconv.Quote(*pr.String)
		}
		c.Predicates = append(c.Predicates, "slot "+strconv.Itoa(pr.Slot)+" "+v)
	}
	for _, d := range a.Disclose {
		c.Disclosed = append(c.Disclosed, "WF_CRED_"+strings.ToUpper(d.Name)+" (slot "+strconv.Itoa(d.Slot)+")")
	}
	if a.Rate != nil {
		c.Rate = a.Rate.String()
	}
	return c
}

// placement is a wf.placement in the page's words.
type placement struct {
	Region     string
	MaxPrice   *big.Int
	AttestedBy []wf.Address
	AllOf      bool
	MinScore   int
}

// provenance is where a CI-deployed function came from.
type provenance struct {
	BuiltFrom string
	wf.Provenance
	Delegate            wf.Address
	Scopes              string
	NotBefore, NotAfter time.Time
	Err                 string
}

// function reads fn's signed spec from the providers that hold it. It
// answers 404 when none does and 403 when the session's user is not the
// owner: a function's page, and what it leads to, are its owner's.
func (d *Dashboard) function(w http.ResponseWriter, r *http.Request) (*wf.SignedSpec, []holder, bool) {
	fn, err := wf.ParseCID(r.PathValue("cid"))
	if err != nil {
		d.fail(w, r, http.StatusNotFound, "That is not a function's address.")
		return nil, nil, false
	}
	specs := make([]*wf.SignedSpec, len(d.cfg.Providers))
	d.each(r.Context(), func(i int, p *Provider) error {
		ss, err := d.client(p).Spec(r.Context(), fn, d.cfg.Verifier)
		specs[i] = ss
		return err
	})
	var ss *wf.SignedSpec
	var hs []holder
	for i, s := range specs {
		if s != nil {
			ss = s
			hs = append(hs, holder{Index: i, Name: d.cfg.Providers[i].Name})
		}
	}
	if ss == nil {
		d.fail(w, r, http.StatusNotFound, "No provider here holds function "+fn.String()+".")
		return nil, nil, false
	}
	if ss.Spec.Owner != sessionOf(r).addr {
		d.fail(w, r, http.StatusForbidden, "This function belongs to another owner; only its owner sees its page.")
		return nil, nil, false
	}
	return ss, hs, true
}

func (d *Dashboard) serveFunction(w http.ResponseWriter, r *http.Request) {
	ss, hs, ok := d.function(w, r)
	if !ok {
		return
	}
	s := ss.Spec
	var env, exts []string
	for k := range s.Env {
		env = append(env, k)
	}
	for k, e := range s.Extensions {
		if e.Required {
			k += " (required)"
		}
		exts = append(exts, k)
	}
	slices.Sort(env)
	slices.Sort(exts)
	var wg sync.WaitGroup
	for i := range hs {
		h := &hs[i]
		p := &d.cfg.Providers[h.Index]
		h.URL = strings.TrimSuffix(p.URL, "/") + "/" + r.PathValue("cid") + "/"
		wg.Go(func() {
			if info, err := d.client(p).Info(r.Context()); err == nil {
				h.Price = info.Price.Big()
				if info.SealingKey != nil {
					h.Sealing = info.SealingKey.ID()
				}
			}
		})
	}
	wg.Wait()
	data := map[string]any{"CID": r.PathValue("cid"), "Owner": s.Owner.Checksum(), "Spec": s, "Env": env, "Extensions": exts,
		"Holders": hs, "Policy": policyOf(&s), "Provenance": provenanceOf(&s)}
	if engine, ok := spec.JSEngine(&s); ok {
		data["JSEngine"] = engine
	}
	data["Grants"] = grantsOf(&s, hs)
	d.render(w, r, http.StatusOK, "function", page{Title: "Function " + r.PathValue("cid"), Nav: "functions", Data: data})
}

// grantsOf lists the sealing keys a sealed function's data key is wrapped
// to, each with the holders that have that key; nil for an unsealed one.
func grantsOf(s *wf.Spec, hs []holder) []grantRow {
	if s.Sealed == nil {
		return nil
	}
	var gs []grantRow
	for _, g := range s.Sealed.Grants {
		row := grantRow{Key: base64.StdEncoding.EncodeToString(g.Key[:])}
		for _, h := range hs {
			if h.Sealing == g.Key {
				row.Holders = append(row.Holders, h.Name)
			}
		}
		gs = append(gs, row)
	}
	return gs
}

// policyOf reads the wf.callers extension of s: without it anyone may
// call, and the owner pays for what callers do not pay for.
func policyOf(s *wf.Spec) policy {
	var p policy
	var errs []string
	if x, ok := s.Extensions[spec.CallersExtension]; ok {
		if c, err := spec.DecodeCallers(x.Data); err != nil {
			errs = append(errs, err.Error())
		} else {
			p.CallerPays = c.CallerPays == spec.CallerPaysRequired
			if c.OwnerPays != nil {
				p.OwnerPays = c.OwnerPays.String()
			}
			if c.PerCaller != nil {
				p.PerCaller = c.PerCaller.String()
			}
		}
	}
	if c, err := spec.CICallersOf(s); err != nil {
		errs = append(errs, err.Error())
	} else if c != nil {
		p.CICallers = c.Rules
	}
	if x, ok := s.Extensions[spec.AccessExtension]; ok {
		if a, err := spec.DecodeAccess(x.Data); err != nil {
			errs = append(errs, err.Error())
		} else {
			p.Credential = credentialOf(a, x.Data)
		}
	}
	if pl, err := spec.PlacementOf(s); err != nil {
		errs = append(errs, err.Error())
	} else if pl != nil {
		p.Placement = &placement{Region: pl.Region, MaxPrice: pl.Price(), AttestedBy: pl.AttestedBy, AllOf: pl.AllOf, MinScore: pl.MinScore}
	}
	p.Err = strings.Join(errs, "; ")
	return p
}

// provenanceOf reads the wf.ci extension of s; nil when the owner's key
// signed the spec itself.
func provenanceOf(s *wf.Spec) *provenance {
	c, err := spec.CIOf(s)
	switch {
	case err != nil:
		return &provenance{Err: err.Error()}
	case c == nil:
		return nil
	}
	return &provenance{BuiltFrom: c.BuiltFrom(), Provenance: c.Provenance, Delegate: c.Delegation.Delegate, Scopes: c.Delegation.Scopes,
		NotBefore: time.Unix(c.Delegation.NotBefore, 0), NotAfter: time.Unix(c.Delegation.NotAfter, 0)}
}

// provider is the i-th provider, from the form field provider.
func (d *Dashboard) provider(r *http.Request) (*Provider, error) {
	i, err := strconv.Atoi(r.PostFormValue("provider"))
	if err != nil || i < 0 || i >= len(d.cfg.Providers) {
		return nil, errNoProvider
	}
	return &d.cfg.Providers[i], nil
}

// serveLogsRequest answers the typed data the owner's wallet signs to
// read the function's logs at one provider, good for client.LogsWindow.
func (d *Dashboard) serveLogsRequest(w http.ResponseWriter, r *http.Request) {
	fn, err := wf.ParseCID(r.PathValue("cid"))
	p, perr := d.provider(r)
	if err != nil || perr != nil {
		d.fail(w, r, http.StatusBadRequest, "Say which function and which provider.")
		return
	}
	expires := d.cfg.Now().Add(client.LogsWindow).Unix()
	d.writeTypedData(w, r, wf.LogsRequest{Function: fn, Provider: p.Address, Expires: expires}, expires)
}

// writeTypedData answers the EIP-712 typed data of m for the wallet to
// sign, with its expiry.
func (d *Dashboard) writeTypedData(w http.ResponseWriter, r *http.Request, m wf.Message, expires int64) {
	td, err := chain.TypedDataJSON(m)
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"expires": expires, "typedData": json.RawMessage(td)})
}

// serveLogs forwards the owner's wallet signature to the provider and
// renders the invocations it answers, as a fragment the page inserts.
// The signature must be the signed-in user's: the dashboard does not
// relay other people's signatures.
func (d *Dashboard) serveLogs(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := d.function(w, r); !ok {
		return
	}
	fn, _ := wf.ParseCID(r.PathValue("cid"))
	p, err := d.provider(r)
	expires, err2 := strconv.ParseInt(r.PostFormValue("expires"), 10, 64)
	sig, err3 := parseSig(r.PostFormValue("signature"))
	if err != nil || err2 != nil || err3 != nil {
		d.fail(w, r, http.StatusBadRequest, "The log read needs a provider, an expiry and the wallet's signature.")
		return
	}
	m := wf.LogsRequest{Function: fn, Provider: p.Address, Expires: expires}
	if signer, err := d.cfg.Verifier.Recover(m, sig); err != nil || signer != sessionOf(r).addr {
		d.fail(w, r, http.StatusForbidden, "The signature is not yours over this log read.")
		return
	}
	var price *big.Int
	var wg sync.WaitGroup
	wg.Go(func() {
		if info, err := d.client(p).Info(r.Context()); err == nil {
			price = info.Price.Big()
		}
	})
	entries, err := d.client(p).LogsSigned(r.Context(), fn, p.Address, expires, sig)
	wg.Wait()
	status := http.StatusOK
	var msg string
	if err != nil {
		status, msg = http.StatusBadGateway, p.Name+": "+err.Error()
		var re *client.ResponseError
		if errors.As(err, &re) && (re.StatusCode == http.StatusForbidden || re.StatusCode == http.StatusUnauthorized) {
			status = http.StatusForbidden
		}
	}
	slices.Reverse(entries) // newest first
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	d.fragment.ExecuteTemplate(w, "logs", map[string]any{"Provider": p.Name, "Entries": entries, "Error": msg, "Stats": summarize(entries, price)})
}

// invocationStats sum up the invocations a provider recorded of a
// function: how many, how many failed, latency, and what they cost at
// most at the provider's price.
type invocationStats struct {
	Count, Errors int
	P50, P95      float64 // ms
	Price, Cost   *big.Int
}

// summarize computes invocationStats; price is nil when unknown. A
// failure is an answer of 500 or above or one the provider recorded an
// error for (a trap, a timeout).
func summarize(es []wf.LogEntry, price *big.Int) invocationStats {
	st := invocationStats{Count: len(es), Price: price}
	ds := make([]float64, 0, len(es))
	for _, e := range es {
		if e.Status >= 500 || e.Error != "" {
			st.Errors++
		}
		ds = append(ds, e.DurationMS)
	}
	slices.Sort(ds)
	st.P50, st.P95 = rank(ds, 0.50), rank(ds, 0.95)
	if price != nil {
		st.Cost = new(big.Int).Mul(price, big.NewInt(int64(len(es))))
	}
	return st
}

// rank is the q-quantile of sorted ds by nearest rank; 0 for none.
func rank(ds []float64, q float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(ds)))) - 1
	return ds[max(i, 0)]
}

// allowanceRow is one provider on the payments page.
type allowanceRow struct {
	Index   int // in Config.Providers
	Name    string
	Address wf.Address
	// Stake is the provider's bond when the dashboard knows the stake
	// contract; Staked says whether one could be read.
	Stake      *chain.StakeBond
	KnowsStake bool
	Cap        *big.Int // what it may still take: the hard limit
	MaxPrice   *big.Int
	Requests   string // how many requests the cap pays for at most
	// PerPeriod, if set, is the allowance's per-period cap, PeriodLeft
	// what is left of it until PeriodEnds.
	PerPeriod, PeriodLeft *big.Int
	PeriodEnds            time.Time
	Period                time.Duration
	Meter                 wf.Address // the payer's metering key, zero if none
	Err                   string
}

func (d *Dashboard) servePayments(w http.ResponseWriter, r *http.Request) {
	payer := sessionOf(r).addr
	data := map[string]any{"Chain": d.cfg.Escrow != nil, "CanChange": d.escrowTxs() != nil}
	type providerRef struct {
		Index int
		Name  string
	}
	var refs []providerRef
	for i, p := range d.cfg.Providers {
		refs = append(refs, providerRef{i, p.Name})
	}
	data["ProviderList"] = refs
	if d.cfg.Escrow != nil {
		acct, err := d.cfg.Escrow.Account(r.Context(), payer)
		if err != nil {
			data["AccountErr"] = err.Error()
		} else {
			data["Account"] = acct
		}
		rows := make([]allowanceRow, len(d.cfg.Providers))
		staked := d.stakedOf(r.Context())
		d.each(r.Context(), func(i int, p *Provider) error {
			a, err := d.cfg.Escrow.Allowance(r.Context(), payer, p.Address)
			if err != nil {
				rows[i] = allowanceRow{Name: p.Name, Address: p.Address, Err: err.Error()}
			} else {
				rows[i] = capRow(p, a, d.cfg.Now())
			}
			rows[i].Index = i
			if staked != nil {
				rows[i].KnowsStake, rows[i].Stake = true, staked[i]
			}
			return nil
		})
		// The largest exposure first.
		slices.SortStableFunc(rows, func(a, b allowanceRow) int { return cmpBig(b.Cap, a.Cap) })
		data["Allowances"] = rows
		if ps, err := d.cfg.Escrow.Payouts(r.Context(), payer, payoutWindow, maxPayoutRows); err != nil {
			data["PayoutsErr"] = err.Error()
		} else {
			names := map[wf.Address]string{}
			for _, p := range d.cfg.Providers {
				names[p.Address] = p.Name
			}
			rows := make([]payoutRow, len(ps))
			for i, p := range ps {
				rows[i] = payoutRow{Payout: p, Name: names[p.Provider]}
				if d.cfg.TxURL != "" {
					rows[i].Link = d.cfg.TxURL + p.Tx.String()
				}
			}
			data["Payouts"] = rows
		}
	}
	d.render(w, r, http.StatusOK, "payments", page{Title: "Payments", Nav: "payments", Data: data})
}

// The payments page lists the latest payouts from the last payoutWindow
// blocks (about a week of 12 s blocks).
const (
	payoutWindow  = 50_000
	maxPayoutRows = 100
)

// payoutRow is a payout and what the page shows with it.
type payoutRow struct {
	chain.Payout
	Name string // the provider's, if it is one of the dashboard's
	Link string // the transaction in a block explorer, if one is configured
}

func cmpBig(a, b *big.Int) int {
	if a == nil {
		a = new(big.Int)
	}
	if b == nil {
		b = new(big.Int)
	}
	return a.Cmp(b)
}

// payerRow is one payer in the operator's ledger: an Ethereum payer in
// one mode, or a MINA channel.
type payerRow struct {
	Payer                               wf.Address
	Mode                                ledger.Mode
	Channel                             string // a MINA channel's key, hex
	Charged, Settled, InFlight, Pending ledger.Totals
}

// IsMina reports whether the row is a MINA channel.
func (r payerRow) IsMina() bool { return r.Mode == ledger.Mina }

// Amount is x in the row's currency: USDC, or MINA for a channel
// (nanomina, 9 decimals).
func (r payerRow) Amount(x *big.Int) string {
	if r.Mode != ledger.Mina {
		return wf.NewAmount(x).USDC() + " USDC"
	}
	if x == nil {
		x = new(big.Int)
	}
	q, m := new(big.Int).QuoRem(x, big.NewInt(1_000_000_000), new(big.Int))
	return fmt.Sprintf("%s.%09d MINA", q, m.Abs(m).Int64())
}

// maxLoadedRows bounds the loaded functions listed, most recent first.
const maxLoadedRows = 50

// maxPayerRows bounds the ledger table; the largest pending come first.
const maxPayerRows = 500

func (d *Dashboard) serveAdmin(w http.ResponseWriter, r *http.Request) {
	p := d.operatorOf(sessionOf(r).addr)
	if p == nil {
		d.fail(w, r, http.StatusForbidden, "The console is for a provider's operator: sign in with the provider's key.")
		return
	}
	c := d.client(p)
	data := map[string]any{"Provider": p}
	var wg sync.WaitGroup
	var info *client.Info
	var infoErr, healthErr, metricsErr error
	var m metrics
	wg.Go(func() { info, infoErr = c.Info(r.Context()) })
	wg.Go(func() { healthErr = d.health(r.Context(), p) })
	wg.Go(func() { m, metricsErr = d.scrape(r.Context(), p) })
	var inc *incentivesView
	wg.Go(func() { inc = d.incentivesOf(r.Context(), p.Address) })
	if d.cfg.Audits != nil {
		wg.Go(func() {
			rows, err := d.cfg.Audits.attestationsAbout(r.Context(), p.Name, d.cfg.Now())
			data["Attestations"], data["AttestationsErr"] = rows, errText(err)
		})
	}
	wg.Wait()
	data["Incentives"] = inc
	data["Info"], data["InfoErr"] = info, errText(infoErr)
	data["Healthy"], data["HealthErr"] = healthErr == nil, errText(healthErr)
	data["Metrics"], data["MetricsErr"] = m, errText(metricsErr)
	data["Console"] = d.localConsoleView(p)
	for i := range d.cfg.Providers {
		if &d.cfg.Providers[i] == p {
			data["Index"] = i
		}
	}
	d.render(w, r, http.StatusOK, "admin", page{Title: "Operator console", Nav: "admin", Data: data})
}

// Batches is what the console reads of a ledger's settlements in flight;
// *ledger.Ledger implements it.
type Batches interface {
	InFlightBatches() ([]*ledger.Batch, error)
}

// earnings are a node's totals over every payer it served: settled on
// the chain, in flight, pending, and stranded (charged under a metering
// key the owner replaced: never to be paid).
type earnings struct {
	Settled, InFlight, Pending, Stranded ledger.Totals
}

func earningsOf(accts map[ledger.Key]ledger.Account) earnings {
	var charged ledger.Totals
	e := earnings{}
	for _, t := range []*ledger.Totals{&charged, &e.Settled, &e.InFlight, &e.Stranded} {
		t.Amount = new(big.Int)
	}
	add := func(t *ledger.Totals, o ledger.Totals) {
		t.Count += o.Count
		if o.Amount != nil {
			t.Amount.Add(t.Amount, o.Amount)
		}
	}
	for k, a := range accts {
		if k.Mode == ledger.Mina {
			continue // MINA, not USDC: its channels are in the ledger's rows
		}
		add(&charged, a.Charged)
		add(&e.Settled, a.Settled)
		add(&e.InFlight, a.InFlight)
		add(&e.Stranded, a.Stranded)
	}
	// Pending is per account charged less settled, in flight and
	// stranded; so is its sum.
	e.Pending = ledger.Totals{Count: charged.Count - e.Settled.Count - e.InFlight.Count - e.Stranded.Count,
		Amount: charged.Amount.Sub(charged.Amount, e.Settled.Amount).Sub(charged.Amount, e.InFlight.Amount).Sub(charged.Amount, e.Stranded.Amount)}
	return e
}

// stuckAfter is how long a settlement transaction may stay unmined before
// the console calls it stuck: the settler's default wait before it bumps
// the fees (payment.Config.BumpAfter).
const stuckAfter = chain.DefaultBumpAfter

// settlementRow is a settlement in flight on the console.
type settlementRow struct {
	ID      uint64
	Payer   wf.Address
	Mode    ledger.Mode
	Count   uint64
	Amount  *big.Int
	State   ledger.State
	Age     time.Duration // since the batch was prepared
	Tx      string        // the latest transaction, "" before one is signed
	Nonce   uint64
	Bumps   int           // transactions it replaced with higher fees
	Unmined time.Duration // since the latest transaction was signed
	Stuck   bool
}

// settlementRows lists bs oldest first, each stuck when its latest
// transaction has waited longer than stuckAfter.
func settlementRows(bs []*ledger.Batch, now time.Time) []settlementRow {
	rows := make([]settlementRow, 0, len(bs))
	for _, b := range bs {
		r := settlementRow{ID: b.ID, Payer: b.Payer, Mode: b.Mode, Count: b.Count, Amount: b.Amount, State: b.State,
			Age: now.Sub(b.Created).Round(time.Second), Bumps: len(b.Replaced)}
		if b.Tx != nil {
			r.Tx, r.Nonce = b.Tx.Hash.String(), b.Tx.Nonce
			r.Unmined, r.Stuck = unmined(b.Tx.Signed, b.Created, now)
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b settlementRow) int { return cmp.Compare(a.ID, b.ID) })
	return rows
}

// unmined is how long a transaction signed at signed (zero in older
// records: the batch's creation stands in) has waited, and whether it is
// stuck.
func unmined(signed, created, now time.Time) (time.Duration, bool) {
	if signed.IsZero() {
		signed = created
	}
	d := now.Sub(signed).Round(time.Second)
	return d, d > stuckAfter
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
