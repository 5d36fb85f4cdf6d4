// Package wftest boots real WebFunctions parts on loopback for tests: a
// provider with a real sandbox and store behind an httptest server, a
// publisher key, and guest modules built from source in this repository.
package wftest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"net/http/httptest"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// Env is one provider on loopback and a publisher.
type Env struct {
	URL      string
	Server   *httptest.Server
	Node     *node.Node
	Provider *provider.Provider
	Store    wf.BlockStore
	Sandbox  *sandbox.Sandbox
	Key      *chain.Key // the publisher
	Client   *client.Client
}

// Options adjust New. Zero values take the parts' defaults.
type Options struct {
	Sandbox  sandbox.Config
	Provider provider.Config // the node fills in its parts and PublicURL
	Store    wf.BlockStore   // default: a memstore
	Peers    []string        // providers to fetch missing functions from
}

// New starts a free provider node for the test (package node, with a
// memstore unless opts say otherwise) and stops it at cleanup.
func New(t testing.TB, opts Options) *Env {
	t.Helper()
	ctx := context.Background()
	st := opts.Store
	if st == nil {
		st = memstore.New()
	}
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	n, err := node.Open(ctx, node.Config{
		Dir: t.TempDir(), PublicURL: "http://" + srv.Listener.Addr().String(),
		Store: st, Sandbox: opts.Sandbox, Provider: opts.Provider, Peers: opts.Peers,
	})
	if err != nil {
		srv.Listener.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	srv.Config.Handler = n.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	return &Env{URL: srv.URL, Server: srv, Node: n, Provider: n.Provider(), Store: st, Sandbox: n.Sandbox(), Key: key, Client: client.New(srv.URL)}
}

// Spec is a minimal valid spec; Deploy fills in code and owner.
func Spec() wf.Spec {
	return wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(time.Now())}
}

// Deploy packs, signs and uploads a module, returning its function CID.
func (e *Env) Deploy(t testing.TB, module []byte, s wf.Spec) wf.CID {
	t.Helper()
	pkg, err := client.Pack(context.Background(), bytes.NewReader(module), s, e.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client.Deploy(context.Background(), pkg); err != nil {
		t.Fatal(err)
	}
	return pkg.CID
}

var guests sync.Map // dir -> *guestBuild

type guestBuild struct {
	once sync.Once
	wasm []byte
	err  error
}

// GoGuest builds the Go program in dir (relative to the module root) for
// GOOS=wasip1 once per test process and returns the module. Builds are
// cached across runs in the user cache dir, keyed by the source's hash.
func GoGuest(t testing.TB, dir string) []byte {
	t.Helper()
	v, _ := guests.LoadOrStore(dir, &guestBuild{})
	g := v.(*guestBuild)
	g.once.Do(func() { g.wasm, g.err = buildGo(dir) })
	if g.err != nil {
		t.Fatal(g.err)
	}
	return g.wasm
}

func buildGo(dir string) ([]byte, error) {
	root, err := ModuleRoot()
	if err != nil {
		return nil, err
	}
	src := filepath.Join(root, dir)
	h := sha256.New()
	files, _ := filepath.Glob(filepath.Join(src, "*.go"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(b))
		h.Write(b)
	}
	gov, _ := exec.Command("go", "env", "GOVERSION").Output()
	h.Write(gov)
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	out := filepath.Join(cache, "wf-test-guests", hex.EncodeToString(h.Sum(nil))[:16]+".wasm")
	if b, err := os.ReadFile(out); err == nil {
		return b, nil
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	tmp := out + fmt.Sprintf(".%d.tmp", os.Getpid())
	cmd := exec.Command("go", "build", "-trimpath", "-o", tmp, "./"+filepath.ToSlash(dir))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wftest: build %s: %v\n%s", dir, err, b)
	}
	if err := os.Rename(tmp, out); err != nil {
		return nil, err
	}
	return os.ReadFile(out)
}

// ModuleRoot is the directory holding this repository's go.mod.
func ModuleRoot() (string, error) {
	b, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("wftest: go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(b))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("wftest: not inside the wf module")
	}
	return filepath.Dir(mod), nil
}

// LogBuffer collects what a server or command writes (a slog handler's
// output, a command's stdout) while the test reads it.
type LogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns everything written so far.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Bytes returns a copy of everything written so far.
func (l *LogBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Clone(l.b.Bytes())
}

var wfBinary = sync.OnceValues(func() (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "wftest-wf-*")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "wf")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/wf")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("wftest: go build ./cmd/wf: %v\n%s", err, out)
	}
	return bin, nil
})

// WF builds cmd/wf once per test process and returns its path, for tests
// that run wf as its own process (devnet.StartProcess, shell completion).
func WF(t testing.TB) string {
	t.Helper()
	bin, err := wfBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}
