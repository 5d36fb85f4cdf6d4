package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"strings"
	"time"
)

// serveDebug serves Go's profiler (net/http/pprof) on addr until ctx ends,
// for profiling a node under load: `go tool pprof
// http://ADDR/debug/pprof/profile?seconds=10`. It is opt-in and refuses
// an address that is not loopback unless the operator spells out a host:
// profiles show function names and timings, and a CPU profile costs the
// node some of its throughput while it runs. It returns the address
// served (a port of 0 picks one) and a stop function.
func serveDebug(ctx context.Context, addr string, log *slog.Logger) (string, func(), error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", nil, usageErr("--debug-addr %q: %v", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		return "", nil, usageErr("--debug-addr %q: name the host to listen on (127.0.0.1:PORT keeps the profiler on loopback)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("--debug-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("debug server stopped", "err", err)
		}
	}()
	served := ln.Addr().String()
	if !strings.HasPrefix(host, "127.") && host != "localhost" && host != "::1" {
		log.Warn("the profiler is reachable beyond loopback", "debug_addr", served)
	}
	log.Info("profiler serving", "url", "http://"+served+"/debug/pprof/")
	stop := func() { srv.Close() }
	return served, stop, nil
}
