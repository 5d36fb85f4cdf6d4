package client_test

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// newKeyring is a sealing keyring: a provider's, or a publisher's own.
func newKeyring(t *testing.T) *seal.Keyring {
	t.Helper()
	kr, err := seal.NewKeyring(seal.SuiteX25519, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return kr
}

// wantErr checks err against a test case's expectation: nil when want is
// empty, else an error containing want and matching kind (if set).
func wantErr(t *testing.T, err error, want string, kind error) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want == "":
	case err == nil:
		t.Fatalf("no error, want one containing %q", want)
	case !strings.Contains(err.Error(), want):
		t.Fatalf("error %q, want it to contain %q", err, want)
	case kind != nil && !errors.Is(err, kind):
		t.Fatalf("error %q does not match %v", err, kind)
	}
}

func TestInfo(t *testing.T) {
	kr := newKeyring(t)
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		cfg   provider.Config
		check func(t *testing.T, info *client.Info)
	}{
		{"plain", provider.Config{}, func(t *testing.T, info *client.Info) {
			if info.SealingKey != nil || !info.Address.IsZero() || info.Price.Sign() != 0 {
				t.Errorf("a provider without keys or payments says %+v", info)
			}
			if !slices.Equal(info.SpecVersions, []int{wf.SpecVersion, wf.SpecVersionExtended}) {
				t.Errorf("spec versions %v", info.SpecVersions)
			}
			if !slices.Equal(info.Extensions, []string{spec.CallersExtension, spec.CPUExtension, spec.JSExtension}) {
				t.Errorf("extensions %#v, want the project's own (a node's default)", info.Extensions)
			}
		}},
		{"no extensions", provider.Config{Extensions: spec.Registry{}}, func(t *testing.T, info *client.Info) {
			if info.Extensions == nil || len(info.Extensions) != 0 {
				t.Errorf("extensions %#v, want an empty list", info.Extensions)
			}
		}},
		{"extensions", provider.Config{Extensions: spec.NewRegistry(spec.ExtensionType{Name: "test.b"}, spec.ExtensionType{Name: "test.a"})}, func(t *testing.T, info *client.Info) {
			if !slices.Equal(info.Extensions, []string{"test.a", "test.b"}) {
				t.Errorf("extensions %v, want test.a and test.b", info.Extensions)
			}
		}},
		{"sealing", provider.Config{Sealing: kr}, func(t *testing.T, info *client.Info) {
			if info.SealingKey == nil || info.SealingKey.ID() != kr.Current().ID() {
				t.Errorf("sealing key %v, want %v", info.SealingKey, kr.Current())
			}
			if !slices.Contains(info.SpecVersions, wf.SpecVersionSealed) {
				t.Errorf("spec versions %v lack the sealed one", info.SpecVersions)
			}
		}},
		{"paid", provider.Config{Key: key, Payments: newMeter(250, "")}, func(t *testing.T, info *client.Info) {
			if info.Address != key.Address() || info.Price.String() != "250" {
				t.Errorf("address %s price %s, want %s and 250", info.Address, info.Price, key.Address())
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := wftest.New(t, wftest.Options{Provider: tc.cfg})
			info, err := env.Client.Info(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if info.Name == "" || !slices.Equal(info.Runtimes, []string{wf.RuntimeWAGI}) {
				t.Errorf("name %q runtimes %v", info.Name, info.Runtimes)
			}
			if info.Limits.TimeoutMS <= 0 || info.Limits.MemoryPages == 0 || info.Limits.UploadBytes != provider.DefaultMaxUploadBytes {
				t.Errorf("limits %+v", info.Limits)
			}
			tc.check(t, info)
		})
	}
}

func TestSealingKey(t *testing.T) {
	kr := newKeyring(t)
	sealing := wftest.New(t, wftest.Options{Provider: provider.Config{Sealing: kr}})
	plain := wftest.New(t, wftest.Options{})
	tests := []struct {
		name string
		url  string
		want string // error text; "" for kr's key
		kind error
	}{
		{"published", sealing.URL, "", nil},
		{"none", plain.URL, "publishes no sealing key", wf.ErrNotFound},
		{"no provider", "http://127.0.0.1:1", "connection refused", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pk, err := client.New(tc.url).SealingKey(context.Background())
			wantErr(t, err, tc.want, tc.kind)
			if err == nil && pk.ID() != kr.Current().ID() {
				t.Fatalf("key %s, want %s", pk.ID(), kr.Current().ID())
			}
		})
	}
}

func TestSpec(t *testing.T) {
	ctx := context.Background()
	env := wftest.New(t, wftest.Options{})
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	// A forged spec: the owner changed under the owner's signature. The
	// provider refuses it at deploy, so it goes into the store directly.
	forged := *pkg.Spec
	forged.Spec.Owner = wf.Address{19: 1}
	forgedBlock, forgedCID, err := spec.Encode(&forged)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Store.Put(ctx, forgedCID, forgedBlock); err != nil {
		t.Fatal(err)
	}
	// A provider that answers every block request with the forged block.
	liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(forgedBlock) }))
	t.Cleanup(liar.Close)
	unknown := wf.SumCID(wf.CodecJSON, []byte(`{"not":"stored"}`))

	tests := []struct {
		name     string
		url      string
		fn       wf.CID
		verifier wf.Verifier
		want     string // error text; "" for success
		kind     error
	}{
		{"verified", env.URL, pkg.CID, chain.Verifier{}, "", nil},
		{"unverified", env.URL, pkg.CID, nil, "", nil},
		{"forged, verified", env.URL, forgedCID, chain.Verifier{}, "not the owner", wf.ErrInvalid},
		{"forged, unverified", env.URL, forgedCID, nil, "", nil},
		{"unknown", env.URL, unknown, nil, "404 not_found", nil},
		{"code CID", env.URL, pkg.Spec.Spec.Code.CID, nil, "is not a function's CID", wf.ErrInvalid},
		{"wrong block", liar.URL, pkg.CID, nil, "answered a block that is not " + pkg.CID.String(), wf.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss, err := client.New(tc.url).Spec(ctx, tc.fn, tc.verifier)
			wantErr(t, err, tc.want, tc.kind)
			if err != nil {
				return
			}
			b, c, err := spec.Encode(ss)
			if err != nil || c != tc.fn || len(b) == 0 {
				t.Fatalf("got a spec that encodes to %s (%v), want %s", c, err, tc.fn)
			}
		})
	}
}

// meter is a working in-memory wf.Payments: a request pays with the
// voucher header value it was made with ("" lets every request pass);
// others get 402 with details. Each charge's receipt is "receipt-" and the
// request id.
type meter struct{ price, voucher string }

func newMeter(price int64, voucher string) *meter {
	return &meter{price: wf.NewAmount(big.NewInt(price)).String(), voucher: voucher}
}

func (m *meter) Price() wf.Amount { p, _ := wf.ParseAmount(m.price); return p }

func (m *meter) Authorize(ctx context.Context, r *wf.PaidRequest) (wf.Charge, error) {
	if m.voucher != "" && http.Header(r.Header).Get(wf.VoucherHeader) != m.voucher {
		return nil, paymentError{}
	}
	return charge{}, nil
}

type charge struct{}

func (charge) Commit(ctx context.Context, id wf.RequestID) (map[string][]string, error) {
	return map[string][]string{http.CanonicalHeaderKey(wf.ReceiptHeader): {"receipt-" + id.String()}}, nil
}

func (charge) Release() {}

type paymentError struct{}

func (paymentError) Error() string           { return "a voucher is required" }
func (paymentError) Is(target error) bool    { return target == wf.ErrPaymentRequired }
func (paymentError) Details() map[string]any { return map[string]any{"missing": "voucher"} }

func TestDeploy(t *testing.T) {
	ctx := context.Background()
	env := wftest.New(t, wftest.Options{})
	pack := func(module []byte) *client.Package {
		pkg, err := client.Pack(ctx, bytes.NewReader(module), wftest.Spec(), env.Key)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	tests := []struct {
		name string
		pkg  *client.Package
		want string
		kind error
	}{
		{"module", pack(templates.HelloWasm), "", nil},
		{"again", pack(templates.HelloWasm), "", nil},
		{"not WebAssembly", pack([]byte("\x00asm\x01\x00\x00\x00garbage")), "400 invalid_request", wf.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := env.Client.Deploy(ctx, tc.pkg)
			wantErr(t, err, tc.want, tc.kind)
			if err == nil && (res.CID != tc.pkg.CID || res.Owner != env.Key.Address() || res.Code != tc.pkg.Spec.Spec.Code.CID) {
				t.Fatalf("deploy answered %+v", res)
			}
		})
	}
}

func TestLogs(t *testing.T) {
	ctx := context.Background()
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, templates.HelloWasm, wftest.Spec())
	resp, err := env.Client.Invoke(ctx, fn, client.Request{Path: "/?name=logs"})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	stranger, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		signer wf.Signer
		want   string
		kind   error
	}{
		{"owner", env.Key, "", nil},
		{"not the owner", stranger, "403 forbidden", wf.ErrForbidden},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			entries, err := env.Client.Logs(ctx, fn, tc.signer)
			wantErr(t, err, tc.want, tc.kind)
			if err == nil && (len(entries) != 1 || entries[0].Status != 200 || !strings.Contains(entries[0].Log, "greeting logs")) {
				t.Fatalf("entries %+v", entries)
			}
		})
	}
}
