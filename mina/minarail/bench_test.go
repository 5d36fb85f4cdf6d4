package minarail_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"math/big"
	"net/http"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// stateOnly answers Channel with one fixed state: the benchmarks measure
// the Go path per request (the rail reads a channel's state once per
// StateTTL; TestEndToEnd runs the real settler). Redeem is not used.
type stateOnly struct{ st settler.State }

func (s stateOnly) Channel(context.Context, *mina.PublicKey) (*settler.State, error) {
	st := s.st
	return &st, nil
}
func (stateOnly) Redeem(context.Context, settler.Redeem) (*settler.Tx, error) { panic("unused") }
func (stateOnly) Settle(context.Context, settler.Settle) (*settler.Tx, error) { panic("unused") }
func (stateOnly) Send(context.Context, *settler.Tx) (string, error)           { panic("unused") }
func (stateOnly) Tx(context.Context, string) (*settler.Status, error)         { panic("unused") }

// BenchmarkPaidRequest: one request paid in MINA, per step. check is
// minapay alone (decode, Ed25519, numbers; the voucher's Mina signature
// verified once); rail adds the ledger's reservation and charge (NoSync)
// and the receipt's Mina signature; rail+fsync is the real ledger.
//
//	go test -run '^$' -bench PaidRequest -benchtime 2000x ./mina/minarail
func BenchmarkPaidRequest(b *testing.B) {
	k := func(n int64) *mina.PrivateKey { p, _ := mina.NewPrivateKey(big.NewInt(n)); return p }
	payer, provider, channel := k(11), k(12), k(13)
	session := ed25519.NewKeyFromSeed(make([]byte, 32))
	fn, _ := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	st := settler.State{Address: channel.PublicKey().Base58(), Parties: mina.PartiesHash(payer.PublicKey(), provider.PublicKey()).String(),
		Redeemed: "0", Balance: strconv.FormatUint(1<<60, 10), Expiry: 1_000_000, Code: true}
	v := mina.Voucher{Network: mina.Testnet, Channel: channel.PublicKey(), Cumulative: 1 << 60, Expiry: uint64(time.Now().Add(time.Hour).Unix())}
	v.Session = [32]byte(session.Public().(ed25519.PublicKey))
	sig, _ := v.Sign(payer)
	// Headers made ahead: the payer's cost is not the provider's.
	makeHeaders := func(n int) []*wf.PaidRequest {
		headers := make([]*wf.PaidRequest, n)
		for i := range headers {
			pr := &wf.PaidRequest{Function: fn, Method: "GET", Path: "/"}
			r := minapay.Request{Channel: channel.PublicKey(), Provider: provider.PublicKey(), Function: fn, Method: "GET", Path: "/", BodyHash: sha256.Sum256(nil), Seq: uint64(i + 1)}
			h := minapay.Header{Payer: payer.PublicKey(), Voucher: v, Signature: sig, Seq: uint64(i + 1), RequestSig: minapay.SignRequest(session, &r)}
			pr.Header = http.Header{"X-Wf-Mina-Voucher": {h.Encode()}}
			headers[i] = pr
		}
		return headers
	}
	ctx := context.Background()
	b.Run("check", func(b *testing.B) {
		c, _ := minapay.NewChecker(minapay.Policy{Provider: provider.PublicKey(), Network: mina.Testnet, Price: 1000})
		mc, _ := st.MinapayChannel()
		headers := makeHeaders(b.N)
		b.ResetTimer()
		for i := range b.N {
			h, err := c.Decode(headers[i%len(headers)].Header["X-Wf-Mina-Voucher"])
			if err == nil {
				_, err = c.Check(h, headers[i%len(headers)], mc, uint64(i)*1000)
			}
			if err == nil {
				err = c.Use(h)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, sync := range []bool{false, true} {
		name := "rail"
		if sync {
			name = "rail+fsync"
		}
		b.Run(name, func(b *testing.B) {
			l, err := ledger.Open(filepath.Join(b.TempDir(), "l.db"), ledger.Options{NoSync: !sync})
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close()
			r, err := minarail.New(minarail.Config{Key: provider, Network: mina.Testnet, Price: 1000, Ledger: l, Settler: stateOnly{st}, StateTTL: time.Hour})
			if err != nil {
				b.Fatal(err)
			}
			headers := makeHeaders(b.N)
			b.ResetTimer()
			for i := range b.N {
				c, err := r.Authorize(ctx, headers[i%len(headers)])
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.Commit(ctx, wf.NewRequestID()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
