package audit_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// TestPlacement: a gateway honours each function's own wf.placement, on
// top of its own criteria (here none): a region keeps requests off the
// provider whose manifest is elsewhere, a minimum score from the owner's
// auditor admits only the honest provider once it is attested, and a
// price below every provider's is refused with why, never routed.
func TestPlacement(t *testing.T) {
	n := startMarket(t, devnet.GatewayConfig{})
	ctx := context.Background()
	deploy := func(created string, p *spec.Placement) wf.CID {
		t.Helper()
		x, err := p.Extension()
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI,
			Created: created, Extensions: map[string]wf.Extension{spec.PlacementExtension: x}}, n.Publisher)
		if err != nil {
			t.Fatal(err)
		}
		for _, nd := range n.Nodes {
			if _, err := client.New(nd.URL).Deploy(ctx, pkg); err != nil {
				t.Fatal(err)
			}
		}
		return pkg.CID
	}
	gw := n.Gateways[0]
	inEU := deploy("2026-01-01T00:00:01Z", &spec.Placement{Region: "eu"})
	audited := deploy("2026-01-01T00:00:02Z", &spec.Placement{AttestedBy: []wf.Address{n.Auditor.Address()}, MinScore: 90})
	cheap := deploy("2026-01-01T00:00:03Z", &spec.Placement{MaxPrice: "999"})

	for range 20 {
		st, route := get(t, gw, inEU)
		if st != 200 || strings.HasPrefix(route, "provider=liar") || !strings.Contains(route, `placement-excluded=liar(region "ap-southeast" not in eu)`) {
			t.Fatalf("region eu: %d %q", st, route)
		}
	}
	st, route := get(t, gw, audited)
	if st != 503 || !strings.Contains(route, "reason=placement") || !strings.Contains(route, "honest(unattested)") {
		t.Fatalf("before the sweep: %d %q", st, route)
	}
	if _, err := n.Auditor.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	gw.Discovery.Forget()
	for range 20 {
		st, route := get(t, gw, audited)
		if st != 200 || !strings.HasPrefix(route, "provider=honest") || !strings.Contains(route, "faulty(score") {
			t.Fatalf("after the sweep: %d %q", st, route)
		}
	}
	st, route = get(t, gw, cheap)
	if st != 503 || !strings.Contains(route, "price 1000>999") {
		t.Fatalf("max price under every provider's: %d %q", st, route)
	}
	// A provider named in the path is the caller's choice: placement
	// applies to smart routing only.
	res, err := client.New(gw.URL+"/p/liar").Invoke(ctx, inEU, client.Request{Path: "/?name=x"})
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("the path route to liar: %v", err)
	}
}
