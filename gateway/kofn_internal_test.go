package gateway

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/webfunctions/wf/httperr"
)

// Verified requests hold several answers in memory each, so the gateway
// runs at most maxVerifying at once; one more is refused at once, before
// its body is read or any provider asked.
func TestVerifiedRequestsAreBounded(t *testing.T) {
	g := &Gateway{verifying: make(chan struct{}, maxVerifying)}
	for range maxVerifying {
		g.verifying <- struct{}{}
	}
	req, _ := http.NewRequest("POST", "http://gw.example/x", strings.NewReader("body"))
	_, err := g.roundTripVerified(req)
	var own *httperr.Error
	if !errors.As(err, &own) || own.Status != http.StatusServiceUnavailable || own.Code != "verify_busy" {
		t.Fatalf("a verified request beyond %d at once: %v, want 503 verify_busy", maxVerifying, err)
	}
	if b := make([]byte, 4); func() bool { n, _ := req.Body.Read(b); return n != 4 }() {
		t.Error("the refused request's body was read")
	}
}
