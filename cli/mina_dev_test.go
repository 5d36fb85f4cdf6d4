package cli_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/wftest"
)

// wf dev --mina prints a curl line paid in MINA that works as printed,
// funds the user's own Mina key, and its wf invoke --mina line pays from
// a channel that key opens. Slow (o1js in Node): WF_MINA_SETTLER=1.
func TestDevMina(t *testing.T) {
	if os.Getenv("WF_MINA_SETTLER") != "1" {
		t.Skip("set WF_MINA_SETTLER=1 to run the Node settler (scripts/test does)")
	}
	home := t.TempDir()
	env := map[string]string{"WF_HOME": home, "WF_KEY_PASSWORD": "pw"}
	if _, err := wf(t, env, "mina", "keys", "new"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out wftest.LogBuffer
	ready := make(chan string, 1)
	app := &cli.App{Stdout: &out, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }, Ready: func(u string) { ready <- u }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"dev", "--listen", "127.0.0.1:0", "--gateway-listen", "127.0.0.1:0", "--mina", "--mina-zkapp", "../mina/zkapp"})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("wf dev: %v", err)
		}
	}()
	select {
	case <-ready:
	case err := <-done:
		done <- err
		t.Fatalf("wf dev exited: %v\n%s", err, out.String())
	case <-time.After(5 * time.Minute):
		t.Fatalf("wf dev --mina did not start\n%s", out.String())
	}
	banner := out.String()

	// The curl line, as printed.
	m := regexp.MustCompile(`(?m)^  curl -i -H '([^:]+): ([^']+)' '([^']+)'$`).FindStringSubmatch(banner)
	if m == nil {
		t.Fatalf("no MINA curl line in the banner:\n%s", banner)
	}
	code, h, body := getWith(t, m[3], m[1], m[2])
	if code != http.StatusOK || body != "Hello, you!\n" {
		t.Fatalf("the banner's curl line: %d %q", code, body)
	}
	if rc, err := minarail.DecodeReceipt(h.Get(minarail.ReceiptHeader)); err != nil || rc.Cumulative != 1_000_000 {
		t.Fatalf("its receipt: %+v %v", rc, err)
	}

	// The user's own key was funded: open a channel, pay with wf invoke --mina.
	settlerURL := regexp.MustCompile(`(?m)^  export WF_MINA_SETTLER=(\S+)$`).FindStringSubmatch(banner)
	inv := regexp.MustCompile(`(?m)^  wf invoke (\S+) '/\?name=you' --provider (\S+) --mina CHANNEL`).FindStringSubmatch(banner)
	if settlerURL == nil || inv == nil {
		t.Fatalf("no lines for the user's own Mina key:\n%s", banner)
	}
	env["WF_MINA_SETTLER"] = settlerURL[1]
	o, err := wf(t, env, "mina", "channel", "open", "--provider-url", inv[2], "--deposit", "0.1")
	if err != nil {
		t.Fatal(err)
	}
	channel := strings.TrimSpace(o)
	for range 2 {
		if o, err := wf(t, env, "invoke", inv[1], "/?name=you", "--provider", inv[2], "--mina", channel); err != nil || o != "Hello, you!\n" {
			t.Fatalf("wf invoke --mina as the banner says: %q %v", o, err)
		}
	}
}
