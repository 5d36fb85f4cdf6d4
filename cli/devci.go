package cli

import (
	"fmt"
	"strings"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/devnet"
)

// devCI is wf dev's local CI: an OIDC issuer, a runner token endpoint for
// a push to dev/app's main and the owner's deploy signer (docs/ci.md),
// which publishes your sealing keyring's key (made if there is none), so
// keyless sealed deploys can be reopened and granted from here.
// Its signer grants sealed functions for jobs as the dev publisher, on
// the chain at o (filled in once the dev chain serves).
func (a *App) devCI(o *chainOpts) (*devnet.CIConfig, error) {
	kr, err := a.publisherKeyring(true)
	if err != nil {
		return nil, err
	}
	return &devnet.CIConfig{SealingKey: kr.Current(), Grant: a.signerGrant(devnet.Publisher(), &sealFlags{o: o})}, nil
}

// devCIBanner prints the environment a CI job would have, so keyless
// deploys can be tried locally exactly as in a runner.
func (a *App) devCIBanner(net *devnet.Net, provider string) {
	if net.CI == nil {
		return
	}
	e, j := net.CI.Env, net.CI.Job
	fmt.Fprintf(a.Stdout, `
Keyless deploys from CI: a local OIDC issuer mints GitHub-shaped tokens for a
  push to %s's main (%s), and the owner's deploy signer trusts it. In a shell:
  export %s='%s' %s=%s %s=%s
  wf deploy hello --provider %s    (no key: a job key the owner delegated to signs)
`, j.Repository, j.Workflow, ci.EnvGitHubRequestURL, e[ci.EnvGitHubRequestURL], ci.EnvGitHubRequestToken, e[ci.EnvGitHubRequestToken],
		ci.EnvSigner, strings.TrimSuffix(e[ci.EnvSigner], "/"), provider)
}
