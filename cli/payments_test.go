package cli_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/payment"
	wfcore "github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// TestDevIsPaid: `wf dev` charges the example's owner for each request,
// with a price and a receipt on every response, and settles on-chain.
func TestDevIsPaid(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, logs wftest.LogBuffer
	ready := make(chan string, 1)
	home := t.TempDir()
	app := &cli.App{Stdout: &out, Stderr: &logs, Getenv: func(k string) string {
		if k == "WF_HOME" {
			return home
		}
		return ""
	}, Ready: func(url string) { ready <- url }}
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"dev", "--listen", "127.0.0.1:0", "--gateway-listen", "127.0.0.1:0", "--settle-count", "3", "--settle-interval", "1h"})
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
		t.Fatalf("wf dev exited: %v\n%s", err, logs.String())
	case <-time.After(60 * time.Second):
		t.Fatal("wf dev did not start")
	}
	line := regexp.MustCompile(`curl '([^']+)'`).FindStringSubmatch(out.String())
	if line == nil {
		t.Fatalf("no curl line:\n%s", out.String())
	}
	for i := range 3 {
		resp, err := http.Get(line[1])
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get(wfcore.PriceHeader) != "100" {
			t.Fatalf("request %d: %d, %s %q", i, resp.StatusCode, wfcore.PriceHeader, resp.Header.Get(wfcore.PriceHeader))
		}
		rc, err := payment.DecodeReceipt(resp.Header.Get(wfcore.ReceiptHeader))
		if err != nil || rc.Mode != "owner" || rc.Cumulative.Int64() != int64(100*(i+1)) {
			t.Fatalf("receipt %+v: %v", rc, err)
		}
	}
	// Three charges reach --settle-count: one settlement for all three.
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(logs.String(), "msg=settled") {
		if time.Now().After(deadline) {
			t.Fatalf("no settlement in the log:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !regexp.MustCompile(`msg=settled .*requests=3 amount=300 `).MatchString(logs.String()) {
		t.Errorf("settlement log:\n%s", logs.String())
	}
}
