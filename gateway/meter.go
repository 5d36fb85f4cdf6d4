package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// MeterConfig configures a Meter.
type MeterConfig struct {
	// Key is the metering key: owners name its address in their escrow
	// approval (wf escrow approve --meter) and their providers are then
	// paid only for what it counts.
	Key *chain.Key
	// ChainID and Escrow are the chain and escrow the counts are for.
	ChainID *big.Int
	Escrow  wf.Address
	// Path is the file the counts are kept in; they must never go
	// backwards, or a provider would serve requests it cannot settle.
	Path string
	// Step is how far ahead of the counts the file is written, so that not
	// every request waits for a disk flush: a crash (not a clean Close)
	// can credit each provider up to Step requests it did not serve.
	// Default 32; 1 writes before every count it signs.
	Step uint64
	// Metered reads what the escrow settled for owner's requests to
	// provider under this key (chain.Client.Metered): a pair's count
	// starts at least there, and after a 402 the gateway reads it again,
	// so a lost counts file or counts behind what was settled do not lock
	// the owner out. Nil: counts start at the file's.
	Metered func(ctx context.Context, owner, provider wf.Address) (uint64, error)
	Log     func(msg string, args ...any) // default: none
}

// Meter signs, for each owner-paid request the gateway forwards, the
// cumulative count of the function owner's requests forwarded to that
// provider and answered (chain.MeterCount), and sends it along in
// chain.MeterHeader. A count rises when the provider answers with a
// charge receipt or a 2xx, or when the outcome is unknown (the request
// left and no answer came back); a refusal does not raise it. The signed
// value is the count plus the requests to that provider in flight, so a
// provider holds backing for what it is serving and at most as many
// unanswered requests as were in flight at once.
type Meter struct {
	cfg MeterConfig

	mu     sync.Mutex
	pairs  map[meterPair]*meterState
	addrs  map[string]meterAddr // provider name -> address
	closed bool
}

type meterPair struct{ Owner, Provider wf.Address }

type meterState struct {
	counted  uint64 // requests answered
	inflight uint64
	mark     uint64 // written to the file: no value signed is above it
	reread   bool   // read the escrow's count before the next request
	saved    bool   // in the file: a pair is written once a request was answered
	high     uint64 // the highest count signed
}

type meterAddr struct {
	addr wf.Address
	at   time.Time
}

// meterFile is the file's format: each pair's mark.
type meterFile struct {
	Chain  string            `json:"chain"`
	Escrow wf.Address        `json:"escrow"`
	Meter  wf.Address        `json:"meter"`
	Counts map[string]uint64 `json:"counts"` // "owner/provider" -> mark
}

// NewMeter opens the counts in cfg.Path (creating it if missing). Counts
// start at the marks written: after a crash, above everything signed.
func NewMeter(cfg MeterConfig) (*Meter, error) {
	if cfg.Key == nil || cfg.ChainID == nil || cfg.Escrow.IsZero() || cfg.Path == "" {
		return nil, errors.New("gateway: MeterConfig needs Key, ChainID, Escrow and Path")
	}
	if cfg.Step == 0 {
		cfg.Step = 32
	}
	if cfg.Log == nil {
		cfg.Log = func(string, ...any) {}
	}
	m := &Meter{cfg: cfg, pairs: make(map[meterPair]*meterState), addrs: make(map[string]meterAddr)}
	b, err := os.ReadFile(cfg.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return m, m.write()
	case err != nil:
		return nil, fmt.Errorf("gateway: meter counts: %w", err)
	}
	var f meterFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("gateway: meter counts %s: %w", cfg.Path, err)
	}
	if f.Chain != cfg.ChainID.String() || f.Escrow != cfg.Escrow || f.Meter != cfg.Key.Address() {
		return nil, fmt.Errorf("gateway: meter counts %s are for key %s, chain %s, escrow %s, not these", cfg.Path, f.Meter.Checksum(), f.Chain, f.Escrow.Checksum())
	}
	for k, n := range f.Counts {
		o, p, ok := strings.Cut(k, "/")
		var po meterPair
		if !ok || po.Owner.UnmarshalText([]byte(o)) != nil || po.Provider.UnmarshalText([]byte(p)) != nil {
			return nil, fmt.Errorf("gateway: meter counts %s: bad key %q", cfg.Path, k)
		}
		m.pairs[po] = &meterState{counted: n, mark: n, reread: true, saved: true}
	}
	return m, nil
}

// Address is the metering key's address, what owners approve with.
func (m *Meter) Address() wf.Address { return m.cfg.Key.Address() }

// Count is the requests of owner answered by provider so far.
func (m *Meter) Count(owner, provider wf.Address) uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s := m.pairs[meterPair{owner, provider}]; s != nil {
		return s.counted
	}
	return 0
}

// Close writes the exact counts, so a clean restart credits nothing.
func (m *Meter) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.pairs {
		s.mark = s.counted + s.inflight
		s.saved = s.saved || s.inflight > 0
	}
	m.closed = true
	return m.write()
}

// write saves every mark atomically and durably. The caller holds mu.
func (m *Meter) write() error {
	f := meterFile{Chain: m.cfg.ChainID.String(), Escrow: m.cfg.Escrow, Meter: m.cfg.Key.Address(), Counts: make(map[string]uint64, len(m.pairs))}
	for p, s := range m.pairs {
		if s.saved {
			f.Counts[p.Owner.String()+"/"+p.Provider.String()] = s.mark
		}
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	tmp := m.cfg.Path + ".tmp"
	fh, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("gateway: meter counts: %w", err)
	}
	_, err = fh.Write(b)
	if err == nil {
		err = fh.Sync()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, m.cfg.Path)
	}
	if err == nil {
		if d, derr := os.Open(filepath.Dir(m.cfg.Path)); derr == nil {
			d.Sync()
			d.Close()
		}
	}
	if err != nil {
		return fmt.Errorf("gateway: meter counts: %w", err)
	}
	return nil
}

// providerAddr is the registered address of provider name (the account
// counts are signed for), as reg said at most a minute ago.
func (m *Meter) providerAddr(ctx context.Context, reg Registry, name string) (wf.Address, bool) {
	m.mu.Lock()
	a, ok := m.addrs[name]
	m.mu.Unlock()
	if ok && time.Since(a.at) < time.Minute {
		return a.addr, true
	}
	p, err := reg.Lookup(ctx, name)
	if err != nil {
		return wf.Address{}, false
	}
	m.mu.Lock()
	if len(m.addrs) >= maxFunctions {
		clear(m.addrs)
	}
	m.addrs[name] = meterAddr{p.Owner, time.Now()}
	m.mu.Unlock()
	return p.Owner, true
}

// stamp sets out's metering count if it is an owner-paid request for a
// function whose owner is known (owner, from its verified spec) going to
// provider name, and returns what to call with the attempt's outcome. A
// nil Meter stamps nothing.
func (m *Meter) stamp(out *http.Request, reg Registry, name string, owner wf.Address) func(*http.Response, error) {
	if m == nil {
		return func(*http.Response, error) {}
	}
	out.Header.Del(chain.MeterHeader) // only ours
	if owner.IsZero() || len(out.Header.Values(wf.VoucherHeader)) > 0 {
		return func(*http.Response, error) {} // the caller pays
	}
	prov, ok := m.providerAddr(out.Context(), reg, name)
	if !ok {
		return func(*http.Response, error) {}
	}
	pair := meterPair{owner, prov}
	m.mu.Lock()
	s := m.pairs[pair]
	read := m.cfg.Metered != nil && (s == nil || s.reread)
	m.mu.Unlock()
	var base uint64
	if read {
		// The escrow settled up to base, so this key signed at least that
		// much: never sign below it.
		ctx, cancel := context.WithTimeout(out.Context(), 5*time.Second)
		var err error
		if base, err = m.cfg.Metered(ctx, owner, prov); err != nil {
			read = false
			m.cfg.Log("meter: cannot read the escrow's count; using the local one", "err", err)
		}
		cancel()
	}
	m.mu.Lock()
	if m.closed {
		// The exact counts are written: a count above them would go
		// backwards on restart.
		m.mu.Unlock()
		return func(*http.Response, error) {}
	}
	if s = m.pairs[pair]; s == nil {
		s = &meterState{}
		m.pairs[pair] = s
	}
	if read {
		s.reread = false
		s.counted = max(s.counted, base)
	}
	s.inflight++
	v := s.counted + s.inflight
	s.high = max(s.high, v)
	// A pair not yet answered is not written: owners that are refused
	// (no allowance) leave nothing behind. A crash before its first
	// answer can only make such a count go back, which the escrow's
	// count read at start and after a 402 makes good.
	if s.saved && v > s.mark {
		old := s.mark
		s.mark = v + m.cfg.Step - 1
		if err := m.write(); err != nil {
			// Not written: not signed, so nothing can go backwards.
			s.mark = old
			s.inflight--
			m.mu.Unlock()
			m.cfg.Log("meter: cannot write counts; request sent without a count", "err", err)
			return func(*http.Response, error) {}
		}
	}
	m.mu.Unlock()
	sm, err := chain.SignMeterCount(m.cfg.Key, m.cfg.ChainID, m.cfg.Escrow, chain.MeterCount{Payer: owner, Provider: prov, Count: v})
	if err == nil {
		out.Header.Set(chain.MeterHeader, chain.EncodeMeterHeader(sm))
	}
	return func(resp *http.Response, err error) {
		answered := (err != nil && !neverSent(err)) ||
			(resp != nil && (resp.Header.Get(wf.ReceiptHeader) != "" || resp.StatusCode/100 == 2))
		m.mu.Lock()
		defer m.mu.Unlock()
		s.inflight--
		if answered {
			s.counted++
		}
		if resp != nil && resp.StatusCode == http.StatusPaymentRequired {
			s.reread = true // perhaps meter_count_low: behind the escrow
		}
		switch {
		case s.saved:
		case answered && !m.closed:
			s.saved, s.mark = true, max(s.high, s.counted+s.inflight)+m.cfg.Step-1
			if err := m.write(); err != nil {
				s.saved = false
				m.cfg.Log("meter: cannot write counts", "err", err)
			}
		case s.inflight == 0 && m.pairs[pair] == s:
			// Never answered: forget it (its count is the escrow's, read
			// again next time).
			delete(m.pairs, pair)
		}
	}
}

// meterOwner is the owner of the function rt goes to, if its spec was
// read and its signature holds: smart routes read it before choosing;
// a named route's function ("/<cid>/...") is known once any route read it.
func (g *Gateway) meterOwner(rt *route) wf.Address {
	if g.cfg.Meter == nil || rt == nil {
		return wf.Address{}
	}
	c := rt.cid
	if c == (wf.CID{}) {
		first, _, _ := strings.Cut(strings.TrimPrefix(rt.path, "/"), "/")
		var err error
		if c, err = wf.ParseCID(first); err != nil {
			return wf.Address{}
		}
	}
	a, _ := g.specs.access(c)
	return a.owner
}
