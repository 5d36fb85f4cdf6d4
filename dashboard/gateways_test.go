package dashboard_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dashboard"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// The gateways page shows each gateway's providers as it scores them,
// which one is tunnelled, what it forwarded, and a gateway that is down
// as down.
func TestGatewaysPage(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:      t.TempDir(),
		Nodes:    []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}, {Name: "hidden", Tunnel: 0}},
		Gateways: []devnet.GatewayConfig{{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z"}, n.Publisher)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.New(n.Node("alpha").URL).Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	gw := n.Gateways[0]
	req, _ := http.NewRequest("GET", "http://"+gw.Addr+"/"+pkg.CID.String()+"/?name=gw", nil)
	req.Host = "alpha." + gw.Domain
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("through the gateway: %s", resp.Status)
	}

	dead, _ := net.Listen("tcp", "127.0.0.1:0")
	deadURL := "http://" + dead.Addr().String()
	dead.Close()
	d, err := dashboard.New(dashboard.Config{Gateways: []dashboard.GatewayRef{{Name: "main", URL: gw.URL}, {Name: "gone", URL: deadURL}}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(d.Handler())
	t.Cleanup(srv.Close)

	b := newBrowser(t, srv.URL)
	status, _, h := b.do("GET", "/gateways", nil)
	if status != http.StatusSeeOther || h.Get("Location") != "/login" {
		t.Errorf("signed out: %d to %q, want 303 to /login", status, h.Get("Location"))
	}
	b = signIn(t, srv.URL, n.Publisher)
	status, body, _ := b.do("GET", "/gateways", nil)
	wantPage(t, status, body, 200, "main", "healthy", "alpha", "hidden", "tunnel to this gateway", "200: 1", "gone", "down:")
	// alpha answered the request; the row says so.
	row := body[strings.Index(body, "<td>alpha"):]
	row = row[:strings.Index(row, "</tr>")]
	if !strings.Contains(row, "<td>1</td>") {
		t.Errorf("alpha's row does not count its answer: %s", row)
	}
}
