package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// keyed is a provider on loopback with an identity key of its own.
func keyed(t *testing.T, opts wftest.Options) (*wftest.Env, *chain.Key) {
	t.Helper()
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	opts.Provider.Key = k
	return wftest.New(t, opts), k
}

// logsAuth is the Authorization header for reading fn's logs at the
// provider whose address is at, signed by owner, expiring at exp.
func logsAuth(t *testing.T, owner *chain.Key, fn wf.CID, at wf.Address, exp time.Time) string {
	t.Helper()
	sig, err := owner.Sign(wf.LogsRequest{Function: fn, Provider: at, Expires: exp.Unix()})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("WF-Sig expires=%d,sig=%s", exp.Unix(), sig)
}

// The attack: a provider (or anything on the way) that saw an owner's
// log-read signature replays it at another provider that runs the same
// function. The signature names the provider it is for, so it is refused.
func TestLogsSignatureIsBoundToItsProvider(t *testing.T) {
	ctx := context.Background()
	a, keyA := keyed(t, wftest.Options{})
	b, _ := keyed(t, wftest.Options{})
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), a.Key)
	if err != nil {
		t.Fatal(err)
	}
	for _, env := range []*wftest.Env{a, b} {
		if _, err := env.Client.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		call(t, "GET", env.URL+"/"+pkg.CID.String()+"/?name=x", "")
	}
	fn, owner := pkg.CID, a.Key
	forA := logsAuth(t, owner, fn, keyA.Address(), time.Now().Add(time.Minute))

	resp, body := call(t, "GET", a.URL+"/v1/logs/"+fn.String(), "", "Authorization", forA)
	if resp.StatusCode != 200 {
		t.Fatalf("A refused its own signature: %d %s", resp.StatusCode, body)
	}
	resp, body = call(t, "GET", b.URL+"/v1/logs/"+fn.String(), "", "Authorization", forA)
	wantError(t, resp, body, 403, "forbidden")
	// Naming the provider it was for only makes the refusal clearer.
	resp, body = call(t, "GET", b.URL+"/v1/logs/"+fn.String(), "", "Authorization",
		forA+",provider="+keyA.Address().Checksum())
	wantError(t, resp, body, 403, "forbidden")

	// The client signs for the address the provider states, so each
	// provider answers its owner.
	for _, env := range []*wftest.Env{a, b} {
		if entries, err := client.New(env.URL).Logs(ctx, fn, owner); err != nil || len(entries) != 1 {
			t.Errorf("Logs at %s: %v, %v", env.URL, entries, err)
		}
	}
	if _, err := client.New(b.URL).LogsFrom(ctx, fn, keyA.Address(), owner); err == nil {
		t.Error("B accepted a signature for A through LogsFrom")
	}
}

// A log-read signature may be good for MaxLogsAuthWindow at most.
func TestLogsExpiryLimit(t *testing.T) {
	env, key := keyed(t, wftest.Options{})
	fn := env.Deploy(t, templates.HelloWasm, wftest.Spec())
	for _, tc := range []struct {
		name   string
		expire time.Duration
		status int
	}{
		{"within the window", provider.MaxLogsAuthWindow - 30*time.Second, 200},
		{"beyond the window", provider.MaxLogsAuthWindow + time.Minute, 401},
		{"an hour ahead", time.Hour, 401},
		{"expired", -time.Second, 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := call(t, "GET", env.URL+"/v1/logs/"+fn.String(), "", "Authorization",
				logsAuth(t, env.Key, fn, key.Address(), time.Now().Add(tc.expire)))
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
		})
	}
}

// The attack: log reads for functions this provider does not hold, or
// signed by someone who does not own them, made it fetch the function
// from its peers and compile it before refusing. Now nothing is fetched
// or compiled for a log read: the peer sees no request and the sandbox
// compiles nothing.
func TestLogsDoNoWorkBeforeTheOwnerCheck(t *testing.T) {
	peer := wftest.New(t, wftest.Options{})
	fn := peer.Deploy(t, templates.HelloWasm, wftest.Spec())
	var peerRequests atomic.Int64
	counting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		peerRequests.Add(1)
		peer.Server.Config.Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(counting.Close)
	stranger, _ := chain.GenerateKey()

	t.Run("not deployed here", func(t *testing.T) {
		env, key := keyed(t, wftest.Options{Provider: provider.Config{Fetcher: &trustless.Fetcher{Gateways: []string{counting.URL}}}})
		for _, signer := range []*chain.Key{peer.Key, stranger} {
			resp, body := call(t, "GET", env.URL+"/v1/logs/"+fn.String(), "", "Authorization",
				logsAuth(t, signer, fn, key.Address(), time.Now().Add(time.Minute)))
			if resp.StatusCode != 404 && resp.StatusCode != 403 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
		}
		if n, st := peerRequests.Load(), env.Sandbox.Stats(); n != 0 || st.Misses != 0 || st.Modules != 0 {
			t.Fatalf("log reads made %d peer requests, %d compiles, %d modules", n, st.Misses, st.Modules)
		}
		// The counter does see a fetch: an invocation loads from the peer.
		call(t, "GET", env.URL+"/"+fn.String()+"/", "")
		if peerRequests.Load() == 0 || env.Sandbox.Stats().Modules != 1 {
			t.Fatalf("the invocation was not fetched and compiled: %d requests, %+v", peerRequests.Load(), env.Sandbox.Stats())
		}
	})

	t.Run("stored, not loaded", func(t *testing.T) {
		// Shares the peer's store: the function's blocks are here, and
		// it is loaded only when invoked.
		env, key := keyed(t, wftest.Options{Store: peer.Store})
		resp, body := call(t, "GET", env.URL+"/v1/logs/"+fn.String(), "", "Authorization",
			logsAuth(t, stranger, fn, key.Address(), time.Now().Add(time.Minute)))
		wantError(t, resp, body, 403, "forbidden")
		resp, body = call(t, "GET", env.URL+"/v1/logs/"+fn.String(), "", "Authorization",
			logsAuth(t, peer.Key, fn, key.Address(), time.Now().Add(time.Minute)))
		var got struct{ Entries []wf.LogEntry }
		if resp.StatusCode != 200 || json.Unmarshal(body, &got) != nil || len(got.Entries) != 0 {
			t.Fatalf("owner's read of an unloaded function: %d %s", resp.StatusCode, body)
		}
		if st := env.Sandbox.Stats(); st.Misses != 0 || st.Modules != 0 {
			t.Fatalf("log reads compiled: %+v", st)
		}
	})
}

// What an owner needs from its logs: a failed run answers the caller
// with where to look, and the log has each request's query string and
// the requests refused before they ran (here by the owner's own caller
// limit; a 402 is recorded the same way).
func TestLogsShowFailuresQueriesAndRefusals(t *testing.T) {
	ctx := context.Background()
	env, _ := keyed(t, wftest.Options{})
	s := callersSpec(t, spec.Callers{PerCaller: &spec.Rate{Requests: 2, Seconds: 3600}})
	fn := env.Deploy(t, wftest.GoGuest(t, guestDir), s)

	resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/exit1?token=abc", "")
	wantError(t, resp, body, 502, "function_failed")
	if !strings.Contains(string(body), "wf logs "+fn.String()) {
		t.Errorf("a failed run does not point at wf logs: %s", body)
	}
	if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/echo?x=1", ""); resp.StatusCode != 200 {
		t.Fatalf("echo: %d %s", resp.StatusCode, body)
	}
	resp, body = call(t, "GET", env.URL+"/"+fn.String()+"/echo?x=2", "")
	wantError(t, resp, body, 429, "caller_rate_limited")

	entries, err := client.New(env.URL).Logs(ctx, fn, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d entries, want 3: %+v", len(entries), entries)
	}
	for i, want := range []struct {
		query  string
		status int
		has    string
	}{{"token=abc", 502, "exited with status 1"}, {"x=1", 200, ""}, {"x=2", 429, "perCaller"}} {
		e := entries[i]
		if e.Query != want.query || e.Status != want.status || !strings.Contains(e.Error, want.has) {
			t.Errorf("entry %d = %q %d %q, want %q %d and an error with %q", i, e.Query, e.Status, e.Error, want.query, want.status, want.has)
		}
	}
}
