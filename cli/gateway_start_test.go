package cli_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wftest"
)

// The gateway's banner prints URLs that work as printed, and a gateway
// that will refuse a registered provider on a private address says so at
// start and in the 503, not only in its log.
func TestGatewayStartSaysWhatWorks(t *testing.T) {
	d := newDevChain(t)
	mustWF(t, d.env, "provider", "register", "loop", "--endpoint", "http://127.0.0.1:9", "--price", "0.001", "--key", "dev:1")

	logs := &wftest.LogBuffer{}
	runCommand(t, d.env, logs, "gateway", "start", "--domain", "fn.test", "--listen", "127.0.0.1:0", "--poll", "50ms")
	port := regexp.MustCompile(`on http://127\.0\.0\.1:(\d+)`).FindStringSubmatch(logs.String())
	if port == nil {
		t.Fatalf("no listen address in:\n%s", logs)
	}
	base := "http://127.0.0.1:" + port[1]
	for _, want := range []string{"named:  http://<name>.fn.test:" + port[1] + "/<cid>/", "any:    http://fn.test:" + port[1] + "/<cid>/",
		"curl -H 'Host: <name>.fn.test' " + base + "/<cid>/", "WARNING: 1 registered provider(s) on private addresses will not be routed to (503): loop (http://127.0.0.1:9)"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("gateway start lacks %q:\n%s", want, logs)
		}
	}
	req, _ := http.NewRequest("GET", base+"/bagaaieraxxxx/", nil)
	req.Host = "loop.fn.test"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body := readAll(t, resp)
	if resp.StatusCode != 503 || !strings.Contains(body, "is a private address, which this gateway does not route to") || !strings.Contains(body, "--allow-private") {
		t.Errorf("a private provider's request: %d %s", resp.StatusCode, body)
	}

	// For localhost (RFC 6761: loopback) private endpoints are routed.
	logs = &wftest.LogBuffer{}
	runCommand(t, d.env, logs, "gateway", "start", "--domain", "localhost", "--listen", "127.0.0.1:0", "--poll", "50ms")
	if !strings.Contains(logs.String(), "allow_private=true") || strings.Contains(logs.String(), "WARNING") || strings.Contains(logs.String(), "curl -H") {
		t.Errorf("a localhost gateway:\n%s", logs)
	}
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
