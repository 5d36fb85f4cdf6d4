// Package guest lets a WebFunctions function be written in Go as a plain
// net/http handler:
//
//	package main
//
//	import (
//		"fmt"
//		"net/http"
//
//		"github.com/webfunctions/wf/guest"
//	)
//
//	func init() {
//		guest.HandleFunc(func(w http.ResponseWriter, r *http.Request) {
//			fmt.Fprintf(w, "Hello, %s!\n", r.URL.Query().Get("name"))
//		})
//	}
//
//	func main() {}
//
// Built with GOOS=wasip1 GOARCH=wasm -buildmode=c-shared (wf build does this
// for a package that imports guest), the module is a WASI reactor: its
// _initialize export runs the Go runtime's start and every package's init,
// which registers the handler, and its wf_http export serves one request.
// A provider runs _initialize once per code CID, keeps the instance's memory
// and globals as a snapshot, and starts every request from that snapshot, so
// a request pays for the handler, not for the Go runtime's start, and no
// request sees what another left behind (docs/go.md).
//
// # What a handler sees
//
// The request is the one WAGI describes (package sandbox), read through the
// same WASI calls: r.URL is the path after the function's prefix (the
// function sees itself mounted at the root) with its query; r.Host, r.Header
// (from the HTTP_* variables: Authorization is never passed), r.RemoteAddr,
// r.ContentLength and r.Body (the whole body, already read by the host). The
// function's own environment (its spec's env and sealed secrets) is set in
// the process environment for the request, so os.Getenv works in a
// handler; the request's CGI variables (REQUEST_METHOD, HTTP_*, ...) are
// not, since r has them. Package init runs before any request, once for
// all of them, and sees an empty environment: read configuration in the
// handler.
//
// The response is buffered by the host: headers, status and body reach the
// caller when the handler returns. A handler that panics answers 500 (if it
// had not written yet) and its panic goes to the function's log (stderr),
// as net/http would log it.
//
// State: every request starts from the snapshot taken after init, so
// package variables changed by one request are back to their init values
// in the next. Goroutines a handler starts stop when it returns.
//
// Outside wasip1 the package is empty, so a module that imports it still
// builds and vets on the host.
package guest
