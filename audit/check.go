package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Check names, as reports carry them.
const (
	CheckOwnership    = "ownership"     // the endpoint proves it holds the registered address
	CheckManifest     = "manifest"      // /v1/info serves the registered manifest
	CheckManifestInfo = "manifest-info" // the manifest agrees with what /v1/info says
	CheckPrice        = "price"         // /v1/info's and every answer's price is the registered one
	CheckRegion       = "region"        // the claimed region is possible at the latencies seen
	CheckDeploy       = "deploy"        // the canary was accepted
	CheckHash         = "canary-hash"   // keyed hash of body and nonce
	CheckCPU          = "canary-cpu"    // CPU loop with a fixed result
	CheckMemoryMax    = "canary-memory-max"
	CheckMemoryOver   = "canary-memory-over"
	CheckTimeout      = "canary-timeout" // an endless loop is stopped at the spec's timeout
	CheckReceipts     = "receipts"       // a paid provider's receipts verify and charge the registered price
	CheckMina         = "mina"           // the manifest's MINA terms are /v1/info's (only when the manifest states some)
)

// infoWire is the part of /v1/info the audit reads.
type infoWire struct {
	client.Info
	SealingKey  string          `json:"sealingKey"` // shadows Info's parsed key
	Manifest    json.RawMessage `json:"manifest"`
	ManifestCID string          `json:"manifestCID"`
	// Mina is the MINA rail's terms, if the provider takes MINA.
	Mina *manifest.MinaTerms `json:"mina"`
}

// countingTransport counts the requests an audit sends.
type countingTransport struct {
	rt http.RoundTripper
	n  atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.rt.RoundTrip(r)
}

// audit is one provider's audit in progress.
type audit struct {
	*Auditor
	p      chain.Provider
	hc     *http.Client
	ct     *countingTransport
	r      *Report
	base   string
	price  *big.Int
	minRTT time.Duration // fastest answer seen
}

// check audits p and returns the unsigned report.
func (a *Auditor) check(ctx context.Context, p chain.Provider) *Report {
	rt := a.cfg.HTTP.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	ct := &countingTransport{rt: rt}
	hc := *a.cfg.HTTP
	hc.Transport = ct
	au := &audit{Auditor: a, p: p, hc: &hc, ct: ct, base: strings.TrimSuffix(p.Endpoint, "/"), price: priceOf(p.PricePerRequest),
		r: &Report{Schema: ReportSchema, Auditor: a.Address(), Provider: p.Name, Owner: p.Owner, Endpoint: p.Endpoint,
			Time: a.cfg.Now().UTC().Format(time.RFC3339), ManifestCID: p.MetadataCID}}
	au.run(ctx)
	au.r.Requests = int(ct.n.Load())
	return au.r
}

func (au *audit) run(ctx context.Context) {
	r := au.r
	empty := sha256.Sum256(nil)
	r.ManifestHash = hex.EncodeToString(empty[:])
	if c, err := wf.ParseCID(au.p.MetadataCID); err == nil {
		if h, ok := manifest.Hash(c); ok {
			r.ManifestHash = hex.EncodeToString(h[:])
		}
	}
	owner := au.ownership(ctx)
	info, err := au.info(ctx)
	if err != nil {
		r.add(CheckManifest, false, "/v1/info: %v", err)
	} else {
		m := au.manifest(info)
		au.priceCheck(info, m)
		au.canaries(ctx, info, m)
		au.sha256Canary(ctx) // with a stake contract (stake_canary.go)
		au.region(m)
	}
	passed := 0
	for _, c := range r.Checks {
		if c.OK {
			passed++
		}
	}
	score := float64(passed) / float64(len(r.Checks)) * r.Success
	if !owner {
		score = 0
	}
	r.Score = uint16(score*chain.MaxScore + 0.5)
}

// get GETs path from the provider, timing it.
func (au *audit) get(ctx context.Context, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, au.base+path, nil)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	res, err := au.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	au.seen(time.Since(start))
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %.200s", res.StatusCode, b)
	}
	return b, nil
}

func (au *audit) seen(d time.Duration) {
	if au.minRTT == 0 || d < au.minRTT {
		au.minRTT = d
	}
}

func (au *audit) ownership(ctx context.Context) bool {
	n := wf.NewNonce()
	b, err := au.get(ctx, chain.ChallengePath+"?nonce="+n.String()+"&gateway="+url.QueryEscape(au.cfg.Name))
	if err != nil {
		au.r.add(CheckOwnership, false, "challenge: %v", err)
		return false
	}
	var proof chain.Proof
	if err := json.Unmarshal(b, &proof); err != nil {
		au.r.add(CheckOwnership, false, "challenge answer: %v", err)
		return false
	}
	if err := proof.Verify(wf.EndpointChallenge{Gateway: au.cfg.Name, Nonce: n}); err != nil {
		au.r.add(CheckOwnership, false, "proof: %v", err)
		return false
	}
	if proof.Address != au.p.Owner {
		au.r.add(CheckOwnership, false, "endpoint is %s's, the name %s's", proof.Address.Checksum(), au.p.Owner.Checksum())
		return false
	}
	au.r.add(CheckOwnership, true, "")
	return true
}

func (au *audit) info(ctx context.Context) (*infoWire, error) {
	b, err := au.get(ctx, "/v1/info")
	if err != nil {
		return nil, err
	}
	var info infoWire
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, err
	}
	return &info, nil
}

// manifest checks the served manifest against the registry and against
// /v1/info, returning it (nil when there is none to trust).
func (au *audit) manifest(info *infoWire) *manifest.Manifest {
	r := au.r
	switch {
	case au.p.MetadataCID == "":
		r.add(CheckManifest, false, "no manifest registered")
		return nil
	case len(info.Manifest) == 0:
		r.add(CheckManifest, false, "manifest %s registered, none served in /v1/info", au.p.MetadataCID)
		return nil
	case manifest.CID(info.Manifest).String() != au.p.MetadataCID:
		r.add(CheckManifest, false, "serves manifest %s, registered %s", manifest.CID(info.Manifest), au.p.MetadataCID)
		return nil
	}
	m, err := manifest.Parse(info.Manifest)
	if err != nil {
		r.add(CheckManifest, false, "%v", err)
		return nil
	}
	if m.Name != au.p.Name {
		r.add(CheckManifest, false, "manifest names %q, registered as %q", m.Name, au.p.Name)
		return nil
	}
	r.add(CheckManifest, true, "")
	var bad []string
	if m.Limits.MaxMemoryPages != info.Limits.MemoryPages {
		bad = append(bad, fmt.Sprintf("maxMemoryPages %d, /v1/info %d", m.Limits.MaxMemoryPages, info.Limits.MemoryPages))
	}
	if m.Limits.MaxTimeoutMS != info.Limits.TimeoutMS {
		bad = append(bad, fmt.Sprintf("maxTimeoutMs %d, /v1/info %d", m.Limits.MaxTimeoutMS, info.Limits.TimeoutMS))
	}
	if m.Software != info.Version {
		bad = append(bad, fmt.Sprintf("software %q, /v1/info %q", m.Software, info.Version))
	}
	for _, rt := range m.Runtimes {
		if !slices.Contains(info.Runtimes, rt) {
			bad = append(bad, fmt.Sprintf("runtime %s not in /v1/info", rt))
		}
	}
	if m.Has("sealed") != (info.SealingKey != "") {
		bad = append(bad, fmt.Sprintf("feature sealed %v, /v1/info sealing key %v", m.Has("sealed"), info.SealingKey != ""))
	}
	if mp, _ := m.PriceInt(); mp.Cmp(au.price) != 0 {
		bad = append(bad, fmt.Sprintf("price %s, registered %s", mp, au.price))
	}
	r.add(CheckManifestInfo, len(bad) == 0, strings.Join(bad, "; "))
	if m.Mina != nil {
		au.minaCheck(m.Mina, info.Mina)
	}
	return &m
}

// minaCheck compares the MINA terms a manifest states with the ones its
// /v1/info serves: a manifest must not promise callers a key, network or
// price the node's rail does not take.
func (au *audit) minaCheck(m, info *manifest.MinaTerms) {
	switch {
	case info == nil:
		au.r.add(CheckMina, false, "the manifest states MINA terms; /v1/info has none (the node takes no MINA)")
	case m.Network != info.Network || m.Provider != info.Provider || m.Price != info.Price:
		au.r.add(CheckMina, false, "manifest MINA terms %s %s %s nanomina, /v1/info %s %s %s", m.Network, m.Provider, m.Price, info.Network, info.Provider, info.Price)
	default:
		au.r.add(CheckMina, true, "")
	}
}

func (au *audit) priceCheck(info *infoWire, _ *manifest.Manifest) {
	if info.Price.Big().Cmp(au.price) != 0 {
		au.r.add(CheckPrice, false, "/v1/info price %s, registered %s", info.Price.Big(), au.price)
		return
	}
	au.r.add(CheckPrice, true, "")
}

// region checks that the claimed region is physically possible: the
// fastest answer seen cannot beat light in fibre from the auditor's region.
func (au *audit) region(m *manifest.Manifest) {
	if m == nil || m.Region == "" || au.cfg.Region == "" {
		return
	}
	need := manifest.MinRTT(au.cfg.Region, m.Region)
	if au.minRTT < need*8/10 {
		au.r.add(CheckRegion, false, "claims %s but answered in %s; from %s that takes at least %s",
			m.Region, au.minRTT.Round(time.Microsecond), au.cfg.Region, need.Round(time.Millisecond))
		return
	}
	au.r.add(CheckRegion, true, "")
}

// canaries deploys a fresh canary and asks it what only running it
// unmodified answers; every answer's price and receipt is checked.
func (au *audit) canaries(ctx context.Context, info *infoWire, m *manifest.Manifest) {
	r := au.r
	maxPages := info.Limits.MemoryPages
	if m != nil {
		maxPages = m.Limits.MaxMemoryPages // the claim is what is tested
	}
	// Two canaries, each with its own key: one with the provider's
	// default timeout for the answers, one with a short timeout for the
	// endless loop, so a slow answer never passes for a timeout.
	deploy := func(l wf.Limits) (wf.CID, [canaryKeyLen]byte, error) {
		var key [canaryKeyLen]byte
		copy(key[:], random(canaryKeyLen))
		s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(au.cfg.Now()), Limits: l}
		pkg, err := client.Pack(ctx, bytes.NewReader(canaryModule(key)), s, au.cfg.Key)
		if err != nil {
			return wf.CID{}, key, err
		}
		c := client.New(au.base)
		c.HTTP = au.hc
		_, err = c.Deploy(ctx, pkg)
		return pkg.CID, key, err
	}
	fn, key, err := deploy(wf.Limits{MemoryPages: maxPages})
	var sleeper wf.CID
	if err == nil {
		sleeper, _, err = deploy(wf.Limits{TimeoutMS: au.cfg.CanaryTimeout.Milliseconds()})
	}
	if err != nil {
		r.add(CheckDeploy, false, "%v", err)
		return
	}
	r.add(CheckDeploy, true, "")
	var (
		lat          []time.Duration
		asked, right int
		priceBad     []string
		receiptBad   []string
	)
	invokeFn := func(fn wf.CID, body []byte) (int, string) {
		asked++
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, au.base+"/"+fn.String()+"/", bytes.NewReader(body))
		if err != nil {
			return 0, err.Error()
		}
		req.Header.Set(payment.SignReceiptHeader, "1") // every answer's receipt is checked
		start := time.Now()
		res, err := au.hc.Do(req)
		if err != nil {
			return 0, err.Error()
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
		d := time.Since(start)
		au.seen(d)
		if body[0] == 'H' {
			lat = append(lat, d)
		}
		if res.StatusCode == http.StatusOK {
			if msg := au.payment(res.Header, fn); msg != "" {
				if strings.HasPrefix(msg, "price") {
					priceBad = append(priceBad, msg)
				} else {
					receiptBad = append(receiptBad, msg)
				}
			}
		}
		return res.StatusCode, strings.TrimSpace(string(b))
	}
	invoke := func(body []byte) (int, string) { return invokeFn(fn, body) }
	okHash := true
	for range au.cfg.Samples {
		body := append([]byte("H"), random(32)...)
		st, got := invoke(body)
		if want := canaryHash(key, body); st == http.StatusOK && got == want {
			right++
		} else if okHash {
			okHash = false
			r.add(CheckHash, false, "status %d answer %.40q, want %s", st, got, want)
		}
	}
	if okHash {
		r.add(CheckHash, true, "")
	}
	rounds := au.cfg.CPURounds + randomU32()%1024 // not the same loop twice
	if st, got := invoke(canaryBody('C', rounds)); st == http.StatusOK && got == canaryCPU(rounds) {
		right++
		r.add(CheckCPU, true, "")
	} else {
		r.add(CheckCPU, false, "status %d answer %.40q, want %s", st, got, canaryCPU(rounds))
	}
	if st, got := invoke(canaryBody('M', maxPages)); st == http.StatusOK && got == canaryGrown {
		right++
		r.add(CheckMemoryMax, true, "")
	} else {
		r.add(CheckMemoryMax, false, "%d pages (the claimed maximum): status %d answer %.40q", maxPages, st, got)
	}
	// One page more must fail: refused by the grow, or the request fails.
	if st, got := invoke(canaryBody('M', maxPages+1)); st != http.StatusOK || got == canaryOOM {
		right++
		r.add(CheckMemoryOver, true, "")
	} else {
		r.add(CheckMemoryOver, false, "%d pages (one over the maximum) succeeded: answer %.40q", maxPages+1, got)
	}
	// The sleeper must be stopped at the spec's timeout: not before (the
	// provider cut it short), not long after (it does not enforce it).
	start := time.Now()
	st, got := invokeFn(sleeper, []byte("S"))
	took, limit := time.Since(start), au.cfg.CanaryTimeout
	if st == http.StatusGatewayTimeout && took >= limit*9/10 && took <= limit+2*time.Second {
		right++
		r.add(CheckTimeout, true, "")
	} else {
		r.add(CheckTimeout, false, "an endless loop with a %s timeout: status %d after %s (%.40q)", limit, st, took.Round(time.Millisecond), got)
	}
	r.Success = float64(right) / float64(asked)
	r.LatencyP50MS = ms(percentile(lat, 0.5))
	r.LatencyP95MS = ms(percentile(lat, 0.95))
	r.add(CheckPrice+"-answers", len(priceBad) == 0, strings.Join(uniq(priceBad), "; "))
	if au.price.Sign() > 0 {
		r.add(CheckReceipts, len(receiptBad) == 0, strings.Join(uniq(receiptBad), "; "))
	}
}

// payment checks one answer's price and, on a paid provider, its receipt;
// "" when both are right.
func (au *audit) payment(h http.Header, fn wf.CID) string {
	got := h.Get(wf.PriceHeader)
	if au.price.Sign() == 0 {
		if got != "" && got != "0" {
			return "price: answer charges " + got + ", registered free"
		}
		return ""
	}
	if got != au.price.String() {
		return fmt.Sprintf("price: answer says %q, registered %s", got, au.price)
	}
	enc := h.Get(wf.ReceiptHeader)
	if enc == "" {
		return "receipt missing"
	}
	rc, err := payment.DecodeReceipt(enc)
	if err != nil {
		return "receipt: " + err.Error()
	}
	if err := payment.VerifyReceipt(rc, au.p.Owner); err != nil {
		return "receipt: " + err.Error()
	}
	if rc.Amount.Cmp(au.price) != 0 || rc.Function != fn || rc.Payer != au.Address() {
		return fmt.Sprintf("receipt charges %s for %s to %s", rc.Amount, rc.Function, rc.Payer.Checksum())
	}
	return ""
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func uniq(s []string) []string { slices.Sort(s); return slices.Compact(s) }
