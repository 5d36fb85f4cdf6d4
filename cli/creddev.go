package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/cred"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// devCredOrgs are the organisations wf dev's gated example admits.
var devCredOrgs = []string{"acme", "dev"}

// devCreds is wf dev's credential setup: the dev trusted setup (made once
// per circuit, shared by every WF_HOME of this user), an issuer whose
// allow-list has the public dev key and your own key, each as a member of
// org "dev".
func (a *App) devCreds() (*devnet.CredConfig, error) {
	dir := a.credSetupDir()
	id, err := cred.CircuitID()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, id)); err != nil {
		fmt.Fprintf(a.Stderr, "making the dev credential setup in %s (once; tens of seconds)...\n", dir)
	}
	setup, err := cred.DevSetupIn(dir)
	if err != nil {
		return nil, err
	}
	issuer, err := cred.NewIssuerSecret(nil)
	if err != nil {
		return nil, err
	}
	member := []cred.Attr{cred.StringAttr("org", "dev"), cred.StringAttr("plan", "pro")}
	allow := cred.AllowList{devnet.Publisher().Address(): member}
	if own, err := keystoreAddress(a.payerKeyPath()); err == nil {
		allow[own] = member
	}
	return &devnet.CredConfig{Setup: setup, Issuer: issuer, Allow: allow}, nil
}

// devCredExample deploys wf dev's second example, the hello function
// behind an access policy, and prints how to call it.
func (a *App) devCredExample(ctx context.Context, net *devnet.Net, provider string) error {
	if net.Creds == nil {
		return nil
	}
	acc := spec.Access{
		Disclose:          []spec.Disclose{{Name: "org", Slot: 0}},
		Issuers:           []string{net.Creds.Issuer.Public().String()},
		MaxSessionSeconds: 3600,
		Predicates:        []spec.Predicate{{Op: spec.OpIn, Slot: 0, Set: devCredOrgs}},
		Setup:             net.Creds.Setup.Verifying.CID(),
	}
	x, err := acc.Extension()
	if err != nil {
		return err
	}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
		Version: wf.SpecVersionExtended, Runtime: wf.RuntimeWAGI, Created: devCreated,
		Extensions: map[string]wf.Extension{spec.AccessExtension: x},
	}, net.Publisher)
	if err != nil {
		return err
	}
	res, err := client.New(provider).Deploy(ctx, pkg)
	if err != nil {
		return fmt.Errorf("dev: deploy the credential example: %w", err)
	}
	fmt.Fprintf(a.Stdout, `
Credentials (docs/credentials.md): an issuer at %[1]s
  allow-lists the dev key (and yours) as org "dev". A second example admits
  only callers proving org in {acme, dev}, without saying who they are:
  curl -si '%[2]s?name=you'         (401 credential_required)
  wf cred issue member --issuer %[1]s --key dev
      (seals the credential with a password: asked, or $WF_KEY_PASSWORD without a terminal)
  wf invoke %[3]s '/?name=you' --cred member --provider %[4]s
`, net.Creds.IssuerURL, res.URL, res.CID, provider)
	return nil
}
