package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"

	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Client is one provider's HTTP API (or a gateway's, for Invoke and
// Spec). Set its fields before its first use; it is then safe for
// concurrent use. Error answers are *ResponseError.
type Client struct {
	BaseURL string       // e.g. http://127.0.0.1:8080
	HTTP    *http.Client // default: one that bounds connecting and stalls, not long transfers
	// Pay, when set, pays for every Invoke as the caller (see Payer).
	Pay *Payer
}

// New returns a Client for the provider at baseURL.
func New(baseURL string) *Client { return &Client{BaseURL: strings.TrimSuffix(baseURL, "/")} }

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return defaultHTTP
}

// stall is how long a Client without its own HTTP client waits on a
// connection that makes no progress: no byte of an upload taken, no byte
// of an answer come. There is no total timeout: a large upload or a slow
// function may take long, as long as it moves.
var stall = 2 * time.Minute

// defaultHTTP bounds every stage: connecting (10 s), TLS (10 s), waiting
// for the answer to start (stall, well above the 30 s a provider allows a
// function by default) and any pause within a transfer (Stall).
var defaultHTTP = &http.Client{Transport: &http.Transport{
	Proxy: http.ProxyFromEnvironment,
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := Dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return progressConn{c}, nil
	},
	ForceAttemptHTTP2:     true,
	TLSHandshakeTimeout:   10 * time.Second,
	ResponseHeaderTimeout: stall,
	IdleConnTimeout:       90 * time.Second,
	MaxIdleConnsPerHost:   16,
}}

// Dial connects as this package's clients do: 10 s to connect, and a
// host under .localhost is loopback (RFC 6761, as browsers and curl
// resolve it), so a gateway's provider URLs on loopback (wf dev's
// http://NAME.localhost:PORT) work from Go, whose resolver asks DNS.
var Dial = relay.DialLocalhost((&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext)

// PublicOnly is a net.Dialer Control that refuses loopback, private,
// link-local, CGNAT and other non-public addresses, checked on the
// address actually dialed, so DNS that changes between a check and a
// connection cannot redirect it. Servers that read addresses anyone can
// register (a gateway forwarding to providers, discovery reading their
// manifests) dial with it.
func PublicOnly(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return err
	}
	if !publicAddr(ap.Addr()) {
		return fmt.Errorf("%s is not a public address", ap.Addr())
	}
	return nil
}

// publicAddr reports whether a is a public unicast address, also looking
// inside IPv6 forms that carry an IPv4 address (NAT64, 6to4,
// IPv4-compatible), which a NAT64 or 6to4 network would deliver to that
// IPv4 address.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || !a.IsGlobalUnicast() || a.IsPrivate() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(a) {
			return false
		}
	}
	if a.Is6() {
		b := a.As16()
		var v4 [4]byte
		switch {
		case nat64.Contains(a), nat64Local.Contains(a), v4Compatible.Contains(a):
			copy(v4[:], b[12:])
		case sixToFour.Contains(a):
			copy(v4[:], b[2:6])
		default:
			return true
		}
		return publicAddr(netip.AddrFrom4(v4))
	}
	return true
}

var (
	notPublic = []netip.Prefix{
		netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
		netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	}
	nat64        = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local   = netip.MustParsePrefix("64:ff9b:1::/48")
	v4Compatible = netip.MustParsePrefix("::/96")
	sixToFour    = netip.MustParsePrefix("2002::/16")
)

// progressConn fails a read or write that makes no progress for stall.
type progressConn struct{ net.Conn }

func (c progressConn) Read(b []byte) (int, error) {
	c.SetReadDeadline(time.Now().Add(stall))
	return c.Conn.Read(b)
}

func (c progressConn) Write(b []byte) (int, error) {
	c.SetWriteDeadline(time.Now().Add(stall))
	return c.Conn.Write(b)
}

// DeployResult is the provider's answer to a deploy.
type DeployResult struct {
	CID   wf.CID     `json:"cid"`
	Owner wf.Address `json:"owner"`
	Code  wf.CID     `json:"code"`
	URL   string     `json:"url"`
	// BuiltFrom is a CI deploy's provenance as the provider read it from
	// the spec's wf.ci extension; empty otherwise.
	BuiltFrom string `json:"builtFrom,omitempty"`
}

// Deploy uploads a packed function and checks that the provider stored
// it under its CID. A provider that refuses it (an invalid module, a
// sealed function without a grant for it, an incomplete DAG) answers a
// *ResponseError.
func (c *Client) Deploy(ctx context.Context, p *Package) (*DeployResult, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/car", bytes.NewReader(p.CAR))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/vnd.ipld.car")
	var res DeployResult
	if err := c.do(req, http.StatusCreated, &res); err != nil {
		return nil, fmt.Errorf("deploy to %s: %w", c.BaseURL, err)
	}
	if res.CID != p.CID {
		return nil, fmt.Errorf("deploy to %s: provider stored %s, expected %s", c.BaseURL, res.CID, p.CID)
	}
	return &res, nil
}

// Logs reads a function's recent invocations, signing the request as the
// function's owner for the provider's address as its /v1/info states it.
// Anyone else gets a *ResponseError matching wf.ErrForbidden. A caller
// that knows the address from a trusted source (the registry) uses
// LogsFrom, so a provider that lies about its address gets nothing it can
// use elsewhere.
func (c *Client) Logs(ctx context.Context, fn wf.CID, owner wf.Signer) ([]wf.LogEntry, error) {
	info, err := c.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	return c.LogsFrom(ctx, fn, info.Address, owner)
}

// LogsWindow is how long a log-read signature made by LogsFrom is good
// for; providers refuse one that expires more than
// provider.MaxLogsAuthWindow ahead.
const LogsWindow = 2 * time.Minute

// LogsFrom is Logs for the provider whose address is provider (zero for a
// provider without an identity key): the signed wf.LogsRequest is good at
// that provider only, for LogsWindow.
func (c *Client) LogsFrom(ctx context.Context, fn wf.CID, provider wf.Address, owner wf.Signer) ([]wf.LogEntry, error) {
	expires := time.Now().Add(LogsWindow).Unix()
	sig, err := owner.Sign(wf.LogsRequest{Function: fn, Provider: provider, Expires: expires})
	if err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	var delegation []byte
	if d, ok := owner.(Delegated); ok {
		delegation = d.Delegation()
	}
	return c.logsSigned(ctx, fn, provider, expires, sig, delegation)
}

// Info is what a provider says about itself at GET /v1/info.
type Info struct {
	Name    string `json:"name"`
	Version string `json:"version"` // the node's software version
	// Runtimes are the function runtimes it runs (wf.RuntimeWAGI).
	Runtimes []string `json:"runtimes"`
	// SpecVersions are the spec versions it runs: wf.SpecVersionSealed
	// among them when it opens sealed functions.
	SpecVersions []int `json:"specVersions"`
	// Extensions are the spec extensions it understands; it refuses a
	// spec that requires any other (docs/spec.md, "Extensions").
	Extensions []string  `json:"extensions"`
	Limits     MaxLimits `json:"limits"`
	// Address is the provider's Ethereum address (registry, payments,
	// receipts); zero when it has none.
	Address wf.Address `json:"address"`
	// Price is what one request costs in token base units; zero when the
	// provider charges nothing.
	Price wf.Amount `json:"price"`
	// SealingKey is the key to seal secrets to for this provider; nil
	// when it opens no sealed functions. Read over plain HTTP it is only
	// as trustworthy as the connection (trust on first use); the
	// registry is the authenticated source.
	SealingKey *seal.PublicKey `json:"sealingKey"`
}

// MaxLimits are a provider's maxima: a spec's limits (wf.Limits) are
// capped by them.
type MaxLimits struct {
	MemoryPages   uint32 `json:"maxMemoryPages"` // 64 KiB wasm pages
	TimeoutMS     int64  `json:"maxTimeoutMs"`
	RequestBytes  int64  `json:"maxRequestBytes"`
	ResponseBytes int64  `json:"maxResponseBytes"`
	UploadBytes   int64  `json:"maxUploadBytes"` // one deploy CAR
	// CPUTimeMS is a request's CPU time budget when its spec asks for
	// none; MaxCPUTimeMS the most a spec may ask for.
	CPUTimeMS    int64 `json:"cpuTimeMs"`
	MaxCPUTimeMS int64 `json:"maxCpuTimeMs"`
	// OwnerQuotaBytes is what one owner's deploys may keep in the
	// provider's store (-1: no bound); MaxStoreBytes its whole store's
	// bound (0: the disk).
	OwnerQuotaBytes int64 `json:"ownerQuotaBytes"`
	MaxStoreBytes   int64 `json:"maxStoreBytes"`
}

// Info reads the provider's /v1/info. Fields a newer provider adds are
// ignored.
func (c *Client) Info(ctx context.Context) (*Info, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/info", nil)
	if err != nil {
		return nil, err
	}
	// The sealing key is parsed on its own, so that a bad one is named.
	var w struct {
		Info
		SealingKey string `json:"sealingKey"` // shadows Info.SealingKey
	}
	if err := c.do(req, http.StatusOK, &w); err != nil {
		return nil, fmt.Errorf("%s/v1/info: %w", c.BaseURL, err)
	}
	info := w.Info
	if w.SealingKey != "" {
		if info.SealingKey, err = seal.ParsePublicKeyText(w.SealingKey); err != nil {
			return nil, fmt.Errorf("%s/v1/info sealingKey: %w", c.BaseURL, err)
		}
	}
	return &info, nil
}

// SealingKey is the provider's sealing public key from its /v1/info,
// unchecked: whoever answers at BaseURL chose it (see Info.SealingKey).
// Seal to the registry's key (RegisteredSealingKey) or, for a URL the
// caller trusts, to EndpointSealingKey's, which checks it against the
// registry. A provider that publishes none gets an error wrapping
// wf.ErrNotFound.
func (c *Client) SealingKey(ctx context.Context) (*seal.PublicKey, error) {
	info, err := c.Info(ctx)
	if err != nil {
		return nil, err
	}
	if info.SealingKey == nil {
		return nil, wf.E(wf.ErrNotFound, c.BaseURL+" publishes no sealing key in /v1/info, so it cannot open sealed functions", nil)
	}
	return info.SealingKey, nil
}

// Spec fetches the spec block of function fn from the provider's
// trustless gateway (GET /ipfs/{fn}?format=raw), checks it against fn and
// decodes it strictly (spec.Decode). With a Verifier (package chain's)
// it also checks the owner's signature (spec.Verify); with nil it does
// not, and the spec is only as trustworthy as the CID the caller chose.
// A CID that cannot address a spec, or a block that does not hash to fn,
// is an error wrapping wf.ErrInvalid.
func (c *Client) Spec(ctx context.Context, fn wf.CID, v wf.Verifier) (*wf.SignedSpec, error) {
	if !spec.IsBlockCID(fn) {
		return nil, wf.E(wf.ErrInvalid, spec.NotFunction(fn), nil)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/ipfs/"+fn.String()+"?format=raw", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, spec.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s from %s: %w", fn, c.BaseURL, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s from %s: %w", fn, c.BaseURL, newResponseError(resp, b))
	}
	if wf.SumCID(wf.CodecJSON, b) != fn {
		return nil, fmt.Errorf("%w: %s answered a block that is not %s", wf.ErrInvalid, c.BaseURL, fn)
	}
	ss, err := spec.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("spec %s: %w", fn, err)
	}
	if v != nil {
		if err := spec.Verify(ss, v); err != nil {
			return nil, fmt.Errorf("spec %s: %w", fn, err)
		}
	}
	return ss, nil
}

// do sends req and decodes a JSON answer with status want; any other
// status is a *ResponseError.
func (c *Client) do(req *http.Request, want int, v any) error {
	resp, err := c.http().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != want {
		return newResponseError(resp, b)
	}
	return json.Unmarshal(b, v)
}
