package node_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// A node with only the MINA rail lists its terms in /v1/info, answers a
// request without a voucher with a 402 that says how to pay in MINA, and
// refuses a manifest that promises other MINA terms. (Paid requests run
// against the real settler: mina/minarail's TestEndToEnd, cli's
// TestMinaCLI.)
func TestMinaRail(t *testing.T) {
	ctx := context.Background()
	k, err := mina.NewPrivateKey(big.NewInt(987654321))
	if err != nil {
		t.Fatal(err)
	}
	mc := &node.Mina{SettlerURL: "http://127.0.0.1:1", Key: k, Network: mina.Testnet, Price: 2000}
	srv := httptest.NewUnstartedServer(nil)
	n, err := node.Open(ctx, node.Config{Dir: t.TempDir(), PublicURL: "http://" + srv.Listener.Addr().String(), Mina: mc})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	srv.Config.Handler = n.Handler()
	srv.Start()
	defer srv.Close()

	var info struct {
		Price string         `json:"price"`
		Mina  map[string]any `json:"mina"`
	}
	resp, err := http.Get(srv.URL + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if info.Mina["provider"] != k.PublicKey().Base58() || info.Mina["price"] != "2000" || info.Mina["network"] != "testnet" || info.Price != "0" {
		t.Fatalf("/v1/info: price %q, mina %v", info.Price, info.Mina)
	}

	key, _ := chain.GenerateKey()
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z"}, key)
	if err != nil {
		t.Fatal(err)
	}
	res, err := client.New(srv.URL).Deploy(ctx, pkg)
	if err != nil {
		t.Fatal(err)
	}
	resp, err = http.Get(res.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPaymentRequired || !strings.Contains(string(body), `"rail":"mina"`) || !strings.Contains(string(body), "wf mina channel open") {
		t.Fatalf("without a voucher: %d %s", resp.StatusCode, body)
	}

	m := manifest.Manifest{Name: "p", Runtimes: []string{wf.RuntimeWAGI}, Limits: manifest.Limits{MaxMemoryPages: 16, MaxTimeoutMS: 1000},
		Mina: &manifest.MinaTerms{Network: "testnet", Provider: k.PublicKey().Base58(), Price: "1000"}}
	m.Schema = manifest.Schema
	_, err = node.Open(ctx, node.Config{Dir: t.TempDir(), PublicURL: "http://x", Mina: mc, Provider: providerWithManifest(m.Encode())})
	if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), "MINA terms") {
		t.Fatalf("a manifest with another MINA price: %v", err)
	}
}

func providerWithManifest(b []byte) provider.Config { return provider.Config{Manifest: b} }
