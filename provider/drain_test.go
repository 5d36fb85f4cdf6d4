package provider_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// Drain waits for the invocation in flight, within its context, and
// refuses new ones with 503 and Retry-After, so callers go elsewhere.
func TestDrain(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	slow := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	hello := env.Deploy(t, templates.HelloWasm, wftest.Spec())
	if resp, body := call(t, "GET", env.URL+"/"+slow.String()+"/sleep?ms=1", ""); resp.StatusCode != 200 {
		t.Fatalf("warm-up: %d %s", resp.StatusCode, body) // compiled
	}

	done := make(chan int, 1)
	go func() {
		resp, err := http.Get(env.URL + "/" + slow.String() + "/sleep?ms=1000")
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	time.Sleep(300 * time.Millisecond)
	short, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := env.Provider.Drain(short); err == nil {
		t.Error("Drain returned within 100 ms with a call of 1 s in flight")
	}
	resp, body := call(t, "GET", env.URL+"/"+hello.String()+"/", "")
	wantError(t, resp, body, http.StatusServiceUnavailable, "unavailable")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After on a refusal while draining")
	}
	start := time.Now()
	if err := env.Provider.Drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if status := <-done; status != 200 {
		t.Errorf("the call in flight answered %d, want 200", status)
	}
	t.Logf("drained in %v", time.Since(start))
}
