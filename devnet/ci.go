package devnet

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/ci/issuer"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// CIConfig asks Start for a local CI: an OIDC issuer shaped like GitHub
// Actions', the runner's token endpoint for one job of Job, and the
// publisher's deploy signer trusting that job's workflow and ref with
// every scope (docs/ci.md). They share one loopback listener.
type CIConfig struct {
	Listen string // default "127.0.0.1:0"
	// Job is the job the runner mints tokens for. Default DevJob.
	Job issuer.Job
	// SealingKey is the publisher's sealing key the signer publishes, to
	// which keyless sealed deploys seal too; nil: none.
	SealingKey *seal.PublicKey
	// Grant, if set, is the signer's grant for jobs with the grant scope
	// (ci.Config.Grant).
	Grant func(ctx context.Context, g ci.GrantRequest) (wf.CID, error)
}

// DevJob is wf dev's CI job: a push to main of dev/app's deploy workflow.
var DevJob = issuer.Job{Repository: "dev/app", RepositoryID: "1", Workflow: ".github/workflows/deploy.yml",
	Ref: "refs/heads/main", SHA: "0000000000000000000000000000000000000001", Run: "1"}

// CI is a Net's local CI. Env is what a GitHub Actions job with
// `id-token: write` and the publisher's signer would have in its
// environment: set it and wf deploy, wf name and wf logs act keylessly as
// the publisher's delegate.
type CI struct {
	Issuer *issuer.Issuer
	URL    string // issuer, runner and signer
	Job    issuer.Job
	Env    map[string]string
	Policy *ci.Policy // the signer's: the one rule trusting Job's workflow
}

// startCI serves the issuer, the runner and the signer.
func (n *Net) startCI(cc *CIConfig) error {
	job := cc.Job
	if job.Repository == "" {
		job = DevJob
	}
	ln, err := listen(cc.Listen, false)
	if err != nil {
		return fmt.Errorf("devnet: ci: %w", err)
	}
	url := "http://" + ln.Addr().String()
	is, err := issuer.New(url)
	if err != nil {
		ln.Close()
		return fmt.Errorf("devnet: ci: %w", err)
	}
	policy := &ci.Policy{Rules: []ci.Rule{{Platform: ci.GitHub, Issuer: url, Repository: job.Repository,
		RepositoryID: job.RepositoryID, Workflow: job.Workflow, Ref: job.Ref, Scopes: strings.Join(spec.AllScopes, ",")}}}
	if err := policy.Check(); err != nil {
		ln.Close()
		return fmt.Errorf("devnet: ci: %w", err)
	}
	signer, err := ci.New(ci.Config{Owner: n.Publisher, Policy: func() (*ci.Policy, error) { return policy, nil }, SealingKey: cc.SealingKey, Grant: cc.Grant,
		Log: n.log.With("component", "ci-signer")})
	if err != nil {
		ln.Close()
		return fmt.Errorf("devnet: ci: %w", err)
	}
	var b [16]byte
	rand.Read(b[:])
	bearer := hex.EncodeToString(b[:])
	mux := http.NewServeMux()
	mux.Handle("/.well-known/", is.Handler())
	mux.Handle("/jwks", is.Handler())
	mux.Handle(issuer.RunnerPath, is.Runner(job, bearer))
	mux.Handle("/v1/ci/", signer.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(n.log.Handler(), slog.LevelWarn)}
	go srv.Serve(ln)
	n.onStop(func(ctx context.Context) { srv.Shutdown(ctx) })
	n.CI = &CI{Issuer: is, URL: url, Job: job, Policy: policy, Env: map[string]string{
		ci.EnvGitHubRequestURL:   url + issuer.RunnerPath + "?api-version=2.0",
		ci.EnvGitHubRequestToken: bearer,
		ci.EnvSigner:             url,
	}}
	return nil
}
