package devnet_test

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/ci/issuer"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// TestCIEndToEnd runs a CI job's whole contract against a paid network
// with wf dev's local CI: with only the environment a GitHub Actions job
// has, it deploys keylessly a function that admits only dev/app's jobs on
// main, calls it (its owner pays; the function sees the job's claims),
// and reads its logs as the owner's delegate. A token used twice for a
// delegation, a call without a token, with the deploy audience, and from
// another repository's job are refused, and none of them is charged.
func TestCIEndToEnd(t *testing.T) {
	ctx := context.Background()
	n, err := devnet.Start(ctx, devnet.Config{
		Dir:   t.TempDir(),
		Price: big.NewInt(100),
		Meter: payment.Config{SettleCount: 1000, SettleInterval: time.Hour},
		Nodes: []devnet.NodeConfig{{Name: "alpha", Listen: "127.0.0.1:0"}},
		CI:    &devnet.CIConfig{},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(ctx)
	getenv := func(k string) string { return n.CI.Env[k] }
	if !ci.Detect(getenv) {
		t.Fatalf("the job's environment is not a CI job's: %v", n.CI.Env)
	}

	// Keyless deploy, as wf deploy does it.
	signerURL := n.CI.Env[ci.EnvSigner]
	info, err := ci.SignerInfo(ctx, nil, signerURL)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := ci.Token(ctx, nil, getenv, info.Audience)
	if err != nil {
		t.Fatal(err)
	}
	job, err := ci.Delegate(ctx, nil, signerURL, info.Owner, tok, "deploy,logs")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ci.Delegate(ctx, nil, signerURL, info.Owner, tok, "deploy"); err == nil || !strings.Contains(err.Error(), "already used") {
		t.Fatalf("the same token twice: %v", err)
	}
	callers := &spec.CICallers{Rules: []spec.CICaller{{Platform: "github", Issuer: n.CI.URL, Repository: "dev/app", Ref: "refs/heads/main"}}}
	x, err := callers.Extension()
	if err != nil {
		t.Fatal(err)
	}
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Extensions: map[string]wf.Extension{spec.CICallersExtension: x}}
	if err := job.Apply(&s, time.Now()); err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(ctx, strings.NewReader(string(wftest.GoGuest(t, "sandbox/testdata/guest"))), s, job)
	if err != nil {
		t.Fatal(err)
	}
	alpha := n.Node("alpha")
	if _, err := client.New(alpha.URL).Deploy(ctx, pkg); err != nil {
		t.Fatalf("keyless deploy: %v", err)
	}
	if pkg.Spec.Spec.Owner != n.Publisher.Address() {
		t.Fatalf("owner %s; want the publisher's", pkg.Spec.Spec.Owner.Checksum())
	}

	call := func(token string) (int, string, string) {
		req, _ := http.NewRequest(http.MethodGet, alpha.URL+"/"+pkg.CID.String()+"/env", nil)
		if token != "" {
			req.Header.Set(ci.CallerHeader, token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header.Get(wf.ReceiptHeader)
	}
	charged := func() int64 {
		c, _ := alpha.Meter().Totals()
		return int64(c.Count)
	}
	// Refused: no token, the deploy audience, another repository's job.
	other := issuer.Job{Repository: "evil/app", RepositoryID: "666", Workflow: ".github/workflows/deploy.yml",
		Ref: "refs/heads/main", SHA: strings.Repeat("e", 40), Run: "9"}
	otherTok, err := n.CI.Issuer.Sign(other.GitHub(ci.CallerAudience(n.Publisher.Address()), time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	deployAud, err := ci.Token(ctx, nil, getenv, info.Audience)
	if err != nil {
		t.Fatal(err)
	}
	before := charged()
	for _, tc := range []struct {
		name, token string
		status      int
		code        string
	}{
		{"no token", "", 401, "ci_token_required"},
		{"not a JWT", "x.y", 401, "token_malformed"},
		{"the deploy audience", deployAud, 401, "token_audience"},
		{"another repository's job", otherTok, 403, "ci_caller_not_allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := call(tc.token)
			if status != tc.status || !strings.Contains(body, tc.code) {
				t.Fatalf("%d %s; want %d %s", status, body, tc.status, tc.code)
			}
		})
	}
	if got := charged(); got != before {
		t.Fatalf("refused calls were charged: %d -> %d", before, got)
	}

	// Admitted: the job's own token, twice (a job calls more than once).
	callTok, err := ci.Token(ctx, nil, getenv, ci.CallerAudience(n.Publisher.Address()))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		status, body, receipt := call(callTok)
		if status != 200 || receipt == "" {
			t.Fatalf("the job's call: %d %q (receipt %q)", status, body, receipt)
		}
		var out struct{ Env []string }
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		env := strings.Join(out.Env, "\n")
		if !strings.Contains(env, "WF_CI_REPOSITORY=dev/app\n") || !strings.Contains(env, "WF_CI_REF=refs/heads/main\n") || strings.Contains(env, callTok) {
			t.Fatalf("the function's environment: %s", env)
		}
	}
	if got := charged(); got != before+2 {
		t.Fatalf("charged %d calls; want 2", got-before)
	}

	// The delegate reads the logs: the two calls and the refusals.
	entries, err := client.New(alpha.URL).Logs(ctx, pkg.CID, job)
	if err != nil {
		t.Fatalf("logs as the delegate: %v", err)
	}
	var ok, refused int
	for _, e := range entries {
		switch e.Status {
		case 200:
			ok++
		case 401, 403:
			refused++
		}
	}
	if ok != 2 || refused != 4 {
		t.Fatalf("logs: %d answered, %d refused; want 2 and 4: %+v", ok, refused, entries)
	}
}
