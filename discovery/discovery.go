// Package discovery finds providers by criteria: the registry, each
// provider's manifest (package manifest), and the attestations of the
// auditors the caller trusts (package audit, chain.Attestations). Hard
// filters (runtime, features, region, maximum price, attested by any or
// all of some auditors, minimum score, software version, a bond in the
// stake contract) decide who is eligible; the caller's own ranking (the
// gateway's score, the CLI's attested score and price) orders the rest.
//
// A manifest's claims count only as far as an auditor attested to that
// very manifest: an attestation names the manifest's hash, so a provider
// that publishes a new manifest is unattested until its next audit.
//
// The gateway uses a Filter for smart routing; `wf providers search` uses
// Search.
package discovery

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
)

// Criteria are hard filters; the zero value admits everyone.
type Criteria struct {
	Runtime  string   // e.g. wf.RuntimeWAGI
	Features []string // every one must be listed
	// Region is a region or a prefix of regions: "eu" admits eu-west.
	Region string
	// MaxPrice is the most a request may cost, in token base units; nil:
	// any price.
	MaxPrice *big.Int
	// AttestedBy are the auditors trusted: a provider needs a valid
	// attestation (for its current manifest, unexpired, unrevoked) from
	// any of them, or from all of them with AllOf.
	AttestedBy []wf.Address
	AllOf      bool
	// MinScore (0 to 1) is the least attested score: the best trusted
	// score, or with AllOf the worst. Needs AttestedBy.
	MinScore float64
	// MinVersion is the least software version (dotted numbers).
	MinVersion string
	// Staked admits only providers with a bond in the Source's stake
	// contract (Source.Stake) at its minimum and not being unbonded: a
	// bond that a provably wrong answer to a canary loses (issue 17).
	Staked bool
}

// Validate checks the criteria's forms.
func (c Criteria) Validate() error {
	if c.MinScore < 0 || c.MinScore > 1 {
		return fmt.Errorf("%w: discovery: minimum score %g is not between 0 and 1", wf.ErrInvalid, c.MinScore)
	}
	if c.MinScore > 0 && len(c.AttestedBy) == 0 {
		return fmt.Errorf("%w: discovery: a minimum score needs the auditors whose scores count (attested by)", wf.ErrInvalid)
	}
	if c.Region != "" && !knownRegionPrefix(c.Region) {
		return fmt.Errorf("%w: discovery: region %q matches none of %s", wf.ErrInvalid, c.Region, strings.Join(manifest.RegionNames(), ", "))
	}
	if c.MaxPrice != nil && c.MaxPrice.Sign() < 0 {
		return fmt.Errorf("%w: discovery: negative maximum price", wf.ErrInvalid)
	}
	return nil
}

// needsManifest says whether the criteria read manifest claims.
func (c Criteria) needsManifest() bool {
	return c.Runtime != "" || len(c.Features) > 0 || c.Region != "" || c.MinVersion != ""
}

func knownRegionPrefix(p string) bool {
	for _, n := range manifest.RegionNames() {
		if manifest.InRegion(n, p) {
			return true
		}
	}
	return false
}

// Candidate is one registered provider as discovery sees it.
type Candidate struct {
	Provider chain.Provider
	// Manifest is its registered manifest, verified against the CID;
	// nil when it has none or it could not be fetched.
	Manifest *manifest.Manifest
	// Attested are the trusted auditors' attestations that hold now for
	// its current manifest.
	Attested []chain.Attestation
	// Score is the attested score (0 to 1; see Criteria.MinScore), -1
	// with no attestation that holds.
	Score float64
	// Rating is what paying users' ratings make of it (0 to 1, 0.5
	// neutral), when Rated (the Source has Ratings and it answered).
	Rating float64
	Rated  bool
	// Staked says it holds a bond in the Source's stake contract (at the
	// minimum, not being unbonded); false when the Source has none.
	Staked bool
	// Excluded says why it fails the criteria; "" when it passes.
	Excluded string
}

// Source reads what discovery needs, caching it: manifests by CID (they
// never change), attestations for TTL. It is safe for concurrent use.
type Source struct {
	// Attestations is the contract to read; nil: nobody is attested.
	Attestations *chain.Attestations
	HTTP         *http.Client // fetches manifests; default 5 s timeout, public addresses only unless AllowPrivate
	// AllowPrivate lets the default HTTP client fetch manifests from
	// loopback and private addresses (dev networks, a user's own
	// command line). A server reading endpoints anyone can register
	// leaves it off.
	AllowPrivate bool
	TTL          time.Duration    // how long a read attestation is reused; default 30 s
	Now          func() time.Time // default time.Now
	// Ratings, if set, weighs providers by paying users' ratings next to
	// their attested score (see Search): a weight from 0 to 1, 0.5 for
	// none (package rewards' RatingSummary.Weight).
	Ratings func(ctx context.Context, provider wf.Address) (float64, error)
	// Stake, if set, is read for each provider's bond (cached for TTL):
	// Candidate.Staked and Criteria.Staked.
	Stake *chain.Stake

	mu        sync.Mutex
	manifests map[string]manifestEntry // by CID
	atts      map[attKey]attEntry
	stakes    map[wf.Address]stakeEntry
}

type stakeEntry struct {
	staked bool
	at     time.Time
}

type manifestEntry struct {
	m     *manifest.Manifest // nil: fetch failed
	retry time.Time          // when a failed fetch may be tried again
}

type attKey struct {
	auditor  wf.Address
	provider string
}

type attEntry struct {
	a       chain.Attestation // zero: none
	at      time.Time
	loading bool
}

func (s *Source) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Source) ttl() time.Duration {
	if s.TTL > 0 {
		return s.TTL
	}
	return 30 * time.Second
}

// Candidates evaluates ps against c. Reads missing from the caches are
// made concurrently; stale attestations are served while being re-read.
func (s *Source) Candidates(ctx context.Context, ps []chain.Provider, c Criteria) []Candidate {
	out := make([]Candidate, len(ps))
	var wg sync.WaitGroup
	for i, p := range ps {
		out[i].Provider = p
		if c.needsManifest() {
			wg.Go(func() { out[i].Manifest = s.manifest(ctx, p) })
		}
	}
	for i, p := range ps {
		wg.Go(func() { out[i].Attested, out[i].Score = s.attested(ctx, p, c) })
		if s.Stake != nil {
			wg.Go(func() { out[i].Staked = s.staked(ctx, p.Owner) })
		}
		if s.Ratings != nil {
			wg.Go(func() {
				if w, err := s.Ratings(ctx, p.Owner); err == nil && w >= 0 && w <= 1 {
					out[i].Rating, out[i].Rated = w, true
				}
			})
		}
	}
	wg.Wait()
	for i := range out {
		out[i].Excluded = c.check(out[i])
	}
	return out
}

// check is why cand fails c, or "".
func (c Criteria) check(cand Candidate) string {
	p, m := cand.Provider, cand.Manifest
	if c.MaxPrice != nil && p.PricePerRequest != nil && p.PricePerRequest.Cmp(c.MaxPrice) > 0 {
		return fmt.Sprintf("price %s>%s", p.PricePerRequest, c.MaxPrice)
	}
	if c.Staked && !cand.Staked {
		return "unstaked"
	}
	if len(c.AttestedBy) > 0 {
		switch {
		case len(cand.Attested) == 0:
			return "unattested"
		case c.AllOf && len(cand.Attested) < len(c.AttestedBy):
			return fmt.Sprintf("attested by %d of %d", len(cand.Attested), len(c.AttestedBy))
		case cand.Score < c.MinScore:
			return fmt.Sprintf("score %.2f<%.2f", cand.Score, c.MinScore)
		}
	}
	if !c.needsManifest() {
		return ""
	}
	if m == nil {
		return "no-manifest"
	}
	if c.Runtime != "" && !slices.Contains(m.Runtimes, c.Runtime) {
		return "runtime " + c.Runtime + " missing"
	}
	for _, f := range c.Features {
		if !m.Has(f) {
			return "feature " + f + " missing"
		}
	}
	if c.Region != "" && !manifest.InRegion(m.Region, c.Region) {
		return fmt.Sprintf("region %q not in %s", m.Region, c.Region)
	}
	if c.MinVersion != "" && compareVersions(m.Software, c.MinVersion) < 0 {
		return fmt.Sprintf("version %q<%s", m.Software, c.MinVersion)
	}
	return ""
}

// attested returns the trusted attestations holding for p's current
// manifest, and the score they give.
func (s *Source) attested(ctx context.Context, p chain.Provider, c Criteria) ([]chain.Attestation, float64) {
	if s.Attestations == nil || len(c.AttestedBy) == 0 {
		return nil, -1
	}
	mh := manifestHash(p.MetadataCID)
	now := s.now()
	var out []chain.Attestation
	score := -1.0
	for _, auditor := range c.AttestedBy {
		a := s.attestation(ctx, auditor, p.Name)
		if !a.Holds(now, p.Owner, mh) {
			continue
		}
		out = append(out, a)
		v := float64(a.Score) / chain.MaxScore
		switch {
		case score < 0:
			score = v
		case c.AllOf:
			score = min(score, v)
		default:
			score = max(score, v)
		}
	}
	return out, score
}

// manifestHash is what attestations for a provider registering cid
// name: the SHA-256 it names, or that of the empty block for none.
func manifestHash(cid string) [32]byte {
	if c, err := wf.ParseCID(cid); err == nil {
		if h, ok := manifest.Hash(c); ok {
			return h
		}
	}
	return emptyHash
}

var emptyHash = func() [32]byte {
	c := wf.SumCID(wf.CodecJSON, nil)
	h, _ := manifest.Hash(c)
	return h
}()

// attestation is auditor's latest about provider, from the cache when
// fresh; a stale one is returned while a background read refreshes it.
func (s *Source) attestation(ctx context.Context, auditor wf.Address, provider string) chain.Attestation {
	k := attKey{auditor, provider}
	now := s.now()
	s.mu.Lock()
	if s.atts == nil {
		s.atts = make(map[attKey]attEntry)
	}
	e, ok := s.atts[k]
	if ok && (now.Sub(e.at) < s.ttl() || e.loading) {
		s.mu.Unlock()
		return e.a
	}
	if ok { // stale: serve it, refresh behind
		e.loading = true
		s.atts[k] = e
		s.mu.Unlock()
		go s.load(context.WithoutCancel(ctx), k)
		return e.a
	}
	s.mu.Unlock()
	return s.load(ctx, k)
}

func (s *Source) load(ctx context.Context, k attKey) chain.Attestation {
	a, err := s.Attestations.Latest(ctx, k.auditor, k.provider, audit.Schema)
	if err != nil {
		a = chain.Attestation{} // none, or unreadable now: not attested
	}
	s.mu.Lock()
	s.atts[k] = attEntry{a: a, at: s.now()}
	s.mu.Unlock()
	return a
}

// staked reads whether provider is staked, from the cache when fresh. An
// unreadable bond counts as none.
func (s *Source) staked(ctx context.Context, provider wf.Address) bool {
	now := s.now()
	s.mu.Lock()
	e, ok := s.stakes[provider]
	s.mu.Unlock()
	if ok && now.Sub(e.at) < s.ttl() {
		return e.staked
	}
	b, err := s.Stake.BondOf(ctx, provider)
	staked := err == nil && b.Staked
	s.mu.Lock()
	if s.stakes == nil || len(s.stakes) > 4096 {
		s.stakes = make(map[wf.Address]stakeEntry)
	}
	s.stakes[provider] = stakeEntry{staked: staked, at: now}
	s.mu.Unlock()
	return staked
}

// Forget drops cached attestations and bonds, so the next read sees the chain.
func (s *Source) Forget() {
	s.mu.Lock()
	s.atts = nil
	s.stakes = nil
	s.mu.Unlock()
}

// manifest fetches p's registered manifest from its /v1/info and checks
// it against the registered CID.
func (s *Source) manifest(ctx context.Context, p chain.Provider) *manifest.Manifest {
	if p.MetadataCID == "" {
		return nil
	}
	now := s.now()
	s.mu.Lock()
	if s.manifests == nil {
		s.manifests = make(map[string]manifestEntry)
	}
	e, ok := s.manifests[p.MetadataCID]
	s.mu.Unlock()
	if ok && (e.m != nil || now.Before(e.retry)) {
		return e.m
	}
	m, _ := s.fetch(ctx, p)
	s.mu.Lock()
	if len(s.manifests) > 4096 {
		clear(s.manifests)
	}
	s.manifests[p.MetadataCID] = manifestEntry{m: m, retry: now.Add(s.ttl())}
	s.mu.Unlock()
	return m
}

func (s *Source) fetch(ctx context.Context, p chain.Provider) (*manifest.Manifest, error) {
	hc := s.HTTP
	if hc == nil {
		dial := client.Dial
		if !s.AllowPrivate {
			dial = (&net.Dialer{Timeout: 5 * time.Second, Control: client.PublicOnly}).DialContext
		}
		hc = &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DialContext: dial}}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(p.Endpoint, "/")+"/v1/info", nil)
	if err != nil {
		return nil, err
	}
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var info struct {
		Manifest json.RawMessage `json:"manifest"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&info); err != nil {
		return nil, err
	}
	if manifest.CID(info.Manifest).String() != p.MetadataCID {
		return nil, fmt.Errorf("discovery: %s serves another manifest than it registered", p.Name)
	}
	m, err := manifest.Parse(info.Manifest)
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// compareVersions compares dotted versions numerically where both parts
// are numbers ("1.10" > "1.9"), lexically otherwise; a leading v is
// ignored.
func compareVersions(a, b string) int {
	as := strings.Split(strings.TrimPrefix(a, "v"), ".")
	bs := strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := range max(len(as), len(bs)) {
		x, y := "0", "0"
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		xn, e1 := strconv.Atoi(x)
		yn, e2 := strconv.Atoi(y)
		if e1 == nil && e2 == nil {
			if xn != yn {
				return cmpInt(xn, yn)
			}
			continue
		}
		if x != y {
			return strings.Compare(x, y)
		}
	}
	return 0
}

func cmpInt(a, b int) int {
	if a < b {
		return -1
	}
	return 1
}
