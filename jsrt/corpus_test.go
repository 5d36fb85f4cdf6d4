package jsrt_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The conformance corpus (testdata/corpus): small Workers, each with a
// request, and the answer real workerd gives (NAME.want, written by
// TestCorpusWorkerd with WF_UPDATE_CORPUS=1). TestCorpus runs every worker
// in the engine and diffs status, the headers that matter and the body.
type corpusCase struct {
	Name    string            `json:"name"`
	Method  string            `json:"method"`
	Path    string            `json:"path"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
	BodyHex string            `json:"bodyHex"`
	Env     map[string]string `json:"env"`
}

func (c corpusCase) body(t testing.TB) string {
	if c.BodyHex == "" {
		return c.Body
	}
	b, err := hex.DecodeString(c.BodyHex)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func loadCorpus(t testing.TB) []corpusCase {
	b, err := os.ReadFile("testdata/corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	var cs []corpusCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) < 30 {
		t.Fatalf("the corpus has %d workers; the issue asks for at least 30", len(cs))
	}
	return cs
}

// canonical is what the corpus compares: the status, the headers a worker
// sets (content-type, location, set-cookie, x-*), sorted, and the body
// (hex when it is not UTF-8 text).
func canonical(status int, h http.Header, body []byte) string {
	var lines []string
	for k, vs := range h {
		k = strings.ToLower(k)
		if k == "content-type" || k == "location" || k == "set-cookie" || strings.HasPrefix(k, "x-") && !strings.HasPrefix(k, "x-wf-") && k != "x-request-id" && k != "x-content-type-options" {
			for _, v := range vs {
				lines = append(lines, k+": "+v)
			}
		}
	}
	slices.Sort(lines)
	b := string(body)
	if !utf8.Valid(body) {
		b = "hex:" + hex.EncodeToString(body)
	}
	return fmt.Sprintf("status %d\n%s\n\n%s", status, strings.Join(lines, "\n"), b)
}

func TestCorpus(t *testing.T) {
	h := newHarness(t)
	for _, c := range loadCorpus(t) {
		t.Run(c.Name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata/corpus", c.Name+".js"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata/corpus", c.Name+".want"))
			if err != nil {
				t.Fatalf("%v (record it from workerd: WF_WORKERD=path/to/workerd WF_UPDATE_CORPUS=1 go test ./jsrt -run TestCorpusWorkerd)", err)
			}
			path, query, _ := strings.Cut(c.Path, "?")
			hdr := http.Header{}
			for k, v := range c.Headers {
				hdr.Set(k, v)
			}
			resp, err := h.run(t, string(script), call{method: c.Method, path: path, query: query, header: hdr, body: c.body(t), env: c.Env})
			if err != nil {
				t.Fatalf("%v\nlog: %s", err, resp.Log)
			}
			if got := canonical(resp.Status, resp.Header, resp.Body); got != string(want) {
				t.Errorf("wf:\n%s\nworkerd:\n%s\nlog: %s", got, want, resp.Log)
			}
		})
	}
}

// TestCorpusWorkerd runs the corpus under real workerd (npm workerd,
// WF_WORKERD names its binary) and diffs it against the recorded answers,
// or records them with WF_UPDATE_CORPUS=1.
func TestCorpusWorkerd(t *testing.T) {
	bin := os.Getenv("WF_WORKERD")
	if bin == "" {
		t.Skip("set WF_WORKERD to a workerd binary (npm install workerd@1.20261117.1)")
	}
	cs := loadCorpus(t)
	dir := t.TempDir()
	var services, sockets []string
	ports := map[string]int{}
	var (
		conf   string
		log    bytes.Buffer
		cmd    *exec.Cmd
		exited chan error
	)
	// The ports are picked free and then handed to workerd, so another
	// socket may take one meanwhile: then workerd exits at once, and the
	// start is tried again with new ports.
	for attempt := 0; ; attempt++ {
		services, sockets = services[:0], sockets[:0]
		for i, c := range cs {
			src, err := os.ReadFile(filepath.Join("testdata/corpus", c.Name+".js"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, c.Name+".js"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			var bindings []string
			for k, v := range c.Env {
				bindings = append(bindings, fmt.Sprintf("(name = %q, text = %q)", k, v))
			}
			services = append(services, fmt.Sprintf(`(name = "w%d", worker = (modules = [(name = "worker.js", esModule = embed %q)], compatibilityDate = "2026-11-01", bindings = [%s]))`,
				i, c.Name+".js", strings.Join(bindings, ", ")))
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ports[c.Name] = l.Addr().(*net.TCPAddr).Port
			l.Close()
			sockets = append(sockets, fmt.Sprintf(`(name = "s%d", address = "127.0.0.1:%d", http = (), service = "w%d")`, i, ports[c.Name], i))
		}
		conf = fmt.Sprintf("using Workerd = import \"/workerd/workerd.capnp\";\nconst config :Workerd.Config = (\n services = [%s],\n sockets = [%s],\n);\n",
			strings.Join(services, ",\n "), strings.Join(sockets, ",\n "))
		if err := os.WriteFile(filepath.Join(dir, "config.capnp"), []byte(conf), 0o644); err != nil {
			t.Fatal(err)
		}
		log.Reset()
		cmd = exec.Command(bin, "serve", "config.capnp")
		cmd.Dir = dir
		cmd.Stdout, cmd.Stderr = &log, &log
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited = make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case werr := <-exited:
			if attempt < 3 && strings.Contains(log.String(), "Address already in use") {
				continue
			}
			exited <- werr // the first subtest reports it
		case <-time.After(2 * time.Second):
		}
		break
	}
	defer func() { cmd.Process.Kill(); <-exited }()
	update := os.Getenv("WF_UPDATE_CORPUS") == "1"
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 10 * time.Second}
	for _, c := range cs {
		t.Run(c.Name, func(t *testing.T) {
			method := c.Method
			if method == "" {
				method = "GET"
			}
			p := c.Path
			if p == "" {
				p = "/"
			}
			var resp *http.Response
			for start := time.Now(); ; {
				req, _ := http.NewRequestWithContext(context.Background(), method, fmt.Sprintf("http://127.0.0.1:%d%s", ports[c.Name], p), strings.NewReader(c.body(t)))
				for k, v := range c.Headers {
					req.Header.Set(k, v)
				}
				var err error
				if resp, err = client.Do(req); err == nil {
					break
				}
				select {
				case werr := <-exited:
					exited <- werr
					t.Fatalf("workerd exited (%v): %s\nconfig:\n%s", werr, log.String(), conf)
				case <-time.After(100 * time.Millisecond):
				}
				if time.Since(start) > 20*time.Second {
					t.Fatalf("%v\nworkerd: %s", err, log.String())
				}
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			got := canonical(resp.StatusCode, resp.Header, body)
			file := filepath.Join("testdata/corpus", c.Name+".want")
			if update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := os.ReadFile(file); string(want) != got {
				t.Errorf("workerd now:\n%s\nrecorded:\n%s", got, want)
			}
		})
	}
}
