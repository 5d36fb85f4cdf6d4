// Package relayclient is the provider's side of the relay tunnel protocol
// (package relay): it dials a gateway, logs in with the provider's key and
// serves an http.Handler to the requests the gateway sends back, so a node
// with no reachable socket can serve its registered name. It reconnects
// with backoff until its context ends.
package relayclient

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http2"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/wf"
)

// Config configures a Client.
type Config struct {
	// Gateway is the gateway's base URL, https (or http on loopback).
	// Required.
	Gateway string
	// Host, if set, is sent as the Host header and is the gateway name the
	// login is signed for; by default both come from Gateway's host.
	Host string
	// Name is the registered name to serve; empty serves every name Key's
	// address holds.
	Name string
	// Key is the provider's registered identity. Required.
	Key *chain.Key
	// Handler serves the requests that arrive through the tunnel, usually
	// provider.Handler(). Required.
	Handler http.Handler
	// MinBackoff and MaxBackoff bound the wait between reconnects, which
	// doubles after each failure (with jitter) and starts over once a
	// tunnel stayed up a minute. Defaults 250 ms and 30 s.
	MinBackoff, MaxBackoff time.Duration
	// HTTPClient sends the upgrade request; it must speak HTTP/1.1 and
	// have no overall Timeout (the tunnel is long-lived). Default: one
	// that honors HTTPS_PROXY and bounds dialing and the handshake.
	HTTPClient *http.Client
	// OnUp, if set, is called with the names served each time a tunnel is
	// established; OnDown with the reason each time one ends or a dial
	// fails.
	OnUp   func(names []string)
	OnDown func(err error)
	Log    *slog.Logger // default: discard
}

// ErrRefused is returned by Run when the gateway refused the login: the
// key does not hold the name. Retrying would not help.
var ErrRefused = errors.New("relayclient: gateway refused the tunnel")

// Client keeps a tunnel to one gateway up.
type Client struct {
	cfg  Config
	url  string
	gw   string // gateway name the login is signed for
	http *http.Client
	log  *slog.Logger
}

// New checks cfg and returns a Client; Run connects it.
func New(cfg Config) (*Client, error) {
	if cfg.Key == nil || cfg.Handler == nil {
		return nil, errors.New("relayclient: Config.Key and Config.Handler are required")
	}
	u, err := url.Parse(cfg.Gateway)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: gateway URL %q", wf.ErrInvalid, cfg.Gateway)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: gateway URL %q: scheme must be http or https", wf.ErrInvalid, cfg.Gateway)
	}
	u.Path = strings.TrimRight(u.Path, "/") + relay.Path
	u.RawQuery, u.Fragment = "", ""
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 250 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = cfg.MinBackoff
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	gw := cfg.Host
	if gw == "" {
		gw = u.Host
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: relay.HandshakeTimeout,
			// HTTP/1.1 only: an upgrade does not exist in HTTP/2.
			TLSNextProto: map[string]func(string, *tls.Conn) http.RoundTripper{},
		}}
	}
	return &Client{cfg: cfg, url: u.String(), gw: relay.GatewayName(gw), http: hc, log: cfg.Log}, nil
}

// Run keeps the tunnel up until ctx ends (returning nil) or the gateway
// refuses the login (returning an error matching ErrRefused).
func (c *Client) Run(ctx context.Context) error {
	backoff := c.cfg.MinBackoff
	for {
		start := time.Now()
		err := c.runOnce(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if c.cfg.OnDown != nil {
			c.cfg.OnDown(err)
		}
		if errors.Is(err, ErrRefused) {
			return err
		}
		if time.Since(start) > time.Minute {
			backoff = c.cfg.MinBackoff
		}
		wait := backoff/2 + rand.N(backoff/2+1) // jitter, so providers cut off together do not return together
		c.log.Warn("tunnel down; reconnecting", "gateway", c.cfg.Gateway, "err", err, "in", wait.Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		backoff = min(2*backoff, c.cfg.MaxBackoff)
	}
}

// runOnce dials, logs in and serves until the tunnel ends.
func (c *Client) runOnce(ctx context.Context) error {
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	req, err := http.NewRequestWithContext(sctx, http.MethodGet, c.url, nil)
	if err != nil {
		return err
	}
	if c.cfg.Host != "" {
		req.Host = c.cfg.Host
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", relay.Protocol)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("relayclient: dial %s: %w", c.url, err)
	}
	rwc, ok := resp.Body.(io.ReadWriteCloser)
	if resp.StatusCode != http.StatusSwitchingProtocols || !ok {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
		return fmt.Errorf("relayclient: %s answered %s: %s", c.url, resp.Status, bytes.TrimSpace(b))
	}
	conn := &relay.Conn{Conn: rwcConn{rwc}, R: bufio.NewReaderSize(rwc, 64<<10)}
	defer conn.Close()
	go func() { <-sctx.Done(); conn.Close() }()
	timer := time.AfterFunc(relay.HandshakeTimeout, func() { conn.Close() })
	names, err := c.login(conn)
	if !timer.Stop() && err == nil {
		err = errors.New("relayclient: handshake timed out")
	}
	if err != nil {
		return err
	}
	c.log.Info("tunnel up", "gateway", c.cfg.Gateway, "names", names)
	if c.cfg.OnUp != nil {
		c.cfg.OnUp(names)
	}
	// Returns when the connection ends: the gateway went away, a ping
	// went unanswered, or ctx ended (which closes the connection).
	relay.NewServer().ServeConn(conn, &http2.ServeConnOpts{
		Context: sctx,
		Handler: c.cfg.Handler,
		BaseConfig: &http.Server{
			ReadHeaderTimeout: 30 * time.Second,
			MaxHeaderBytes:    64 << 10,
			ErrorLog:          slog.NewLogLogger(c.log.Handler(), slog.LevelDebug),
		},
	})
	if ctx.Err() != nil {
		return nil
	}
	return errors.New("relayclient: tunnel ended")
}

func (c *Client) login(conn *relay.Conn) ([]string, error) {
	var ch relay.Challenge
	if err := relay.ReadMessage(conn.R, &ch); err != nil {
		return nil, fmt.Errorf("relayclient: read challenge: %w", err)
	}
	proof, err := chain.SignTunnelLogin(c.cfg.Key, c.cfg.Name, c.gw, ch.Nonce)
	if err != nil {
		return nil, err
	}
	if err := relay.WriteMessage(conn, relay.Login{Name: c.cfg.Name, Address: proof.Address, Signature: proof.Signature}); err != nil {
		return nil, fmt.Errorf("relayclient: send login: %w", err)
	}
	var res relay.Result
	if err := relay.ReadMessage(conn.R, &res); err != nil {
		return nil, fmt.Errorf("relayclient: read result: %w", err)
	}
	if res.Error != nil {
		err := fmt.Errorf("%s: %s", res.Error.Code, res.Error.Message)
		if res.Error.Code == "forbidden" || res.Error.Code == "invalid_request" {
			return nil, fmt.Errorf("%w: %w", ErrRefused, err)
		}
		return nil, fmt.Errorf("relayclient: gateway: %w", err)
	}
	return res.Names, nil
}

// rwcConn makes the upgraded connection net/http hands back (an
// io.ReadWriteCloser) a net.Conn for the HTTP/2 server, which needs no
// addresses or deadlines from it: its timeouts use timers.
type rwcConn struct{ io.ReadWriteCloser }

type tunnelAddr struct{}

func (tunnelAddr) Network() string { return "tunnel" }
func (tunnelAddr) String() string  { return "tunnel" }

func (rwcConn) LocalAddr() net.Addr                { return tunnelAddr{} }
func (rwcConn) RemoteAddr() net.Addr               { return tunnelAddr{} }
func (rwcConn) SetDeadline(t time.Time) error      { return nil }
func (rwcConn) SetReadDeadline(t time.Time) error  { return nil }
func (rwcConn) SetWriteDeadline(t time.Time) error { return nil }
