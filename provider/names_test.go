package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// twoVersions deploys the echo guest twice, as version "a" and "b" (the
// env differs, so the CIDs do).
func twoVersions(t *testing.T, env *wftest.Env) (a, b wf.CID) {
	t.Helper()
	guest := wftest.GoGuest(t, guestDir)
	for i, v := range []string{"a", "b"} {
		s := wftest.Spec()
		s.Env = map[string]string{"VERSION": v}
		c := env.Deploy(t, guest, s)
		if i == 0 {
			a = c
		} else {
			b = c
		}
	}
	return a, b
}

// setName signs a record of env's publisher and posts it.
func setName(t *testing.T, env *wftest.Env, name string, seq uint64, sticky string, targets ...wf.Target) *names.Record {
	t.Helper()
	sr, err := names.Sign(wf.NameRecord{Name: name, Seq: seq, Targets: targets, Sticky: sticky, Created: spec.Now(time.Now())}, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	res, err := env.Client.SetName(context.Background(), sr)
	if err != nil {
		t.Fatalf("set %s seq %d: %v", name, seq, err)
	}
	rec, err := names.NewRecord(sr)
	if err != nil {
		t.Fatal(err)
	}
	if res.CID != rec.CID || !res.Changed {
		t.Fatalf("set %s seq %d answered %+v", name, seq, res)
	}
	return rec
}

func nameURL(env *wftest.Env, name string) string {
	return env.URL + "/@" + env.Key.Address().String() + "/" + name
}

// served calls the name and returns the function that answered.
func served(t *testing.T, url string, hdr ...string) wf.CID {
	t.Helper()
	resp, body := call(t, "GET", url, "", hdr...)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	c, err := wf.ParseCID(resp.Header.Get(wf.FunctionHeader))
	if err != nil {
		t.Fatalf("no %s on the answer: %v", wf.FunctionHeader, err)
	}
	return c
}

func TestNameInvoke(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	a, _ := twoVersions(t, env)
	setName(t, env, "hello", 1, "", wf.Target{Function: a, Weight: 100})

	owner := env.Key.Address().Checksum() // any case addresses the owner
	resp, body := call(t, "POST", env.URL+"/@"+owner+"/hello/echo/x?q=1", "hi")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		Path, Query, Body string
		Env               map[string]string
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Path != "/echo/x" || got.Query != "q=1" || got.Body != "hi" || got.Env["VERSION"] != "a" ||
		got.Env["SCRIPT_NAME"] != "/@"+owner+"/hello" {
		t.Fatalf("the function saw %+v", got)
	}
	if fn := resp.Header.Get(wf.FunctionHeader); fn != a.String() {
		t.Fatalf("%s = %q, want %s", wf.FunctionHeader, fn, a)
	}
	// Cookies stay with the name's path, as a CID's stay with its.
	if c := resp.Header.Values("Set-Cookie"); len(c) != 2 || c[0] != "a=1; Path=/@"+owner+"/hello/" {
		t.Fatalf("Set-Cookie %q", c)
	}
	// The same through a gateway's path form.
	resp, _ = call(t, "GET", env.URL+"/@"+owner+"/hello/echo", "", "X-Forwarded-Prefix", "/p/alice")
	if c := resp.Header.Values("Set-Cookie"); len(c) != 2 || c[0] != "a=1; Path=/p/alice/@"+owner+"/hello/" {
		t.Fatalf("Set-Cookie behind a gateway %q", c)
	}

	for _, tc := range []struct{ path, code string }{
		{"/@" + owner + "/nosuch/", "not_found"},
		{"/@" + owner + "/Bad_Name/", "invalid_request"},
		{"/@0x1234/hello/", "invalid_request"},
	} {
		resp, body := call(t, "GET", env.URL+tc.path, "")
		wantError(t, resp, body, map[string]int{"not_found": 404, "invalid_request": 400}[tc.code], tc.code)
	}
	// A caller may pin one of the current targets, and only those.
	_, b := twoVersions(t, env)
	resp, body = call(t, "GET", env.URL+"/@"+owner+"/hello/", "", wf.FunctionHeader, b.String())
	wantError(t, resp, body, 400, "invalid_request")
}

func TestNameSplit(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{Rand: rand.NewPCG(9, 10)}})
	a, b := twoVersions(t, env)
	setName(t, env, "split", 1, "", wf.Target{Function: a, Weight: 90}, wf.Target{Function: b, Weight: 10})

	const n = 1000
	var mu sync.Mutex
	counts := map[wf.CID]int{}
	var wg sync.WaitGroup
	work := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for range work {
				resp, err := http.Get(nameURL(env, "split") + "/echo")
				if err != nil {
					t.Error(err)
					continue
				}
				resp.Body.Close()
				c, err := wf.ParseCID(resp.Header.Get(wf.FunctionHeader))
				if resp.StatusCode != 200 || err != nil {
					t.Errorf("status %d, %s %q", resp.StatusCode, wf.FunctionHeader, resp.Header.Get(wf.FunctionHeader))
				}
				mu.Lock()
				counts[c]++
				mu.Unlock()
			}
		})
	}
	for range n {
		work <- struct{}{}
	}
	close(work)
	wg.Wait()
	t.Logf("90/10 split over %d requests: a=%d b=%d", n, counts[a], counts[b])
	if counts[a] < 870 || counts[a] > 930 || counts[b] < 70 || counts[b] > 130 || counts[a]+counts[b] != n {
		t.Fatalf("split a=%d b=%d; want 870-930 / 70-130", counts[a], counts[b])
	}
}

func TestNameSticky(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	a, b := twoVersions(t, env)
	for _, sticky := range []string{"cookie:uid", "header:X-User"} {
		name := strings.ToLower(strings.NewReplacer(":", "-", "X-", "").Replace(sticky))
		setName(t, env, name, 1, sticky, wf.Target{Function: a, Weight: 50}, wf.Target{Function: b, Weight: 50})
		seen := map[wf.CID]bool{}
		for u := range 16 {
			hdr := []string{"X-User", fmt.Sprint("user-", u)}
			if strings.HasPrefix(sticky, "cookie:") {
				hdr = []string{"Cookie", fmt.Sprint("other=1; uid=user-", u)}
			}
			first := served(t, nameURL(env, name)+"/echo", hdr...)
			for range 4 {
				if c := served(t, nameURL(env, name)+"/echo", hdr...); c != first {
					t.Fatalf("%s: user-%d moved from %s to %s", sticky, u, first, c)
				}
			}
			seen[first] = true
		}
		if !seen[a] || !seen[b] {
			t.Fatalf("%s: 16 callers all landed on one target", sticky)
		}
	}
}

// Old, replayed and conflicting records never move a name; a rollback
// moves it at once.
func TestNameSeq(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	ctx := context.Background()
	a, b := twoVersions(t, env)
	owner := env.Key.Address()
	r1 := setName(t, env, "app", 1, "", wf.Target{Function: a, Weight: 100})
	if got := served(t, nameURL(env, "app")+"/echo"); got != a {
		t.Fatalf("seq 1 serves %s", got)
	}
	r2 := setName(t, env, "app", 2, "", wf.Target{Function: b, Weight: 100})
	if got := served(t, nameURL(env, "app")+"/echo"); got != b {
		t.Fatalf("seq 2 serves %s", got)
	}
	// Rollback: seq 3 with seq 1's targets, effective on the next request.
	r3 := setName(t, env, "app", 3, "", r1.Record.Targets...)
	if got := served(t, nameURL(env, "app")+"/echo"); got != a {
		t.Fatalf("after the rollback the next request went to %s", got)
	}

	post := func(rec *names.Record) (*http.Response, []byte) {
		return call(t, "POST", env.URL+"/v1/names", string(rec.Raw))
	}
	// The current record again: 200, nothing changes.
	resp, body := post(r3)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"changed":false`) {
		t.Fatalf("re-posting the current record: %d %s", resp.StatusCode, body)
	}
	// A stale record (a replay of seq 2) and a conflicting seq 3.
	resp, body = post(r2)
	wantError(t, resp, body, 409, "stale_record")
	other, err := names.Sign(wf.NameRecord{Name: "app", Seq: 3, Targets: r2.Record.Targets, Created: spec.Now(time.Now().Add(time.Hour))}, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	conflict, _ := names.NewRecord(other)
	resp, body = post(conflict)
	wantError(t, resp, body, 409, "seq_conflict")

	cur, err := env.Client.Name(ctx, owner, "app", chain.Verifier{})
	if err != nil || cur.CID != r3.CID {
		t.Fatalf("current is %v (%v), want seq 3", cur, err)
	}
	hist, err := env.Client.NameHistory(ctx, owner, "app", chain.Verifier{})
	if err != nil || len(hist) != 3 || hist[0].CID != r3.CID || hist[2].CID != r1.CID {
		t.Fatalf("history %v, %v", hist, err)
	}
	if got := served(t, nameURL(env, "app")+"/echo"); got != a {
		t.Fatalf("a refused record moved the name to %s", got)
	}
	list, err := env.Client.Names(ctx, owner, chain.Verifier{})
	if err != nil || len(list) != 1 || list[0].CID != r3.CID {
		t.Fatalf("names %v, %v", list, err)
	}
}

// rawRecord signs r as given, valid or not, and encodes it without the
// canonical checks, as a hostile client could.
func rawRecord(t *testing.T, k *chain.Key, r wf.NameRecord) string {
	t.Helper()
	sig, err := k.Sign(&r)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(wf.SignedNameRecord{Record: r, Signature: sig})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNameBadInput(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	ctx := context.Background()
	a, b := twoVersions(t, env)
	owner := env.Key.Address()
	r1 := setName(t, env, "app", 1, "", wf.Target{Function: a, Weight: 100})

	mallory, _ := chain.GenerateKey()
	// A function of someone else's.
	pkg, err := client.Pack(ctx, strings.NewReader(string(wftest.GoGuest(t, guestDir))), wftest.Spec(), mallory)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	theirs := pkg.CID
	missing := wf.SumCID(wf.CodecJSON, []byte(`"no such function"`))
	sorted := func(ts ...wf.Target) []wf.Target {
		r := wf.NameRecord{Targets: ts}
		names.Sort(&r)
		return r.Targets
	}
	rec := func(edit func(r *wf.NameRecord)) wf.NameRecord {
		r := wf.NameRecord{Name: "app", Owner: owner, Seq: 2, Targets: []wf.Target{{Function: b, Weight: 100}}, Created: spec.Now(time.Now())}
		edit(&r)
		return r
	}
	for _, tc := range []struct {
		name   string
		body   string
		status int
		want   string
	}{
		{"forged", rawRecord(t, mallory, rec(func(*wf.NameRecord) {})), 403, "not its owner"},
		{"upper case name", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) { r.Name = "App" })), 400, "DNS label"},
		{"underscore", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) { r.Name = "my_app" })), 400, "DNS label"},
		{"weights sum to 90", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) { r.Targets[0].Weight = 90 })), 400, "sum to 90"},
		{"duplicate target", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) {
			r.Targets = []wf.Target{{Function: b, Weight: 50}, {Function: b, Weight: 50}}
		})), 400, "twice"},
		{"not a function", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) {
			r.Targets = sorted(wf.Target{Function: b, Weight: 50}, wf.Target{Function: missing, Weight: 50})
		})), 400, "is not a function"},
		{"not a spec CID", strings.Replace(rawRecord(t, env.Key, rec(func(*wf.NameRecord) {})), b.String(), wf.SumCID(wf.CodecRaw, []byte("x")).String(), 1), 400, "not a function's address"},
		{"someone else's function", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) {
			r.Targets = sorted(wf.Target{Function: b, Weight: 50}, wf.Target{Function: theirs, Weight: 50})
		})), 400, "owned by"},
		{"bad sticky", rawRecord(t, env.Key, rec(func(r *wf.NameRecord) { r.Sticky = "query:x" })), 400, "sticky"},
		{"unknown field", strings.Replace(rawRecord(t, env.Key, rec(func(*wf.NameRecord) {})), `"seq":2`, `"seq":2,"ttl":5`, 1), 400, "unknown field"},
		{"not canonical", strings.Replace(rawRecord(t, env.Key, rec(func(*wf.NameRecord) {})), `,"seq"`, `, "seq"`, 1), 400, "canonical"},
		{"not JSON", "seq=2", 400, "name record"},
		{"over 4 KiB", strings.Repeat(" ", names.MaxSize+1), 413, "too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := call(t, "POST", env.URL+"/v1/names", tc.body)
			code := map[int]string{400: "invalid_request", 403: "forbidden", 413: "too_large"}[tc.status]
			wantError(t, resp, body, tc.status, code)
			if !strings.Contains(string(body), tc.want) {
				t.Fatalf("error %s does not name %q", body, tc.want)
			}
			hist, err := env.Client.NameHistory(ctx, owner, "app", chain.Verifier{})
			if err != nil || len(hist) != 1 || hist[0].CID != r1.CID {
				t.Fatalf("the name changed: %v, %v", hist, err)
			}
		})
	}
}

// A provider learns a name it lacks from its peers, passes on what it
// accepts, and refreshes what it knows once NameTTL has passed.
func TestNamePeers(t *testing.T) {
	envA := wftest.New(t, wftest.Options{})
	envB := wftest.New(t, wftest.Options{Provider: provider.Config{
		Peers: []string{envA.URL}, Fetcher: &trustless.Fetcher{Gateways: []string{envA.URL}}, NameTTL: 100 * time.Millisecond}})
	envB.Key = envA.Key // one publisher
	a, b := twoVersions(t, envA)
	setName(t, envA, "app", 1, "", wf.Target{Function: a, Weight: 100})

	// B has neither the name nor the function: it learns both from A.
	if got := served(t, nameURL(envB, "app")+"/echo"); got != a {
		t.Fatalf("B served %s", got)
	}
	// A moves the name; B asks again once its answer is older than the TTL.
	setName(t, envA, "app", 2, "", wf.Target{Function: b, Weight: 100})
	waitFor(t, func() bool { return served(t, nameURL(envB, "app")+"/echo") == b })

	// A record posted to B goes on to A.
	setName(t, envB, "app", 3, "", wf.Target{Function: a, Weight: 100})
	waitFor(t, func() bool {
		cur, err := envA.Client.Name(context.Background(), envA.Key.Address(), "app", chain.Verifier{})
		return err == nil && cur.Record.Seq == 3
	})
	// A stale record sent to B is ignored there and goes nowhere.
	resp, body := call(t, "POST", envB.URL+"/v1/names", string(rawSigned(t, envA.Key, "app", 2, b)))
	wantError(t, resp, body, 409, "stale_record")
	if got := served(t, nameURL(envA, "app")+"/echo"); got != a {
		t.Fatalf("A serves %s after a stale record went to B", got)
	}
}

func rawSigned(t *testing.T, k *chain.Key, name string, seq uint64, fn wf.CID) []byte {
	sr, err := names.Sign(wf.NameRecord{Name: name, Seq: seq, Targets: []wf.Target{{Function: fn, Weight: 100}}, Created: "2026-01-01T00:00:00Z"}, k)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := names.Encode(sr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("timed out")
}

// Names and their history survive a restart of the node.
func TestNameRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	open := func() (*node.Node, *httptest.Server) {
		srv := httptest.NewUnstartedServer(nil)
		n, err := node.Open(ctx, node.Config{Dir: dir, PublicURL: "http://" + srv.Listener.Addr().String()})
		if err != nil {
			t.Fatal(err)
		}
		srv.Config.Handler = n.Handler()
		srv.Start()
		return n, srv
	}
	n, srv := open()
	env := &wftest.Env{URL: srv.URL, Client: client.New(srv.URL)}
	env.Key, _ = chain.GenerateKey()
	a, b := twoVersions(t, env)
	setName(t, env, "app", 1, "", wf.Target{Function: a, Weight: 100})
	r2 := setName(t, env, "app", 2, "", wf.Target{Function: b, Weight: 100})
	srv.Close()
	n.Close(ctx)

	n, srv = open()
	defer func() { srv.Close(); n.Close(ctx) }()
	env.URL, env.Client = srv.URL, client.New(srv.URL)
	hist, err := env.Client.NameHistory(ctx, env.Key.Address(), "app", chain.Verifier{})
	if err != nil || len(hist) != 2 || hist[0].CID != r2.CID {
		t.Fatalf("history after restart: %v, %v", hist, err)
	}
	if got := served(t, nameURL(env, "app")+"/echo"); got != b {
		t.Fatalf("after restart the name serves %s", got)
	}
}

// A node bounds names by default: one owner's flood of new names stops at
// its cap with 429 too_many_names while another owner still sets names,
// and a long history keeps the newest records.
func TestNameBounds(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	ctx := context.Background()
	guest := wftest.GoGuest(t, guestDir)
	a := env.Deploy(t, guest, wftest.Spec())
	post := func(b []byte) (int, string) {
		resp, err := http.Post(env.URL+"/v1/names", "application/json", strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var e struct {
			Error struct{ Code string } `json:"error"`
		}
		json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, e.Error.Code
	}
	const capNames = 1000 // node's default MaxOwnerNames
	for i := 0; ; i++ {
		status, code := post(rawSigned(t, env.Key, fmt.Sprintf("x-%d", i), 1, a))
		if status == http.StatusOK {
			if i >= capNames {
				t.Fatalf("name %d accepted beyond the cap", i)
			}
			continue
		}
		if i != capNames || status != http.StatusTooManyRequests || code != "too_many_names" {
			t.Fatalf("name %d: %d %s, want 429 too_many_names at %d", i, status, code, capNames)
		}
		break
	}
	other := *env
	other.Key, _ = chain.GenerateKey()
	b := other.Deploy(t, guest, wftest.Spec())
	setName(t, &other, "mine", 1, "", wf.Target{Function: b, Weight: 100})

	for seq := uint64(2); seq <= 40; seq++ {
		if status, code := post(rawSigned(t, env.Key, "x-0", seq, a)); status != http.StatusOK {
			t.Fatalf("x-0 seq %d: %d %s", seq, status, code)
		}
	}
	hist, err := env.Client.NameHistory(ctx, env.Key.Address(), "x-0", chain.Verifier{})
	if err != nil || len(hist) != 32 || hist[0].Record.Seq != 40 {
		t.Fatalf("history: %d records, %v; want the newest 32", len(hist), err)
	}
}

// TestDelegatedNameDatedAhead: a CI delegate's name record is numbered
// by its date, so one dated ahead of the provider's clock is refused (it
// would outrank the owner's corrections made before then); one dated now
// moves the name.
func TestDelegatedNameDatedAhead(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	a, _ := twoVersions(t, env)
	job, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	c := &spec.CI{
		Delegation: spec.CIDelegation{Delegate: job.Address(), Scopes: "deploy,name", NotBefore: now.Add(-time.Minute).Unix(), NotAfter: now.Add(20 * time.Minute).Unix()},
		Provenance: wf.Provenance{Issuer: "https://token.actions.githubusercontent.com", Repository: "acme/api",
			Workflow: "acme/api/.github/workflows/deploy.yml@refs/heads/main", Ref: "refs/heads/main", Commit: "abc", Run: "1/1"},
	}
	if c.Delegation.Signature, err = env.Key.Sign(c.Message(env.Key.Address())); err != nil {
		t.Fatal(err)
	}
	r := wf.NameRecord{Name: "ahead", Targets: []wf.Target{{Function: a, Weight: 100}}}
	ahead, err := names.SignDelegated(r, env.Key.Address(), job, c, now.Add(10*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.SetName(context.Background(), ahead); err == nil || !strings.Contains(err.Error(), "ahead of this provider's clock") {
		t.Fatalf("a record dated 10 minutes ahead: %v", err)
	}
	ok, err := names.SignDelegated(r, env.Key.Address(), job, c, now)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := env.Client.SetName(context.Background(), ok); err != nil || !res.Changed {
		t.Fatalf("a record dated now: %v %+v", err, res)
	}
}
