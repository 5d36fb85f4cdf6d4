package cli_test

import (
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
)

// wf dev on a machine where the provider's default port is taken starts
// on a free one (and says where), while a port asked for with --listen
// fails with the hint to run beside the other.
func TestDevMovesOffATakenDefaultPort(t *testing.T) {
	// Held by this test for its whole run. When another process holds it
	// (tests of other packages run meanwhile and take it too), it may be
	// let go at any moment: then this test cannot say where wf dev should
	// be, and checks only that it starts.
	held := false
	if ln, err := net.Listen("tcp", "127.0.0.1:8080"); err == nil {
		held = true
		defer ln.Close()
	}
	home := t.TempDir()
	env := func(k string) string {
		if k == "WF_HOME" {
			return home
		}
		return ""
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	app := &cli.App{Stdout: io.Discard, Stderr: io.Discard, Getenv: env, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"dev", "--gateway-listen", "127.0.0.1:0", "--dashboard-listen", "127.0.0.1:0"})
	}()
	select {
	case url := <-ready:
		if held && strings.HasSuffix(url, ":8080") {
			t.Errorf("wf dev serves on the taken port: %s", url)
		}
		if status, _ := get(t, url+"/healthz", ""); status != 200 {
			t.Errorf("%s/healthz: %d", url, status)
		}
	case err := <-done:
		t.Fatalf("wf dev stopped: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("wf dev not ready in 60 s")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("wf dev did not shut down cleanly: %v", err)
	}

	// A port asked for with --listen does not move: one this test holds.
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	_, err = wf(t, map[string]string{"WF_HOME": t.TempDir()}, "dev", "--listen", taken.Addr().String(), "--gateway-listen", "127.0.0.1:0", "--dashboard-listen", "127.0.0.1:0")
	if err == nil || !strings.Contains(err.Error(), "--listen 127.0.0.1:0") {
		t.Fatalf("wf dev --listen on a taken port: %v, want the hint to run beside it", err)
	}
}
