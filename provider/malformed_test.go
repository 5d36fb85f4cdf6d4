package provider_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// Finding 8: client faults answered 500 and logged at ERROR (truncated and
// badly chunked bodies), and ServeMux answered some paths itself in text
// or HTML. 200 malformed requests, sent as raw bytes, must give no 5xx,
// log nothing at ERROR, and every answer of the provider's handler (it
// carries X-Request-Id) must be a JSON error body. What net/http rejects
// before any handler runs (a request line it cannot parse, headers over
// its limit) it answers itself, in text: counted, but not the handler's.
func TestMalformedRequests(t *testing.T) {
	var logs wftest.LogBuffer
	env := wftest.New(t, wftest.Options{Provider: provider.Config{
		Log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}})
	fnCID := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	fn, code := fnCID.String(), codeCID(t, env, fnCID).String()

	post := func(path, hdr, body string) string {
		return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + hdr + "\r\n" + body
	}
	get := func(method, path string) string { return method + " " + path + " HTTP/1.1\r\nHost: x\r\n\r\n" }
	withHeader := func(path, hdr string) string { return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + hdr + "\r\n\r\n" }
	// Exactly net/http's limit (MaxHeaderBytes plus 4 KiB of slack), so
	// the server reads all of it before answering 431 and closing; more
	// would leave bytes unread, and the close would reset the connection.
	bigStart := "GET /v1/info HTTP/1.1\r\nHost: x\r\nX-Big: "
	big := bigStart + strings.Repeat("a", http.DefaultMaxHeaderBytes+4096-len(bigStart))
	kinds := map[string]func(i int) string{
		"double slash":          func(i int) string { return get("GET", strings.Repeat("/", 2+i%3)) },
		"dot segment":           func(i int) string { return get("GET", "/./"+fmt.Sprint(i)) },
		"dot-dot":               func(i int) string { return get("GET", "/a/../b"+fmt.Sprint(i)) },
		"dot-dot past the root": func(i int) string { return get("GET", "/../../etc/passwd") },
		"function dot-dot":      func(i int) string { return get("GET", "/"+fn+"/a/../../"+fn+"/env") },
		"function empty seg":    func(i int) string { return get("HEAD", "/"+fn+"//env") },
		"bad escape":            func(i int) string { return get("GET", "/%zz"+fmt.Sprint(i)) },
		"no slash":              func(i int) string { return get("GET", "x") },
		"unknown method":        func(i int) string { return get("BREW", "/") },
		"connect":               func(i int) string { return get("CONNECT", "x:443") },
		"method on index":       func(i int) string { return get("DELETE", "/") },
		"method on info":        func(i int) string { return get("PUT", "/v1/info") },
		"trace":                 func(i int) string { return get("TRACE", "/v1/car") },
		"bad cid":               func(i int) string { return get("GET", "/bafy"+fmt.Sprint(i)+"/") },
		"long cid":              func(i int) string { return get("GET", "/"+strings.Repeat("b", 3000)) },
		"code cid":              func(i int) string { return get("GET", "/"+code+"/") },
		"bad ipfs cid":          func(i int) string { return get("GET", "/ipfs/zz"+fmt.Sprint(i)) },
		"bad logs cid":          func(i int) string { return get("GET", "/v1/logs/nope") },
		"truncated invoke":      func(i int) string { return post("/"+fn+"/echo", "Content-Length: 1000\r\n", "abc") },
		"truncated deploy":      func(i int) string { return post("/v1/car", "Content-Length: 1000\r\n", "\x0a\xa1") },
		"bad chunk size":        func(i int) string { return post("/"+fn+"/echo", "Transfer-Encoding: chunked\r\n", "zz\r\nabc") },
		"chunk overrun": func(i int) string {
			return post("/"+fn+"/echo", "Transfer-Encoding: chunked\r\n", "3\r\nabcdef\r\n0\r\n\r\n")
		},
		"chunk never ends": func(i int) string { return post("/"+fn+"/echo", "Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n") },
		"huge chunk size": func(i int) string {
			return post("/v1/car", "Transfer-Encoding: chunked\r\n", "ffffffffffffffffffff\r\nabc")
		},
		"bad chunk deploy": func(i int) string { return post("/v1/car", "Transfer-Encoding: chunked\r\n", "5\r\nab") },
		"junk deploy":      func(i int) string { return post("/v1/car", "Content-Length: 5\r\n", "junk!") },
		"empty deploy":     func(i int) string { return post("/v1/car", "Content-Length: 0\r\n", "") },
		"negative length":  func(i int) string { return post("/"+fn+"/echo", "Content-Length: -1\r\n", "") },
		"length and chunked": func(i int) string {
			return post("/"+fn+"/echo", "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")
		},
		"oversized header": func(i int) string { return big },
		"bad header line":  func(i int) string { return withHeader("/v1/info", "no colon here") },
		"bad logs auth":    func(i int) string { return withHeader("/v1/logs/"+fn, "Authorization: WF-Sig expires=zz,sig=0x12") },
		"bad delete cid":   func(i int) string { return get("DELETE", "/v1/functions/nope"+fmt.Sprint(i)) },
		"unsigned delete":  func(i int) string { return get("DELETE", "/v1/functions/"+fn) },
		"get a function":   func(i int) string { return get("GET", "/v1/functions/"+fn) },
	}
	seen := map[int]int{}
	var fromServer []string
	sent := 0
	for sent < 200 {
		for name, req := range kinds {
			if sent == 200 {
				break
			}
			sent++
			resp, body, err := rawRequest(env.URL, req(sent))
			if err != nil {
				t.Errorf("%s: no answer: %v", name, err)
				continue
			}
			seen[resp.StatusCode]++
			if testing.Verbose() && sent <= len(kinds) {
				t.Logf("%-22s %d %.100s", name, resp.StatusCode, body)
			}
			if resp.StatusCode >= 500 {
				t.Errorf("%s: %d %s", name, resp.StatusCode, body)
			}
			if resp.Header.Get(wf.RequestIDHeader) == "" {
				// net/http's own answer: must be a client error.
				if resp.StatusCode < 400 || resp.StatusCode >= 500 {
					t.Errorf("%s: %d without a request id", name, resp.StatusCode)
				}
				fromServer = append(fromServer, name)
				continue
			}
			if resp.StatusCode < 300 || resp.Request.Method == "HEAD" {
				continue
			}
			var e httperr.Body
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" || json.Unmarshal(body, &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Errorf("%s: %d %s, not a JSON error: %.200s", name, resp.StatusCode, ct, body)
			}
		}
	}
	t.Logf("statuses of %d malformed requests: %v; answered by net/http itself: %d (%s)", sent, seen, len(fromServer), strings.Join(uniq(fromServer), ", "))
	time.Sleep(100 * time.Millisecond) // the last handlers' log lines
	for line := range strings.Lines(logs.String()) {
		if strings.Contains(line, "level=ERROR") {
			t.Errorf("logged at ERROR: %.300s", line)
		}
	}
	if resp, body := call(t, "GET", env.URL+"/"+fn+"/echo", ""); resp.StatusCode != 200 {
		t.Fatalf("after the malformed requests: %d %s", resp.StatusCode, body)
	}
}

// rawRequest sends raw bytes on a new connection, half-closes it and reads
// one answer.
func rawRequest(url, raw string) (*http.Response, []byte, error) {
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		return nil, nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	go func() {
		io.WriteString(c, raw)
		c.(*net.TCPConn).CloseWrite()
	}()
	method, _, _ := strings.Cut(raw, " ")
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
