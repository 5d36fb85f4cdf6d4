package chain

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// Provider is an entry of the on-chain registry.
type Provider struct {
	Name  string     // unique DNS label, first come first served
	Owner wf.Address // the account that registered it; set by the contract
	// Endpoint is the base URL, e.g. https://node.example.com, or several
	// separated by spaces: a provider behind NAT lists one per gateway it
	// keeps a tunnel to (https://alice.gw1.example https://alice.gw2.example).
	Endpoint        string
	SealingKey      []byte   // HPKE public key secrets are sealed to
	PricePerRequest *big.Int // advertised, in token base units; below 2^96
	MetadataCID     string   // optional
	// Expires is when the lease ends; from Expires + the registry's grace
	// anyone may reclaim the name (Terms). Set by the contract.
	Expires time.Time
}

// Endpoints are p's endpoint URLs, in the order registered.
func (p Provider) Endpoints() []string { return strings.Fields(p.Endpoint) }

// The registry terms Deploy uses by default, for a chain where ether has
// value: 0.05 ether per name (50 ether locked to hold a thousand), held
// for 30 days per renewal, reclaimable 14 days after a lease ends.
var (
	DefaultBond  = new(big.Int).Mul(big.NewInt(5), new(big.Int).Exp(big.NewInt(10), big.NewInt(16), nil))
	DefaultLease = 30 * 24 * time.Hour
	DefaultGrace = 14 * 24 * time.Hour
)

// Terms are what holding a registry name costs: Bond wei deposited with a
// registration and paid back when the name is released (less the
// reclaimer's BountyBPS basis points when it lapsed and was reclaimed),
// and a Lease that a renewal or update extends, after which, plus Grace,
// anyone may reclaim the name.
type Terms struct {
	Bond         *big.Int
	Lease, Grace time.Duration
	BountyBPS    int64
}

// Reclaimable is when p's name can be reclaimed under t.
func (t Terms) Reclaimable(p Provider) time.Time { return p.Expires.Add(t.Grace) }

// RenewDue reports whether p's lease should be renewed at now: when less
// than half of it is left, so a node that renews on a timer has many
// chances before the lease ends.
func (t Terms) RenewDue(p Provider, now time.Time) bool {
	return p.Expires.Sub(now) < t.Lease/2
}

// RegistryTerms reads the registry's bond, lease and grace.
func (c *Client) RegistryTerms(ctx context.Context) (Terms, error) {
	var t Terms
	read := func(data []byte, what string) ([]byte, error) {
		return c.call(ctx, c.contracts.Registry, data, "registry "+what)
	}
	out, err := read(c.registry.PackBond(), "bond")
	if err == nil {
		t.Bond, err = c.registry.UnpackBond(out)
	}
	if err == nil {
		out, err = read(c.registry.PackLease(), "lease")
	}
	if err == nil {
		var s uint64
		s, err = c.registry.UnpackLease(out)
		t.Lease = time.Duration(s) * time.Second
	}
	if err == nil {
		out, err = read(c.registry.PackGrace(), "grace")
	}
	if err == nil {
		var s uint64
		s, err = c.registry.UnpackGrace(out)
		t.Grace = time.Duration(s) * time.Second
	}
	if err == nil {
		out, err = read(c.registry.PackRECLAIMBOUNTYBPS(), "bounty")
	}
	if err == nil {
		var b *big.Int
		b, err = c.registry.UnpackRECLAIMBOUNTYBPS(out)
		if err == nil {
			t.BountyBPS = b.Int64()
		}
	}
	if err != nil {
		return Terms{}, fmt.Errorf("chain: registry terms: %w", err)
	}
	return t, nil
}

// Ether formats wei as decimal ether, without trailing zeros.
func Ether(wei *big.Int) string {
	if wei == nil {
		return "0"
	}
	neg := wei.Sign() < 0
	s := new(big.Int).Abs(wei).String()
	if len(s) <= 18 {
		s = strings.Repeat("0", 19-len(s)) + s
	}
	whole, frac := s[:len(s)-18], strings.TrimRight(s[len(s)-18:], "0")
	if frac != "" {
		whole += "." + frac
	}
	if neg {
		whole = "-" + whole
	}
	return whole
}

var maxUint96 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1))

// price checks that p fits the registry's uint96; nil means zero.
func price(p *big.Int) (*big.Int, error) {
	if p == nil {
		return new(big.Int), nil
	}
	if p.Sign() < 0 || p.Cmp(maxUint96) > 0 {
		return nil, fmt.Errorf("%w: price per request %s out of range", wf.ErrInvalid, p)
	}
	return p, nil
}

// RegisterProvider registers p.Name for the client's account (p.Owner and
// p.Expires are ignored), depositing the registry's bond from the account's
// ether (bond: nil reads it from the registry first). A name someone holds
// fails with a *RevertError named NameTaken; a lapsed one is reclaimed
// first (see ReclaimProvider).
func (c *Client) RegisterProvider(ctx context.Context, p Provider) (Receipt, error) {
	return c.RegisterProviderBond(ctx, p, nil)
}

// RegisterProviderBond is RegisterProvider depositing bond wei, which must
// be the registry's bond (nil: read it).
func (c *Client) RegisterProviderBond(ctx context.Context, p Provider, bond *big.Int) (Receipt, error) {
	pr, err := price(p.PricePerRequest)
	if err != nil {
		return Receipt{}, err
	}
	data, err := c.registry.TryPackRegister(p.Name, p.Endpoint, p.SealingKey, pr, p.MetadataCID)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: register %q: %w", p.Name, err)
	}
	if bond == nil {
		t, err := c.RegistryTerms(ctx)
		if err != nil {
			return Receipt{}, err
		}
		bond = t.Bond
	}
	return c.transactValue(ctx, c.contracts.Registry, bond, data, fmt.Sprintf("register %q", p.Name))
}

// RenewProvider extends the lease of the client's entry name by the
// registry's lease, from now.
func (c *Client) RenewProvider(ctx context.Context, name string) (Receipt, error) {
	data, err := c.registry.TryPackRenew(name)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: renew %q: %w", name, err)
	}
	return c.transact(ctx, c.contracts.Registry, data, fmt.Sprintf("renew %q", name))
}

// ReclaimProvider frees name, whose lease ended more than the registry's
// grace ago, for anyone. The former holder gets its bond back less the
// bounty, which the client's account gets. Too early fails with a
// *RevertError named NotReclaimable.
func (c *Client) ReclaimProvider(ctx context.Context, name string) (Receipt, error) {
	data, err := c.registry.TryPackReclaim(name)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: reclaim %q: %w", name, err)
	}
	return c.transact(ctx, c.contracts.Registry, data, fmt.Sprintf("reclaim %q", name))
}

// Refund is the wei of bond refunds the registry holds for account because
// sending them failed; WithdrawRefund pays them out.
func (c *Client) Refund(ctx context.Context, account wf.Address) (*big.Int, error) {
	out, err := c.call(ctx, c.contracts.Registry, c.registry.PackRefunds(common.Address(account)), "registry refund")
	if err != nil {
		return nil, err
	}
	n, err := c.registry.UnpackRefunds(out)
	if err != nil {
		return nil, fmt.Errorf("chain: registry refund: %w", err)
	}
	return n, nil
}

// WithdrawRefund pays the client's account the refunds the registry holds
// for it.
func (c *Client) WithdrawRefund(ctx context.Context) (Receipt, error) {
	return c.transact(ctx, c.contracts.Registry, c.registry.PackWithdrawRefund(), "withdraw registry refund")
}

// transactValue is transact sending value wei with the call.
func (c *Client) transactValue(ctx context.Context, to wf.Address, value *big.Int, data []byte, what string) (Receipt, error) {
	addr := common.Address(to)
	if value != nil && value.Sign() == 0 {
		value = nil
	}
	r, err := c.sendAndWait(ctx, &addr, value, data, what)
	if r == nil {
		return Receipt{}, err
	}
	return Receipt{TxHash: Hash(r.TxHash), Block: r.BlockNumber.Uint64(), GasUsed: r.GasUsed}, err
}

// UpdateProvider replaces the endpoint, sealing key, price and metadata of
// the client's entry p.Name. Others' entries fail with NotProviderOwner
// (wf.ErrForbidden).
func (c *Client) UpdateProvider(ctx context.Context, p Provider) (Receipt, error) {
	pr, err := price(p.PricePerRequest)
	if err != nil {
		return Receipt{}, err
	}
	data, err := c.registry.TryPackUpdate(p.Name, p.Endpoint, p.SealingKey, pr, p.MetadataCID)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: update %q: %w", p.Name, err)
	}
	return c.transact(ctx, c.contracts.Registry, data, fmt.Sprintf("update %q", p.Name))
}

// DeregisterProvider removes the client's entry name, freeing the name and
// paying its bond back to the client's account.
func (c *Client) DeregisterProvider(ctx context.Context, name string) (Receipt, error) {
	data, err := c.registry.TryPackDeregister(name)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: deregister %q: %w", name, err)
	}
	return c.transact(ctx, c.contracts.Registry, data, fmt.Sprintf("deregister %q", name))
}

// LookupProvider returns the entry registered under name; an unknown name
// is an error matching wf.ErrNotFound.
func (c *Client) LookupProvider(ctx context.Context, name string) (Provider, error) {
	data, err := c.registry.TryPackLookup(name)
	if err != nil {
		return Provider{}, fmt.Errorf("chain: lookup %q: %w", name, err)
	}
	out, err := c.call(ctx, c.contracts.Registry, data, fmt.Sprintf("lookup %q", name))
	if err != nil {
		return Provider{}, err
	}
	p, err := c.registry.UnpackLookup(out)
	if err != nil {
		return Provider{}, fmt.Errorf("chain: lookup %q: %w", name, err)
	}
	return providerFrom(p), nil
}

// ProviderCount is the number of registered providers.
func (c *Client) ProviderCount(ctx context.Context) (int, error) {
	out, err := c.call(ctx, c.contracts.Registry, c.registry.PackProviderCount(), "provider count")
	if err != nil {
		return 0, err
	}
	n, err := c.registry.UnpackProviderCount(out)
	if err != nil {
		return 0, fmt.Errorf("chain: provider count: %w", err)
	}
	return int(n.Int64()), nil
}

// ProviderPage returns up to limit entries from position offset: fewer, or
// none, past the end. Positions shift when entries are removed.
func (c *Client) ProviderPage(ctx context.Context, offset, limit int) ([]Provider, error) {
	if offset < 0 || limit < 0 {
		return nil, fmt.Errorf("%w: negative offset or limit", wf.ErrInvalid)
	}
	data, err := c.registry.TryPackList(big.NewInt(int64(offset)), big.NewInt(int64(limit)))
	if err != nil {
		return nil, fmt.Errorf("chain: list providers: %w", err)
	}
	out, err := c.call(ctx, c.contracts.Registry, data, "list providers")
	if err != nil {
		return nil, err
	}
	ps, err := c.registry.UnpackList(out)
	if err != nil {
		return nil, fmt.Errorf("chain: list providers: %w", err)
	}
	res := make([]Provider, len(ps))
	for i, p := range ps {
		res[i] = providerFrom(p)
	}
	return res, nil
}

// ListProviders returns every registered provider, reading pages of 50. On a
// registry that changes meanwhile an entry may be missed or seen twice.
func (c *Client) ListProviders(ctx context.Context) ([]Provider, error) {
	const page = 50
	var all []Provider
	for {
		ps, err := c.ProviderPage(ctx, len(all), page)
		if err != nil {
			return nil, err
		}
		all = append(all, ps...)
		if len(ps) < page {
			return all, nil
		}
	}
}

func providerFrom(p bindings.RegistryProvider) Provider {
	return Provider{
		Name:            p.Name,
		Owner:           wf.Address(p.Owner),
		Endpoint:        p.Endpoint,
		SealingKey:      p.SealingKey,
		PricePerRequest: p.PricePerRequest,
		MetadataCID:     p.MetadataCID,
		Expires:         time.Unix(int64(p.Expires), 0),
	}
}

// ParseEther parses decimal ether ("0.05", "2") into wei: digits and one
// dot, at most 18 decimals.
func ParseEther(s string) (*big.Int, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 18 || (whole == "" && frac == "") || strings.Trim(whole+frac, "0123456789") != "" {
		return nil, fmt.Errorf("%w: %q is not an amount of ether (digits, one dot, at most 18 decimals)", wf.ErrInvalid, s)
	}
	n, ok := new(big.Int).SetString(whole+frac+strings.Repeat("0", 18-len(frac)), 10)
	if !ok {
		return nil, fmt.Errorf("%w: %q is not an amount of ether", wf.ErrInvalid, s)
	}
	return n, nil
}
