//go:build wasip1

package guest

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"
)

var handler http.Handler

// warm is run once by init, so the snapshot the host takes after init
// already has what every request would otherwise set up first: the
// allocator's per-size spans, the request and response machinery.
func init() {
	env := []string{"REQUEST_METHOD=GET", "PATH_INFO=/", "QUERY_STRING=a=1", "HTTP_HOST=warm", "HTTP_USER_AGENT=warm", "CONTENT_LENGTH=0"}
	r, err := request(env)
	if err != nil {
		return
	}
	w := &responseWriter{out: bufio.NewWriterSize(io.Discard, 4<<10), header: http.Header{}}
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "%s %s %v\n", r.Method, r.URL, r.Header)
	w.out.Flush()
	var keep [][]byte
	for size := 8; size <= 32<<10; size *= 2 {
		keep = append(keep, make([]byte, size), make([]byte, size+size/2))
	}
	warmKeep = keep
	warmKeep = nil
}

var warmKeep [][]byte

// Handle registers h as the function's handler. Call it from an init
// function; a later call replaces the earlier handler.
func Handle(h http.Handler) { handler = h }

// HandleFunc registers f as the function's handler.
func HandleFunc(f func(http.ResponseWriter, *http.Request)) { Handle(http.HandlerFunc(f)) }

//go:wasmimport wasi_snapshot_preview1 environ_sizes_get
func environSizesGet(count, size unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 environ_get
func environGet(ptrs, buf unsafe.Pointer) uint32

// environ reads the request's variables from the host. os.Environ cannot:
// the Go runtime copies the environment once, at _initialize.
func environ() []string {
	var count, size uint32
	if environSizesGet(unsafe.Pointer(&count), unsafe.Pointer(&size)) != 0 || count == 0 {
		return nil
	}
	ptrs := make([]uint32, count)
	buf := make([]byte, size)
	if environGet(unsafe.Pointer(&ptrs[0]), unsafe.Pointer(&buf[0])) != 0 {
		return nil
	}
	all := string(buf) // one copy; the variables are slices of it
	vars := make([]string, 0, count)
	for len(all) > 0 {
		i := strings.IndexByte(all, 0)
		if i < 0 {
			break
		}
		vars = append(vars, all[:i])
		all = all[i+1:]
	}
	return vars
}

// serveHTTP is the reactor's entry point: it serves the request the host
// has set up (environment and stdin) and writes a CGI response to stdout.
//
//go:wasmexport wf_http
func serveHTTP() {
	out := bufio.NewWriterSize(os.Stdout, 8<<10)
	defer out.Flush()
	env := environ()
	for _, kv := range env {
		// The function's own variables, for os.Getenv; the request's are
		// in r (a Setenv costs about 2.5 us in wasm).
		if k, v, ok := strings.Cut(kv, "="); ok && !cgiVariable(k) {
			os.Setenv(k, v)
		}
	}
	r, err := request(env)
	if err != nil {
		fmt.Fprintf(os.Stderr, "guest: bad request from the host: %v\n", err)
		out.WriteString("Status: 500\nContent-Type: text/plain; charset=utf-8\n\nbad request from the host\n")
		return
	}
	w := &responseWriter{out: out, header: http.Header{}}
	func() {
		defer func() {
			if p := recover(); p != nil && p != http.ErrAbortHandler {
				fmt.Fprintf(os.Stderr, "guest: panic serving %s %s: %v\n%s", r.Method, r.URL, p, debug.Stack())
				if !w.wrote {
					w.header = http.Header{}
					w.WriteHeader(http.StatusInternalServerError)
				}
			}
		}()
		h := handler
		if h == nil {
			http.Error(w, "this function registered no handler (guest.Handle in an init function)", http.StatusNotImplemented)
			return
		}
		h.ServeHTTP(w, r)
	}()
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
}

// request builds the *http.Request of the CGI variables in env.
func request(env []string) (*http.Request, error) {
	r := &http.Request{Header: http.Header{}, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Method: http.MethodGet}
	var path, rawPath, query string
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "REQUEST_METHOD":
			r.Method = v
		case "SERVER_PROTOCOL":
			if major, minor, ok := http.ParseHTTPVersion(v); ok {
				r.Proto, r.ProtoMajor, r.ProtoMinor = v, major, minor
			}
		case "PATH_INFO":
			path = v
		case "X_RAW_PATH_INFO":
			rawPath = v
		case "QUERY_STRING":
			query = v
		case "CONTENT_LENGTH":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("CONTENT_LENGTH %q", v)
			}
			r.ContentLength = n
		case "CONTENT_TYPE":
			if v != "" {
				r.Header.Set("Content-Type", v)
			}
		case "REMOTE_ADDR":
			r.RemoteAddr = v
		case "HTTP_HOST":
			r.Host = v
		default:
			if name, ok := strings.CutPrefix(k, "HTTP_"); ok {
				r.Header[headerName(name)] = []string{v}
			}
		}
	}
	if path == "" {
		path, rawPath = "/", ""
	}
	r.URL = &url.URL{Path: path, RawQuery: query}
	if rawPath != "" && rawPath != path {
		r.URL.RawPath = rawPath
	}
	r.RequestURI = r.URL.RequestURI()
	r.Body = http.NoBody
	if r.ContentLength > 0 {
		r.Body = io.NopCloser(io.LimitReader(os.Stdin, r.ContentLength))
	}
	return r, nil
}

// cgiVariable reports whether k is one of the request's variables (WAGI's
// CGI set, package sandbox) rather than the function's own.
func cgiVariable(k string) bool {
	if strings.HasPrefix(k, "HTTP_") {
		return true
	}
	switch k {
	case "AUTH_TYPE", "CONTENT_LENGTH", "CONTENT_TYPE", "GATEWAY_INTERFACE", "PATH_INFO", "PATH_TRANSLATED",
		"QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_USER", "REQUEST_METHOD", "SCRIPT_NAME",
		"SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "X_FULL_URL",
		"X_MATCHED_ROUTE", "X_RAW_PATH_INFO", "X_RELATIVE_PATH":
		return true
	}
	return false
}

// headerName turns a CGI variable's name after HTTP_ back into a canonical
// header name: X_FORWARDED_FOR is X-Forwarded-For.
func headerName(s string) string {
	return http.CanonicalHeaderKey(strings.ReplaceAll(s, "_", "-"))
}

var newlines = strings.NewReplacer("\r", " ", "\n", " ")

// responseWriter writes the CGI response: the header block when the
// handler first writes, then the body.
type responseWriter struct {
	out    *bufio.Writer
	header http.Header
	wrote  bool
}

func (w *responseWriter) Header() http.Header { return w.header }

func (w *responseWriter) WriteHeader(code int) {
	if w.wrote || code >= 100 && code < 200 {
		return // once; 1xx are informational and have no place in CGI
	}
	w.wrote = true
	if w.header.Get("Content-Type") == "" && code != http.StatusNoContent && code != http.StatusNotModified {
		w.header.Set("Content-Type", "text/plain; charset=utf-8")
	}
	var line [16]byte
	w.out.WriteString("Status: ")
	w.out.Write(strconv.AppendInt(line[:0], int64(code), 10))
	w.out.WriteByte('\n')
	for k, vs := range w.header {
		for _, v := range vs {
			w.out.WriteString(k)
			w.out.WriteString(": ")
			if strings.ContainsAny(v, "\r\n") {
				v = newlines.Replace(v) // a header line cannot hold one
			}
			w.out.WriteString(v)
			w.out.WriteByte('\n')
		}
	}
	w.out.WriteByte('\n')
}

func (w *responseWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		if w.header.Get("Content-Type") == "" {
			w.header.Set("Content-Type", http.DetectContentType(p))
		}
		w.WriteHeader(http.StatusOK)
	}
	return w.out.Write(p)
}

// Flush implements http.Flusher. The host sends the response when the
// handler returns, so flushing only moves bytes to it sooner.
func (w *responseWriter) Flush() {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	w.out.Flush()
}
