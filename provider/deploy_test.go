package provider_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

type block struct {
	c    wf.CID
	data []byte
}

// blocksOf reads a deploy CAR back into its blocks.
func blocksOf(t *testing.T, car []byte) []block {
	t.Helper()
	r, err := dag.NewCARReader(bytes.NewReader(car), dag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var out []block
	for {
		c, data, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, block{c, data})
	}
}

func carOf(t *testing.T, roots []wf.CID, blocks []block) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := dag.NewCARWriter(&buf, roots...)
	for _, b := range blocks {
		if err := w.WriteBlock(b.c, b.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// resigned returns the deploy blocks with the spec block replaced.
func resigned(t *testing.T, blocks []block, ss *wf.SignedSpec) (wf.CID, []block) {
	t.Helper()
	b, c, err := spec.Encode(ss)
	if err != nil {
		t.Fatal(err)
	}
	return c, append([]block{{c, b}}, blocks[1:]...)
}

func TestDeployRejects(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{MaxUploadBytes: 8 << 20}})
	ctx := context.Background()
	guest := wftest.GoGuest(t, guestDir)
	pkg, err := client.Pack(ctx, bytes.NewReader(guest), wftest.Spec(), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	blocks := blocksOf(t, pkg.CAR)
	if len(blocks) < 4 {
		t.Fatalf("the guest should span several blocks, got %d", len(blocks))
	}

	unsigned := *pkg.Spec
	unsigned.Signature = wf.Signature{}
	unsignedCID, unsignedBlocks := resigned(t, blocks, &unsigned)

	stranger, _ := chain.GenerateKey()
	forged := *pkg.Spec
	forgedSig, _ := spec.Sign(forged.Spec, stranger)
	forged.Signature = forgedSig.Signature // signed by someone who is not the owner
	forgedCID, forgedBlocks := resigned(t, blocks, &forged)

	badWasm, err := client.Pack(ctx, bytes.NewReader([]byte("\x00asm\x01\x00\x00\x00\xffgarbage")), wftest.Spec(), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 9<<20) // random, so the leaves do not deduplicate
	rand.NewChaCha8([32]byte{1}).Read(big)
	tooBig, err := client.Pack(ctx, bytes.NewReader(big), wftest.Spec(), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	root := pkg.CID
	rawRoot, err := wf.NewCIDv1(wf.CodecRaw, root.Multihash()) // the spec's bytes under the raw codec
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		car    []byte
		status int
		code   string
	}{
		{"not a CAR", []byte("hello, this is not a CAR"), 400, "invalid_request"},
		{"empty body", nil, 400, "invalid_request"},
		{"two roots", carOf(t, []wf.CID{root, blocks[1].c}, blocks), 400, "invalid_request"},
		{"root block missing", carOf(t, []wf.CID{root}, blocks[1:]), 400, "invalid_request"},
		{"root is code, not a spec", carOf(t, []wf.CID{blocks[1].c}, blocks[1:]), 400, "invalid_request"},
		{"spec block under a raw-codec root", carOf(t, []wf.CID{rawRoot}, append([]block{{rawRoot, blocks[0].data}}, blocks[1:]...)), 400, "invalid_request"},
		{"unsigned spec", carOf(t, []wf.CID{unsignedCID}, unsignedBlocks), 400, "invalid_request"},
		{"spec signed by a stranger", carOf(t, []wf.CID{forgedCID}, forgedBlocks), 400, "invalid_request"},
		{"incomplete code DAG", carOf(t, []wf.CID{root}, append(append([]block{}, blocks[:2]...), blocks[3:]...)), 400, "invalid_request"},
		{"block bytes tampered", carOf(t, []wf.CID{root}, append(append([]block{}, blocks[:2]...), block{blocks[2].c, []byte("evil")})), 400, "invalid_request"},
		{"invalid wasm", badWasm.CAR, 400, "invalid_request"},
		{"over the upload quota", tooBig.CAR, 413, "too_large"},
	}
	store := env.Store.(*memstore.Store)
	before, _ := store.Len()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := call(t, "POST", env.URL+"/v1/car", string(tc.car), "Content-Type", "application/vnd.ipld.car")
			wantError(t, resp, body, tc.status, tc.code)
			if n, _ := store.Len(); n != before {
				t.Fatalf("a rejected upload left %d blocks in the store", n-before)
			}
		})
	}

	// Without a Content-Length the limit holds mid-stream.
	resp, err := http.Post(env.URL+"/v1/car", "application/vnd.ipld.car", struct{ io.Reader }{bytes.NewReader(tooBig.CAR)})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	wantError(t, resp, b, 413, "too_large")

	// An unrelated block riding along is not stored.
	stray := []byte("unrelated data")
	strayCID := wf.SumCID(wf.CodecJSON, stray)
	resp, body := call(t, "POST", env.URL+"/v1/car", string(carOf(t, []wf.CID{root}, append(blocks, block{strayCID, stray}))))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("deploy with a stray block: %d %s", resp.StatusCode, body)
	}
	if has, _ := store.Has(ctx, strayCID); has {
		t.Error("the stray block was stored")
	}
	if n, _ := store.Len(); n != before+len(blocks) {
		t.Errorf("stored %d blocks, want the %d of the function", n-before, len(blocks))
	}
	// Deploying the same function again is fine.
	if _, err := env.Client.Deploy(ctx, pkg); err != nil {
		t.Fatalf("redeploy: %v", err)
	}
}

// A provider that was never given a function fetches it, verified, from a
// peer's trustless endpoint on first request.
func TestFetchFunctionFromPeer(t *testing.T) {
	a := wftest.New(t, wftest.Options{})
	fn := a.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())
	b := wftest.New(t, wftest.Options{Provider: provider.Config{Fetcher: &trustless.Fetcher{Gateways: []string{a.URL}}}})
	resp, body := call(t, "GET", b.URL+"/"+fn.String()+"/echo", "")
	if resp.StatusCode != 200 {
		t.Fatalf("invoke on the peer: %d %s", resp.StatusCode, body)
	}
	if has, _ := b.Store.Has(context.Background(), fn); !has {
		t.Error("the peer did not keep the fetched spec")
	}
	// Unknown everywhere: still a clean 404.
	unknown, _ := wf.ParseCID("bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea")
	resp, body = call(t, "GET", b.URL+"/"+unknown.String()+"/", "")
	wantError(t, resp, body, 404, "not_found")
}

// failingPuts is a store whose writes fail once fail is set.
type failingPuts struct {
	*memstore.Store
	fail bool
}

func (s *failingPuts) Put(ctx context.Context, c wf.CID, b []byte) error {
	if s.fail {
		return errors.New("disk full")
	}
	return s.Store.Put(ctx, c, b)
}

// A deploy that failed after compiling its module (here the store refuses
// the blocks) left the module compiled in the sandbox, outside the LRU of
// loaded functions, for good: junk deploys that compile could pin compiled
// code without bound. It is released now, unless a loaded function with
// the same code runs it.
func TestFailedDeployReleasesItsModule(t *testing.T) {
	st := &failingPuts{Store: memstore.New()}
	env := wftest.New(t, wftest.Options{Store: st})
	ctx := context.Background()
	st.fail = true
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(ctx, pkg); err == nil {
		t.Fatal("the deploy succeeded with a store that refuses writes")
	}
	if n := env.Sandbox.Stats().Modules; n != 0 {
		t.Errorf("%d modules compiled after a failed deploy, want 0", n)
	}

	// The same code under a loaded function stays compiled.
	st.fail = false
	fn := env.Deploy(t, templates.HelloWasm, wftest.Spec())
	if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/", ""); resp.StatusCode != 200 {
		t.Fatalf("invoke: %d %s", resp.StatusCode, body)
	}
	st.fail = true
	other := wftest.Spec()
	other.Env = map[string]string{"A": "b"} // another function, same code
	pkg, err = client.Pack(ctx, bytes.NewReader(templates.HelloWasm), other, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(ctx, pkg); err == nil {
		t.Fatal("the deploy succeeded with a store that refuses writes")
	}
	if n := env.Sandbox.Stats().Modules; n != 1 {
		t.Errorf("%d modules compiled, want the loaded function's 1", n)
	}
	if resp, body := call(t, "GET", env.URL+"/"+fn.String()+"/", ""); resp.StatusCode != 200 {
		t.Errorf("the loaded function after a failed deploy of the same code: %d %s", resp.StatusCode, body)
	}
}

// Two functions whose specs name different files of one code directory run
// different modules: the compiled module is keyed by the entry too, not by
// the directory's CID alone.
func TestEntriesOfOneDirectory(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	ctx := context.Background()
	fsys := fstest.MapFS{
		"hello.wasm": {Data: templates.HelloWasm},
		"echo.wasm":  {Data: wftest.GoGuest(t, "sandbox/testdata/guest")},
	}
	root, err := dag.AddPath(ctx, env.Store, fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	call := func(entry string) string {
		s := wftest.Spec()
		s.Code = wf.Code{CID: root, Entry: entry, Layout: wf.KuboLayout}
		pkg, err := client.PackSpec(s, env.Key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		resp, err := http.Post(env.URL+"/"+pkg.CID.String()+"/echo?name=x", "text/plain", strings.NewReader("body"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.Status + " " + string(b)
	}
	hello, echo := call("hello.wasm"), call("echo.wasm")
	if !strings.Contains(hello, "Hello, body!") {
		t.Errorf("hello.wasm answered %q", hello)
	}
	if echo == hello || strings.Contains(echo, "Hello,") {
		t.Errorf("echo.wasm answered %q, as hello.wasm did: the directory's first module ran", echo)
	}
}
