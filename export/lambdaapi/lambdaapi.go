// Package lambdaapi is a working, in-memory AWS Lambda Runtime API
// (2018-06-01): the endpoint a custom runtime's bootstrap polls for
// invocations and answers. Tests run a real bootstrap process against it
// (AWS_LAMBDA_RUNTIME_API set to its address) and invoke it as Lambda
// would: one invocation at a time, with a request id and a deadline, the
// runtime's response or error going back to the invoker. It serves
// Handler and does not listen on its own.
package lambdaapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxPayload is Lambda's limit on a synchronous response (6 MB).
const MaxPayload = 6 << 20

// Result is what the runtime answered for one invocation.
type Result struct {
	Payload []byte // the response, or the error document
	// ErrorType is set when the runtime reported an error (the
	// Lambda-Runtime-Function-Error-Type header, or the document's
	// errorType): the invocation failed.
	ErrorType string
}

// ErrTimeout is Invoke's error when no answer came by the deadline, as
// Lambda's "Task timed out".
var ErrTimeout = errors.New("lambdaapi: task timed out")

// ErrInit is Invoke's error after the runtime reported a failed start.
var ErrInit = errors.New("lambdaapi: runtime init error")

type invocation struct {
	id       string
	event    []byte
	deadline time.Time
	done     chan Result
}

// Server is the Runtime API of one function. It is safe for concurrent
// use; invocations queue and go to the runtime one at a time.
type Server struct {
	queue chan *invocation

	mu       sync.Mutex
	pending  map[string]*invocation
	seq      int
	initErr  *Result
	initDone chan struct{}
	polls    int
}

// New returns a Server with no invocations.
func New() *Server {
	return &Server{queue: make(chan *invocation), pending: map[string]*invocation{}, initDone: make(chan struct{})}
}

// Polls is how many times the runtime asked for an invocation.
func (s *Server) Polls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polls
}

// Invoke hands event to the runtime and waits for its answer, for at most
// timeout (the function's timeout: the runtime gets the deadline). It
// fails with ErrTimeout if no answer comes in time, with ErrInit if the
// runtime reported a failed start, and with ctx's error.
func (s *Server) Invoke(ctx context.Context, event []byte, timeout time.Duration) (*Result, error) {
	s.mu.Lock()
	s.seq++
	inv := &invocation{id: fmt.Sprintf("00000000-0000-4000-8000-%012d", s.seq), event: event,
		deadline: time.Now().Add(timeout), done: make(chan Result, 1)}
	s.mu.Unlock()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case s.queue <- inv:
	case <-s.initDone:
		return s.failedInit()
	case <-t.C:
		return nil, ErrTimeout
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case r := <-inv.done:
		return &r, nil
	case <-s.initDone:
		return s.failedInit()
	case <-t.C:
		s.mu.Lock()
		delete(s.pending, inv.id)
		s.mu.Unlock()
		return nil, fmt.Errorf("%w after %s", ErrTimeout, timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *Server) failedInit() (*Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := *s.initErr
	return &r, fmt.Errorf("%w: %s", ErrInit, r.Payload)
}

// Handler serves the Runtime API's routes under /2018-06-01/runtime/.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /2018-06-01/runtime/invocation/next", s.next)
	mux.HandleFunc("POST /2018-06-01/runtime/invocation/{id}/response", s.answer)
	mux.HandleFunc("POST /2018-06-01/runtime/invocation/{id}/error", s.answer)
	mux.HandleFunc("POST /2018-06-01/runtime/init/error", s.initError)
	return mux
}

func (s *Server) next(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.polls++
	s.mu.Unlock()
	var inv *invocation
	select {
	case inv = <-s.queue:
	case <-r.Context().Done():
		return
	}
	s.mu.Lock()
	s.pending[inv.id] = inv
	s.mu.Unlock()
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Lambda-Runtime-Aws-Request-Id", inv.id)
	h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(inv.deadline.UnixMilli(), 10))
	h.Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:wf")
	h.Set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0")
	w.Write(inv.event)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := io.ReadAll(io.LimitReader(r.Body, MaxPayload+1))
	if err != nil {
		apiError(w, http.StatusBadRequest, "InvalidRequest", err.Error())
		return
	}
	s.mu.Lock()
	inv, ok := s.pending[id]
	if ok {
		delete(s.pending, id)
	}
	s.mu.Unlock()
	if !ok {
		apiError(w, http.StatusBadRequest, "InvalidRequestID", "no invocation "+id+" is waiting for an answer")
		return
	}
	res := Result{Payload: b}
	if len(b) > MaxPayload {
		res = Result{Payload: []byte(`{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}`), ErrorType: "Function.ResponseSizeTooLarge"}
		apiError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", "response over 6 MB")
		inv.done <- res
		return
	}
	if strings.HasSuffix(r.URL.Path, "/error") {
		res.ErrorType = errorType(r, b)
	}
	inv.done <- res
	w.WriteHeader(http.StatusAccepted)
	w.Write([]byte(`{"status":"OK"}`))
}

func (s *Server) initError(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(io.LimitReader(r.Body, MaxPayload))
	s.mu.Lock()
	if s.initErr == nil {
		s.initErr = &Result{Payload: b, ErrorType: errorType(r, b)}
		close(s.initDone)
	}
	s.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
	w.Write([]byte(`{"status":"OK"}`))
}

func errorType(r *http.Request, body []byte) string {
	if t := r.Header.Get("Lambda-Runtime-Function-Error-Type"); t != "" {
		return t
	}
	var doc struct {
		ErrorType string `json:"errorType"`
	}
	if json.Unmarshal(body, &doc) == nil && doc.ErrorType != "" {
		return doc.ErrorType
	}
	return "Unhandled"
}

func apiError(w http.ResponseWriter, status int, typ, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"errorType": typ, "errorMessage": msg})
}
