// Package relay is the tunnel protocol between a provider that cannot be
// reached (behind NAT, on a laptop) and a gateway that serves it. The
// provider dials out; the gateway sends requests back through the same
// connection. Package relayclient is the provider's side, relayserver the
// gateway's.
//
// The provider sends GET Path with "Connection: Upgrade" and
// "Upgrade: " + Protocol, over TLS in production; the gateway answers 101
// Switching Protocols and the connection becomes the tunnel. Then, one
// JSON object per line (at most MaxLine bytes):
//
//	gateway -> provider  Challenge{nonce}
//	provider -> gateway  Login{name, address, signature}
//	gateway -> provider  Result{names} or Result{error}
//
// The signature is chain.SignTunnelLogin over (name, gateway host as the
// provider dialed it, nonce): the gateway accepts only a login signed by
// the address the registry holds for name (or, with no name, serves every
// name the address holds), made for itself, with the nonce it just chose.
//
// After an accepting Result the connection carries HTTP/2 (prior
// knowledge) with the gateway as client and the provider as server.
// HTTP/2 multiplexes concurrent requests with per-stream flow control, so
// bodies stream both ways, and the provider serves its ordinary
// http.Handler, keeping all its own routes and limits. HTTP/2 pings on both
// sides find a dead tunnel.
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
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"golang.org/x/net/http2"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// Path is where a gateway accepts tunnels.
const Path = "/.well-known/webfunctions/tunnel"

// Protocol is the Upgrade token, naming this protocol's version.
const Protocol = "webfunctions-tunnel.v1"

// Challenge is the gateway's first message.
type Challenge struct {
	Nonce chain.Nonce `json:"nonce"`
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
// line by anyone else: what follows belongs to HTTP/2.
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
	d := json.NewDecoder(bytes.NewReader(line))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
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

// Flow-control windows: 4 MiB per stream lets one stream fill a fast link
// (HTTP/2's default of 64 KiB caps a stream at 64 KiB per round trip);
// 16 MiB per connection bounds what a tunnel buffers.
//
// Frame sizes (HTTP/2's default is 16 KiB): each DATA frame the provider
// sends costs its HTTP/2 server a goroutine and a copy, and the gateway's
// reader a wake-up, so on a busy CPU fewer, larger frames are what make
// bulk responses faster: 1 MiB downloads measured 10-20% faster (through a
// gateway, and through the tunnel alone) with 512 KiB frames than with
// 256 KiB; 1 MiB frames no better. The gateway keeps a buffer of the
// largest frame it has read per tunnel, so this is also memory per
// connected provider. Request bodies keep 256 KiB frames: 1 MiB ones
// measured no faster, if anything slower, on the echo benchmark.
const (
	streamWindow  = 4 << 20
	connWindow    = 16 << 20
	responseFrame = 512 << 10 // provider to gateway: the gateway's MaxReadFrameSize
	requestFrame  = 256 << 10 // gateway to provider: the provider's MaxReadFrameSize
)

// NewServer is the provider's HTTP/2 server for a tunnel.
func NewServer() *http2.Server {
	return &http2.Server{
		MaxConcurrentStreams:         256,
		MaxUploadBufferPerStream:     streamWindow,
		MaxUploadBufferPerConnection: connWindow,
		MaxReadFrameSize:             requestFrame,
		ReadIdleTimeout:              30 * time.Second,
		PingTimeout:                  15 * time.Second,
	}
}

// NewTransport is the gateway's HTTP/2 transport for tunnels.
func NewTransport() *http2.Transport {
	return &http2.Transport{
		AllowHTTP:                  true,
		StrictMaxConcurrentStreams: true, // wait for a free stream rather than fail
		DisableCompression:         true,
		ReadIdleTimeout:            30 * time.Second,
		PingTimeout:                15 * time.Second,
		MaxReadFrameSize:           responseFrame,
	}
}
