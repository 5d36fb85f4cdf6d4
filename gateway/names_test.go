package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// Names through a gateway: the subdomain and path forms reach the named
// provider unchanged; the bare domain routes a name by its record to a
// provider holding the target it picks.
func TestNames(t *testing.T) {
	w := newWorld(t, gateway.Config{ProviderTimeout: 5 * time.Second, ProbeTimeout: 2 * time.Second})
	alice := w.addDirect("alice", 1, 0)
	w.addDirect("bob", 2, 0)
	owner, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	version := func(v string) wf.CID {
		s := wftest.Spec()
		s.Env = map[string]string{"VERSION": v}
		pkg, err := client.Pack(context.Background(), bytes.NewReader(wftest.GoGuest(t, guestDir)), s, owner)
		if err != nil {
			t.Fatal(err)
		}
		w.deploy(pkg, "alice", "bob")
		return pkg.CID
	}
	a, b := version("a"), version("b")
	record := func(seq uint64, targets ...wf.Target) *names.Record {
		sr, err := names.Sign(wf.NameRecord{Name: "app", Seq: seq, Targets: targets, Created: spec.Now(time.Now())}, owner)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := names.NewRecord(sr)
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	r1 := record(1, wf.Target{Function: a, Weight: 100})
	if _, err := alice.env.Client.SetName(w.ctx, r1.SignedNameRecord); err != nil {
		t.Fatal(err)
	}
	at := "/@" + owner.Address().String() + "/app"
	served := func(t *testing.T, host, path string, hdr ...string) (wf.CID, []string) {
		t.Helper()
		resp, body := w.do("GET", host, path, nil, hdr...)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s%s: %d %s", host, path, resp.StatusCode, body)
		}
		c, err := wf.ParseCID(resp.Header.Get(wf.FunctionHeader))
		if err != nil {
			t.Fatalf("GET %s%s: no %s", host, path, wf.FunctionHeader)
		}
		return c, resp.Header.Values("Set-Cookie")
	}

	t.Run("subdomain", func(t *testing.T) {
		c, cookies := served(t, "alice."+domain, at+"/echo")
		if c != a || len(cookies) != 2 || cookies[0] != "a=1; Path="+at+"/" {
			t.Fatalf("served %s, Set-Cookie %q", c, cookies)
		}
	})
	t.Run("path form", func(t *testing.T) {
		c, cookies := served(t, domain, "/p/alice"+at+"/echo")
		if c != a || len(cookies) != 2 || cookies[0] != "a=1; Path=/p/alice"+at+"/" {
			t.Fatalf("served %s, Set-Cookie %q", c, cookies)
		}
	})
	t.Run("smart route learns from a provider", func(t *testing.T) {
		// The gateway was never told the name: it asks the providers.
		c, cookies := served(t, domain, at+"/echo")
		if c != a || len(cookies) != 2 || cookies[0] != "a=1; Path="+at+"/" {
			t.Fatalf("served %s, Set-Cookie %q", c, cookies)
		}
		got, err := gwClient(w).Name(w.ctx, owner.Address(), "app", chain.Verifier{})
		if err != nil || got.CID != r1.CID {
			t.Fatalf("the gateway holds %v, %v", got, err)
		}
	})
	t.Run("smart route by a record posted to the gateway", func(t *testing.T) {
		gw := gwClient(w)
		r2 := record(2, wf.Target{Function: a, Weight: 10}, wf.Target{Function: b, Weight: 90})
		if _, err := gw.SetName(w.ctx, r2.SignedNameRecord); err != nil {
			t.Fatal(err)
		}
		counts := map[wf.CID]int{}
		for range 40 {
			c, _ := served(t, domain, at+"/echo")
			counts[c]++
		}
		if counts[b] < 25 || counts[a]+counts[b] != 40 {
			t.Fatalf("a 10/90 split served %v", counts)
		}
		// The providers routed to learned seq 2 from the gateway.
		learned := 0
		for _, n := range []string{"alice", "bob"} {
			if cur, err := w.nodes[n].env.Client.Name(w.ctx, owner.Address(), "app", nil); err == nil && cur.Record.Seq == 2 {
				learned++
			}
		}
		if learned == 0 {
			t.Fatal("no provider learned the record the gateway routed by")
		}
		// Pinning a target.
		if c, _ := served(t, domain, at+"/echo", wf.FunctionHeader, a.String()); c != a {
			t.Fatalf("pinned %s, served %s", a, c)
		}
		// Refused records do not move the name.
		other, _ := chain.GenerateKey()
		forged := *r2.SignedNameRecord
		forged.Record.Seq = 3
		forged.Signature, _ = other.Sign(&forged.Record)
		b3, _, _ := names.Encode(&forged)
		for _, tc := range []struct {
			body   []byte
			status int
		}{{b3, 403}, {r1.Raw, 409}} {
			resp, body := w.do("POST", domain, "/v1/names", bytes.NewReader(tc.body))
			if resp.StatusCode != tc.status || !json.Valid(body) {
				t.Fatalf("POST: %d %s; want %d", resp.StatusCode, body, tc.status)
			}
		}
		hist, err := gw.NameHistory(w.ctx, owner.Address(), "app", chain.Verifier{})
		if err != nil || len(hist) != 2 || hist[0].CID != r2.CID {
			t.Fatalf("history %v, %v", hist, err)
		}
		// The owner moves the name at the providers only: the gateway
		// still routes by seq 2, and the providers serve by seq 3.
		r3 := record(3, wf.Target{Function: b, Weight: 100})
		for _, n := range []string{"alice", "bob"} {
			if _, err := w.nodes[n].env.Client.SetName(w.ctx, r3.SignedNameRecord); err != nil {
				t.Fatal(err)
			}
		}
		for range 30 {
			if c, _ := served(t, domain, at+"/echo"); c != b {
				t.Fatalf("a provider at seq 3 served %s for a gateway at seq 2", c)
			}
		}
		if resp, body := w.do("GET", domain, "/@"+owner.Address().String()+"/nosuch/", nil); resp.StatusCode != 404 || !strings.Contains(string(body), "nosuch") {
			t.Fatalf("unknown name: %d %s", resp.StatusCode, body)
		}
	})
}

// gwClient talks to the gateway's bare domain.
func gwClient(w *world) *client.Client {
	return &client.Client{BaseURL: w.url, HTTP: &http.Client{Transport: hostTransport(domain)}}
}

// An attacker floods the gateway with records of other names until the
// victim's name is evicted, then reposts the victim's old signed record:
// the gateway refuses the lower seq and still answers with the newest.
func TestNameEvictionReplay(t *testing.T) {
	w := newWorld(t, gateway.Config{ProviderTimeout: 5 * time.Second, ProbeTimeout: 2 * time.Second})
	alice := w.addDirect("alice", 1, 0)
	owner, _ := chain.GenerateKey()
	pkg, err := client.Pack(context.Background(), bytes.NewReader(wftest.GoGuest(t, guestDir)), wftest.Spec(), owner)
	if err != nil {
		t.Fatal(err)
	}
	w.deploy(pkg, "alice")
	sign := func(k *chain.Key, name string, seq uint64) *wf.SignedNameRecord {
		sr, err := names.Sign(wf.NameRecord{Name: name, Seq: seq, Targets: []wf.Target{{Function: pkg.CID, Weight: 100}}, Created: "2026-12-07T02:00:00Z"}, k)
		if err != nil {
			t.Fatal(err)
		}
		return sr
	}
	r1, r2 := sign(owner, "app", 1), sign(owner, "app", 2)
	gw := gwClient(w)
	for _, sr := range []*wf.SignedNameRecord{r1, r2} {
		if _, err := alice.env.Client.SetName(w.ctx, sr); err != nil {
			t.Fatal(err)
		}
		if _, err := gw.SetName(w.ctx, sr); err != nil {
			t.Fatal(err)
		}
	}
	attacker, _ := chain.GenerateKey()
	const flood = 10_000 // the gateway's record cache
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < flood; i += 4 {
				if _, err := gw.SetName(w.ctx, sign(attacker, fmt.Sprintf("x-%d", i), 1)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	resp, body := w.do("POST", domain, "/v1/names", bytes.NewReader(mustEncode(t, r1)))
	if resp.StatusCode != http.StatusConflict || !strings.Contains(string(body), "stale_record") {
		t.Fatalf("the old record reposted: %d %s; want 409 stale_record", resp.StatusCode, body)
	}
	got, err := gw.Name(w.ctx, owner.Address(), "app", chain.Verifier{})
	if err != nil || got.Record.Seq != 2 {
		t.Fatalf("the gateway answers %v, %v; want seq 2", got, err)
	}
}

func mustEncode(t *testing.T, sr *wf.SignedNameRecord) []byte {
	b, _, err := names.Encode(sr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
