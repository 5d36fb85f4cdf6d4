package client_test

import (
	"context"
	"errors"
	"net"
	"os"
	"testing"
	"time"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/wf"
)

// A provider that takes the connection and then says nothing cannot hang
// a caller: the default client gives up when nothing moves for its stall
// time, without a total timeout that would cut long transfers.
func TestSilentProviderDoesNotHang(t *testing.T) {
	defer client.SetStall(300 * time.Millisecond)()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never answered
		}
	}()
	fn, _ := wf.ParseCID("bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea")
	start := time.Now()
	_, err = client.New("http://"+ln.Addr().String()).Invoke(context.Background(), fn, client.Request{})
	if err == nil || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Invoke of a silent provider: %v, want a deadline error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v", d)
	}
}
