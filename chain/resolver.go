package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sort"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/webfunctions/wf/wf"
)

// ResolverOptions configure a Resolver. The zero value is useful.
type ResolverOptions struct {
	// PollInterval is how often new registry events are read. Default 2 s.
	PollInterval time.Duration
	// TTL bounds how stale the cache may be: the whole registry is read
	// again this often (which also heals a missed reorg), and lookups go
	// straight to the chain while the last successful sync is older.
	// Default 10 minutes.
	TTL time.Duration
	Log *slog.Logger     // default: discard
	Now func() time.Time // default time.Now
}

// Resolver is a cached view of the provider registry, kept fresh by
// reading the registry's events (ProviderRegistered, ProviderUpdated,
// ProviderRenewed, ProviderReclaimed, ProviderDeregistered) with eth_getLogs, which every JSON-RPC endpoint
// and the simulated chain serve; no subscription is needed. Gateways
// resolve names through it without a chain round trip per request.
//
// Until the first Sync, and whenever the last successful one is older than
// TTL, Lookup and List ask the chain directly. Providers it returns share
// their SealingKey and PricePerRequest with the cache: treat them as
// read-only. A Resolver is safe for concurrent use.
type Resolver struct {
	c *Client
	o ResolverOptions

	registered, updated, deregistered, renewed, reclaimed common.Hash // event topics

	mu       sync.RWMutex
	byName   map[string]Provider
	next     uint64    // first block whose events are not applied yet
	loadedAt time.Time // last full read
	syncedAt time.Time // last successful Sync; zero: never
}

// NewResolver returns a Resolver reading the registry through c. Call Run
// (or Sync) to fill and refresh it.
func NewResolver(c *Client, o ResolverOptions) *Resolver {
	if o.PollInterval <= 0 {
		o.PollInterval = 2 * time.Second
	}
	if o.TTL <= 0 {
		o.TTL = 10 * time.Minute
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	ev := c.registry.GetABI().Events
	return &Resolver{c: c, o: o, registered: ev["ProviderRegistered"].ID,
		updated: ev["ProviderUpdated"].ID, deregistered: ev["ProviderDeregistered"].ID,
		renewed: ev["ProviderRenewed"].ID, reclaimed: ev["ProviderReclaimed"].ID}
}

// Run syncs every PollInterval until ctx ends. Failures are logged and
// retried at the next tick.
func (r *Resolver) Run(ctx context.Context) {
	t := time.NewTicker(r.o.PollInterval)
	defer t.Stop()
	for {
		if err := r.Sync(ctx); err != nil && ctx.Err() == nil {
			r.o.Log.Warn("registry sync failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Event reads are split into ranges public endpoints accept; past
// maxEventGap blocks a full read is cheaper.
const (
	eventRange  = 2_000
	maxEventGap = 50_000
)

// Sync brings the cache up to the chain's latest block: a full read of the
// registry at that block the first time and every TTL, and the events
// since the last sync otherwise. When the chain's endpoints disagree
// (ErrDisagreement) the cache is no longer trusted: lookups go to the
// chain, and fail for disputed entries, until a sync succeeds.
func (r *Resolver) Sync(ctx context.Context) error {
	err := r.sync(ctx)
	if errors.Is(err, ErrDisagreement) {
		r.mu.Lock()
		r.syncedAt = time.Time{}
		r.mu.Unlock()
	}
	return err
}

func (r *Resolver) sync(ctx context.Context) error {
	head, err := r.c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("chain: registry sync: latest header: %w", err)
	}
	h := head.Number.Uint64()
	r.mu.RLock()
	full := r.syncedAt.IsZero() || r.o.Now().Sub(r.loadedAt) >= r.o.TTL || h+1 < r.next || h+1-r.next > maxEventGap
	next := r.next
	r.mu.RUnlock()

	if full {
		// One consistent snapshot: every page read at the same block.
		ps, err := r.listAt(ctx, head.Number)
		if err != nil {
			return err
		}
		m := make(map[string]Provider, len(ps))
		for _, p := range ps {
			m[p.Name] = p
		}
		now := r.o.Now()
		r.mu.Lock()
		r.byName, r.next, r.loadedAt, r.syncedAt = m, h+1, now, now
		r.mu.Unlock()
		return nil
	}
	var logs []types.Log
	for from := next; from <= h; from += eventRange {
		to := min(from+eventRange-1, h)
		ls, err := r.c.backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from),
			ToBlock:   new(big.Int).SetUint64(to),
			Addresses: []common.Address{common.Address(r.c.contracts.Registry)},
			Topics:    [][]common.Hash{{r.registered, r.updated, r.deregistered, r.renewed, r.reclaimed}},
		})
		if err != nil {
			return fmt.Errorf("chain: registry sync: logs %d-%d: %w", from, to, err)
		}
		logs = append(logs, ls...)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.next != next { // another Sync got there first
		return nil
	}
	for i := range logs {
		if err := r.apply(&logs[i]); err != nil {
			// Leave next where it was so the range is read again.
			return fmt.Errorf("chain: registry sync: block %d: %w", logs[i].BlockNumber, err)
		}
	}
	r.next, r.syncedAt = h+1, r.o.Now()
	return nil
}

// apply replays one event. Events carry an entry's whole state, so
// replaying one the cache already reflects changes nothing.
func (r *Resolver) apply(l *types.Log) error {
	if len(l.Topics) == 0 || l.Removed {
		return nil
	}
	switch l.Topics[0] {
	case r.registered:
		e, err := r.c.registry.UnpackProviderRegisteredEvent(l)
		if err != nil {
			return err
		}
		r.byName[e.Name] = Provider{Name: e.Name, Owner: wf.Address(e.Owner), Endpoint: e.Endpoint,
			SealingKey: e.SealingKey, PricePerRequest: e.PricePerRequest, MetadataCID: e.MetadataCID,
			Expires: time.Unix(int64(e.Expires), 0)}
	case r.updated:
		e, err := r.c.registry.UnpackProviderUpdatedEvent(l)
		if err != nil {
			return err
		}
		r.byName[e.Name] = Provider{Name: e.Name, Owner: wf.Address(e.Owner), Endpoint: e.Endpoint,
			SealingKey: e.SealingKey, PricePerRequest: e.PricePerRequest, MetadataCID: e.MetadataCID,
			Expires: time.Unix(int64(e.Expires), 0)}
	case r.renewed:
		e, err := r.c.registry.UnpackProviderRenewedEvent(l)
		if err != nil {
			return err
		}
		if p, ok := r.byName[e.Name]; ok && p.Owner == wf.Address(e.Owner) {
			p.Expires = time.Unix(int64(e.Expires), 0)
			r.byName[e.Name] = p
		}
	case r.reclaimed:
		e, err := r.c.registry.UnpackProviderReclaimedEvent(l)
		if err != nil {
			return err
		}
		if p, ok := r.byName[e.Name]; ok && p.Owner == wf.Address(e.Owner) {
			delete(r.byName, e.Name)
		}
	case r.deregistered:
		e, err := r.c.registry.UnpackProviderDeregisteredEvent(l)
		if err != nil {
			return err
		}
		delete(r.byName, e.Name)
	}
	return nil
}

// listAt reads every entry at block n.
func (r *Resolver) listAt(ctx context.Context, n *big.Int) ([]Provider, error) {
	const page = 50
	var all []Provider
	to := common.Address(r.c.contracts.Registry)
	for {
		data, err := r.c.registry.TryPackList(big.NewInt(int64(len(all))), big.NewInt(page))
		if err != nil {
			return nil, fmt.Errorf("chain: list providers: %w", err)
		}
		out, err := r.c.backend.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, n)
		if err != nil {
			return nil, callError("list providers", err)
		}
		ps, err := r.c.registry.UnpackList(out)
		if err != nil {
			return nil, fmt.Errorf("chain: list providers: %w", err)
		}
		for _, p := range ps {
			all = append(all, providerFrom(p))
		}
		if len(ps) < page {
			return all, nil
		}
	}
}

func (r *Resolver) fresh() bool {
	return !r.syncedAt.IsZero() && r.o.Now().Sub(r.syncedAt) < r.o.TTL
}

// Lookup returns the entry registered under name; an unknown name is an
// error matching wf.ErrNotFound.
func (r *Resolver) Lookup(ctx context.Context, name string) (Provider, error) {
	r.mu.RLock()
	fresh := r.fresh()
	p, ok := r.byName[name]
	r.mu.RUnlock()
	if !fresh {
		return r.c.LookupProvider(ctx, name)
	}
	if !ok {
		return Provider{}, fmt.Errorf("%w: no provider is registered as %q", wf.ErrNotFound, name)
	}
	return p, nil
}

// List returns every registered provider, sorted by name.
func (r *Resolver) List(ctx context.Context) ([]Provider, error) {
	r.mu.RLock()
	if !r.fresh() {
		r.mu.RUnlock()
		return r.c.ListProviders(ctx)
	}
	ps := make([]Provider, 0, len(r.byName))
	for _, p := range r.byName {
		ps = append(ps, p)
	}
	r.mu.RUnlock()
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	return ps, nil
}

// DialRegistry connects read-only to the registry at registry over the
// JSON-RPC endpoint rpcURL, for a gateway that needs nothing else from
// the chain. Only the Client's registry reads work; cfg.Contracts is
// ignored. Close the Client to close the connection.
func DialRegistry(ctx context.Context, rpcURL string, registry wf.Address, cfg Config) (*Client, error) {
	return DialRegistryEndpoints(ctx, []string{rpcURL}, registry, cfg)
}

// DialRegistryEndpoints is DialRegistry over one or more endpoints, whose
// reads are checked against each other as DialEndpoints does.
func DialRegistryEndpoints(ctx context.Context, urls []string, registry wf.Address, cfg Config) (*Client, error) {
	if registry.IsZero() {
		return nil, fmt.Errorf("%w: chain: no registry contract address", wf.ErrInvalid)
	}
	var b Backend
	var closeB func()
	if len(urls) == 1 {
		ec, err := ethclient.DialContext(ctx, urls[0])
		if err != nil {
			return nil, fmt.Errorf("chain: dial %s: %w", urls[0], err)
		}
		b, closeB = ec, ec.Close
	} else {
		q, err := DialQuorum(ctx, urls, cfg.Quorum)
		if err != nil {
			return nil, err
		}
		b, closeB = q, q.Close
	}
	id, err := b.ChainID(ctx)
	if err != nil {
		closeB()
		return nil, fmt.Errorf("chain: chain id: %w", err)
	}
	code, err := b.CodeAt(ctx, common.Address(registry), nil)
	if err != nil || len(code) == 0 {
		closeB()
		if err == nil {
			err = fmt.Errorf("%w: no registry contract at %s on chain %s", wf.ErrInvalid, registry.Checksum(), id)
		}
		return nil, fmt.Errorf("chain: check registry contract: %w", err)
	}
	cfg.Contracts = Contracts{Registry: registry}
	c := newClient(b, id, nil, cfg)
	c.close = func() error { closeB(); return nil }
	return c, nil
}
