package cred

import (
	"os"
	"testing"
	"time"

	"github.com/webfunctions/wf/spec"
)

// TestCeremony runs a two-party ceremony (two contributions per phase) and
// proves and verifies under its keys. It takes minutes on two cores: set
// WF_CRED_CEREMONY=1 to run it.
func TestCeremony(t *testing.T) {
	if os.Getenv("WF_CRED_CEREMONY") == "" {
		t.Skip("WF_CRED_CEREMONY=1 runs the multi-party setup (minutes)")
	}
	c := Ceremony{Dir: t.TempDir()}
	step := func(what string, f func() error) {
		t.Helper()
		start := time.Now()
		if err := f(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		t.Logf("%s: %v", what, time.Since(start))
	}
	contribute := func() error { _, err := c.Contribute(); return err }
	step("phase 1, contribution 1", contribute)
	step("phase 1, contribution 2", contribute)
	step("close phase 1", func() error { return c.ClosePhase1([]byte("beacon one")) })
	step("phase 2, contribution 1", contribute)
	step("phase 2, contribution 2", contribute)
	var setup *Setup
	step("finish", func() error {
		s, tc, err := c.Finish([]byte("beacon two"))
		t.Logf("transcript %s, verifying key %v", tc, s != nil)
		setup = s
		return err
	})
	w := newWorld(t, func(a *spec.Access) { a.Setup = setup.Verifying.CID() })
	w.setup = setup
	w.verify = NewVerifier(VerifierConfig{Keys: []*VerifyingKey{setup.Verifying}, Provider: providerA, Now: func() time.Time { return w.now }})
	_, h := w.present(t, fnA, providerA, time.Hour)
	if env, err := w.call(fnA, h); err != nil || env["WF_CRED_ORG"] != "acme" {
		t.Fatalf("a proof under the ceremony's keys: %v %v", env, err)
	}
	// The same credential and policy proved with the dev setup's key does
	// not verify under the ceremony's.
	sk, _ := NewSessionKey()
	w.session = sk
	dpres, err := Prove(testSetup(t).Proving, w.policy, w.cred, w.secret, Request{Function: fnA, Provider: providerA,
		Session: sk.Public(), NotBefore: w.now, NotAfter: w.now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.call(fnA, w.headers(t, fnA, dpres))
	wantCode(t, err, 403, CodeRefused)
}
