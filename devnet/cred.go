package devnet

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cred"
)

// CredConfig asks Start for zero-knowledge credentials
// (docs/credentials.md): every node verifies presentations under Setup,
// and an issuer signs credentials for the accounts on Allow.
type CredConfig struct {
	// Setup is the trusted setup nodes accept proofs of: a dev setup
	// (cred.DevSetupIn) for wf dev and tests. Required.
	Setup *cred.Setup
	// Issuer signs credentials; default a fresh key.
	Issuer *cred.IssuerSecret
	// Allow is the issuer's allow-list.
	Allow cred.AllowList
	// Listen is the issuer's address; default "127.0.0.1:0".
	Listen string
	// ListenFallback serves the issuer on any free port when Listen is
	// taken.
	ListenFallback bool
	// Registry, if set, makes the issuer revocable (cred.IssuerConfig's
	// Registry): credentials get a serial, GET /v1/valid serves the valid
	// ones.
	Registry *cred.Registry
	// ValidRefresh is how often the valid set is signed anew (default
	// cred.DefaultValidRefresh).
	ValidRefresh time.Duration
}

// Creds is a Net's credential issuer.
type Creds struct {
	Setup     *cred.Setup
	Issuer    *cred.IssuerSecret
	IssuerURL string
	Allow     cred.AllowList // the issuer reads it on every request: add to it freely before Start returns, not after
}

// gate is the credential verifier of a node with address key.
func (cc *CredConfig) gate(key *chain.Key) *cred.Verifier {
	return cred.NewVerifier(cred.VerifierConfig{Keys: []*cred.VerifyingKey{cc.Setup.Verifying}, Provider: key.Address()})
}

// startCreds serves the issuer.
func (n *Net) startCreds(cc *CredConfig) error {
	if cc.Setup == nil {
		return fmt.Errorf("devnet: credentials: a setup is required")
	}
	k := cc.Issuer
	if k == nil {
		var err error
		if k, err = cred.NewIssuerSecret(nil); err != nil {
			return fmt.Errorf("devnet: credentials: %w", err)
		}
	}
	allow := cc.Allow
	if allow == nil {
		allow = cred.AllowList{}
	}
	is, err := cred.NewIssuer(cred.IssuerConfig{Key: k, Check: allow, Registry: cc.Registry, ValidRefresh: cc.ValidRefresh, Verifier: chain.Verifier{}, Log: n.log.With("component", "cred-issuer")})
	if err != nil {
		return fmt.Errorf("devnet: credentials: %w", err)
	}
	ln, err := listen(cc.Listen, cc.ListenFallback)
	if err != nil {
		return fmt.Errorf("devnet: credentials: %w", err)
	}
	srv := &http.Server{Handler: is.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(n.log.Handler(), slog.LevelWarn)}
	go srv.Serve(ln)
	n.onStop(func(ctx context.Context) { srv.Shutdown(ctx) })
	n.Creds = &Creds{Setup: cc.Setup, Issuer: k, IssuerURL: "http://" + ln.Addr().String(), Allow: allow}
	return nil
}
