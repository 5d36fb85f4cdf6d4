package cli

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

const defaultIssuerListen = "127.0.0.1:8790"

// Where wf cred keeps things under WF_HOME.
func (a *App) credDir() string   { return filepath.Join(a.home(), "credentials") }
func (a *App) issuerDir() string { return filepath.Join(a.home(), "issuer") }

// credSetupDir holds trusted setups by circuit: $WF_CRED_SETUP, else
// wf-cred-setup in the user's cache directory. Setups are public (the dev
// one is also worthless for real access), so every WF_HOME shares it.
func (a *App) credSetupDir() string {
	if d := a.Getenv("WF_CRED_SETUP"); d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "wf-cred-setup")
}
func (a *App) issuerKeyFile() string   { return filepath.Join(a.issuerDir(), "key.json") }
func (a *App) issuerAllowFile() string { return filepath.Join(a.issuerDir(), "allow.json") }
func (a *App) issuerRegistryFile() string {
	return filepath.Join(a.issuerDir(), "issued.json")
}
func (a *App) issuerUsedTokensFile() string {
	return filepath.Join(a.issuerDir(), "used-tokens.json")
}

func (a *App) credCmd() *cobra.Command {
	return group("cred", "zero-knowledge credentials: issue, hold, present (docs/credentials.md)",
		`Credentials let a caller prove that a function's access policy admits it
(a member of an organisation, a paid plan, over 18) without saying who it
is. An issuer signs a credential to your secret commitment; you keep it
under $WF_HOME/credentials (its secret sealed with your keystore
password); wf invoke --cred NAME proves the policy once per session and
signs each request with a short-lived key.`,
		a.credIssuerCmd(), a.credIssueCmd(), a.credListCmd(), a.credPresentCmd(), a.credSetupCmd())
}

func (a *App) credIssuerCmd() *cobra.Command {
	var passwordFile string
	initCmd := &cobra.Command{
		Use:   "init",
		Short: "make your issuer key ($WF_HOME/issuer/key.json, sealed with your password)",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := a.issuerKeyFile()
			if fileExists(path) {
				return fmt.Errorf("issuer key %s exists; it is kept", path)
			}
			pw, err := a.password(passwordFile, true)
			if err != nil {
				return err
			}
			k, err := cred.NewIssuerSecret(nil)
			if err != nil {
				return err
			}
			if err := cred.SaveIssuerKey(path, k, pw); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "saved %s (mode 0600)\n", path)
			fmt.Fprintln(a.Stdout, k.Public())
			return nil
		},
	}
	initCmd.Flags().StringVar(&passwordFile, "password-file", "", "`FILE` holding the password (default: $WF_KEY_PASSWORD or a prompt)")

	allow := &cobra.Command{
		Use:   "allow ADDRESS NAME=VALUE...",
		Short: "put an account on your allow-list with the attributes its credential gets",
		Long: `Add (or replace) an account on the issuer's allow-list,
$WF_HOME/issuer/allow.json. A value of digits is an integer (comparable
with lt/gte...), anything else a string. Slots are numbered in the order
given: a policy names slot 0, 1, ...`,
		Example: `  wf cred issuer allow 0xf39F... org=acme plan=pro age=30`,
		Args:    argsBetween(1, 1+cred.Slots),
		RunE: func(cmd *cobra.Command, args []string) error {
			acct, err := wf.ParseAddress(args[0])
			if err != nil {
				return usageErr("%q is not an address", args[0])
			}
			attrs, err := cred.ParseAttrs(args[1:])
			if err != nil {
				return err
			}
			entries, err := loadAllowList(a.issuerAllowFile())
			if err != nil {
				return err
			}
			l, err := cred.NewAllowList(entries)
			if err != nil {
				return err
			}
			l[acct] = attrs
			b, err := json.MarshalIndent(l.Entries(), "", "  ")
			if err != nil {
				return err
			}
			if err := os.MkdirAll(a.issuerDir(), 0o700); err != nil {
				return err
			}
			if err := os.WriteFile(a.issuerAllowFile(), append(b, '\n'), 0o600); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "%s may now get a credential with %d attributes\n", acct.Checksum(), len(attrs))
			return nil
		},
	}

	var listen, logLevel, minDeposit, ciRules string
	var revocable bool
	var validity time.Duration
	var co *chainOpts
	serve := &cobra.Command{
		Use:   "serve",
		Short: "serve your issuer: signed requests from allow-listed accounts in, credentials out",
		Long: `Serve the issuer until interrupted. A holder's request is signed by
its account (EIP-712 CredentialRequest); accounts on the allow-list
($WF_HOME/issuer/allow.json, reread on every request) get a credential
with their attributes over their secret commitment, valid for --validity.
With --min-deposit, an account off the list whose escrow deposit on the
chain (--rpc) is at least that much gets escrow=depositor and its deposit
in base units (slot 1), so a policy can ask for deposit >= N.
With --ci-rules FILE (wf.ci.callers' JSON: {"rules":[{"platform":"github",
"repository":"acme/api","ref":"refs/heads/main","workflow":...}]}), a CI
job whose identity token (audience webfunctions-cred:ISSUERKEY) matches a
rule gets a credential without an account: slots repository, ref,
workflow, environment (wf cred issue NAME --issuer URL --oidc, in the job).
Each token gets one credential; the tokens used are kept in
$WF_HOME/issuer/used-tokens.json until they expire, so a restart does not
make one usable again.
With --revocable, each credential gets a serial (its last slot, "serial")
recorded in $WF_HOME/issuer/issued.json, and GET /v1/valid serves the
serials not revoked, signed; wf cred issuer revoke SERIAL|ACCOUNT revokes
(policies with "revocation" then refuse it once their maxAgeSeconds pass).
A holder (an account; a CI identity: its issuer, repository, workflow and
ref) has one valid credential at a time: an account's second is refused
until the first is revoked or expires; a CI identity's next run gets a new
one and its previous one is revoked.
The issuer never learns the secret; without --revocable it keeps no
record. Put it behind TLS for anything but loopback.`,
		Example: `  wf cred issuer serve --listen 0.0.0.0:8790`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			log, err := a.logger(logLevel, "text")
			if err != nil {
				return err
			}
			pw, err := a.password(passwordFile, false)
			if err != nil {
				return err
			}
			k, err := cred.LoadIssuerKey(a.issuerKeyFile(), pw)
			if err != nil {
				return err
			}
			file := a.issuerAllowFile()
			check := cred.CheckFunc(func(ctx context.Context, acct wf.Address) ([]cred.Attr, error) {
				entries, err := loadAllowList(file)
				if err != nil {
					return nil, err
				}
				l, err := cred.NewAllowList(entries)
				if err != nil {
					return nil, err
				}
				return l.Attributes(ctx, acct)
			})
			var checks cred.Check = check
			if minDeposit != "" {
				min, err := positiveUSDC("min-deposit", minDeposit)
				if err != nil {
					return err
				}
				c, err := a.dial(cmd.Context(), co, nil)
				if err != nil {
					return err
				}
				defer c.Close()
				checks = cred.AnyOf{check, cred.DepositCheck{Min: min, Attrs: []cred.Attr{cred.StringAttr("escrow", "depositor")},
					Balance: func(ctx context.Context, acct wf.Address) (*big.Int, error) {
						acc, err := c.Account(ctx, acct)
						return acc.Balance, err
					}}}
			}
			var tokens cred.TokenCheck
			var usedTokens string
			if ciRules != "" {
				usedTokens = a.issuerUsedTokensFile()
				rules, err := loadCIRules(ciRules)
				if err != nil {
					return err
				}
				tokens = ciTokenCheck(rules)
			}
			var reg *cred.Registry
			if revocable {
				reg = &cred.Registry{Path: a.issuerRegistryFile()}
			}
			is, err := cred.NewIssuer(cred.IssuerConfig{Key: k, Check: checks, Token: tokens, UsedTokensFile: usedTokens, Registry: reg, Verifier: chain.Verifier{}, Validity: validity, Log: log})
			if err != nil {
				return err
			}
			return a.serveHandler(cmd.Context(), listen, is.Handler(), log, func(url string) string {
				return fmt.Sprintf("WebFunctions credential issuer %s: %s   (allow-list %s; Ctrl-C stops)", k.Public(), url, file)
			})
		},
	}
	fs := serve.Flags()
	fs.StringVar(&listen, "listen", defaultIssuerListen, "serve on this `ADDR`")
	fs.DurationVar(&validity, "validity", cred.DefaultValidity, "how long an issued credential lasts")
	fs.StringVar(&minDeposit, "min-deposit", "", "also issue to accounts with at least `USDC` in escrow on the chain (--rpc)")
	fs.StringVar(&ciRules, "ci-rules", "", "also issue to CI jobs whose identity token matches a rule in `FILE` (wf.ci.callers JSON)")
	fs.BoolVar(&revocable, "revocable", false, "give each credential a serial, record it, and serve the valid serials (GET /v1/valid) so it can be revoked")
	co = addChainFlags(fs, "")
	fs.StringVar(&passwordFile, "password-file", "", "`FILE` holding the password (default: $WF_KEY_PASSWORD or a prompt)")
	addLogFlags(fs, &logLevel, nil)
	revoke := &cobra.Command{
		Use:   "revoke SERIAL|ACCOUNT",
		Short: "revoke credentials a --revocable issuer issued, by serial or holder",
		Long: `Mark the credentials with this serial, or issued to this account (or CI
identity), revoked in $WF_HOME/issuer/issued.json. A serving issuer signs
a valid set without them within a minute; a provider refuses them once
every set signed before is older than the policy's maxAgeSeconds.`,
		Example: `  wf cred issuer revoke 0xf39F...
  wf cred issuer revoke 9f1c0b3a5e...`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := (&cred.Registry{Path: a.issuerRegistryFile()}).Revoke(args[0], time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "revoked %d credential(s)\n", n)
			return nil
		},
	}
	issued := &cobra.Command{
		Use:   "issued",
		Short: "list the credentials a --revocable issuer issued",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			list, err := (&cred.Registry{Path: a.issuerRegistryFile()}).List()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SERIAL\tHOLDER\tEXPIRES\tREVOKED")
			for _, e := range list {
				rev := "-"
				if e.Revoked != 0 {
					rev = time.Unix(e.Revoked, 0).UTC().Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Serial, e.Holder, time.Unix(e.Expiry, 0).UTC().Format(time.RFC3339), rev)
			}
			return tw.Flush()
		},
	}
	return group("issuer", "run a credential issuer (init, allow, serve, revoke, issued)", "Make an issuer key, keep an allow-list, serve the issuer, revoke what it issued (docs/credentials.md).", initCmd, allow, serve, revoke, issued)
}

func loadAllowList(path string) ([]cred.AllowListEntry, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var entries []cred.AllowListEntry
	if err := wf.DecodeJSON(b, &entries); err != nil {
		return nil, fmt.Errorf("allow-list %s: %v", path, err)
	}
	return entries, nil
}

func (a *App) credIssueCmd() *cobra.Command {
	var issuerURL, expect string
	var oidc bool
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "issue NAME --issuer URL",
		Short: "get a credential from an issuer and keep it as NAME",
		Long: `Make a secret, ask the issuer at --issuer for a credential over its
commitment (the request is signed by your key, which the issuer checks
against what it knows: an allow-list, the chain), check what comes back,
and keep it as $WF_HOME/credentials/NAME.json, the secret sealed with your
keystore password.

With --oidc, in a CI job, the issuer checks the job's identity token
instead (GitHub Actions with id-token: write, or $WF_ID_TOKEN on GitLab
with aud webfunctions-cred:ISSUERKEY): no account key is needed, only
the password the secret is sealed with.`,
		Example: `  wf cred issue acme --issuer http://127.0.0.1:8790
  wf cred issue deployer --issuer https://issuer.example --oidc   # in a CI job`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if issuerURL == "" {
				return usageErr("--issuer URL is required")
			}
			var want cred.IssuerKey
			if expect != "" {
				var err error
				if want, err = cred.ParseIssuerKey(expect); err != nil {
					return usageErr("--expect: %v", err)
				}
			}
			w := cred.Wallet{Dir: a.credDir()}
			if _, err := w.Load(args[0], ""); err == nil {
				return fmt.Errorf("a credential named %s exists", args[0])
			}
			var key wf.Signer
			if !oidc {
				k, err := a.loadKey(kf.key, kf.passwordFile)
				if err != nil {
					return err
				}
				key = k
			}
			pw, err := a.password(kf.passwordFile, false)
			if err != nil {
				return err
			}
			secret, err := cred.NewSecret(nil)
			if err != nil {
				return err
			}
			var c *cred.Credential
			if oidc {
				token := func(aud string) (string, error) { return ci.Token(cmd.Context(), nil, a.Getenv, aud) }
				c, err = cred.RequestCredentialWithToken(cmd.Context(), nil, issuerURL, token, secret, want)
			} else {
				c, err = cred.RequestCredential(cmd.Context(), nil, issuerURL, key, secret, want, time.Now())
			}
			if err != nil {
				return err
			}
			if err := w.Save(&cred.Held{Name: args[0], Credential: c, Secret: secret, IssuerURL: issuerURL}, pw); err != nil {
				return err
			}
			fmt.Fprintf(a.Stderr, "saved credential %s from issuer %s, valid until %s\n", args[0], c.Issuer, c.ExpiryTime().UTC().Format(time.RFC3339))
			fmt.Fprintln(a.Stdout, describeAttrs(c))
			return nil
		},
	}
	cmd.Flags().StringVar(&issuerURL, "issuer", "", "the issuer's base `URL`")
	cmd.Flags().StringVar(&expect, "expect", "", "refuse unless the issuer's key is `KEY`")
	cmd.Flags().BoolVar(&oidc, "oidc", false, "in a CI job: show the job's identity token instead of signing with a key (the issuer's --ci-rules)")
	kf = addKeyFlags(cmd.Flags(), "your")
	return cmd
}

func describeAttrs(c *cred.Credential) string {
	var parts []string
	for i, at := range c.Attrs {
		parts = append(parts, fmt.Sprintf("%d:%s=%s", i, at.Name, at.Value()))
	}
	return strings.Join(parts, " ")
}

func (a *App) credListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "list your credentials (no password needed)",
		Long: `List the credentials in $WF_HOME/credentials: name, issuer, expiry and
attributes by slot. No password is needed: secrets stay sealed.

With --json, prints an array of objects:
  name        string, the credential's name
  credential  object, the credential as the issuer signed it
  issuerUrl   string, where it came from`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			held, err := cred.Wallet{Dir: a.credDir()}.List()
			if err != nil {
				return err
			}
			if asJSON {
				type item struct {
					Name       string           `json:"name"`
					Credential *cred.Credential `json:"credential"`
					IssuerURL  string           `json:"issuerUrl,omitempty"`
				}
				out := []item{}
				for _, h := range held {
					out = append(out, item{h.Name, h.Credential, h.IssuerURL})
				}
				enc := json.NewEncoder(a.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			if len(held) == 0 {
				fmt.Fprintln(a.Stderr, "no credentials yet: wf cred issue NAME --issuer URL")
				return nil
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tISSUER\tEXPIRES\tATTRIBUTES")
			now := time.Now()
			for _, h := range held {
				exp := h.Credential.ExpiryTime().UTC().Format(time.RFC3339)
				if h.Credential.Expired(now) {
					exp += " (expired)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", h.Name, h.Credential.Issuer.String()[:14]+"…", exp, describeAttrs(h.Credential))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// credSession opens a session with credential name for fn at provider
// (its spec read from there): what wf invoke --cred and wf cred present do.
func (a *App) credSession(ctx context.Context, name, passwordFile, setupDir, provider string, fn wf.CID, bind bool) (*cred.Session, error) {
	pw, err := a.password(passwordFile, false)
	if err != nil {
		return nil, err
	}
	held, err := cred.Wallet{Dir: a.credDir()}.Load(name, pw)
	if err != nil {
		return nil, err
	}
	c := client.New(provider)
	ss, err := c.Spec(ctx, fn, chain.Verifier{})
	if err != nil {
		return nil, err
	}
	pol, err := cred.FromSpec(&ss.Spec)
	if err != nil {
		return nil, err
	}
	if pol == nil {
		return nil, fmt.Errorf("function %s has no access policy: call it without --cred", fn)
	}
	if setupDir == "" {
		setupDir = a.credSetupDir()
	}
	setup, err := loadCredSetup(setupDir)
	if err != nil {
		return nil, err
	}
	if setup.Verifying.CID() != pol.Access.Setup {
		return nil, fmt.Errorf("the policy's setup is %s; the setup in %s is %s (get the policy's proving key)", pol.Access.Setup, setupDir, setup.Verifying.CID())
	}
	var at wf.Address
	if bind {
		info, err := c.Info(ctx)
		if err != nil {
			return nil, err
		}
		if at = info.Address; at.IsZero() {
			return nil, fmt.Errorf("provider %s has no address to bind the proof to", provider)
		}
	}
	var valid *cred.ValidList
	if pol.Access.Revocation != nil {
		if held.IssuerURL == "" {
			return nil, fmt.Errorf("the policy checks revocation and credential %s has no issuer URL to get the valid list from", name)
		}
		if valid, err = cred.FetchValidList(ctx, nil, held.IssuerURL, held.Credential.Issuer); err != nil {
			return nil, fmt.Errorf("the policy checks revocation: %w", err)
		}
	}
	fmt.Fprintf(a.Stderr, "proving credential %s for %s...\n", name, fn)
	return cred.OpenSessionValid(setup.Proving, pol, held.Credential, held.Secret, fn, at, time.Now(), 0, valid)
}

// loadCredSetup loads the setup for this build's circuit from dir (laid
// out as cred.DevSetupIn makes it).
func loadCredSetup(dir string) (*cred.Setup, error) {
	id, err := cred.CircuitID()
	if err != nil {
		return nil, err
	}
	s, err := cred.LoadSetup(filepath.Join(dir, id))
	if err != nil {
		return nil, fmt.Errorf("%v (for a local dev setup: wf cred setup dev; wf dev makes one)", err)
	}
	return s, nil
}

// credRequestParts splits an invoke path into PATH_INFO and query as the
// provider will see them.
func credRequestParts(path string) (string, string, error) {
	u, err := url.Parse(path)
	if err != nil {
		return "", "", usageErr("path %q: %v", path, err)
	}
	return u.EscapedPath(), u.RawQuery, nil
}

func (a *App) credPresentCmd() *cobra.Command {
	var provider, method, data, setupDir, passwordFile string
	var bind bool
	cmd := &cobra.Command{
		Use:   "present NAME CID [PATH]",
		Short: "prove a credential for a function and print curl headers for one request",
		Long: `Prove credential NAME against function CID's access policy and print the
two headers of one request (METHOD, PATH and -d as curl will send them):
X-WF-Credential (the proof) and X-WF-Session (the session key's
signature). For more requests in the session use wf invoke --cred.`,
		Example: `  curl $(wf cred present acme bafy... /hello) http://127.0.0.1:8080/bafy.../hello`,
		Args:    argsBetween(2, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			fn, err := spec.ParseFunction(args[1])
			if err != nil {
				return err
			}
			path := "/"
			if len(args) == 3 {
				path = "/" + strings.TrimPrefix(args[2], "/")
			}
			p, q, err := credRequestParts(path)
			if err != nil {
				return err
			}
			s, err := a.credSession(cmd.Context(), args[0], passwordFile, setupDir, provider, fn, bind)
			if err != nil {
				return err
			}
			if method == "" {
				method = http.MethodGet
				if data != "" {
					method = http.MethodPost
				}
			}
			h := http.Header{}
			s.Sign(h, method, p, q, []byte(data))
			// No space after the colon: $(wf cred present ...) splits into
			// curl's words as -H NAME:VALUE.
			fmt.Fprintf(a.Stdout, "-H %s:%s -H %s:%s\n", cred.CredentialHeader, h.Get(cred.CredentialHeader), cred.SessionHeader, h.Get(cred.SessionHeader))
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&provider, "provider", a.defaultProvider(), "provider base `URL` to read the spec from")
	fs.StringVarP(&method, "request", "X", "", "HTTP `METHOD` (default GET, or POST with -d)")
	fs.StringVarP(&data, "data", "d", "", "request body `DATA`")
	fs.StringVar(&setupDir, "setup", "", "trusted setup `DIR` (default $WF_CRED_SETUP, else wf-cred-setup in your cache directory)")
	fs.StringVar(&passwordFile, "password-file", "", "`FILE` holding the password (default: $WF_KEY_PASSWORD or a prompt)")
	fs.BoolVar(&bind, "bind-provider", false, "bind the proof to this provider's address (default: any provider)")
	return cmd
}

func (a *App) credSetupCmd() *cobra.Command {
	var dir string
	dev := &cobra.Command{
		Use:   "dev",
		Short: "make (or show) a single-party dev setup: anyone who ran it can forge proofs",
		Long: `Make a single-party trusted setup for local development in
$WF_CRED_SETUP, else wf-cred-setup in your cache directory (or --dir), or show the one there, and print its
verifying key's CID: what a policy's "setup" names. Whoever ran it can
prove anything under it (docs/credentials.md, "What a leaked dev setup
allows"): never use it for real access.`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				dir = a.credSetupDir()
			}
			fmt.Fprintf(a.Stderr, "dev setup in %s (the first takes a while)...\n", dir)
			s, err := cred.DevSetupIn(dir)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, s.Verifying.CID())
			return nil
		},
	}
	dev.Flags().StringVar(&dir, "dir", "", "setup `DIR` (default $WF_CRED_SETUP, else wf-cred-setup in your cache directory)")

	var cdir, beacon string
	needDir := func() error {
		if cdir == "" {
			return usageErr("--dir DIR (the ceremony's directory) is required")
		}
		return nil
	}
	parseBeacon := func() ([]byte, error) {
		b, err := hex.DecodeString(strings.TrimPrefix(beacon, "0x"))
		if err != nil || len(b) < 16 {
			return nil, usageErr("--beacon: at least 16 bytes of public randomness fixed after the last contribution, in hex (a future block hash, a drand round)")
		}
		return b, nil
	}
	contribute := &cobra.Command{
		Use:   "contribute",
		Short: "add your contribution to a multi-party setup in --dir (minutes)",
		Long: `Add one contribution to the open phase of the ceremony in --dir, then
pass the directory on. Your randomness is discarded as soon as the
contribution is made: the setup is sound if any one contributor's was.`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := needDir(); err != nil {
				return err
			}
			path, err := cred.Ceremony{Dir: cdir}.Contribute()
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, path)
			return nil
		},
	}
	closeP1 := &cobra.Command{
		Use:   "close-phase1",
		Short: "verify every phase 1 contribution and close the phase with --beacon",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := needDir(); err != nil {
				return err
			}
			b, err := parseBeacon()
			if err != nil {
				return err
			}
			return cred.Ceremony{Dir: cdir}.ClosePhase1(b)
		},
	}
	finish := &cobra.Command{
		Use:   "finish",
		Short: "verify every phase 2 contribution, close with --beacon, write the keys and the transcript",
		Long: `Verify every phase 2 contribution, seal the phase with --beacon, and
write the setup (DIR/<circuit>/) and DIR/transcript.json. Prints the
verifying key's CID (what policies name as "setup") and the transcript's
CID (publish both, with the contribution files it lists).`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := needDir(); err != nil {
				return err
			}
			b, err := parseBeacon()
			if err != nil {
				return err
			}
			s, t, err := cred.Ceremony{Dir: cdir}.Finish(b)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "setup %s\ntranscript %s\n", s.Verifying.CID(), t)
			return nil
		},
	}
	for _, c := range []*cobra.Command{contribute, closeP1, finish} {
		c.Flags().StringVar(&cdir, "dir", "", "the ceremony's `DIR`")
	}
	for _, c := range []*cobra.Command{closeP1, finish} {
		c.Flags().StringVar(&beacon, "beacon", "", "public randomness `HEX` fixed after the last contribution")
	}
	return group("setup", "the trusted setup proofs are made and checked under", "Trusted setups (docs/credentials.md): a dev setup, or a multi-party ceremony.", dev, contribute, closeP1, finish)
}

// credFlags are wf invoke's credential flags.
type credFlags struct {
	name, setup, passwordFile string
	bind                      bool
}

func (f *credFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&f.name, "cred", "", "present credential `NAME` (wf cred list) for a function with an access policy")
	fs.StringVar(&f.setup, "cred-setup", "", "trusted setup `DIR` for --cred (default $WF_CRED_SETUP, else wf-cred-setup in your cache directory)")
	fs.BoolVar(&f.bind, "cred-bind-provider", false, "bind the --cred proof to the provider's address (default: any provider)")
}

// credSign proves f's credential for fn and sets the request's session
// headers on h; it returns the body, read whole (the signature covers it).
func (a *App) credSign(ctx context.Context, f *credFlags, provider string, fn wf.CID, method, path string, body io.Reader, h http.Header) (io.Reader, error) {
	var b []byte
	if body != nil {
		var err error
		if b, err = io.ReadAll(body); err != nil {
			return nil, err
		}
	}
	if method == "" {
		method = http.MethodGet
		if body != nil {
			method = http.MethodPost
		}
	}
	p, q, err := credRequestParts(path)
	if err != nil {
		return nil, err
	}
	s, err := a.credSession(ctx, f.name, f.passwordFile, f.setup, provider, fn, f.bind)
	if err != nil {
		return nil, err
	}
	s.Sign(h, strings.ToUpper(method), p, q, b)
	if body == nil {
		return nil, nil
	}
	return bytes.NewReader(b), nil
}

// loadAccess reads an access policy file: the wf.access JSON, in any
// formatting (it is re-encoded canonically).
func loadAccess(path string) (*spec.Access, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("--access: %v", err)
	}
	var acc spec.Access
	if err := wf.DecodeJSON(b, &acc); err != nil {
		return nil, usageErr("--access %s: %v", path, err)
	}
	if err := acc.Check(); err != nil {
		return nil, usageErr("--access %s: %v", path, strings.TrimPrefix(err.Error(), wf.ErrInvalid.Error()+": "))
	}
	return &acc, nil
}

// credGate makes cfg's provider verify credentials under the setups whose
// verifying keys are in dirs (wf provider start --cred-setup). A node
// without a key accepts only proofs made for any provider.
func (a *App) credGate(cfg *node.Config, dirs []string) error {
	if len(dirs) == 0 {
		return nil
	}
	var keys []*cred.VerifyingKey
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, cred.VerifyingKeyFile))
		if err != nil {
			return usageErr("--cred-setup: %v", err)
		}
		vk, err := cred.ParseVerifyingKey(b)
		if err != nil {
			return fmt.Errorf("--cred-setup %s: %w", d, err)
		}
		fmt.Fprintf(a.Stderr, "verifying credentials under setup %s\n", vk.CID())
		keys = append(keys, vk)
	}
	vc := cred.VerifierConfig{Keys: keys}
	if cfg.Key != nil {
		vc.Provider = cfg.Key.Address()
	}
	cfg.Provider.Access = cred.NewVerifier(vc)
	return nil
}
