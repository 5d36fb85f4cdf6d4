// Package relayserver is the gateway's side of the relay tunnel protocol
// (package relay): it accepts tunnel connections from providers, checks
// each login against the registry, pools the connections by name and
// sends HTTP requests to providers over them. It does not listen on its
// own: mount Handler at relay.Path.
package relayserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/wf"
)

// Config configures a Server.
type Config struct {
	// Gateway is the host name logins must be signed for (the gateway's
	// domain). Empty accepts the name each request's Host header gives,
	// which is only safe on a gateway nobody else can front.
	Gateway string
	// Verifier recovers who signed a login (chain.Verifier). Required.
	Verifier wf.Verifier
	// Owner returns the address the registry holds for name, or an error
	// matching wf.ErrNotFound. Required.
	Owner func(ctx context.Context, name string) (wf.Address, error)
	// Names returns the names addr holds, for logins that name none.
	// Optional: without it a login must name its name.
	Names func(ctx context.Context, addr wf.Address) ([]string, error)
	// MaxConns bounds the tunnel connections one address holds open, idle
	// and busy, over all its names: so many requests run at once, and a
	// provider cannot use up the gateway's sockets. Default 64.
	MaxConns int
	// QueueWait bounds how long a request waits for a connection when all
	// are busy (or the provider's replacement is still logging in); then
	// it fails as never sent, which the gateway answers 503 or retries
	// elsewhere. Default 5 s.
	QueueWait time.Duration
	Log       *slog.Logger // default: discard
}

// Server tracks the live tunnels. It is safe for concurrent use.
type Server struct {
	cfg Config
	log *slog.Logger

	mu       sync.Mutex
	tunnels  map[string][]*Tunnel // by name, oldest first
	perOwner map[wf.Address]int   // live connections by owner
	live     int                  // live connections
	closed   bool
}

// New returns a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Owner == nil || cfg.Verifier == nil {
		return nil, errors.New("relayserver: Config.Owner and Verifier are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = 64
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = 5 * time.Second
	}
	return &Server{cfg: cfg, log: cfg.Log, tunnels: make(map[string][]*Tunnel),
		perOwner: make(map[wf.Address]int)}, nil
}

// Tunnel is the pool of one address's connections serving one name. Its
// RoundTrip sends a request to the provider over one of them; the
// request's URL host is ignored. It lives while it has a connection, and
// Config.QueueWait after its last one ends.
type Tunnel struct {
	s     *Server
	name  string
	owner wf.Address
	tr    *http.Transport
	slots chan struct{} // one per request in flight
	avail chan struct{} // a fresh connection arrived
	done  chan struct{} // closed when the tunnel ends

	// Guarded by s.mu.
	fresh []*pconn // logged in, no request yet; newest last
	conns map[*pconn]struct{}
	ended bool
}

// errClosed and errBusy are wrapped in a dial error, as for a TCP
// connection, so callers know a request that got them never reached the
// provider.
var (
	errClosed = errors.New("relayserver: tunnel closed")
	errBusy   = fmt.Errorf("%w: relayserver: every tunnel connection is busy", wf.ErrUnavailable)
)

func dialErr(err error) error { return &net.OpError{Op: "dial", Net: "tunnel", Err: err} }

// Owner is the address that logged in.
func (t *Tunnel) Owner() wf.Address { return t.owner }

// Conns is the number of the tunnel's connections, idle and busy.
func (t *Tunnel) Conns() int {
	t.s.mu.Lock()
	defer t.s.mu.Unlock()
	return len(t.conns)
}

// RoundTrip implements http.RoundTripper over the tunnel's connections,
// one request per connection at a time. A request finding every
// connection busy waits up to Config.QueueWait.
func (t *Tunnel) RoundTrip(r *http.Request) (*http.Response, error) {
	select {
	case t.slots <- struct{}{}:
	default:
		timer := time.NewTimer(t.s.cfg.QueueWait)
		defer timer.Stop()
		select {
		case t.slots <- struct{}{}:
		case <-timer.C:
			closeBody(r)
			return nil, dialErr(errBusy)
		case <-t.done:
			closeBody(r)
			return nil, dialErr(errClosed)
		case <-r.Context().Done():
			closeBody(r)
			return nil, r.Context().Err()
		}
	}
	resp, err := t.tr.RoundTrip(r)
	if err != nil {
		<-t.slots
		return nil, err
	}
	resp.Body = &slotBody{ReadCloser: resp.Body, t: t}
	return resp, nil
}

func closeBody(r *http.Request) {
	if r.Body != nil {
		r.Body.Close()
	}
}

// slotBody frees its request's slot when closed.
type slotBody struct {
	io.ReadCloser
	t    *Tunnel
	once sync.Once
}

func (b *slotBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(func() { <-b.t.slots })
	return err
}

// dial hands the transport a fresh connection, waiting for the provider
// to log one in if none is.
func (t *Tunnel) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	var timeout <-chan time.Time
	for {
		t.s.mu.Lock()
		var c *pconn
		for c == nil && len(t.fresh) > 0 {
			c, t.fresh = t.fresh[len(t.fresh)-1], t.fresh[:len(t.fresh)-1]
			if c.taken {
				c = nil // another name's tunnel took it
			}
		}
		if c != nil {
			c.taken = true
		}
		ended := t.ended
		t.s.mu.Unlock()
		if c != nil {
			if c.claim() {
				return c, nil
			}
			continue
		}
		if ended {
			return nil, dialErr(errClosed)
		}
		if timeout == nil {
			timer := time.NewTimer(t.s.cfg.QueueWait)
			defer timer.Stop()
			timeout = timer.C
		}
		select {
		case <-t.avail:
		case <-t.done:
		case <-timeout:
			return nil, dialErr(errBusy)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Done is closed when the tunnel is gone.
func (t *Tunnel) Done() <-chan struct{} { return t.done }

// Close ends the tunnel, closing its connections.
func (t *Tunnel) Close() error {
	s := t.s
	s.mu.Lock()
	s.endLocked(t)
	conns := slices.Collect(maps.Keys(t.conns))
	s.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
	t.tr.CloseIdleConnections()
	return nil
}

// endLocked removes t from the server and wakes its waiters.
func (s *Server) endLocked(t *Tunnel) {
	if t.ended {
		return
	}
	t.ended = true
	close(t.done)
	ts := slices.DeleteFunc(s.tunnels[t.name], func(o *Tunnel) bool { return o == t })
	if len(ts) == 0 {
		delete(s.tunnels, t.name)
	} else {
		s.tunnels[t.name] = ts
	}
}

// pconn is one logged-in connection. While fresh, a goroutine waits on
// it for the end a provider's close brings; a request claims it by
// cutting that wait short with a past read deadline. Its reader holds
// nothing but what the provider sent after login.
type pconn struct {
	relay.Conn
	s       *Server
	owner   wf.Address
	names   []string
	tunnels []*Tunnel
	ready   chan struct{} // closed once the handshake's deadline is lifted
	watched chan error    // the watcher's result
	taken   bool          // guarded by s.mu
	once    sync.Once
}

// watch waits while the connection is fresh: a provider sends nothing
// before a request, so anything but the claim's deadline ends it.
func (c *pconn) watch() {
	_, err := c.R.Peek(1)
	if err == nil {
		err = errors.New("relayserver: provider spoke first")
	}
	c.watched <- err
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return
	}
	c.s.mu.Lock()
	taken := c.taken
	c.taken = true
	c.s.mu.Unlock()
	if !taken {
		c.Close()
	}
}

// claim stops the watcher; false means the connection had died.
func (c *pconn) claim() bool {
	<-c.ready
	c.Conn.SetReadDeadline(time.Unix(1, 0))
	if err := <-c.watched; !errors.Is(err, os.ErrDeadlineExceeded) {
		c.Close()
		return false
	}
	c.Conn.SetReadDeadline(time.Time{})
	return true
}

func (c *pconn) Close() error {
	c.once.Do(func() { c.s.gone(c) })
	return c.Conn.Close()
}

// gone forgets c, ending the tunnels it was the last connection of.
func (s *Server) gone(c *pconn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.live--
	if s.perOwner[c.owner]--; s.perOwner[c.owner] <= 0 {
		delete(s.perOwner, c.owner)
	}
	for _, t := range c.tunnels {
		delete(t.conns, c)
		t.fresh = slices.DeleteFunc(t.fresh, func(o *pconn) bool { return o == c })
		if len(t.conns) == 0 && !t.ended {
			// The provider may be logging a replacement in (every
			// connection busy, each closing after its request); requests
			// wait for it as for a busy pool.
			time.AfterFunc(s.cfg.QueueWait, func() {
				s.mu.Lock()
				defer s.mu.Unlock()
				if len(t.conns) == 0 {
					s.endLocked(t)
				}
			})
		}
	}
}

// Tunnel returns the newest live tunnel serving name, or nil. An older
// one (a previous owner's, until the caller closes it) takes over when
// it ends.
func (s *Server) Tunnel(name string) *Tunnel {
	s.mu.Lock()
	defer s.mu.Unlock()
	ts := s.tunnels[name]
	if len(ts) == 0 {
		return nil
	}
	return ts[len(ts)-1]
}

// Len is the number of names served through live tunnels.
func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.tunnels)
}

// Conns is the number of live tunnel connections.
func (s *Server) Conns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live
}

// Close ends every tunnel, closing every connection (each is pooled
// under at least one name), and refuses new ones.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	var ts []*Tunnel
	for _, l := range s.tunnels {
		ts = append(ts, l...)
	}
	s.mu.Unlock()
	for _, t := range ts {
		t.Close()
	}
	return nil
}

// Handler accepts tunnel connections. The handler returns once the
// connection is logged in and pooled (or refused).
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serve) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if !headerHas(r.Header, "Connection", "upgrade") || !headerHas(r.Header, "Upgrade", relay.Protocol) {
		httperr.Write(w, nil, fmt.Errorf("%w: this is the tunnel endpoint (Upgrade: %s); connect with `wf provider start --tunnel`", wf.ErrInvalid, relay.Protocol))
		return
	}
	gateway := s.cfg.Gateway
	if gateway == "" {
		gateway = relay.GatewayName(r.Host)
	}
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		httperr.Write(w, nil, fmt.Errorf("%w: a tunnel needs an HTTP/1.1 connection", wf.ErrInvalid))
		return
	}
	log := s.log.With("remote", r.RemoteAddr)
	conn.SetDeadline(time.Now().Add(relay.HandshakeTimeout))
	if _, err := io.WriteString(conn, "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: "+relay.Protocol+"\r\n\r\n"); err != nil {
		conn.Close()
		return
	}
	c := &pconn{Conn: relay.Conn{Conn: conn, R: brw.Reader}, s: s, ready: make(chan struct{}), watched: make(chan error, 1)}
	err = s.handshake(r.Context(), c, gateway)
	var first bool
	if err == nil {
		// Pooled before the provider hears it is accepted, so that once
		// it has, requests for its names find it. A request claiming it
		// waits for the watcher, which starts once the Result is out.
		first, err = s.add(c)
	}
	if err != nil {
		log.Info("tunnel refused", "err", err)
		_, code := httperr.Status(err)
		relay.WriteMessage(conn, relay.Result{Error: &httperr.Detail{Code: code, Message: httperr.Message(err)}})
		conn.Close()
		return
	}
	if err := relay.WriteMessage(conn, relay.Result{Names: c.names}); err != nil {
		c.watched <- err
		close(c.ready)
		c.Close()
		return
	}
	conn.SetDeadline(time.Time{})
	close(c.ready)
	go c.watch()
	if first {
		log.Info("tunnel up", "names", c.names, "owner", c.owner.Checksum())
	}
}

// add counts c against its owner's cap and pools it under each of its
// names, reporting whether it started a tunnel. It refuses c over the cap
// or once the server is closed.
func (s *Server) add(c *pconn) (first bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false, fmt.Errorf("%w: the gateway is shutting down", wf.ErrUnavailable)
	}
	if s.perOwner[c.owner] >= s.cfg.MaxConns {
		return false, fmt.Errorf("%w: %s already holds %d tunnel connections, this gateway's limit", wf.ErrUnavailable, c.owner.Checksum(), s.cfg.MaxConns)
	}
	s.perOwner[c.owner]++
	s.live++
	for _, n := range c.names {
		var t *Tunnel
		for _, o := range s.tunnels[n] {
			if o.owner == c.owner {
				t = o
			}
		}
		if t == nil {
			t = s.newTunnel(n, c.owner)
			s.tunnels[n] = append(s.tunnels[n], t)
			first = true
		}
		c.tunnels = append(c.tunnels, t)
		t.conns[c] = struct{}{}
		t.fresh = append(t.fresh, c)
		select {
		case t.avail <- struct{}{}:
		default:
		}
	}
	return first, nil
}

func (s *Server) newTunnel(name string, owner wf.Address) *Tunnel {
	t := &Tunnel{s: s, name: name, owner: owner,
		slots: make(chan struct{}, s.cfg.MaxConns), avail: make(chan struct{}, 1), done: make(chan struct{}),
		conns: make(map[*pconn]struct{})}
	t.tr = &http.Transport{
		DialContext:         t.dial,
		MaxConnsPerHost:     s.cfg.MaxConns,
		MaxIdleConnsPerHost: s.cfg.MaxConns,
		// The provider keeps its own few idle, so connections a burst
		// left behind need not stay long.
		IdleConnTimeout:       30 * time.Second,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true, // pass bodies through as they are
		ReadBufferSize:        64 << 10,
		WriteBufferSize:       64 << 10,
	}
	return t
}

// handshake runs the challenge and login, setting who logged in and the
// names c serves.
func (s *Server) handshake(ctx context.Context, c *pconn, gateway string) error {
	ctx, cancel := context.WithTimeout(ctx, relay.HandshakeTimeout)
	defer cancel()
	n := wf.NewNonce()
	if err := relay.WriteMessage(c, relay.Challenge{Nonce: n}); err != nil {
		return fmt.Errorf("relayserver: send challenge: %w", err)
	}
	var login relay.Login
	if err := relay.ReadMessage(c.R, &login); err != nil {
		return err
	}
	signer, err := s.cfg.Verifier.Recover(wf.TunnelLogin{Name: login.Name, Gateway: gateway, Nonce: n}, login.Signature)
	if err != nil {
		return fmt.Errorf("tunnel login for gateway %q: %w", gateway, err)
	}
	if signer != login.Address {
		return fmt.Errorf("tunnel login for gateway %q: %w: signature is by %s, not %s", gateway, wf.ErrForbidden, signer.Checksum(), login.Address.Checksum())
	}
	c.owner = login.Address
	if login.Name != "" {
		owner, err := s.cfg.Owner(ctx, login.Name)
		if err != nil {
			return err
		}
		if owner != login.Address {
			return fmt.Errorf("%w: %s does not hold the name %q", wf.ErrForbidden, login.Address.Checksum(), login.Name)
		}
		c.names = []string{login.Name}
		return nil
	}
	if s.cfg.Names == nil {
		return fmt.Errorf("%w: this gateway needs the login to name the provider", wf.ErrInvalid)
	}
	names, err := s.cfg.Names(ctx, login.Address)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%w: %s holds no registered name", wf.ErrForbidden, login.Address.Checksum())
	}
	c.names = names
	return nil
}

func headerHas(h http.Header, key, token string) bool {
	for _, v := range h.Values(key) {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}
