package cli_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/templates"
	wfcore "github.com/webfunctions/wf/wf"
)

// wf name set, wf versions, wf rollback and wf name ls against wf dev, on
// the provider and through the gateway; a 90/10 split measured over 1,000
// requests on each.
func TestNamesAgainstDev(t *testing.T) {
	home := t.TempDir()
	url, out := startDev(t, home)
	m := regexp.MustCompile(`Through the gateway at (http://localhost:\d+),`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no gateway in wf dev's output:\n%s", out)
	}
	gw := m[1]
	env := map[string]string{"WF_HOME": home}
	wasm := filepath.Join(t.TempDir(), "hello.wasm")
	if err := os.WriteFile(wasm, templates.HelloWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	deploy := func(v string) string {
		out, err := wf(t, env, "deploy", wasm, "--env", "V="+v, "--provider", url, "--key", "dev")
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(out)
	}
	a, b := deploy("a"), deploy("b")
	servers := []string{"--provider", url, "--gateway", gw, "--key", "dev"}
	set := func(args ...string) string {
		t.Helper()
		out, err := wf(t, env, append(append([]string{"name", "set", "hello"}, args...), servers...)...)
		if err != nil {
			t.Fatalf("wf name set %s: %v", args, err)
		}
		return out
	}
	if out := set(a); !strings.Contains(out, "hello seq 1 -> "+a+"=100") {
		t.Fatalf("wf name set printed %q", out)
	}
	if out := set(a+"=90", b); !strings.Contains(out, "seq 2") || !strings.Contains(out, b+"=10") {
		t.Fatalf("wf name set printed %q", out)
	}

	dev, err := chain.KeyFromHex(cli.DevKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	owner := dev.Address().Checksum()
	byProvider := url + "/@" + owner + "/hello/?name=you"
	byGateway := gw + "/@" + owner + "/hello/?name=you"
	split := func(u string) map[string]int {
		var mu sync.Mutex
		counts := map[string]int{}
		var wg sync.WaitGroup
		jobs := make(chan struct{})
		for range 4 {
			wg.Go(func() {
				for range jobs {
					fn, err := fetchServed(u)
					if err != nil {
						t.Error(err)
					}
					mu.Lock()
					counts[fn]++
					mu.Unlock()
				}
			})
		}
		for range 1000 {
			jobs <- struct{}{}
		}
		close(jobs)
		wg.Wait()
		return counts
	}
	for _, u := range []string{byProvider, byGateway} {
		c := split(u)
		t.Logf("90/10 over 1000 requests to %s: a=%d b=%d", u, c[a], c[b])
		if c[a] < 870 || c[a] > 930 || c[b] < 70 || c[b] > 130 {
			t.Errorf("%s: a=%d b=%d; want 870-930 / 70-130", u, c[a], c[b])
		}
	}

	// Rollback to seq 1's targets: the very next request serves a.
	if _, err := wf(t, env, append([]string{"rollback", "hello"}, servers...)...); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{byProvider, byGateway} {
		if got := served(t, u); got != a {
			t.Fatalf("after the rollback %s served %s", u, got)
		}
	}
	for _, from := range []string{url, gw} {
		out, err := wf(t, env, "versions", "hello", "--provider", from, "--key", "dev")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], "* seq 3") || !strings.Contains(lines[0], a+"=100") ||
			!strings.HasPrefix(lines[1], "  seq 2") || !strings.HasPrefix(lines[2], "  seq 1") {
			t.Fatalf("wf versions at %s printed:\n%s", from, out)
		}
	}
	out, err = wf(t, env, "name", "ls", "--provider", url, "--owner", owner)
	if err != nil || !strings.Contains(out, "hello seq 3") {
		t.Fatalf("wf name ls printed %q, %v", out, err)
	}
	// Bad input is refused before anything is signed.
	for _, args := range [][]string{{"Bad_Name", a}, {"hello", a + "=90"}, {"hello", a + "=60", b + "=60"}, {"hello", "notacid"}} {
		if _, err := wf(t, env, append(append([]string{"name", "set"}, args...), servers...)...); err == nil {
			t.Errorf("wf name set %q succeeded", args)
		}
	}
}

// served GETs u and returns the function that answered.
func served(t *testing.T, u string) string {
	t.Helper()
	fn, err := fetchServed(u)
	if err != nil {
		t.Fatal(err)
	}
	return fn
}

func fetchServed(u string) (string, error) {
	resp, err := curlClient.Get(u)
	if err != nil {
		return "", err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return "", fmt.Errorf("GET %s: %d %s", u, resp.StatusCode, body)
	}
	return resp.Header.Get(wfcore.FunctionHeader), nil
}
