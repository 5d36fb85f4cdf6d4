package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// Where a provider's sealing key comes from decides who can read what is
// sealed to it. The registry binds a provider name to an owner address, an
// endpoint and a sealing key, and only the owner changes that entry: it is
// the authenticated source (RegisteredSealingKey). A provider's /v1/info
// is only as trustworthy as the connection and everything on the way (a
// gateway in front of the provider can put its own key there), so
// EndpointSealingKey is for callers that trust the URL, and even then it
// checks what the URL says against the registry.

// ErrKeyMismatch is wrapped by EndpointSealingKey's errors when a URL
// publishes a sealing key or address other than what the registry holds
// for the provider it serves.
var ErrKeyMismatch = errors.New("sealing key does not match the registry")

// Registered is a provider's registry entry, as far as sealing reads it
// (package chain's Provider carries these fields).
type Registered struct {
	Name       string
	Owner      wf.Address
	Endpoint   string
	SealingKey []byte // as registered; empty or the one byte 0: none
}

// RegisteredSealingKey parses p's registered sealing key. An entry
// without one is an error wrapping wf.ErrNotFound.
func RegisteredSealingKey(p Registered) (*seal.PublicKey, error) {
	if len(p.SealingKey) == 0 || len(p.SealingKey) == 1 && p.SealingKey[0] == 0 {
		return nil, fmt.Errorf("%w: provider %q has registered no sealing key", wf.ErrNotFound, p.Name)
	}
	pk, err := seal.ParsePublicKey(p.SealingKey)
	if err != nil {
		return nil, fmt.Errorf("registry: provider %q sealing key: %w", p.Name, err)
	}
	return pk, nil
}

// GatewayName returns the provider name a gateway URL routes to by path
// (https://gw.example/p/NAME), and false for any other URL. Such a URL
// names its provider, so the registry can give the key for it.
func GatewayName(rawURL string) (string, bool) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return "", false
	}
	dir, name, ok := strings.Cut(strings.TrimSuffix(u.Path, "/"), "/p/")
	if !ok || dir != "" || name == "" || strings.Contains(name, "/") {
		return "", false
	}
	return name, true
}

// EndpointSealingKey reads the provider's sealing key from its /v1/info,
// for a caller that trusts c.BaseURL (trust on first use), and checks it
// against registry, the registered providers (nil when no registry could
// be read). The entries that belong to the URL are the one a gateway URL
// names (GatewayName), those registered with the URL as their endpoint,
// and those owned by the address /v1/info states: each must have
// registered the very key /v1/info publishes, and the first two must be
// owned by that address when /v1/info states one. A mismatch is an error
// wrapping ErrKeyMismatch; a provider that publishes no key one wrapping
// wf.ErrNotFound.
//
// What this cannot catch: a URL that lies about its key and its address,
// in front of a provider registered under another endpoint. Only the
// registry, by name, is authenticated.
func (c *Client) EndpointSealingKey(ctx context.Context, registry []Registered) (*seal.PublicKey, error) {
	info, err := c.Info(ctx)
	if err != nil {
		return nil, err
	}
	if info.SealingKey == nil {
		return nil, wf.E(wf.ErrNotFound, c.BaseURL+" publishes no sealing key in /v1/info, so it cannot open sealed functions", nil)
	}
	named, _ := GatewayName(c.BaseURL)
	for _, p := range registry {
		byName := named != "" && p.Name == named
		byEndpoint := sameEndpoint(p.Endpoint, c.BaseURL)
		byOwner := !info.Address.IsZero() && p.Owner == info.Address
		if !byName && !byEndpoint && !byOwner {
			continue
		}
		var why string
		switch {
		case byName:
			why = "is the provider this gateway URL names"
		case byEndpoint:
			why = "is registered with this endpoint"
		default:
			why = "is registered to the address it states, " + info.Address.Checksum()
		}
		if (byName || byEndpoint) && !info.Address.IsZero() && p.Owner != info.Address {
			return nil, fmt.Errorf("%w: %s/v1/info states address %s, but provider %q, which %s, is registered to %s: something on the way is not that provider",
				ErrKeyMismatch, c.BaseURL, info.Address.Checksum(), p.Name, why, p.Owner.Checksum())
		}
		if string(p.SealingKey) != string(info.SealingKey.Bytes()) {
			return nil, fmt.Errorf("%w: %s/v1/info publishes sealing key %.16s, but provider %q, which %s, registered %s: refusing to seal to it (name the provider, --provider %s, to seal to its registered key)",
				ErrKeyMismatch, c.BaseURL, info.SealingKey.ID(), p.Name, why, registeredKeyID(p), p.Name)
		}
	}
	return info.SealingKey, nil
}

// registeredKeyID names p's registered key for an error message.
func registeredKeyID(p Registered) string {
	if pk, err := RegisteredSealingKey(p); err == nil {
		return fmt.Sprintf("sealing key %.16s", pk.ID())
	}
	return "no usable sealing key"
}

// sameEndpoint reports whether two base URLs are the same endpoint:
// scheme and host compared without case, paths without a trailing slash.
func sameEndpoint(registered, b string) bool {
	// A tunnelled provider registers one URL per gateway, space-separated.
	for _, a := range strings.Fields(registered) {
		if sameURL(a, b) {
			return true
		}
	}
	return false
}

func sameURL(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil || ua.Host == "" {
		return false
	}
	return strings.EqualFold(ua.Scheme, ub.Scheme) && strings.EqualFold(ua.Host, ub.Host) &&
		strings.TrimSuffix(ua.Path, "/") == strings.TrimSuffix(ub.Path, "/")
}
