package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// CheckSHA256 is the check of the sha256 canary, which only an auditor
// with a stake contract runs (Config.Stake; UseStake).
const CheckSHA256 = "canary-sha256"

// Slash is a slash the auditor made with a provider's receipt for a wrong
// answer to its sha256 canary.
type Slash struct {
	Amount string     `json:"amount"` // token base units
	Tx     chain.Hash `json:"tx"`
	Gas    uint64     `json:"gas"`
}

// stakeCanary is the auditor's current sha256 canary: a package with a
// fresh nonce, registered with the stake contract under a secret salt.
// It is replaced once evidence revealed it.
type stakeCanary struct {
	pkg  *client.Package
	salt [32]byte
}

// UseStake makes the auditor run a sha256 canary on every paid provider
// and, when one answers it wrongly and signs a receipt for that answer,
// slash its bond in st (called as the auditor's key, which must be the
// contract's governor to register canaries; the auditor is paid as both
// reporter and payer). It is safe to call while sweeps run; nil stops it.
func (a *Auditor) UseStake(st *chain.Stake) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.stake, a.canary = st, nil
}

// currentCanary returns the sha256 canary to use, making and registering
// one if there is none.
func (a *Auditor) currentCanary(ctx context.Context) (*chain.Stake, *stakeCanary, error) {
	a.canaryMu.Lock()
	defer a.canaryMu.Unlock()
	a.mu.Lock()
	st, cur := a.stake, a.canary
	a.mu.Unlock()
	if st == nil || cur != nil {
		return st, cur, nil
	}
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(a.cfg.Now())}
	pkg, err := client.Pack(ctx, bytes.NewReader(sha256CanaryModule(random(16))), s, a.cfg.Key)
	if err != nil {
		return st, nil, fmt.Errorf("audit: sha256 canary: %w", err)
	}
	c := &stakeCanary{pkg: pkg}
	copy(c.salt[:], random(32))
	if _, err := st.AddCanary(ctx, pkg.CID, c.salt); err != nil {
		return st, nil, fmt.Errorf("audit: register the sha256 canary: %w", err)
	}
	a.mu.Lock()
	if a.stake == st {
		a.canary = c
	}
	a.mu.Unlock()
	a.log.Info("sha256 canary registered", "function", pkg.CID)
	return st, c, nil
}

// retireCanary drops c once evidence revealed it.
func (a *Auditor) retireCanary(c *stakeCanary) {
	a.mu.Lock()
	if a.canary == c {
		a.canary = nil
	}
	a.mu.Unlock()
}

// sha256Canary deploys the sha256 canary to a paid provider and asks it
// one question; a wrong answer under a receipt the provider signed for
// it is submitted as evidence, and the slash reported.
func (au *audit) sha256Canary(ctx context.Context) {
	if au.price.Sign() == 0 { // no receipt, no evidence
		return
	}
	st, c, err := au.currentCanary(ctx)
	if st == nil {
		return
	}
	if err != nil {
		// The auditor's fault (not the governor, no gas), not the provider's: no check.
		au.log.Warn("no sha256 canary this sweep", "provider", au.p.Name, "err", err)
		return
	}
	r := au.r
	cl := client.New(au.base)
	cl.HTTP = au.hc
	if _, err := cl.Deploy(ctx, c.pkg); err != nil {
		r.add(CheckSHA256, false, "deploy: %v", err)
		return
	}
	input := random(48)
	want := sha256.Sum256(input)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, au.base+"/"+c.pkg.CID.String()+"/", bytes.NewReader(input))
	if err != nil {
		r.add(CheckSHA256, false, "%v", err)
		return
	}
	req.Header.Set(payment.SignReceiptHeader, "1") // evidence needs the provider's signature
	res, err := au.hc.Do(req)
	if err != nil {
		r.add(CheckSHA256, false, "%v", err)
		return
	}
	got, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	res.Body.Close()
	if res.StatusCode == http.StatusOK && bytes.Equal(got, want[:]) {
		r.add(CheckSHA256, true, "")
		return
	}
	detail := fmt.Sprintf("status %d answer %.40x, want %x", res.StatusCode, got, want)
	rc, err := payment.DecodeReceipt(res.Header.Get(wf.ReceiptHeader))
	switch {
	case res.StatusCode != http.StatusOK:
		r.add(CheckSHA256, false, "%s (no answer to slash)", detail)
		return
	case err != nil || payment.VerifyReceipt(rc, au.p.Owner) != nil || rc.Version != 2:
		r.add(CheckSHA256, false, "%s; no signed version 2 receipt to slash with", detail)
		return
	case rc.RequestBody != sha256.Sum256(input) || rc.ResponseBody != sha256.Sum256(got):
		// The receipt does not bind what was sent and answered: no
		// evidence of this answer (and a receipt fault of its own).
		r.add(CheckSHA256, false, "%s; the receipt does not bind the bodies", detail)
		return
	}
	res2, err := st.Slash(ctx, chain.Evidence{Receipt: rc.ChargeReceipt, Signature: rc.Signature, Input: input, Salt: c.salt})
	au.retireCanary(c) // the salt is public now, or will be
	var re *chain.RevertError
	switch {
	case errors.As(err, &re) && re.Name == "NothingToSlash":
		r.add(CheckSHA256, false, "%s; not staked: nothing to slash", detail)
	case err != nil:
		r.add(CheckSHA256, false, "%s; slash failed: %v", detail, err)
	default:
		r.Slashed = &Slash{Amount: res2.Amount.String(), Tx: res2.TxHash, Gas: res2.GasUsed}
		r.add(CheckSHA256, false, "%s; slashed %s USDC (tx %s)", detail, wf.NewAmount(res2.Amount).USDC(), res2.TxHash)
		au.log.Warn("slashed a provider for a wrong sha256 canary answer", "provider", au.p.Name, "amount", wf.NewAmount(res2.Amount).USDC()+" USDC", "tx", res2.TxHash)
	}
}
