package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// Provider is an entry of the on-chain registry.
type Provider struct {
	Name            string     // unique DNS label, first come first served
	Owner           wf.Address // the account that registered it; set by the contract
	Endpoint        string     // base URL, e.g. https://node.example.com
	SealingKey      []byte     // HPKE public key secrets are sealed to
	PricePerRequest *big.Int   // advertised, in token base units; below 2^96
	MetadataCID     string     // optional
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

// RegisterProvider registers p.Name for the client's account (p.Owner is
// ignored). A name someone holds fails with a *RevertError named NameTaken.
func (c *Client) RegisterProvider(ctx context.Context, p Provider) (Receipt, error) {
	pr, err := price(p.PricePerRequest)
	if err != nil {
		return Receipt{}, err
	}
	data, err := c.registry.TryPackRegister(p.Name, p.Endpoint, p.SealingKey, pr, p.MetadataCID)
	if err != nil {
		return Receipt{}, fmt.Errorf("chain: register %q: %w", p.Name, err)
	}
	return c.transact(ctx, c.contracts.Registry, data, fmt.Sprintf("register %q", p.Name))
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

// DeregisterProvider removes the client's entry name, freeing the name.
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
	}
}
