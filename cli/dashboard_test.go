package cli_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// `wf dev` prints its dashboard's URL, and the dashboard there offers the
// dev login.
func TestDevPrintsDashboardURL(t *testing.T) {
	_, out := startDev(t, t.TempDir())
	m := regexp.MustCompile(`Dashboard: (http://127\.0\.0\.1:\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no dashboard URL in wf dev's output:\n%s", out)
	}
	resp, err := http.Get(m[1] + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Dev login") {
		t.Fatalf("GET %s/login: %d\n%s", m[1], resp.StatusCode, body)
	}
}
