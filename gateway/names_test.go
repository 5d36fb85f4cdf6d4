package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
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
