package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

var secrets = map[string]string{"API_TOKEN": "tok-0b5e2c71-not-for-logs"}

// packSealed seals secrets and the echo guest to the keys to, signed by
// owner.
func packSealed(t *testing.T, owner wf.Signer, to ...*seal.PublicKey) *client.Package {
	t.Helper()
	block, dk, err := seal.Seal(secrets)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	pkg, err := client.PackSealed(context.Background(), bytes.NewReader(wftest.GoGuest(t, "sandbox/testdata/guest")), wftest.Spec(), owner,
		&client.Sealing{DataKey: dk, Secrets: block, To: to})
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// The publisher grants a second provider a function deployed to a first
// one, which then serves the new version with its secrets, and revokes
// the grant again.
func TestGrantRevoke(t *testing.T) {
	ctx := context.Background()
	kr1, kr2, publisher := newKeyring(t), newKeyring(t), newKeyring(t)
	p1 := wftest.New(t, wftest.Options{Provider: provider.Config{Sealing: kr1}})
	p2 := wftest.New(t, wftest.Options{Provider: provider.Config{Sealing: kr2, Fetcher: &trustless.Fetcher{Gateways: []string{p1.URL}}}})
	owner := p1.Key
	pkg := packSealed(t, owner, kr1.Current(), publisher.Current())
	if _, err := p1.Client.Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	readsSecret := func(t *testing.T, p *wftest.Env, fn wf.CID) error {
		t.Helper()
		resp, err := p.Client.Invoke(ctx, fn, client.Request{Path: "/echo"})
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var got struct{ Env map[string]string }
		if resp.StatusCode != 200 || json.Unmarshal(b, &got) != nil || got.Env["API_TOKEN"] != secrets["API_TOKEN"] {
			t.Fatalf("%s answered %d %.200s", fn, resp.StatusCode, b)
		}
		return nil
	}

	ss, err := p1.Client.Spec(ctx, pkg.CID, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	granted, err := client.Grant(ss, owner, publisher, kr2.Current())
	if err != nil {
		t.Fatal(err)
	}
	if granted.CID == pkg.CID || len(granted.Spec.Spec.Sealed.Grants) != 3 || len(ss.Spec.Sealed.Grants) != 2 {
		t.Fatalf("grant made %s with %d grants (the old spec now has %d)", granted.CID, len(granted.Spec.Spec.Sealed.Grants), len(ss.Spec.Sealed.Grants))
	}
	if granted.Spec.Spec.Code != pkg.Spec.Spec.Code || granted.Spec.Spec.Sealed.Secrets != pkg.Spec.Spec.Sealed.Secrets {
		t.Fatal("the grant changed the code or secrets blocks")
	}
	if _, err := p1.Client.Deploy(ctx, granted); err != nil {
		t.Fatalf("upload of the new spec block: %v", err)
	}
	if err := readsSecret(t, p2, pkg.CID); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("provider 2 runs the version without its grant: %v", err)
	}
	if err := readsSecret(t, p2, granted.CID); err != nil {
		t.Fatal(err)
	}
	again, err := client.Grant(granted.Spec, owner, publisher, kr2.Current())
	if err != nil || len(again.Spec.Spec.Sealed.Grants) != 3 {
		t.Fatalf("a second grant to the same key: %v", err)
	}

	revoked, err := client.Revoke(granted.Spec, owner, kr2.Current().ID())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p1.Client.Deploy(ctx, revoked); err != nil {
		t.Fatal(err)
	}
	if _, _, err := kr2.OpenGrant(revoked.Spec.Spec.Sealed.Grants, owner.Address()); !errors.Is(err, seal.ErrNoGrant) {
		t.Fatalf("provider 2 still opens the revoked version: %v", err)
	}
	if err := readsSecret(t, p2, revoked.CID); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("provider 2 runs the revoked version: %v", err)
	}
	if err := readsSecret(t, p1, revoked.CID); err != nil {
		t.Fatal(err)
	}
}

func TestGrantRevokeRefuse(t *testing.T) {
	kr, publisher := newKeyring(t), newKeyring(t)
	owner, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	sealed := packSealed(t, owner, kr.Current(), publisher.Current()).Spec
	lone := packSealed(t, owner, kr.Current()).Spec
	plain, err := client.Pack(context.Background(), bytes.NewReader(templates.HelloWasm), wftest.Spec(), owner)
	if err != nil {
		t.Fatal(err)
	}
	grant := func(ss *wf.SignedSpec, signer wf.Signer, kr *seal.Keyring) func() error {
		return func() error { _, err := client.Grant(ss, signer, kr, newKeyring(t).Current()); return err }
	}
	revoke := func(ss *wf.SignedSpec, signer wf.Signer, id wf.KeyID) func() error {
		return func() error { _, err := client.Revoke(ss, signer, id); return err }
	}
	tests := []struct {
		name string
		do   func() error
		want string
		kind error
	}{
		{"grant, nothing sealed", grant(plain.Spec, owner, publisher), "has nothing sealed", wf.ErrInvalid},
		{"grant, not the owner", grant(sealed, stranger, publisher), "is owned by " + owner.Address().Checksum(), wf.ErrForbidden},
		{"grant, keyring without a grant", grant(sealed, owner, newKeyring(t)), "the publisher's keyring", seal.ErrNoGrant},
		{"revoke, nothing sealed", revoke(plain.Spec, owner, kr.Current().ID()), "has nothing sealed", wf.ErrInvalid},
		{"revoke, not the owner", revoke(sealed, stranger, kr.Current().ID()), "is owned by", wf.ErrForbidden},
		{"revoke, no such grant", revoke(sealed, owner, newKeyring(t).Current().ID()), "has no grant for sealing key", wf.ErrNotFound},
		{"revoke, the last grant", revoke(lone, owner, kr.Current().ID()), "last grant", wf.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantErr(t, tc.do(), tc.want, tc.kind)
		})
	}
	if len(sealed.Spec.Sealed.Grants) != 2 || len(lone.Spec.Sealed.Grants) != 1 {
		t.Fatal("a refused change modified the spec it was given")
	}
}
