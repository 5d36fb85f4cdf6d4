package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// Self-check modes of `wf provider start --self-check`.
const (
	checkRefuse = "refuse" // a disagreement with the registry stops the start
	checkWarn   = "warn"   // it is logged loudly, and the node starts
	checkOff    = "off"
)

// settleGas is about what one settlement transaction uses (docs/chain.md:
// 51k steady, up to 178k for a first one under a period cap), and
// lowGasSettlements how many of them the key must afford before the
// self-check stops warning.
const (
	settleGas         = 100_000
	lowGasSettlements = 20
)

// finding is one thing the self-check noticed. A severe one stops the start
// in refuse mode.
type finding struct {
	severe   bool
	msg, fix string
}

func (f finding) String() string {
	s := f.msg
	if f.fix != "" {
		s += "\n      fix: " + f.fix
	}
	return s
}

// checkInput is the running node as the registry should describe it.
type checkInput struct {
	addr      wf.Address
	name      string   // --name; "" checks every name the key holds
	publicURL string   // the endpoint callers reach; "" for a tunnelled node
	price     *big.Int // nil: the node is free
	sealing   *seal.Keyring
	data      string // for the fix lines
	renew     bool
}

// selfCheck compares the registry entries of the node's key (or --name)
// with the running node: endpoint, price and sealing key, and that the key
// can pay for settlements. It never sends a transaction.
func selfCheck(ctx context.Context, c *chain.Client, in checkInput) []finding {
	var fs []finding
	var entries []chain.Provider
	if in.name != "" {
		p, err := c.LookupProvider(ctx, in.name)
		switch {
		case err != nil:
			return append(fs, finding{severe: true,
				msg: fmt.Sprintf("the registry has no provider %q (%v)", in.name, chain.Explain(err)),
				fix: fmt.Sprintf("wf provider register %s --endpoint %s --price %s --sealing-key $(wf provider init --data %s --hex)", in.name, orPlaceholder(in.publicURL, "URL"), usdcOr(in.price, "USDC"), in.data)})
		case p.Owner != in.addr:
			return append(fs, finding{severe: true,
				msg: fmt.Sprintf("registry name %q belongs to %s, not to this node's key %s", in.name, p.Owner.Checksum(), in.addr.Checksum()),
				fix: "start with the key that registered it (--key), or register a name of your own"})
		}
		entries = []chain.Provider{p}
	} else {
		all, err := c.ListProviders(ctx)
		if err != nil {
			return append(fs, finding{msg: fmt.Sprintf("could not read the registry: %v", err)})
		}
		for _, p := range all {
			if p.Owner == in.addr {
				entries = append(entries, p)
			}
		}
		if len(entries) == 0 && in.price != nil {
			fs = append(fs, finding{
				msg: fmt.Sprintf("a price is set but key %s holds no registry name: gateways and `wf providers` cannot find this node, and publishers cannot seal to it", in.addr.Checksum()),
				fix: fmt.Sprintf("wf provider register NAME --endpoint %s --price %s --sealing-key $(wf provider init --data %s --hex)", orPlaceholder(in.publicURL, "URL"), usdcOr(in.price, "USDC"), in.data)})
		}
	}
	for _, p := range entries {
		fs = append(fs, checkEntry(p, in)...)
	}
	if in.price != nil || len(entries) > 0 {
		fs = append(fs, checkGas(ctx, c, in)...)
	}
	return fs
}

// checkEntry compares one registry entry with the node.
func checkEntry(p chain.Provider, in checkInput) []finding {
	var fs []finding
	if in.publicURL != "" {
		want := normURL(in.publicURL)
		found := false
		for _, ep := range p.Endpoints() {
			found = found || normURL(ep) == want
		}
		if !found {
			fs = append(fs, finding{severe: true,
				msg: fmt.Sprintf("registry endpoint of %q is %q, but this node is at %s: callers and gateways go to the registry's", p.Name, p.Endpoint, in.publicURL),
				fix: fmt.Sprintf("wf provider update %s --endpoint %s (or start with --public-url %s)", p.Name, in.publicURL, p.Endpoints()[0])})
		}
	}
	reg := p.PricePerRequest
	if reg == nil {
		reg = new(big.Int)
	}
	node := in.price
	if node == nil {
		node = new(big.Int)
	}
	if reg.Cmp(node) != 0 {
		fs = append(fs, finding{severe: true,
			msg: fmt.Sprintf("registry price of %q is %s USDC a request, but this node charges %s: owners approve the registry's price, so requests would be refused or undercharged", p.Name, usdc(reg), usdc(node)),
			fix: fmt.Sprintf("wf provider update %s --price %s (or start with --price %s)", p.Name, usdc(node), usdc(reg))})
	}
	if in.sealing == nil { // not on this machine: the caller compares
		return fs
	}
	cur := in.sealing.Current()
	switch {
	case len(p.SealingKey) == 0 || bytes.Equal(p.SealingKey, noSealingKey):
		fs = append(fs, finding{
			msg: fmt.Sprintf("%q has no sealing key in the registry: nobody can seal secrets or code to this node", p.Name),
			fix: fmt.Sprintf("wf provider update %s --sealing-key $(wf provider init --data %s --hex)", p.Name, in.data)})
	case bytes.Equal(p.SealingKey, cur.Bytes()):
	case inKeyring(in.sealing, p.SealingKey):
		fs = append(fs, finding{
			msg: fmt.Sprintf("registry sealing key of %q is an older key of this node (current is %s): new grants go to the old key", p.Name, cur.ID()),
			fix: fmt.Sprintf("wf provider update %s --sealing-key $(wf provider init --data %s --hex)", p.Name, in.data)})
	default:
		fs = append(fs, finding{severe: true,
			msg: fmt.Sprintf("registry sealing key of %q is not in this node's keyring (%s/sealing-keys.json): functions sealed to it will not open here", p.Name, in.data),
			fix: fmt.Sprintf("start with the data directory that holds that key, or wf provider update %s --sealing-key $(wf provider init --data %s --hex) and have owners re-grant", p.Name, in.data)})
	}
	if !in.renew && !p.Expires.IsZero() && time.Until(p.Expires) < 7*24*time.Hour {
		fs = append(fs, finding{
			msg: fmt.Sprintf("the lease on %q ends %s and --no-renew is set", p.Name, p.Expires.UTC().Format(time.RFC3339)),
			fix: fmt.Sprintf("wf provider renew %s", p.Name)})
	}
	return fs
}

// checkGas warns when the key cannot pay for many settlements.
func checkGas(ctx context.Context, c *chain.Client, in checkInput) []finding {
	bal, err := c.EtherBalance(ctx, in.addr)
	if err != nil {
		return []finding{{msg: fmt.Sprintf("could not read the key's ether balance: %v", err)}}
	}
	price, err := c.GasPrice(ctx)
	if err != nil {
		return []finding{{msg: fmt.Sprintf("could not read the gas price: %v", err)}}
	}
	per := new(big.Int).Mul(price, big.NewInt(settleGas))
	fund := fmt.Sprintf("wf send %s %s --key YOURS (ether for gas)", chain.Ether(new(big.Int).Mul(per, big.NewInt(10*lowGasSettlements))), in.addr.Checksum())
	if bal.Sign() == 0 {
		return []finding{{severe: in.price != nil,
			msg: fmt.Sprintf("key %s has no ether for gas: its charges can never be settled, nor its leases renewed", in.addr.Checksum()),
			fix: fund}}
	}
	if per.Sign() > 0 && bal.Cmp(new(big.Int).Mul(per, big.NewInt(lowGasSettlements))) < 0 {
		n := new(big.Int).Div(bal, per)
		return []finding{{
			msg: fmt.Sprintf("key %s has %s ether: gas for about %s settlements at today's %s gwei", in.addr.Checksum(), chain.Ether(bal), n, gwei(price)),
			fix: fund}}
	}
	return nil
}

// reportChecks prints the findings and decides, by mode, whether the
// start goes on.
func (a *App) reportChecks(log *slog.Logger, mode string, fs []finding) error {
	severe := 0
	for _, f := range fs {
		if f.severe {
			severe++
		}
	}
	if len(fs) == 0 {
		log.Info("self-check: the registry agrees with this node")
		return nil
	}
	for _, f := range fs {
		tag := "WARNING"
		if f.severe && mode == checkRefuse {
			tag = "ERROR"
		}
		fmt.Fprintf(a.Stderr, "self-check %s: %s\n", tag, f)
	}
	if severe > 0 && mode == checkRefuse {
		return fmt.Errorf("self-check: %d disagreement(s) between the registry and this node (above); fix them, or start with --self-check=warn to run anyway", severe)
	}
	log.Warn("self-check found problems; starting anyway", "problems", len(fs))
	return nil
}

// probeEndpoint asks the node's public URL for /v1/info and checks that the
// answer comes from this node's key: the registered endpoint reaches this
// node, not another or nothing. Warnings only: DNS or a proxy may lag.
func probeEndpoint(ctx context.Context, log *slog.Logger, url string, addr wf.Address) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(url, "/")+"/v1/info", nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Warn("self-check: the public URL does not reach this node", "url", url, "err", err)
		return
	}
	defer resp.Body.Close()
	var info struct {
		Address string `json:"address"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&info); err != nil || resp.StatusCode != http.StatusOK {
		log.Warn("self-check: the public URL answers, but not as a provider", "url", url, "status", resp.Status)
		return
	}
	if !strings.EqualFold(info.Address, addr.Checksum()) {
		log.Warn("self-check: the public URL reaches another provider", "url", url, "answered_by", info.Address, "this_node", addr.Checksum())
		return
	}
	log.Info("self-check: the public URL reaches this node", "url", url)
}

func inKeyring(kr *seal.Keyring, b []byte) bool {
	for _, k := range kr.Keys() {
		if bytes.Equal(k.Bytes(), b) {
			return true
		}
	}
	return false
}

// normURL compares endpoints: scheme and host case-insensitive, no
// trailing slash.
func normURL(s string) string { return strings.ToLower(strings.TrimRight(strings.TrimSpace(s), "/")) }

func orPlaceholder(s, p string) string {
	if s == "" {
		return p
	}
	return s
}

func usdcOr(n *big.Int, p string) string {
	if n == nil {
		return p
	}
	return usdc(n)
}

// gwei formats wei per gas as gwei.
func gwei(wei *big.Int) string {
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(1e9)).Float64()
	return fmt.Sprintf("%.3g", f)
}

// usdc formats token base units as USDC.
func usdc(n *big.Int) string { return wf.NewAmount(n).USDC() }
