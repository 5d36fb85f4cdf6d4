package cli_test

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/wftest"
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

// `wf dashboard serve --provider URL` serves the dashboard over that
// provider, without a chain, and only under loopback names.
func TestDashboardServe(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	var out wftest.LogBuffer
	app := &cli.App{Stdout: &out, Stderr: io.Discard, Getenv: func(k string) string {
		if k == "WF_HOME" {
			return t.TempDir()
		}
		return ""
	}, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"dashboard", "serve", "--provider", env.URL, "--listen", "127.0.0.1:0", "--rpc", "http://127.0.0.1:1"})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf dashboard serve did not stop cleanly: %v", err)
		}
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("wf dashboard serve exited: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("wf dashboard serve did not start")
	}
	if !strings.Contains(out.String(), "WebFunctions dashboard: "+url) {
		t.Errorf("output %q lacks the URL", out.String())
	}
	resp, err := http.Get(url + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Sign in with wallet") || strings.Contains(string(body), "Dev login") {
		t.Fatalf("GET /login: %d\n%s", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("GET", url+"/login", nil)
	req.Host = "rebound.example"
	if resp, err = http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("a foreign Host: %v %v, want 421", resp.Status, err)
	}
	resp.Body.Close()
}

// --attested-by names auditors by address and needs the chain they attest
// on; either mistake is said before anything is served.
func TestDashboardServeAttestedBy(t *testing.T) {
	for _, c := range []struct {
		auditor, want string
	}{
		{"0x1234", "attested-by"},
		{"0x00000000000000000000000000000000000000aa", "--attested-by reads attestations from the chain"},
	} {
		app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string {
			if k == "WF_HOME" {
				return t.TempDir()
			}
			return ""
		}}
		err := app.Run(context.Background(), []string{"dashboard", "serve", "--provider", "http://127.0.0.1:1", "--listen", "127.0.0.1:0",
			"--rpc", "http://127.0.0.1:1", "--attested-by", c.auditor})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--attested-by %s: %v, want an error saying %q", c.auditor, err, c.want)
		}
	}
}
