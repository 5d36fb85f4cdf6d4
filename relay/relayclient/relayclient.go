// Package relayclient is the provider's side of the relay tunnel protocol
// (package relay): it dials a gateway, logs in with the provider's key and
// serves an http.Handler to the requests the gateway sends back, so a node
// with no reachable socket can serve its registered name. It keeps a few
// connections logged in and idle, dials more as requests take them, and
// reconnects with backoff until its context ends.
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
	"sync"
	"time"

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
	// Key signs the logins as the provider's registered identity (a
	// *chain.Key, or any other wf.Signer). Required.
	Key wf.Signer
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
	// Idle is how many logged-in connections wait for requests; a
	// request arriving on one has a replacement dialed. Default 2.
	Idle int
	// MaxConns bounds the connections open at once, idle and busy, and
	// so the requests served at once. Default 64 (a gateway's default
	// cap).
	MaxConns int
	// OnUp, if set, is called with the names served each time the tunnel
	// comes up (its first connection logs in); OnDown with the reason
	// each time it goes down (its last connection ends) or a connection
	// fails to log in.
	OnUp   func(names []string)
	OnDown func(err error)
	Log    *slog.Logger // default: discard
}

// ErrRefused is returned by Run when the gateway refused the login: the
// key does not hold the name. Retrying would not help.
var ErrRefused = errors.New("relayclient: gateway refused the tunnel")

// Client keeps a tunnel to one gateway up: a pool of logged-in
// connections, Config.Idle of them waiting for a request.
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
	if cfg.Idle <= 0 {
		cfg.Idle = 2
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = 64
	}
	cfg.MaxConns = max(cfg.MaxConns, cfg.Idle)
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	gw := cfg.Host
	if gw == "" {
		gw = u.Host
	}
	hc := cfg.HTTPClient
	if hc == nil {
		d := &net.Dialer{Timeout: 10 * time.Second,
			// Finds a dead connection within about 30 s, as HTTP/2 pings did.
			KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: 15 * time.Second, Interval: 5 * time.Second, Count: 3}}
		hc = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           relay.DialLocalhost(d.DialContext),
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: relay.HandshakeTimeout,
			// HTTP/1.1 only: an upgrade does not exist in HTTP/2.
			TLSNextProto: map[string]func(string, *tls.Conn) http.RoundTripper{},
		}}
	}
	return &Client{cfg: cfg, url: u.String(), gw: relay.GatewayName(gw), http: hc, log: cfg.Log}, nil
}

// pool counts the connections by what they are doing, as the HTTP
// server reports it.
type pool struct {
	mu    sync.Mutex
	state map[net.Conn]http.ConnState // StateIdle covers fresh ones
	idle  int
	wake  chan struct{}
}

func (p *pool) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// track follows the server's view of each connection: a request arriving
// makes it active, which is when a replacement is dialed.
func (p *pool) track(c net.Conn, s http.ConnState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	old, ok := p.state[c]
	if !ok || s == http.StateNew {
		return
	}
	if old == http.StateIdle {
		p.idle--
	}
	switch s {
	case http.StateIdle:
		p.idle++
		p.state[c] = s
	case http.StateActive:
		p.state[c] = s
	default: // closed or hijacked
		delete(p.state, c)
	}
	p.signal()
}

type dialResult struct {
	conn  net.Conn
	names []string
	err   error
}

// Run keeps the tunnel up until ctx ends (returning nil) or the gateway
// refuses a login (returning an error matching ErrRefused).
func (c *Client) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := &pool{state: make(map[net.Conn]http.ConnState), wake: make(chan struct{}, 1)}
	ln := newListener()
	h := c.cfg.Handler
	srv := &http.Server{
		// The gateway reads the response while it sends the request, so
		// a handler may answer before it has read the whole body (an
		// echo) without the connection being closed after it.
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.NewResponseController(w).EnableFullDuplex()
			h.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 30 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ConnState:         p.track,
		ErrorLog:          slog.NewLogLogger(c.log.Handler(), slog.LevelDebug),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan struct{})
	go func() { srv.Serve(ln); close(served) }()
	results := make(chan dialResult)
	dialing := 0 // dials under way; only this goroutine counts them
	defer func() {
		cancel()
		ln.Close()
		srv.Close()
		<-served
		for ; dialing > 0; dialing-- { // dials end with ctx
			if r := <-results; r.conn != nil {
				r.conn.Close()
			}
		}
	}()

	backoff := c.cfg.MinBackoff
	var paused <-chan time.Time // while set, no dialing
	pause := func() {
		wait := backoff/2 + rand.N(backoff/2+1) // jitter, so providers cut off together do not return together
		paused = time.After(wait)
		backoff = min(2*backoff, c.cfg.MaxBackoff)
	}
	up, upSince := false, time.Time{}
	for {
		p.mu.Lock()
		total, idle := len(p.state), p.idle
		p.mu.Unlock()
		if up && total == 0 {
			up = false
			err := errors.New("relayclient: tunnel ended")
			c.log.Warn("tunnel down; reconnecting", "gateway", c.cfg.Gateway)
			if c.cfg.OnDown != nil {
				c.cfg.OnDown(err)
			}
			if time.Since(upSince) > time.Minute {
				backoff = c.cfg.MinBackoff
			}
			pause()
		}
		n := 0
		if paused == nil {
			n = max(0, min(c.cfg.Idle-idle-dialing, c.cfg.MaxConns-total-dialing))
		}
		dialing += n
		for range n {
			go func() {
				conn, names, err := c.dial(ctx)
				select {
				case results <- dialResult{conn, names, err}:
				case <-ctx.Done():
					if conn != nil {
						conn.Close()
					}
					results <- dialResult{err: ctx.Err()}
				}
			}()
		}
		select {
		case <-ctx.Done():
			return nil
		case <-p.wake:
		case <-paused:
			paused = nil
		case r := <-results:
			dialing--
			if r.err != nil {
				if ctx.Err() != nil {
					return nil
				}
				if c.cfg.OnDown != nil {
					c.cfg.OnDown(r.err)
				}
				if errors.Is(r.err, ErrRefused) {
					return r.err
				}
				c.log.Warn("tunnel connection failed", "gateway", c.cfg.Gateway, "err", r.err)
				if paused == nil {
					pause()
				}
				continue
			}
			p.mu.Lock()
			p.state[r.conn] = http.StateIdle
			p.idle++
			p.mu.Unlock()
			ln.push(r.conn)
			if up && time.Since(upSince) > time.Minute {
				backoff = c.cfg.MinBackoff
			}
			if !up {
				up, upSince = true, time.Now()
				c.log.Info("tunnel up", "gateway", c.cfg.Gateway, "names", r.names)
				if c.cfg.OnUp != nil {
					c.cfg.OnUp(r.names)
				}
			}
		}
	}
}

// dial opens and logs in one connection.
func (c *Client) dial(ctx context.Context) (net.Conn, []string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url, nil)
	if err != nil {
		return nil, nil, err
	}
	if c.cfg.Host != "" {
		req.Host = c.cfg.Host
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", relay.Protocol)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("relayclient: dial %s: %w", c.url, err)
	}
	rwc, ok := resp.Body.(io.ReadWriteCloser)
	if resp.StatusCode != http.StatusSwitchingProtocols || !ok {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
		return nil, nil, fmt.Errorf("relayclient: %s answered %s: %s", c.url, resp.Status, bytes.TrimSpace(b))
	}
	conn := &relay.Conn{Conn: rwcConn{rwc}, R: bufio.NewReader(rwc)}
	timer := time.AfterFunc(relay.HandshakeTimeout, func() { conn.Close() })
	names, err := c.login(conn)
	if !timer.Stop() && err == nil {
		err = errors.New("relayclient: handshake timed out")
	}
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, names, nil
}

func (c *Client) login(conn *relay.Conn) ([]string, error) {
	var ch relay.Challenge
	if err := relay.ReadMessage(conn.R, &ch); err != nil {
		return nil, fmt.Errorf("relayclient: read challenge: %w", err)
	}
	sig, err := c.cfg.Key.Sign(wf.TunnelLogin{Name: c.cfg.Name, Gateway: c.gw, Nonce: ch.Nonce})
	if err != nil {
		return nil, fmt.Errorf("relayclient: sign login: %w", err)
	}
	if err := relay.WriteMessage(conn, relay.Login{Name: c.cfg.Name, Address: c.cfg.Key.Address(), Signature: sig}); err != nil {
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
// io.ReadWriteCloser) a net.Conn for the HTTP server. It has no
// deadlines: the gateway times requests out, and TCP keep-alives find a
// dead connection.
type rwcConn struct{ io.ReadWriteCloser }

type tunnelAddr struct{}

func (tunnelAddr) Network() string { return "tunnel" }
func (tunnelAddr) String() string  { return "tunnel" }

func (rwcConn) LocalAddr() net.Addr                { return tunnelAddr{} }
func (rwcConn) RemoteAddr() net.Addr               { return tunnelAddr{} }
func (rwcConn) SetDeadline(t time.Time) error      { return nil }
func (rwcConn) SetReadDeadline(t time.Time) error  { return nil }
func (rwcConn) SetWriteDeadline(t time.Time) error { return nil }

// listener hands the HTTP server each logged-in connection.
type listener struct {
	ch   chan net.Conn
	done chan struct{}
	once sync.Once
}

func newListener() *listener {
	return &listener{ch: make(chan net.Conn), done: make(chan struct{})}
}

func (l *listener) push(c net.Conn) {
	select {
	case l.ch <- c:
	case <-l.done:
		c.Close()
	}
}

func (l *listener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ch:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *listener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *listener) Addr() net.Addr { return tunnelAddr{} }
