package minarail

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"encoding/json"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/wf"
)

// Receipt is the provider's signed statement that it charged Amount for
// request Request of Function on Channel, Cumulative in all on the
// channel: what a payer keeps to check the provider's redemptions (a
// redemption above the last receipt's Cumulative was not earned).
type Receipt struct {
	Network    mina.Network
	Channel    *mina.PublicKey
	Function   wf.CID
	Request    wf.RequestID
	Amount     uint64 // nanomina
	Cumulative uint64 // nanomina
	Provider   *mina.PublicKey
	Signature  mina.Signature
}

// receiptTag is the little-endian integer of "wf-mina-receipt-v1", as the
// zkApp's tags.
var receiptTag = func() *big.Int {
	s := "wf-mina-receipt-v1"
	b := make([]byte, len(s))
	for i := range len(s) {
		b[len(s)-1-i] = s[i]
	}
	return new(big.Int).SetBytes(b)
}()

// Fields are [tag, network, channel.x, channel.isOdd, amount, cumulative,
// digest], the digest a field element of SHA-256(function, 0, request id)
// with its top two bits cleared. They are signed with the network's own
// prefix (receipts are checked off-chain).
func (r *Receipt) Fields() []*big.Int {
	var net, odd int64
	if r.Network == mina.Mainnet {
		net = 1
	}
	if r.Channel.IsOdd() {
		odd = 1
	}
	return []*big.Int{receiptTag, big.NewInt(net), r.Channel.X(), big.NewInt(odd),
		new(big.Int).SetUint64(r.Amount), new(big.Int).SetUint64(r.Cumulative), receiptDigest(r.Function, r.Request)}
}

type receiptWire struct {
	V          int    `json:"v"`
	Network    string `json:"network"`
	Channel    string `json:"channel"`
	Function   string `json:"function"`
	Request    string `json:"request"`
	Amount     string `json:"amount"`
	Cumulative string `json:"cumulative"`
	Provider   string `json:"provider"`
	Signature  string `json:"sig"`
}

// Sign signs r with the provider's key and returns the header value:
// unpadded base64url of JSON, as X-WF-Receipt.
func (r *Receipt) Sign(k *mina.PrivateKey) (string, error) {
	r.Provider = k.PublicKey()
	sig, err := mina.Sign(k, r.Fields(), r.Network)
	if err != nil {
		return "", err
	}
	r.Signature = sig
	b, _ := json.Marshal(receiptWire{V: 1, Network: r.Network.String(), Channel: r.Channel.Base58(), Function: r.Function.String(),
		Request: r.Request.String(), Amount: strconv.FormatUint(r.Amount, 10), Cumulative: strconv.FormatUint(r.Cumulative, 10),
		Provider: r.Provider.Base58(), Signature: sig.Base58()})
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// DecodeReceipt parses a header value and checks its signature by the
// provider it names; the caller checks that provider is the one it paid.
func DecodeReceipt(s string) (*Receipt, error) {
	if len(s) > 2048 || strings.ContainsAny(s, "\r\n") {
		return nil, fmt.Errorf("%w: mina receipt: too long", wf.ErrInvalid)
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: mina receipt: not unpadded base64url", wf.ErrInvalid)
	}
	var w receiptWire
	if err := wf.DecodeJSON(b, &w); err != nil {
		return nil, fmt.Errorf("%w: mina receipt: %v", wf.ErrInvalid, err)
	}
	if w.V != 1 {
		return nil, fmt.Errorf("%w: mina receipt: version %d", wf.ErrInvalid, w.V)
	}
	r := &Receipt{}
	var errs []error
	var e error
	r.Network, e = mina.ParseNetwork(w.Network)
	errs = append(errs, e)
	r.Channel, e = mina.ParsePublicKey(w.Channel)
	errs = append(errs, e)
	r.Provider, e = mina.ParsePublicKey(w.Provider)
	errs = append(errs, e)
	r.Function, e = wf.ParseCID(w.Function)
	errs = append(errs, e)
	r.Request, e = wf.ParseRequestID(w.Request)
	errs = append(errs, e)
	r.Amount, e = strconv.ParseUint(w.Amount, 10, 64)
	errs = append(errs, e)
	r.Cumulative, e = strconv.ParseUint(w.Cumulative, 10, 64)
	errs = append(errs, e)
	r.Signature, e = mina.ParseSignature(w.Signature)
	errs = append(errs, e)
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("%w: mina receipt: %v", wf.ErrInvalid, err)
	}
	if !mina.Verify(r.Provider, r.Fields(), r.Signature, r.Network) {
		return nil, fmt.Errorf("%w: mina receipt: not signed by %s", wf.ErrInvalid, r.Provider.Base58())
	}
	return r, nil
}
