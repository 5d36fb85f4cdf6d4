package bench

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Native returns the native Go handler the functions are compared with.
// It does the hello templates' work: the name from ?name= or from a POST
// body (default "world"), one log line kept like a function's stderr, and
// a plain-text greeting.
func Native() http.Handler {
	return &native{}
}

// nativeLogs is how many log lines Native keeps, as the provider keeps a
// function's recent invocations.
const nativeLogs = 50

type native struct {
	mu   sync.Mutex
	logs [nativeLogs]string
	next int
}

func (n *native) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 16<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
			return
		}
		name = string(body)
	}
	if name == "" {
		name = "world"
	}
	var log bytes.Buffer
	fmt.Fprintf(&log, "greeting %s\n", name)
	n.mu.Lock()
	n.logs[n.next] = log.String()
	n.next = (n.next + 1) % nativeLogs
	n.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Hello, %s!\n", name)
}
