package dashboard_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/dashboard"
)

// The credentials page lists the wallet the dashboard runs beside (wf
// dev's) to the dev login only, never a secret; anyone else, and any
// dashboard without a wallet, is told where credentials are kept.
func TestCredentialsPage(t *testing.T) {
	w := start(t, true)
	w.net.Dashboard.Dashboard.SetCredentials(func() ([]dashboard.HeldCredential, error) {
		return []dashboard.HeldCredential{{Name: "employee", Issuer: "0x" + strings.Repeat("cd", 32), IssuerURL: "http://127.0.0.1:9/",
			Expires: time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC), Attributes: []string{"age", "country"}}}, nil
	})
	dev := newBrowser(t, w.url)
	_, page, _ := dev.do("GET", "/login", nil)
	att := attemptRE.FindStringSubmatch(page)
	dev.do("POST", "/login/dev", url.Values{"attempt": {att[1]}})
	status, body, _ := dev.do("GET", "/credentials", nil)
	wantPage(t, status, body, 200, `id="held"`, "employee", "age, country", "2027-01-02 03:04:05", "http://127.0.0.1:9/")

	stranger, _ := chain.GenerateKey()
	other := signIn(t, w.url, stranger)
	status, body, _ = other.do("GET", "/credentials", nil)
	wantPage(t, status, body, 200, `id="held-elsewhere"`)
	if strings.Contains(body, "employee") {
		t.Error("another user sees the wallet's credentials")
	}

	w.net.Dashboard.Dashboard.SetCredentials(func() ([]dashboard.HeldCredential, error) { return nil, nil })
	status, body, _ = dev.do("GET", "/credentials", nil)
	wantPage(t, status, body, 200, `id="no-held"`, "wf cred issue NAME --issuer URL")
}
