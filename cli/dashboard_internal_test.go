package cli

import (
	"testing"

	"github.com/webfunctions/wf/cred"
)

// wf dev's credentials page lists the holder wallet under WF_HOME: names,
// issuer, attribute names and expiry, nothing of the secret.
func TestHeldCredentials(t *testing.T) {
	home := t.TempDir()
	a := &App{Getenv: func(k string) string {
		if k == "WF_HOME" {
			return home
		}
		return ""
	}}
	if got, err := a.heldCredentials(); err != nil || len(got) != 0 {
		t.Fatalf("an empty home: %v, %v", got, err)
	}
	sec, err := cred.NewSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	iss, err := cred.NewIssuerSecret(nil)
	if err != nil {
		t.Fatal(err)
	}
	age := int64(30)
	c := &cred.Credential{Attrs: []cred.Attr{{Name: "age", Int: &age}}, Expiry: 1_900_000_000, Issuer: iss.Public()}
	if err := (cred.Wallet{Dir: a.credDir()}).Save(&cred.Held{Name: "employee", Credential: c, Secret: sec, IssuerURL: "http://issuer.test/"}, "pw"); err != nil {
		t.Fatal(err)
	}
	got, err := a.heldCredentials()
	if err != nil || len(got) != 1 {
		t.Fatalf("held: %v, %v", got, err)
	}
	h := got[0]
	if h.Name != "employee" || h.IssuerURL != "http://issuer.test/" || h.Issuer != iss.Public().String() || h.Expires.Unix() != 1_900_000_000 || len(h.Attributes) != 1 || h.Attributes[0] != "age" {
		t.Errorf("held: %+v", h)
	}
}
