//go:build wasip1

// Command reactor is the reactor test function for package sandbox: a
// net/http handler through package guest, built by the tests with
// GOOS=wasip1 GOARCH=wasm -buildmode=c-shared. It does what the path names.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/webfunctions/wf/guest"
)

// counter and seen are state a request changes: the next request must find
// them as init left them.
var (
	counter int
	seen    = map[string]bool{}
	atInit  = os.Getenv("REQUEST_METHOD")
	// argsAtInit is the argv _initialize saw: no request's.
	argsAtInit = strings.Join(os.Args, " ")
)

func init() {
	guest.HandleFunc(serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/echo":
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "%s %s %s\n", r.Method, r.URL.RawQuery, bytes.ToUpper(b))
	case "/hello": // the Go template's handler (templates/go)
		name := r.URL.Query().Get("name")
		if name == "" {
			name = "world"
		}
		log.Printf("greeting %s", name)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Hello, %s!\n", name)
	case "/state":
		counter++
		key := r.URL.Query().Get("k")
		prev := seen[key]
		seen[key] = true
		json.NewEncoder(w).Encode(map[string]any{"counter": counter, "seenBefore": prev, "atInit": atInit, "argsAtInit": argsAtInit})
	case "/request":
		json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "path": r.URL.Path, "rawPath": r.URL.RawPath, "query": r.URL.RawQuery,
			"host": r.Host, "remote": r.RemoteAddr, "header": r.Header, "length": r.ContentLength,
			"env": os.Getenv("GREETING"),
		})
	case "/status":
		w.Header().Set("X-Test", "yes")
		w.WriteHeader(http.StatusTeapot)
		io.WriteString(w, "short and stout\n")
	case "/panic":
		panic("on purpose")
	case "/sleep":
		time.Sleep(20 * time.Millisecond)
		io.WriteString(w, "slept\n")
	case "/goroutine":
		ch := make(chan string)
		go func() { time.Sleep(time.Millisecond); ch <- "from a goroutine" }()
		io.WriteString(w, <-ch)
	case "/loop":
		for {
			counter++
		}
	case "/grow":
		b := make([]byte, 32<<20)
		b[len(b)-1] = 1
		fmt.Fprintf(w, "grew %d\n", len(b))
	case "/exit":
		os.Exit(3)
	case "/close":
		os.Stdout.Close()
	default:
		http.NotFound(w, r)
	}
}

func main() {}
