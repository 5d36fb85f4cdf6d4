// Package bench measures a provider the way callers meet it: a real
// `wf provider start` process on loopback, driven by wrk, next to a native
// Go net/http handler doing the same work in the same run. It reports
// throughput and latency on one pinned core (and the ratio to native),
// cold starts (first request after a deploy and after a restart with a
// warm compile cache) and the resident memory of idle deployed functions.
//
// cmd/wfbench wires it to a command line and scripts/bench runs it;
// docs/benchmarks.md records the method and the figures.
package bench
