package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/seal/sealtest"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// sealedNode is a provider with a sealing keyring, a disk store, a disk
// compile cache and a debug log, so a scan can look everywhere it writes.
type sealedNode struct {
	*wftest.Env
	kr   *seal.Keyring
	data string
	log  *wftest.LogBuffer
}

func newSealedNode(t *testing.T, peers ...string) *sealedNode {
	t.Helper()
	data := t.TempDir()
	kr, err := seal.NewKeyring(seal.SuiteHybrid, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := kr.Save(data + "/sealing-keys.json"); err != nil {
		t.Fatal(err)
	}
	st, err := diskstore.New(data, diskstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	logs := &wftest.LogBuffer{}
	cfg := provider.Config{Sealing: kr, Log: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if len(peers) > 0 {
		cfg.Fetcher = &trustless.Fetcher{Gateways: peers}
	}
	env := wftest.New(t, wftest.Options{Store: st, Provider: cfg, Sandbox: sandbox.Config{CacheDir: data + "/compile-cache"}})
	return &sealedNode{Env: env, kr: kr, data: data, log: logs}
}

var secrets = map[string]string{"API_TOKEN": "tok-5f1c9a0e-very-secret", "DB_PASSWORD": "hunter2-but-longer"}

// One upload of the ciphertext serves two providers: the second gets its
// grant in a new spec and fetches the very same code and secrets blocks
// from the first. Nothing on either provider's disk or in its logs holds a
// secret.
func TestSealedFunctionOnTwoProviders(t *testing.T) {
	ctx := context.Background()
	p1 := newSealedNode(t)
	p2 := newSealedNode(t, p1.URL)
	guest := wftest.GoGuest(t, guestDir)

	block, dk, err := seal.Seal(secrets)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	s := wftest.Spec()
	s.Env = map[string]string{"PUBLIC": "yes"}
	pkg, err := client.PackSealed(ctx, bytes.NewReader(guest), s, p1.Key,
		&client.Sealing{DataKey: dk, Secrets: block, EncryptCode: true, To: []*seal.PublicKey{p1.kr.Current()}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p1.Client.Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	readsSecrets := func(t *testing.T, base string, fn wf.CID) {
		t.Helper()
		resp, body := call(t, "GET", base+"/"+fn.String()+"/echo", "")
		var got struct{ Env map[string]string }
		if resp.StatusCode != 200 || json.Unmarshal(body, &got) != nil {
			t.Fatalf("invoke: %d %s", resp.StatusCode, body)
		}
		for k, v := range secrets {
			if got.Env[k] != v {
				t.Errorf("%s=%q in the function, want the secret", k, got.Env[k])
			}
		}
		if got.Env["PUBLIC"] != "yes" {
			t.Error("public env lost")
		}
	}
	readsSecrets(t, p1.URL, pkg.CID)

	// Provider 2 holds no grant yet: 403 with advice.
	resp, body := call(t, "GET", p2.URL+"/"+pkg.CID.String()+"/echo", "")
	wantError(t, resp, body, 403, "forbidden")
	if !strings.Contains(string(body), "wf secrets grant") {
		t.Errorf("403 without advice: %s", body)
	}

	// The owner grants provider 2: a new spec, the same ciphertext blocks.
	granted := pkg.Spec.Spec
	granted.Sealed = &wf.Sealed{Format: granted.Sealed.Format, Secrets: granted.Sealed.Secrets, Grants: append([]wf.Grant(nil), granted.Sealed.Grants...)}
	g, err := seal.Grant(dk, p2.kr.Current(), p1.Key.Address())
	if err != nil {
		t.Fatal(err)
	}
	seal.SetGrant(granted.Sealed, g)
	spec2, err := client.PackSpec(granted, p1.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p1.Client.Deploy(ctx, spec2); err != nil {
		t.Fatalf("upload of the new spec block alone: %v", err)
	}
	if spec2.Spec.Spec.Code.CID != pkg.Spec.Spec.Code.CID || spec2.Spec.Spec.Sealed.Secrets != pkg.Spec.Spec.Sealed.Secrets {
		t.Fatal("the grant changed the ciphertext blocks")
	}
	readsSecrets(t, p2.URL, spec2.CID)
	readsSecrets(t, p1.URL, spec2.CID)

	// The function's logs and errors never show a secret, even when the
	// function prints one to stderr.
	call(t, "GET", p1.URL+"/"+spec2.CID.String()+"/logenv", "")
	// A caller that sends a secret in the query, as is or percent-encoded,
	// does not get it into the owner's log.
	for _, v := range secrets {
		call(t, "GET", p1.URL+"/"+spec2.CID.String()+"/echo?token="+url.QueryEscape(v)+"&all="+percentAll(v), "")
	}
	entries, err := p1.Client.Logs(ctx, spec2.CID, p1.Key)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(entries)
	if !bytes.Contains(raw, []byte("API_TOKEN="+seal.Redacted)) {
		t.Fatalf("the function's log lost its redacted line: %s", raw)
	}
	if !bytes.Contains(raw, []byte("token="+seal.Redacted+`\u0026all=`+seal.Redacted)) {
		t.Fatalf("a secret in a request's query, percent-encoded, reached the log: %s", raw)
	}
	sealtest.ScanBytes(t, "wf logs", raw, secrets)
	for _, n := range []*sealedNode{p1, p2} {
		sealtest.ScanDir(t, n.data, secrets)
		sealtest.ScanBytes(t, "provider log", n.log.Bytes(), secrets)
	}
}

func TestSealedDeployRejects(t *testing.T) {
	ctx := context.Background()
	node := newSealedNode(t)
	plain := wftest.New(t, wftest.Options{}) // no sealing keys
	sealed, dk, err := seal.Seal(secrets)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	pack := func(to ...*seal.PublicKey) *client.Package {
		pkg, err := client.PackSealed(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), node.Key,
			&client.Sealing{DataKey: dk, Secrets: sealed, To: to})
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	other, _ := seal.NewKeyring(seal.SuiteX25519, time.Now())

	t.Run("provider without sealing keys", func(t *testing.T) {
		resp, body := call(t, "POST", plain.URL+"/v1/car", string(pack(node.kr.Current()).CAR))
		wantError(t, resp, body, 403, "forbidden")
	})
	t.Run("no grant for this provider", func(t *testing.T) {
		resp, body := call(t, "POST", node.URL+"/v1/car", string(pack(other.Current()).CAR))
		wantError(t, resp, body, 403, "forbidden")
	})
	t.Run("tampered wrapped key", func(t *testing.T) {
		s := pack(node.kr.Current()).Spec.Spec
		g := &s.Sealed.Grants[0]
		g.Wrapped = bytes.Clone(g.Wrapped)
		g.Wrapped[len(g.Wrapped)-1] ^= 1
		pkg, err := client.PackSpec(s, node.Key)
		if err != nil {
			t.Fatal(err)
		}
		full := pack(node.kr.Current())
		car := carOf(t, []wf.CID{pkg.CID}, append([]block{{pkg.CID, blocksOf(t, pkg.CAR)[0].data}}, blocksOf(t, full.CAR)[1:]...))
		resp, body := call(t, "POST", node.URL+"/v1/car", string(car))
		wantError(t, resp, body, 400, "invalid_request")
	})
	for _, n := range []*sealedNode{node} {
		sealtest.ScanBytes(t, "provider log", n.log.Bytes(), secrets)
	}
}

// percentAll percent-encodes every byte of s.
func percentAll(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, "%%%02X", s[i])
	}
	return b.String()
}
