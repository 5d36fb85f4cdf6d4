package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// defaultCISignerListen is where `wf ci signer serve` serves by default.
const defaultCISignerListen = "127.0.0.1:8090"

func (a *App) ciCmd() *cobra.Command {
	return group("ci", "deploy from GitHub Actions and GitLab CI without a key in CI (trust, signer)",
		`Keyless deploys from CI (docs/ci.md). You trust CI identities with
wf ci trust add, and run wf ci signer serve with your key where CI jobs
can reach it. A job proves who it is with its CI's OIDC identity token and
gets a delegation of minutes to a key it generated; wf deploy --oidc signs
the spec with that key, and providers check both signatures offline.`,
		a.ciTrustCmd(), a.ciSignerCmd())
}

// trustFile is the trust policy's file: --trust, else $WF_HOME/ci-trust.json.
func (a *App) trustFile(flag string) string {
	if flag != "" {
		return flag
	}
	return filepath.Join(a.home(), "ci-trust.json")
}

func (a *App) ciTrustCmd() *cobra.Command {
	var file string
	c := group("trust", "the CI identities your deploy signer trusts",
		`Add, list and remove the CI identities your deploy signer trusts. The
policy is a JSON file, $WF_HOME/ci-trust.json unless --trust FILE; the
signer rereads it on every request.`,
		a.ciTrustAddCmd(&file), a.ciTrustListCmd(&file), a.ciTrustRemoveCmd(&file))
	c.PersistentFlags().StringVar(&file, "trust", "", "trust policy `FILE` (default $WF_HOME/ci-trust.json)")
	return c
}

func (a *App) ciTrustAddCmd(file *string) *cobra.Command {
	var r ci.Rule
	cmd := &cobra.Command{
		Use:   "add github|gitlab",
		Short: "trust a repository's workflow on a ref to deploy (and more, by --scope)",
		Long: `Trust jobs of one workflow file in one repository, on refs matching
--ref, to act for you within --scope (deploy, grant, logs, name).

GitHub: the job's job_workflow_ref must be REPO/WORKFLOW@REF, so a
reusable workflow is trusted by its own path; name one in another
repository in full (OWNER/REPO/PATH@REF). Pin --repo-id (the repository's
numeric id) so a deleted and re-created repository of the same name is not
trusted. GitLab: the job's ci_config_ref_uri must be
HOST/PROJECT//WORKFLOW@REF; --protected requires a protected ref.`,
		Example: `  wf ci trust add github --repo acme/api --workflow .github/workflows/deploy.yml --ref refs/heads/main --repo-id 123456 --scope deploy,logs
  wf ci trust add github --repo acme/api --workflow .github/workflows/release.yml --ref 'refs/tags/v*' --environment production
  wf ci trust add gitlab --repo acme/web --ref refs/heads/main --protected`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r.Platform = args[0]
			if r.Workflow == "" && r.Platform == ci.GitLab {
				r.Workflow = ".gitlab-ci.yml"
			}
			p, err := ci.Load(a.trustFile(*file))
			if err != nil {
				return err
			}
			p.Rules = append(p.Rules, r)
			if err := p.Check(); err != nil {
				return usageErr("%v", err)
			}
			if err := p.Save(a.trustFile(*file)); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "trusted %s %s %s on %s for %s (rule %d in %s)\n", r.Platform, r.Repository, r.Workflow, r.Ref, r.Scopes, len(p.Rules), a.trustFile(*file))
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&r.Repository, "repo", "", "repository `OWNER/NAME` (GitLab: GROUP/PROJECT)")
	fs.StringVar(&r.RepositoryID, "repo-id", "", "the repository's numeric `ID` (GitHub repository_id, GitLab project_id)")
	fs.StringVar(&r.Workflow, "workflow", "", "workflow file `PATH` in the repository (GitLab default .gitlab-ci.yml), or OWNER/REPO/PATH@REF for a reusable workflow elsewhere")
	fs.StringVar(&r.Ref, "ref", "", "git ref `PATTERN` in full form: refs/heads/main, 'refs/tags/v*'")
	fs.StringVar(&r.Environment, "environment", "", "the deployment environment `NAME` the job must run in")
	fs.BoolVar(&r.Protected, "protected", false, "require a protected ref (GitLab)")
	fs.StringVar(&r.Issuer, "issuer", "", "the OIDC issuer `URL` (default https://token.actions.githubusercontent.com or https://gitlab.com)")
	fs.StringVar(&r.Scopes, "scope", spec.ScopeDeploy, "what the job may do, `LIST` of deploy, grant, logs, name, sorted")
	return cmd
}

func (a *App) ciTrustListCmd(file *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "list the trusted CI identities",
		Long: `List the trusted CI identities, numbered for wf ci trust remove.

With --json, prints the policy file's object: {"rules": [...]}, each rule
with platform, issuer, repository, repositoryId, workflow, ref,
environment, protected and scopes (empty ones omitted).`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := ci.Load(a.trustFile(*file))
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(p)
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "#\tPLATFORM\tREPOSITORY\tWORKFLOW\tREF\tENVIRONMENT\tSCOPES")
			for i, r := range p.Rules {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, r.Platform, r.Repository, r.Workflow, r.Ref, r.Environment, r.Scopes)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the policy as JSON")
	return cmd
}

func (a *App) ciTrustRemoveCmd(file *string) *cobra.Command {
	return &cobra.Command{
		Use:   "remove N",
		Short: "stop trusting rule N (from wf ci trust list)",
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := ci.Load(a.trustFile(*file))
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(args[0])
			if err != nil || n < 1 || n > len(p.Rules) {
				return usageErr("rule %q: give a number from 1 to %d (wf ci trust list)", args[0], len(p.Rules))
			}
			p.Rules = append(p.Rules[:n-1], p.Rules[n:]...)
			return p.Save(a.trustFile(*file))
		},
	}
}

func (a *App) ciSignerCmd() *cobra.Command {
	var (
		listen, trust, audience, logLevel string
		ttl                               time.Duration
	)
	var kf *keyFlags
	var sf *sealFlags
	serve := &cobra.Command{
		Use:   "serve",
		Short: "serve your deploy signer: CI identity tokens in, delegations to job keys out",
		Long: `Serve the deploy signer until interrupted. It holds your key, so run it
where you would run anything holding it; CI jobs reach it at
WF_CI_SIGNER. It verifies each job's OIDC token (RS256 from a trusted
issuer, audience, expiry, issued-at, used once), matches it against the
trust policy, and signs a delegation of --ttl to the key the job proved it
holds. GET /v1/ci/info says the owner and the audience to request tokens
for. Put it behind TLS for anything but loopback.`,
		Example: `  wf ci signer serve --listen 0.0.0.0:8090
  wf ci signer serve --trust ./ci-trust.json --ttl 5m`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			log, err := a.logger(logLevel, "text")
			if err != nil {
				return err
			}
			key, err := a.loadKey(kf.key, kf.passwordFile)
			if err != nil {
				return err
			}
			file := a.trustFile(trust)
			p, err := ci.Load(file)
			if err != nil {
				return err
			}
			if len(p.Rules) == 0 {
				return fmt.Errorf("%s trusts no CI identity yet: add one with wf ci trust add", file)
			}
			// Keyless sealed deploys seal to the owner's keyring too.
			var sealing *seal.PublicKey
			if kr, err := a.publisherKeyring(false); err == nil {
				sealing = kr.Current()
			} else {
				log.Warn("no sealing keyring: keyless sealed deploys will not be sealed to you (wf secrets set creates it)", "err", err)
			}
			// Jobs with the grant scope have this signer grant sealed
			// functions: it alone holds the keyring that opens them.
			s, err := ci.New(ci.Config{Owner: key, Policy: func() (*ci.Policy, error) { return ci.Load(file) },
				Audience: audience, TTL: ttl, Log: log, UsedFile: filepath.Join(a.home(), "ci-used-tokens"), SealingKey: sealing, Grant: a.signerGrant(key, sf)})
			if err != nil {
				return err
			}
			defer s.Close()
			return a.serveHandler(cmd.Context(), listen, s.Handler(), log, func(url string) string {
				return fmt.Sprintf("WebFunctions deploy signer for %s: %s   (audience %s; Ctrl-C stops)", key.Address().Checksum(), url,
					strings.TrimSpace(orDefault(audience, ci.DefaultAudience(key.Address()))))
			})
		},
	}
	fs := serve.Flags()
	fs.StringVar(&listen, "listen", defaultCISignerListen, "serve on this `ADDR`")
	fs.StringVar(&trust, "trust", "", "trust policy `FILE` (default $WF_HOME/ci-trust.json)")
	fs.StringVar(&audience, "audience", "", "the `AUDIENCE` tokens must be issued for (default webfunctions:<your address>)")
	fs.DurationVar(&ttl, "ttl", 10*time.Minute, "how long a delegation lasts")
	kf = addKeyFlags(fs, "owner")
	sf = addSealFlags(fs, nil) // the registry, for grants
	addLogFlags(fs, &logLevel, nil)
	return group("signer", "your deploy signer for CI jobs", "Serve the deploy signer CI jobs ask for delegations (docs/ci.md).", serve)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// serveHandler serves h on listen until ctx ends, printing banner(url).
func (a *App) serveHandler(ctx context.Context, listen string, h http.Handler, log *slog.Logger, banner func(string) string) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	defer ln.Close()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()
	fmt.Fprintln(a.Stdout, banner(url))
	if a.Ready != nil {
		a.Ready(url)
	}
	return awaitShutdown(ctx, srv, errc, 5*time.Second, nil)
}

// ciJob asks the deploy signer at signerURL (else $WF_CI_SIGNER) for a
// delegation against this job's identity token.
func (a *App) ciJob(ctx context.Context, signerURL, scopes string) (*ci.Job, error) {
	if signerURL == "" {
		signerURL = a.Getenv(ci.EnvSigner)
	}
	if signerURL == "" {
		return nil, usageErr("--oidc needs the owner's deploy signer: --signer URL or $%s", ci.EnvSigner)
	}
	info, err := ci.SignerInfo(ctx, nil, signerURL)
	if err != nil {
		return nil, err
	}
	tok, err := ci.Token(ctx, nil, a.Getenv, info.Audience)
	if err != nil {
		return nil, err
	}
	job, err := ci.Delegate(ctx, nil, signerURL, info.Owner, tok, scopes)
	if err != nil {
		return nil, err
	}
	job.OwnerSealingKey = info.SealingKey
	p := job.CI.Provenance
	fmt.Fprintf(a.Stderr, "delegated by %s to this job's key %s until %s (%s): %s@%.12s by %s\n", info.Owner.Checksum(), job.Key.Address().Checksum(),
		spec.Now(time.Unix(job.CI.Delegation.NotAfter, 0)), job.CI.Delegation.Scopes, p.Repository, p.Commit, p.Workflow)
	return job, nil
}

// signerGrant is the deploy signer's grant for a CI job (ci.Config.Grant):
// wf secrets grant's, as the owner key, reading the registry through sf.
// The spec is read from the provider the job names; client.Grant refuses
// a function not the owner's or with nothing sealed.
func (a *App) signerGrant(key *chain.Key, sf *sealFlags) func(context.Context, ci.GrantRequest) (wf.CID, error) {
	return func(ctx context.Context, g ci.GrantRequest) (wf.CID, error) {
		ss, err := client.New(g.From).Spec(ctx, g.Function, chain.Verifier{})
		if err != nil {
			return wf.CID{}, err
		}
		return a.applyGrant(ctx, "grant", g.Function, ss, &grantFlags{target: g.Provider, from: g.From, seal: sf}, key)
	}
}
