package cli

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestServeDebug(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	addr, stop, err := serveDebug(context.Background(), "127.0.0.1:0", log)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	resp, err := http.Get("http://" + addr + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "goroutine profile") {
		t.Fatalf("goroutine profile: %d %.200q", resp.StatusCode, body)
	}
	for _, bad := range []string{":6060", "0.0.0.0:6060", "[::]:6060", "no-port"} {
		if _, _, err := serveDebug(context.Background(), bad, log); err == nil {
			t.Errorf("serveDebug(%q) served; want a usage error", bad)
		}
	}
}
