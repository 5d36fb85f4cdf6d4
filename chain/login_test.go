package chain_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// The JSON a wallet signs hashes to the digest the server verifies, and
// a login differs from every change of its fields.
func TestDashboardLogin(t *testing.T) {
	k := chain.DevKey(1)
	m := wf.DashboardLogin{Origin: "http://127.0.0.1:8080", Nonce: wf.NewNonce(), Expires: 1_900_000_000}
	d, err := chain.Digest(m)
	if err != nil {
		t.Fatal(err)
	}
	fa, fb := wf.SumCID(wf.CodecJSON, []byte("{}")), wf.SumCID(wf.CodecJSON, []byte("[]"))
	name := &wf.NameRecord{Name: "hello", Owner: k.Address(), Seq: 3, Sticky: "cookie:uid", Created: "2026-01-01T00:00:00Z",
		Targets: []wf.Target{{Function: fa, Weight: 60}, {Function: fb, Weight: 40}}}
	fn := &wf.Spec{Version: wf.SpecVersion, Owner: k.Address(), Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
		Code: wf.Code{CID: fa, Layout: wf.KuboLayout}}
	for _, msg := range []wf.Message{m, wf.LogsRequest{Function: fa, Provider: k.Address(), Expires: 5}, name, fn,
		wf.AccountRead{Scope: wf.ScopePayer, Provider: k.Address(), Expires: 5}} {
		j, err := chain.TypedDataJSON(msg)
		if err != nil {
			t.Fatal(err)
		}
		var td apitypes.TypedData
		if err := json.Unmarshal(j, &td); err != nil {
			t.Fatal(err)
		}
		h, _, err := apitypes.TypedDataAndHash(td)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := chain.Digest(msg)
		if [32]byte(h) != want {
			t.Errorf("%T: typed data JSON hashes to %x, Digest is %x", msg, h, want)
		}
		// What a wallet signs over the JSON, the server verifies over msg.
		sig, err := k.SignTypedData(j)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := (chain.Verifier{}).Recover(msg, sig); err != nil || got != k.Address() {
			t.Errorf("%T: wallet signature recovers %v, %v; want %v", msg, got, err, k.Address())
		}
	}
	sig, err := k.Sign(m)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := (chain.Verifier{}).Recover(m, sig); err != nil || got != k.Address() {
		t.Fatalf("Recover = %v, %v; want %v", got, err, k.Address())
	}
	for name, other := range map[string]wf.DashboardLogin{
		"origin":  {Origin: "http://evil.example", Nonce: m.Nonce, Expires: m.Expires},
		"nonce":   {Origin: m.Origin, Nonce: wf.NewNonce(), Expires: m.Expires},
		"expires": {Origin: m.Origin, Nonce: m.Nonce, Expires: m.Expires + 1},
	} {
		if d2, _ := chain.Digest(other); d2 == d {
			t.Errorf("changing the %s leaves the digest", name)
		}
	}
	for _, bad := range []wf.DashboardLogin{{}, {Origin: strings.Repeat("a", 513)}, {Origin: "x", Expires: -1}} {
		if _, err := chain.Digest(bad); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("Digest(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
	if _, err := chain.TypedDataJSON(wf.TunnelLogin{}); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("TypedDataJSON(TunnelLogin) = %v, want ErrInvalid", err)
	}
}
