// Package audit checks registered providers continuously and says what it
// found on-chain. Anyone can run an Auditor (`wf audit serve`); callers
// and gateways choose whose attestations they trust (package discovery).
//
// Every sweep, for every provider in the registry, in parallel and in
// random order: the endpoint ownership challenge; its manifest (the
// registry's metadata CID) against what /v1/info serves and says; a
// canary function deployed under a fresh CID (see canary.go) asked for a
// keyed hash, a CPU loop's result, memory at the claimed maximum and one
// page more, an endless loop that must be stopped at the spec's timeout;
// the price of every answer against the registered one, and
// on a paid provider its signed receipts; latency (p50, p95) and success
// rate from the auditor's vantage point; and whether the claimed region
// is physically possible from the auditor's region at the latencies seen.
// The result is a Report, signed by the auditor and stored as a block by
// CID, and an attestation (chain.Attestations) naming the provider, the
// manifest hash, the report's CID, a score and an expiry.
package audit

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	mrand "math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// SchemaName names the check suite; attestations carry SchemaID(SchemaName).
const SchemaName = "wf-audit-v1"

// Schema is the attestation schema of this package's checks.
var Schema = chain.SchemaID(SchemaName)

// Registry lists the providers to audit; *chain.Client implements it.
type Registry interface {
	ListProviders(ctx context.Context) ([]chain.Provider, error)
}

// Config configures an Auditor. Registry and Key are required.
type Config struct {
	Registry Registry
	// Key is the auditor's identity: it owns (and, on paid providers,
	// pays for) the canaries and signs reports.
	Key *chain.Key
	// Attestations, when set, records each report on-chain, called as Key.
	Attestations *chain.Attestations
	// Name is the auditor's name in endpoint challenges. Default "auditor".
	Name string
	// Store keeps the signed reports, by CID. Default: in memory.
	Store wf.BlockStore
	HTTP  *http.Client // default: a client with a 30 s timeout
	// Interval is the time between sweeps, randomised by ±Jitter (a
	// fraction) so providers cannot predict them. Defaults 10 min, 0.2.
	Interval time.Duration
	Jitter   float64
	// Region is where the auditor runs (manifest.Regions); empty skips
	// the region plausibility check.
	Region string
	// Samples is how many keyed-hash requests measure latency. Default 5.
	Samples int
	// CPURounds is the CPU canary's loop count. Default 2,000,000.
	CPURounds uint32
	// CanaryTimeout is the canary's spec timeout, which the sleeper must
	// be stopped at. Default 500 ms.
	CanaryTimeout time.Duration
	// TTL is how long attestations hold. Default chain.DefaultAttestationTTL.
	TTL time.Duration
	// Parallel bounds the providers audited at once. Default 4.
	Parallel int
	// Stake, if set, adds the sha256 canary and slashing (UseStake).
	Stake *chain.Stake
	Log   *slog.Logger     // default: discard
	Now   func() time.Time // default time.Now
}

// Auditor sweeps the registry. It is safe for concurrent use.
type Auditor struct {
	cfg Config
	log *slog.Logger

	mu     sync.Mutex
	latest map[string]Result // by provider name
	sweeps int
	stake  *chain.Stake // UseStake (stake_canary.go)
	canary *stakeCanary

	canaryMu sync.Mutex // one canary made at a time
}

// Result is one provider's audit in one sweep.
type Result struct {
	Report *Report
	CID    wf.CID        // the signed report block
	Gas    uint64        // the attestation's gas; 0 without one
	Took   time.Duration // the audit, attestation excluded
	Err    error         // the attestation failed
}

// New returns an Auditor.
func New(cfg Config) (*Auditor, error) {
	if cfg.Registry == nil || cfg.Key == nil {
		return nil, errors.New("audit: Config.Registry and Config.Key are required")
	}
	if cfg.Name == "" {
		cfg.Name = "auditor"
	}
	if cfg.Store == nil {
		cfg.Store = memstore.New()
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 30 * time.Second}
	}
	if cfg.Interval <= 0 {
		cfg.Interval = 10 * time.Minute
	}
	if cfg.Jitter <= 0 || cfg.Jitter >= 1 {
		cfg.Jitter = 0.2
	}
	if cfg.Samples <= 0 {
		cfg.Samples = 5
	}
	if cfg.CPURounds == 0 {
		cfg.CPURounds = 2_000_000
	}
	if cfg.CanaryTimeout <= 0 {
		cfg.CanaryTimeout = 500 * time.Millisecond
	}
	if cfg.TTL <= 0 {
		cfg.TTL = chain.DefaultAttestationTTL
	}
	if cfg.Parallel <= 0 {
		cfg.Parallel = 4
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Auditor{cfg: cfg, log: cfg.Log, latest: make(map[string]Result), stake: cfg.Stake}, nil
}

// Address is the auditor's address, the one its attestations are under.
func (a *Auditor) Address() wf.Address { return a.cfg.Key.Address() }

// Run sweeps until ctx ends: one sweep at once, then every Interval ±
// Jitter.
func (a *Auditor) Run(ctx context.Context) {
	for {
		if _, err := a.Sweep(ctx); err != nil && ctx.Err() == nil {
			a.log.Warn("audit sweep failed", "err", err)
		}
		d := time.Duration(float64(a.cfg.Interval) * (1 + a.cfg.Jitter*(2*mrand.Float64()-1)))
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// Sweep audits every registered provider once, attests each result and
// returns them in the registry's order.
func (a *Auditor) Sweep(ctx context.Context) ([]Result, error) {
	ps, err := a.cfg.Registry.ListProviders(ctx)
	if err != nil {
		return nil, fmt.Errorf("audit: list providers: %w", err)
	}
	out := make([]Result, len(ps))
	order := mrand.Perm(len(ps)) // no provider learns it is always first
	sem := make(chan struct{}, a.cfg.Parallel)
	var wg sync.WaitGroup
	for _, i := range order {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = a.auditOne(ctx, ps[i])
		})
	}
	wg.Wait()
	a.mu.Lock()
	a.sweeps++
	for _, r := range out {
		a.latest[r.Report.Provider] = r
	}
	a.mu.Unlock()
	return out, ctx.Err()
}

func (a *Auditor) auditOne(ctx context.Context, p chain.Provider) Result {
	start := time.Now()
	r := a.check(ctx, p)
	res := Result{Report: r, Took: time.Since(start)}
	if err := a.signReport(r); err != nil {
		res.Err = err
		return res
	}
	block, _ := json.Marshal(r)
	res.CID = wf.SumCID(wf.CodecJSON, block)
	if err := a.cfg.Store.Put(ctx, res.CID, block); err != nil {
		res.Err = fmt.Errorf("audit: store report: %w", err)
		return res
	}
	a.log.Info("audited", "provider", p.Name, "score", r.Score, "failed", r.Failed(), "report", res.CID)
	if a.cfg.Attestations == nil {
		return res
	}
	mh, _ := hex.DecodeString(r.ManifestHash)
	rc, err := a.cfg.Attestations.Attest(ctx, chain.Attestation{
		Provider: p.Name, Owner: p.Owner, Schema: Schema, ManifestHash: [32]byte(mh), ReportCID: res.CID.String(),
		Score: r.Score, ExpiresAt: a.cfg.Now().Add(a.cfg.TTL),
	})
	res.Gas, res.Err = rc.GasUsed, err
	if err != nil {
		a.log.Warn("attestation failed", "provider", p.Name, "err", err)
	}
	return res
}

// Latest returns the last sweep's result for each provider audited, by
// name.
func (a *Auditor) Latest() map[string]Result {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[string]Result, len(a.latest))
	for k, v := range a.latest {
		out[k] = v
	}
	return out
}

// Handler serves the auditor's reports:
//
//	GET /v1/reports        the latest report of each provider (JSON, by name)
//	GET /v1/reports/{cid}  a signed report block
func (a *Auditor) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/reports", func(w http.ResponseWriter, r *http.Request) {
		out := map[string]any{}
		for name, res := range a.Latest() {
			out[name] = map[string]any{"cid": res.CID.String(), "report": res.Report}
		}
		httperr.WriteJSON(w, http.StatusOK, map[string]any{"auditor": a.Address().Checksum(), "providers": out})
	})
	mux.HandleFunc("GET /v1/reports/{cid}", func(w http.ResponseWriter, r *http.Request) {
		c, err := wf.ParseCID(r.PathValue("cid"))
		if err != nil {
			httperr.Write(w, nil, err)
			return
		}
		b, err := a.cfg.Store.Get(r.Context(), c)
		if err != nil {
			httperr.Write(w, nil, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	})
	return mux
}

// random fills n random bytes.
func random(n int) []byte {
	b := make([]byte, n)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		panic(err) // crypto/rand does not fail
	}
	return b
}

func randomU32() uint32 { return binary.LittleEndian.Uint32(random(4)) }

// percentile is the p-th percentile (0..1) of ds, nearest rank.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func priceOf(p *big.Int) *big.Int { return cmp.Or(p, new(big.Int)) }
