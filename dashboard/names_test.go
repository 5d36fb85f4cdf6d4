package dashboard_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// A name pointed at a function and then split, each record signed in the
// wallet: providers hold exactly what was signed; forms that say no
// function, a bad share, or a split of a name that does not exist yet
// sign nothing.
func TestNamePointAndSplit(t *testing.T) {
	w := start(t, false)
	pub := w.net.Publisher
	owner := signIn(t, w.url, pub)
	stranger, _ := chain.GenerateKey()
	other := signIn(t, w.url, stranger)

	status, body, _ := owner.do("GET", "/functions/"+w.fn.String(), nil)
	wantPage(t, status, body, 200, "Point a name here", "Sign and point the name")
	status, body, _ = owner.do("GET", "/names/hello", nil)
	wantPage(t, status, body, 200, "Split traffic", "Sign and split")

	change := func(b *browser, key *chain.Key, name string, form url.Values) (int, string) {
		t.Helper()
		form.Set("csrf", b.csrf)
		status, body, _ := b.do("POST", "/names/"+name+"/record-request", form)
		if status != 200 {
			return status, body
		}
		var rq struct {
			Created   string          `json:"created"`
			Seq       uint64          `json:"seq"`
			TypedData json.RawMessage `json:"typedData"`
		}
		if err := json.Unmarshal([]byte(body), &rq); err != nil {
			t.Fatalf("record request %s: %v", body, err)
		}
		sig, err := key.SignTypedData(rq.TypedData)
		if err != nil {
			t.Fatal(err)
		}
		form.Set("created", rq.Created)
		form.Set("seq", strconv.FormatUint(rq.Seq, 10))
		form.Set("signature", sig.String())
		status, body, _ = b.do("POST", "/names/"+name+"/record", form)
		return status, body
	}
	current := func(name string) *wf.NameRecord {
		t.Helper()
		var rec *wf.NameRecord
		for _, nd := range w.net.Nodes {
			r, err := client.New(nd.URL).Name(context.Background(), pub.Address(), name, chain.Verifier{})
			if err != nil {
				t.Fatalf("%s: name %s: %v", nd.Name, name, err)
			}
			if rec != nil && r.Record.Seq != rec.Seq {
				t.Fatalf("providers disagree on %s: seq %d and %d", name, rec.Seq, r.Record.Seq)
			}
			rec = &r.Record
		}
		return rec
	}

	for what, form := range map[string]url.Values{
		"no function":        {"percent": {"100"}},
		"not a CID":          {"function": {"bagaaiera-not"}},
		"share 0":            {"function": {w.fn.String()}, "percent": {"0"}},
		"share 101":          {"function": {w.fn.String()}, "percent": {"101"}},
		"split of a new one": {"function": {w.fn.String()}, "percent": {"50"}},
	} {
		if status, body := change(owner, pub, "canary", form); status != 400 {
			t.Errorf("%s: %d, want 400: %s", what, status, body)
		}
	}
	status, body = change(owner, pub, "Not_A_Name", url.Values{"function": {w.fn.String()}})
	wantPage(t, status, body, 400)

	// A new name, whole.
	status, body = change(owner, pub, "canary", url.Values{"function": {w.fn.String()}})
	wantPage(t, status, body, 200, "Signed canary seq 1", "alpha: accepted", "beta: accepted")
	if rec := current("canary"); len(rec.Targets) != 1 || rec.Targets[0] != (wf.Target{Function: w.fn, Weight: 100}) {
		t.Fatalf("canary = %+v", rec.Targets)
	}
	// hello is at fn2 (seq 2): send 10% to fn.
	status, body = change(owner, pub, "hello", url.Values{"function": {w.fn.String()}, "percent": {"10"}})
	wantPage(t, status, body, 200, "Signed hello seq 3", "10%", "90%")
	rec := current("hello")
	want := map[wf.CID]uint8{w.fn: 10, w.fn2: 90}
	if rec.Seq != 3 || len(rec.Targets) != 2 || rec.Targets[0].Weight != want[rec.Targets[0].Function] || rec.Targets[1].Weight != want[rec.Targets[1].Function] {
		t.Fatalf("hello = seq %d %+v, want 10%% %s and 90%% %s", rec.Seq, rec.Targets, w.fn, w.fn2)
	}
	// Signed by someone else over the owner's record: refused, nothing changes.
	form := url.Values{"function": {w.fn.String()}, "csrf": {owner.csrf}}
	status, body, _ = owner.do("POST", "/names/hello/record-request", form)
	wantPage(t, status, body, 200)
	var rq struct {
		Created   string          `json:"created"`
		TypedData json.RawMessage `json:"typedData"`
	}
	json.Unmarshal([]byte(body), &rq)
	bad, _ := stranger.SignTypedData(rq.TypedData)
	form.Set("created", rq.Created)
	form.Set("seq", "4")
	form.Set("signature", bad.String())
	status, body, _ = owner.do("POST", "/names/hello/record", form)
	wantPage(t, status, body, 403)
	if current("hello").Seq != 3 {
		t.Fatal("a stranger's signature changed hello")
	}
	// A CI job moves hello as the publisher's delegate: its record is
	// numbered by its creation second. The page shows which job moved it,
	// and the owner's next record, made in the wallet, outranks it.
	job, _ := chain.GenerateKey()
	now := time.Now()
	c := &spec.CI{Delegation: spec.CIDelegation{Delegate: job.Address(), NotBefore: now.Add(-time.Minute).Unix(), NotAfter: now.Add(10 * time.Minute).Unix(), Scopes: "name"},
		Provenance: wf.Provenance{Commit: "0123456789abcdef", Issuer: "https://token.actions.githubusercontent.com", Ref: "refs/heads/main",
			Repository: "acme/api", Run: "7/1", Workflow: "acme/api/.github/workflows/promote.yml@refs/heads/main"}}
	dsig, err := pub.Sign(c.Message(pub.Address()))
	if err != nil {
		t.Fatal(err)
	}
	c.Delegation.Signature = dsig
	jr, err := names.SignDelegated(wf.NameRecord{Name: "hello", Targets: names.Split([]wf.CID{w.fn})}, pub.Address(), job, c, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range w.net.Nodes {
		if _, err := client.New(nd.URL).SetName(context.Background(), jr); err != nil {
			t.Fatalf("%s: the job's record: %v", nd.Name, err)
		}
	}
	status, body, _ = owner.do("GET", "/names/hello", nil)
	wantPage(t, status, body, 200, "acme/api@0123456789ab by .github/workflows/promote.yml (run 7/1)")
	status, body = change(owner, pub, "hello", url.Values{"from": {"3"}})
	wantPage(t, status, body, 200, "alpha: accepted", "beta: accepted")
	if rec := current("hello"); rec.Seq <= jr.Record.Seq || len(rec.Targets) != 2 {
		t.Fatalf("the owner's rollback after the job's record: seq %d (the job's %d), targets %+v", rec.Seq, jr.Record.Seq, rec.Targets)
	}

	// Another user's "hello" is their own name: a rollback of the
	// publisher's versions is not theirs to make.
	status, body, _ = other.do("POST", "/names/hello/record-request", url.Values{"csrf": {other.csrf}, "from": {"1"}})
	wantPage(t, status, body, 400)
}
