// Package settler is the Go client of the MINA settler, the loopback HTTP
// service in Node (mina/zkapp/settler.mjs) that runs o1js: it reads
// PaymentChannel accounts, builds and proves redeem transactions, sends
// them and reports their status, and opens, tops up and closes channels for
// the CLI. Exec starts one as a child process (wf dev --mina, tests).
//
// The service runs in one of two modes: "local", o1js's in-process
// LocalBlockchain with proofs off (the chain lives in the service's
// process), or "graphql", a Mina node's GraphQL endpoint (devnet,
// mainnet). See docs/mina.md.
package settler

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/wf"
)

// Client talks to one settler. Its methods are safe for concurrent use
// (the settler serialises what touches the chain).
type Client struct {
	// URL is the settler's base URL, such as http://127.0.0.1:8547.
	URL string
	// HTTP is the client to use; nil means one with a 10-minute timeout
	// (proving a transaction with proofs on takes minutes).
	HTTP *http.Client
}

// New returns a client for the settler at base.
func New(base string) (*Client, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: settler: %q is not an http URL", wf.ErrInvalid, base)
	}
	return &Client{URL: strings.TrimRight(base, "/")}, nil
}

var defaultHTTP = &http.Client{Timeout: 10 * time.Minute}

// Error is a settler's refusal: Status is its HTTP status.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("settler: %s (%d)", e.Message, e.Status) }

// Is makes a 404 wf.ErrNotFound.
func (e *Error) Is(target error) bool {
	return target == wf.ErrNotFound && e.Status == http.StatusNotFound
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.URL+path, body)
	if err != nil {
		return fmt.Errorf("settler: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	h := c.HTTP
	if h == nil {
		h = defaultHTTP
	}
	resp, err := h.Do(req)
	if err != nil {
		return fmt.Errorf("%w: settler %s: %v", wf.ErrUnavailable, c.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return fmt.Errorf("%w: settler %s: %v", wf.ErrUnavailable, c.URL, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		if json.Unmarshal(b, &e) != nil || e.Error == "" {
			e.Error = strings.TrimSpace(string(b))
		}
		return &Error{Status: resp.StatusCode, Message: e.Error}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("settler: %s %s: %w", method, path, err)
	}
	return nil
}

// Info is what a settler says of itself.
type Info struct {
	Mode     string `json:"mode"`    // "local" or "graphql"
	Network  string `json:"network"` // "testnet" or "mainnet"
	Slot     uint32 `json:"slot"`
	VKHash   string `json:"vkHash"` // the PaymentChannel's verification key hash (graphql mode)
	FeePayer string `json:"feePayer"`
}

// Info asks the settler what it runs against.
func (c *Client) Info(ctx context.Context) (*Info, error) {
	var i Info
	return &i, c.do(ctx, http.MethodGet, "/v1/info", nil, &i)
}

// State is a channel account as the settler read it.
type State struct {
	Address      string `json:"address"`
	Parties      string `json:"parties"`
	NetworkID    int    `json:"networkId"`
	PriceCap     string `json:"priceCap"`
	Budget       string `json:"budget"`
	Redeemed     string `json:"redeemed"`
	Settled      string `json:"settled"`
	SettledCount string `json:"settledCount"`
	Expiry       uint32 `json:"expiry"`
	Balance      string `json:"balance"`
	Slot         uint32 `json:"slot"`
	VKHash       string `json:"vkHash"`
	// Code reports whether the account runs the PaymentChannel zkApp the
	// settler knows (its verification key hash).
	Code bool `json:"code"`
}

// Channel reads the channel at address. An address with no account is
// wf.ErrNotFound.
func (c *Client) Channel(ctx context.Context, address *mina.PublicKey) (*State, error) {
	var s State
	if err := c.do(ctx, http.MethodGet, "/v1/channels/"+address.Base58(), nil, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// MinapayChannel converts s for minapay.Checker. An account that does not
// run the PaymentChannel code, or whose numbers do not parse, is an error:
// the provider must not serve from it.
func (s *State) MinapayChannel() (*minapay.Channel, error) {
	if !s.Code {
		return nil, fmt.Errorf("%w: settler: account %s does not run the PaymentChannel zkApp (verification key %q)", wf.ErrInvalid, s.Address, s.VKHash)
	}
	addr, err := mina.ParsePublicKey(s.Address)
	if err != nil {
		return nil, fmt.Errorf("settler: channel address: %w", err)
	}
	var n mina.Network
	switch s.NetworkID {
	case 0:
		n = mina.Testnet
	case 1:
		n = mina.Mainnet
	default:
		return nil, fmt.Errorf("%w: settler: channel %s has network id %d", wf.ErrInvalid, s.Address, s.NetworkID)
	}
	redeemed, err1 := strconv.ParseUint(s.Redeemed, 10, 64)
	balance, err2 := strconv.ParseUint(s.Balance, 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("settler: channel %s: %w", s.Address, err)
	}
	return &minapay.Channel{Address: addr, Parties: s.Parties, Network: n, Redeemed: redeemed, Balance: balance,
		ExpirySlot: s.Expiry, Slot: s.Slot}, nil
}

// Open is a channel to open: the payer's key signs (it is sent to the
// settler over loopback for this one transaction, never stored).
type Open struct {
	Payer      *mina.PrivateKey
	Provider   *mina.PublicKey
	PriceCap   uint64 // nanomina per request, for owner-pays settle
	Budget     uint64 // nanomina settle may pay in all
	ExpirySlot uint32
	Deposit    uint64 // nanomina
}

// Open deploys and opens a channel and returns its address and the
// transaction's hash.
func (c *Client) Open(ctx context.Context, o Open) (address *mina.PublicKey, hash string, err error) {
	var out struct{ Address, Hash string }
	err = c.do(ctx, http.MethodPost, "/v1/channels", map[string]string{"payerKey": o.Payer.Base58(), "provider": o.Provider.Base58(),
		"priceCap": u(o.PriceCap), "budget": u(o.Budget), "expirySlot": u(uint64(o.ExpirySlot)), "deposit": u(o.Deposit)}, &out)
	if err != nil {
		return nil, "", err
	}
	address, err = mina.ParsePublicKey(out.Address)
	if err != nil {
		return nil, "", fmt.Errorf("settler: open: %w", err)
	}
	return address, out.Hash, nil
}

// TopUp adds amount nanomina to a channel from payer's account.
func (c *Client) TopUp(ctx context.Context, channel *mina.PublicKey, payer *mina.PrivateKey, amount uint64) (string, error) {
	var out struct{ Hash string }
	err := c.do(ctx, http.MethodPost, "/v1/channels/"+channel.Base58()+"/topup", map[string]string{"payerKey": payer.Base58(), "amount": u(amount)}, &out)
	return out.Hash, err
}

// Close sends what is left in an expired channel back to its payer.
func (c *Client) Close(ctx context.Context, channel *mina.PublicKey, payer *mina.PrivateKey, provider *mina.PublicKey) (string, error) {
	var out struct{ Hash string }
	err := c.do(ctx, http.MethodPost, "/v1/channels/"+channel.Base58()+"/close", map[string]string{"payerKey": payer.Base58(), "provider": provider.Base58()}, &out)
	return out.Hash, err
}

// Redeem is a redemption of a payer's voucher up to UpTo.
type Redeem struct {
	Payer, Provider *mina.PublicKey
	Voucher         mina.Voucher
	Signature       mina.Signature
	UpTo            uint64
}

// Tx is a signed transaction, not yet sent: its hash and its JSON.
type Tx struct {
	Hash string `json:"hash"`
	JSON string `json:"tx"`
}

// Redeem builds, proves and signs (with the settler's fee payer) a redeem
// transaction. It is not sent: record it, then Send it.
func (c *Client) Redeem(ctx context.Context, r Redeem) (*Tx, error) {
	var tx Tx
	err := c.do(ctx, http.MethodPost, "/v1/redeem", map[string]any{"channel": r.Voucher.Channel.Base58(), "payer": r.Payer.Base58(),
		"provider": r.Provider.Base58(), "cumulative": u(r.Voucher.Cumulative), "session": b64(r.Voucher.Session[:]),
		"expiry": u(r.Voucher.Expiry), "signature": r.Signature.Base58(), "upTo": u(r.UpTo)}, &tx)
	if err != nil {
		return nil, err
	}
	if tx.Hash == "" || tx.JSON == "" {
		return nil, errors.New("settler: redeem: no transaction in the answer")
	}
	return &tx, nil
}

// Settle is an owner-pays settlement (the zkApp's settle): the channel
// pays Provider up to Amount nanomina over Count requests, both cumulative,
// as Provider signed (mina.SignSettle).
type Settle struct {
	Channel, Payer, Provider *mina.PublicKey
	Amount, Count            uint64
	Signature                mina.Signature
}

// Settle builds, proves and signs (as the fee payer) a settle
// transaction; it is not sent.
func (c *Client) Settle(ctx context.Context, s Settle) (*Tx, error) {
	var tx Tx
	err := c.do(ctx, http.MethodPost, "/v1/settle", map[string]any{"channel": s.Channel.Base58(), "payer": s.Payer.Base58(),
		"provider": s.Provider.Base58(), "amount": u(s.Amount), "count": u(s.Count), "signature": s.Signature.Base58()}, &tx)
	if err != nil {
		return nil, err
	}
	if tx.Hash == "" || tx.JSON == "" {
		return nil, errors.New("settler: settle: no transaction in the answer")
	}
	return &tx, nil
}

// Send sends a transaction made by Redeem or Settle and returns its hash.
func (c *Client) Send(ctx context.Context, tx *Tx) (string, error) {
	var out struct{ Hash string }
	err := c.do(ctx, http.MethodPost, "/v1/send", map[string]string{"tx": tx.JSON}, &out)
	return out.Hash, err
}

// Status of a transaction.
type Status struct {
	Status string `json:"status"` // pending, included, failed or unknown
	Error  string `json:"error"`
}

// Tx asks for the status of the transaction with hash.
func (c *Client) Tx(ctx context.Context, hash string) (*Status, error) {
	var s Status
	return &s, c.do(ctx, http.MethodGet, "/v1/tx/"+url.PathEscape(hash), nil, &s)
}

// Fund sends amount nanomina to address from one of the local ledger's
// funded accounts (local mode only).
func (c *Client) Fund(ctx context.Context, address *mina.PublicKey, amount uint64) error {
	return c.do(ctx, http.MethodPost, "/v1/local/fund", map[string]string{"address": address.Base58(), "amount": u(amount)}, nil)
}

// SetSlot sets the local ledger's global slot (local mode only).
func (c *Client) SetSlot(ctx context.Context, slot uint32) error {
	return c.do(ctx, http.MethodPost, "/v1/local/slot", map[string]string{"slot": u(uint64(slot))}, nil)
}

func u(v uint64) string { return strconv.FormatUint(v, 10) }

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
