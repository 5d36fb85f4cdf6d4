// Package relayserver is the gateway's side of the relay tunnel protocol
// (package relay): it accepts tunnels from providers, checks their logins
// against the registry, and sends HTTP requests to them through the
// tunnel. It does not listen on its own: mount Handler at relay.Path.
package relayserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/http2"

	"github.com/webfunctions/wf/chain"
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
	// Owner returns the address the registry holds for name, or an error
	// matching wf.ErrNotFound. Required.
	Owner func(ctx context.Context, name string) (wf.Address, error)
	// Names returns the names addr holds, for logins that name none.
	// Optional: without it a login must name its name.
	Names func(ctx context.Context, addr wf.Address) ([]string, error)
	Log   *slog.Logger // default: discard
}

// Server tracks the live tunnels. It is safe for concurrent use.
type Server struct {
	cfg Config
	log *slog.Logger

	mu      sync.Mutex
	tunnels map[string][]*Tunnel // by name, oldest first
	closed  bool
}

// New returns a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Owner == nil {
		return nil, errors.New("relayserver: Config.Owner is required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Server{cfg: cfg, log: cfg.Log, tunnels: make(map[string][]*Tunnel)}, nil
}

// Tunnel is one provider's live tunnel. Its RoundTrip sends a request to
// the provider; the request's URL host is ignored.
type Tunnel struct {
	names   []string
	owner   wf.Address
	created time.Time
	conn    net.Conn

	ready    chan struct{}     // closed once cc is set (or the start failed)
	cc       *http2.ClientConn // nil if the start failed
	done     chan struct{}     // closed when the tunnel ends
	doneOnce sync.Once
}

// errClosed is wrapped in a dial error, as for a TCP connection, so
// callers know a request that got it never reached the provider.
var errClosed = errors.New("relayserver: tunnel closed")

// Owner is the address that logged in.
func (t *Tunnel) Owner() wf.Address { return t.owner }

// Names are the names the tunnel serves.
func (t *Tunnel) Names() []string { return t.names }

// RoundTrip implements http.RoundTripper over the tunnel's HTTP/2
// connection. Requests beyond the provider's concurrent stream limit wait
// for a free stream.
func (t *Tunnel) RoundTrip(r *http.Request) (*http.Response, error) {
	select { // nothing is sent before the provider has read its Result
	case <-t.ready:
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	if t.cc == nil || t.closed() || !t.cc.CanTakeNewRequest() {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, &net.OpError{Op: "dial", Net: "tunnel", Err: errClosed}
	}
	return t.cc.RoundTrip(r)
}

// Done is closed when the tunnel is gone.
func (t *Tunnel) Done() <-chan struct{} { return t.done }

func (t *Tunnel) closed() bool {
	select {
	case <-t.done:
		return true
	default:
		return false
	}
}

func (t *Tunnel) end() { t.doneOnce.Do(func() { close(t.done) }) }

// Close ends the tunnel.
func (t *Tunnel) Close() error {
	t.end()
	select {
	case <-t.ready:
		if t.cc != nil {
			t.cc.Close()
		}
	default:
	}
	if t.conn != nil {
		return t.conn.Close()
	}
	return nil
}

// Tunnel returns the newest live tunnel serving name, or nil. Older ones
// for the same name (a second instance of the provider, or a connection
// the provider replaced but that has not timed out yet) take over when it
// ends.
func (s *Server) Tunnel(name string) *Tunnel {
	s.mu.Lock()
	defer s.mu.Unlock()
	ts := s.tunnels[name]
	for i := len(ts) - 1; i >= 0; i-- {
		if !ts[i].closed() {
			return ts[i]
		}
	}
	return nil
}

// Len is the number of names served through live tunnels.
func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.tunnels)
}

// Close ends every tunnel and refuses new ones.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	all := s.tunnels
	s.tunnels = map[string][]*Tunnel{}
	s.mu.Unlock()
	for _, ts := range all {
		for _, t := range ts {
			t.Close()
		}
	}
	return nil
}

// Handler accepts tunnels. The handler returns when its tunnel ends.
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
	defer conn.Close()
	log := s.log.With("remote", r.RemoteAddr)
	conn.SetDeadline(time.Now().Add(relay.HandshakeTimeout))
	if _, err := io.WriteString(conn, "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: "+relay.Protocol+"\r\n\r\n"); err != nil {
		return
	}
	rc := &relay.Conn{Conn: conn, R: brw.Reader}
	t, err := s.handshake(r.Context(), rc, gateway)
	if err != nil {
		log.Info("tunnel refused", "err", err)
		_, code := httperr.Status(err)
		relay.WriteMessage(conn, relay.Result{Error: &httperr.Detail{Code: code, Message: httperr.Message(err)}})
		return
	}
	t.conn = conn
	// Registered before the provider hears it is accepted, so that once
	// it has, requests for its names find the tunnel (and wait for ready).
	if !s.add(t) {
		close(t.ready)
		return
	}
	defer func() {
		s.remove(t)
		t.Close()
	}()
	if err := relay.WriteMessage(conn, relay.Result{Names: t.names}); err != nil {
		close(t.ready)
		return
	}
	conn.SetDeadline(time.Time{})
	cc, err := relay.NewTransport().NewClientConn(&watchConn{Conn: rc, t: t})
	if err == nil {
		t.cc = cc
	}
	close(t.ready)
	if err != nil {
		log.Info("tunnel failed to start", "err", err)
		return
	}
	log.Info("tunnel up", "names", t.names, "owner", chain.ChecksumAddress(t.owner))
	// The handler holds the hijacked connection until the tunnel ends.
	<-t.done
	log.Info("tunnel down", "names", t.names, "up", time.Since(t.created).Round(time.Millisecond))
}

// watchConn ends its tunnel when the connection fails.
type watchConn struct {
	net.Conn
	t *Tunnel
}

func (c *watchConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil {
		c.t.end()
	}
	return n, err
}

func (c *watchConn) Close() error {
	c.t.end()
	return c.Conn.Close()
}

// handshake runs the challenge and login, returning the tunnel to be.
func (s *Server) handshake(ctx context.Context, c *relay.Conn, gateway string) (*Tunnel, error) {
	ctx, cancel := context.WithTimeout(ctx, relay.HandshakeTimeout)
	defer cancel()
	n := chain.NewNonce()
	if err := relay.WriteMessage(c, relay.Challenge{Nonce: n}); err != nil {
		return nil, fmt.Errorf("relayserver: send challenge: %w", err)
	}
	var login relay.Login
	if err := relay.ReadMessage(c.R, &login); err != nil {
		return nil, err
	}
	proof := chain.Proof{Address: login.Address, Signature: login.Signature}
	if err := proof.VerifyTunnelLogin(login.Name, gateway, n); err != nil {
		return nil, fmt.Errorf("tunnel login for gateway %q: %w", gateway, err)
	}
	var names []string
	if login.Name != "" {
		owner, err := s.cfg.Owner(ctx, login.Name)
		if err != nil {
			return nil, err
		}
		if owner != login.Address {
			return nil, fmt.Errorf("%w: %s does not hold the name %q", wf.ErrForbidden, chain.ChecksumAddress(login.Address), login.Name)
		}
		names = []string{login.Name}
	} else {
		if s.cfg.Names == nil {
			return nil, fmt.Errorf("%w: this gateway needs the login to name the provider", wf.ErrInvalid)
		}
		var err error
		if names, err = s.cfg.Names(ctx, login.Address); err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%w: %s holds no registered name", wf.ErrForbidden, chain.ChecksumAddress(login.Address))
		}
	}
	return &Tunnel{names: names, owner: login.Address, created: time.Now(), ready: make(chan struct{}), done: make(chan struct{})}, nil
}

// add registers t under its names.
func (s *Server) add(t *Tunnel) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	for _, n := range t.names {
		s.tunnels[n] = append(s.tunnels[n], t)
	}
	return true
}

func (s *Server) remove(t *Tunnel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range t.names {
		ts := slices.DeleteFunc(s.tunnels[n], func(o *Tunnel) bool { return o == t })
		if len(ts) == 0 {
			delete(s.tunnels, n)
		} else {
			s.tunnels[n] = ts
		}
	}
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
