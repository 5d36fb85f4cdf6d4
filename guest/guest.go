//go:build wasip1

package guest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"
)

var handler http.Handler

// What every request uses is allocated here, by init, rather than by each
// request: a request starts from the snapshot taken after init, in which
// these are as init left them (empty), and its writes to them are undone
// with the rest of its memory. An allocation in a request is dear in Go's
// wasm build (a fresh span or a refill of the allocator's cache costs
// microseconds, and each request starts from the same allocator state, so
// it pays again); one the snapshot already holds costs nothing. So this is
// no state kept between requests: each finds them as the last one found
// them, as it finds every other package variable.
var (
	out     = bufio.NewWriterSize(os.Stdout, 8<<10)
	envBuf  = make([]byte, 4<<10) // the variables, as environ_get writes them
	envPtrs = make([]uint32, 64)  // environ_get's pointers (unused)
	vals    = make([]string, 32)  // one-element value slices for r.Header
	req     = http.Request{Header: make(http.Header, 16)}
	reqURL  url.URL
	resp    = responseWriter{header: make(http.Header, 8)}
)

// warm is run once by init, so the snapshot the host takes after init
// already has what every request would otherwise set up first: the
// allocator's per-size spans, the request and response machinery. It
// works on its own copies, not the variables above.
func init() {
	env := []byte("REQUEST_METHOD=GET\x00PATH_INFO=/\x00QUERY_STRING=a=1\x00HTTP_HOST=warm\x00HTTP_USER_AGENT=warm\x00CONTENT_LENGTH=1\x00") // a body: io.NopCloser asserts
	r := &http.Request{Header: http.Header{}}
	if err := parse(env, r, &url.URL{}, make([]string, 4)); err != nil {
		return
	}
	w := &responseWriter{out: bufio.NewWriterSize(io.Discard, 4<<10), header: http.Header{}}
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, "%s %s %v %v\n", r.Method, r.URL, r.Header, r.URL.Query())
	// A mux's dispatch and the query's parse read GODEBUG settings, each
	// registered on its first use.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{x}", func(http.ResponseWriter, *http.Request) {})
	mux.ServeHTTP(w, r)
	r.ParseForm()
	w.out.Flush()
	// What the first log line builds (the local time zone, the logger's
	// buffer), so a handler that logs does not build it in every request.
	prev := log.Writer()
	log.SetOutput(new(bytes.Buffer)) // not io.Discard, which log skips
	log.Printf("%s", r.Method)
	log.SetOutput(prev)
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

// environ reads the request's variables from the host: "k=v\x00" back to
// back. os.Environ cannot: the Go runtime copies the environment once, at
// _initialize.
func environ() []byte {
	var count, size uint32
	if environSizesGet(unsafe.Pointer(&count), unsafe.Pointer(&size)) != 0 || count == 0 || size == 0 {
		return nil
	}
	ptrs, buf := envPtrs, envBuf
	if int(count) > len(ptrs) {
		ptrs = make([]uint32, count)
	}
	if int(size) > len(buf) {
		buf = make([]byte, size)
	}
	if environGet(unsafe.Pointer(&ptrs[0]), unsafe.Pointer(&buf[0])) != 0 {
		return nil
	}
	return buf[:size]
}

// serveHTTP is the reactor's entry point: it serves the request the host
// has set up (environment and stdin) and writes a CGI response to stdout.
//
//go:wasmexport wf_http
func serveHTTP() {
	out.Reset(os.Stdout)
	defer out.Flush()
	r := &req
	if err := parse(environ(), r, &reqURL, vals); err != nil {
		fmt.Fprintf(os.Stderr, "guest: bad request from the host: %v\n", err)
		out.WriteString("Status: 500\nContent-Type: text/plain; charset=utf-8\n\nbad request from the host\n")
		return
	}
	w := &resp
	w.out = out
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

// parse fills r (and u, its URL) from env, the request's CGI variables as
// environ_get lays them out, in one pass; the function's own variables
// (not CGI's) go to the process environment for os.Getenv (a Setenv costs
// about 2.5 us in wasm). Header values are one-element slices of vals
// while it lasts. The strings alias env, which parse rewrites in place
// (HTTP_X_FORWARDED_FOR's name becomes X-Forwarded-For) and which nothing
// writes afterwards.
func parse(env []byte, r *http.Request, u *url.URL, vals []string) error {
	r.Proto, r.ProtoMajor, r.ProtoMinor, r.Method = "HTTP/1.1", 1, 1, http.MethodGet
	if r.Header == nil {
		r.Header = http.Header{}
	}
	var path, rawPath, query string
	for len(env) > 0 {
		end := bytes.IndexByte(env, 0)
		if end < 0 {
			end = len(env)
		}
		kv := env[:end]
		env = env[min(end+1, len(env)):]
		eq := bytes.IndexByte(kv, '=')
		if eq < 0 {
			continue
		}
		v := unsafe.String(unsafe.SliceData(kv[eq+1:]), len(kv)-eq-1)
		name := kv[:eq]
		if len(name) > 5 && string(name[:5]) == "HTTP_" {
			if string(name) == "HTTP_HOST" {
				r.Host = v
				continue
			}
			key := headerName(name[5:])
			if len(vals) > 0 {
				vals[0] = v
				r.Header[key], vals = vals[:1:1], vals[1:]
			} else {
				r.Header[key] = []string{v}
			}
			continue
		}
		switch k := unsafe.String(unsafe.SliceData(name), len(name)); k {
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
				return fmt.Errorf("CONTENT_LENGTH %q", v)
			}
			r.ContentLength = n
		case "CONTENT_TYPE":
			if v != "" {
				r.Header["Content-Type"] = []string{v}
			}
		case "REMOTE_ADDR":
			r.RemoteAddr = v
		case "AUTH_TYPE", "GATEWAY_INTERFACE", "PATH_TRANSLATED", "REMOTE_HOST", "REMOTE_USER", "SCRIPT_NAME",
			"SERVER_NAME", "SERVER_PORT", "SERVER_SOFTWARE", "X_FULL_URL", "X_MATCHED_ROUTE", "X_RELATIVE_PATH":
			// CGI's, in r otherwise or not at all (cgiVariable)
		default:
			if !cgiVariable(k) {
				os.Setenv(k, v)
			}
		}
	}
	if path == "" {
		path, rawPath = "/", ""
	}
	u.Path, u.RawQuery = path, query
	if rawPath != "" && rawPath != path {
		u.RawPath = rawPath
	}
	r.URL = u
	r.RequestURI = u.RequestURI()
	r.Body = http.NoBody
	if r.ContentLength > 0 {
		r.Body = io.NopCloser(io.LimitReader(os.Stdin, r.ContentLength))
	}
	return nil
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
// header name, X_FORWARDED_FOR into X-Forwarded-For, rewriting b in place
// (the string aliases it). A name with anything but letters, digits and
// '_' is left to http.CanonicalHeaderKey, as before.
func headerName(b []byte) string {
	for _, c := range b {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return http.CanonicalHeaderKey(strings.ReplaceAll(string(b), "_", "-"))
		}
	}
	upper := true
	for i, c := range b {
		switch {
		case c == '_':
			b[i] = '-'
			upper = true
			continue
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
		upper = false
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
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
