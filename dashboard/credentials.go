package dashboard

import (
	"net/http"
	"time"
)

// HeldCredential is a zero-knowledge credential in a holder's wallet, as
// the credentials page lists it: never its secret, and only the names of
// its attributes.
type HeldCredential struct {
	Name       string
	Issuer     string // the issuer's key, 0x...
	IssuerURL  string
	Expires    time.Time
	Attributes []string // slot names, in slot order
}

// serveCredentials lists the credentials held in the wallet the
// dashboard runs beside (wf dev's holder wallet), to its dev login only:
// a wallet is a person's on their own machine and is tied to no
// Ethereum address, so no other user's sign-in may see it, and a
// dashboard elsewhere has none to show.
func (d *Dashboard) serveCredentials(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{}
	d.mu.Lock()
	list := d.cfg.Credentials
	d.mu.Unlock()
	if list != nil && d.cfg.DevSigner != nil && sessionOf(r).addr == d.cfg.DevSigner.Address() {
		held, err := list()
		data["Local"], data["Held"], data["Err"] = true, held, errText(err)
	}
	d.render(w, r, http.StatusOK, "credentials", page{Title: "Credentials", Nav: "credentials", Data: data})
}

// SetCredentials sets (or replaces) Config.Credentials. Safe for
// concurrent use.
func (d *Dashboard) SetCredentials(list func() ([]HeldCredential, error)) {
	d.mu.Lock()
	d.cfg.Credentials = list
	d.mu.Unlock()
}
