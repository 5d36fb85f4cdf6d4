// Package relay is the tunnel protocol between a provider that cannot be
// reached (behind NAT, on a laptop) and a gateway that serves it. The
// provider dials out; the gateway sends requests back through the same
// connections. Package relayclient is the provider's side, relayserver the
// gateway's.
//
// A tunnel is a pool of connections, each set up the same way. The
// provider sends GET Path with "Connection: Upgrade" and
// "Upgrade: " + Protocol, over TLS in production; the gateway answers 101
// Switching Protocols and the connection is the provider's. Then, one
// JSON object per line (at most MaxLine bytes):
//
//	gateway -> provider  Challenge{nonce}
//	provider -> gateway  Login{name, address, signature}
//	gateway -> provider  Result{names} or Result{error}
//
// The signature is over a wf.TunnelLogin (name, gateway host as the
// provider dialed it, nonce): the gateway accepts only a login signed by
// the address the registry holds for name (or, with no name, serves every
// name the address holds), made for itself, with the nonce it just chose.
// Every connection logs in; none inherits another's login.
//
// After an accepting Result the connection carries plain HTTP/1.1 with
// the gateway as client and the provider as server, one request at a
// time, kept alive between requests. The provider serves its ordinary
// http.Handler, keeping all its own routes and limits; bodies stream both
// ways as on any HTTP/1.1 connection. The provider keeps a few logged-in
// connections idle (relayclient.Config.Idle): when a request arrives on
// one, it dials a replacement, so the gateway rarely waits. The gateway
// sends nothing on a connection until it has a request for it, and the
// provider nothing until it has read one; either may close an idle
// connection. The gateway caps the connections one address may hold
// (relayserver.Config.MaxConns, refusing logins beyond it with an
// "unavailable" Result) and the requests waiting for one
// (relayserver.Config.QueueWait, then the request fails as unreachable).
// TCP keep-alives on both sides find dead connections; the gateway also
// notices at once when a provider closes an idle one.
//
// Why HTTP/1.1 connections and not one multiplexed connection: HTTP/2
// (and yamux, measured alike) moves every body through flow-control
// windows, per-frame copies and goroutine handoffs; on a busy two-core
// machine 1 MiB downloads through the gateway ran at about half the speed
// of direct, against about 0.7 for the gateway's plain HTTP/1.1 proxying
// to an endpoint. Over pooled HTTP/1.1 connections a tunnel is that same
// data path. The costs are a login per connection (a signature and a
// registry lookup) and a socket per concurrent request.
//
// Why a plain upgrade and not WebSocket: WebSocket frames every write as a
// message, and a client must mask what it sends; the library measured
// (coder/websocket) masks through a 4 KiB buffer, one system call per
// 4 KiB, which held tunnel throughput to about a third of a direct
// connection. A reverse proxy in front of a gateway must pass upgrades
// through (nginx does with the usual WebSocket settings).
package relay

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// Path is where a gateway accepts tunnels.
const Path = "/.well-known/webfunctions/tunnel"

// Protocol is the Upgrade token, naming this protocol's version. v1
// carried HTTP/2 over a single connection.
const Protocol = "webfunctions-tunnel.v2"

// Challenge is the gateway's first message.
type Challenge struct {
	Nonce wf.Nonce `json:"nonce"`
}

// Login is the provider's answer: which name it serves (empty: every name
// its address holds) and its signed proof.
type Login struct {
	Name      string       `json:"name,omitempty"`
	Address   wf.Address   `json:"address"`
	Signature wf.Signature `json:"signature"`
}

// Result ends the handshake: the names now served through the tunnel, or
// why the gateway refused.
type Result struct {
	Names []string        `json:"names,omitempty"`
	Error *httperr.Detail `json:"error,omitempty"`
}

// HandshakeTimeout bounds the handshake on both sides.
const HandshakeTimeout = 10 * time.Second

// MaxLine bounds one handshake message.
const MaxLine = 16 << 10

// WriteMessage sends v as one line of JSON.
func WriteMessage(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ReadMessage reads one line of JSON into v. r must not be read past the
// line by anyone else: what follows belongs to HTTP/1.1.
func ReadMessage(r *bufio.Reader, v any) error {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > MaxLine {
			return fmt.Errorf("%w: relay: handshake message over %d bytes", wf.ErrInvalid, MaxLine)
		}
		if err == nil {
			break
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("relay: read handshake: %w", err)
		}
	}
	// One object per line: anything after it is refused, not ignored.
	if err := wf.DecodeJSON(line, v); err != nil {
		return fmt.Errorf("%w: relay: handshake message: %v", wf.ErrInvalid, err)
	}
	return nil
}

// Conn is a net.Conn whose reads go through r first, for a connection
// whose start was read with a bufio.Reader.
type Conn struct {
	net.Conn
	R *bufio.Reader
}

func (c *Conn) Read(p []byte) (int, error) { return c.R.Read(p) }

// GatewayName is the name a login is signed for: the host without port,
// in lower case.
func GatewayName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.ToLower(strings.Trim(host, "[]"))
}

// IsLocalhost reports whether host (without port) is "localhost" or a name
// under it, which RFC 6761 reserves for loopback.
func IsLocalhost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// DialLocalhost wraps dial so that names under .localhost reach loopback
// (127.0.0.1) without asking DNS, as browsers and curl do (RFC 6761): Go's
// resolver asks DNS for them. Development gateways are named so
// (g1.localhost), and a provider's tunnel endpoints under them.
func DialLocalhost(dial func(ctx context.Context, network, addr string) (net.Conn, error)) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, port, err := net.SplitHostPort(addr); err == nil && IsLocalhost(host) {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
		return dial(ctx, network, addr)
	}
}
