package node_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/relay/relayclient"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// serve opens a node in dir behind a loopback server.
func serve(t *testing.T, dir string) (*node.Node, *httptest.Server) {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	n, err := node.Open(context.Background(), node.Config{Dir: dir, PublicURL: "http://" + srv.Listener.Addr().String(), CreateSealing: true})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = n.Handler()
	srv.Start()
	return n, srv
}

// A node keeps what it was given across a restart: deployed functions,
// their compiled code and its sealing keys.
func TestReopenKeepsTheDataDirectory(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
	}, key)
	if err != nil {
		t.Fatal(err)
	}

	n, srv := serve(t, dir)
	if _, err := client.New(srv.URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	sealing := n.Sealing().Current().ID()
	srv.Close()
	if err := n.Close(ctx); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{node.SealingKeyringFile, node.CompileCacheDir} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}

	n, srv = serve(t, dir)
	defer func() { srv.Close(); n.Close(ctx) }()
	if got := n.Sealing().Current().ID(); got != sealing {
		t.Errorf("sealing key %s after a restart, was %s", got, sealing)
	}
	resp, err := srv.Client().Get(srv.URL + "/" + pkg.CID.String() + "/?name=again")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Hello, again!") {
		t.Errorf("after a restart: %d %q", resp.StatusCode, body)
	}
}

func TestOpenRefuses(t *testing.T) {
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		cfg  node.Config
		want string
	}{
		{"no directory", node.Config{PublicURL: "http://x"}, "no data directory"},
		{"no URL", node.Config{Dir: dir}, "no public URL"},
		{"payments without a key", node.Config{Dir: dir, PublicURL: "http://x", Payments: &node.Payments{Meter: payment.Config{}}}, "payments need the node's key"},
		{"tunnel without a key", node.Config{Dir: dir, PublicURL: "http://x", Tunnels: []node.Tunnel{{Gateway: "http://gw"}}}, "tunnel needs the node's key"},
		{"tunnel to no URL", node.Config{Dir: dir, PublicURL: "http://x", Key: key, Tunnels: []node.Tunnel{{Gateway: "::"}}}, "not a URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := node.Open(context.Background(), tc.cfg)
			if err == nil {
				n.Close(context.Background())
				t.Fatal("opened")
			}
			if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want ErrInvalid saying %q", err, tc.want)
			}
		})
	}
}

// Without CreateSealing, a node with no keyring refuses sealed functions
// rather than making keys nobody registered.
func TestNoSealingKeysUnlessAsked(t *testing.T) {
	dir := t.TempDir()
	n, err := node.Open(context.Background(), node.Config{Dir: dir, PublicURL: "http://x"})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	if n.Sealing() != nil {
		t.Error("a keyring was made")
	}
	if _, err := os.Stat(filepath.Join(dir, node.SealingKeyringFile)); !os.IsNotExist(err) {
		t.Errorf("keyring file: %v", err)
	}
}

// A gateway that refuses the tunnel's login (the name is another key's)
// fails Open at once, rather than leaving a node nobody can reach.
func TestTunnelRefusedFailsOpen(t *testing.T) {
	ctx := context.Background()
	net, err := devnet.Start(ctx, devnet.Config{Dir: t.TempDir(),
		Nodes:    []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
		Gateways: []devnet.GatewayConfig{{}}})
	if err != nil {
		t.Fatal(err)
	}
	defer net.Close(ctx)
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.Open(ctx, node.Config{Dir: t.TempDir(), PublicURL: "http://x", Key: key,
		Tunnels: []node.Tunnel{{Gateway: net.Gateways[0].URL + "#alpha"}}})
	if err == nil {
		n.Close(ctx)
		t.Fatal("opened a node whose tunnel the gateway refused")
	}
	if !errors.Is(err, relayclient.ErrRefused) {
		t.Errorf("error %v, want one matching relayclient.ErrRefused", err)
	}
}
