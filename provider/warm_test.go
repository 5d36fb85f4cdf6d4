package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// withCustomSection returns wasm with a custom section appended: another
// module (another code CID) that runs the same.
func withCustomSection(wasm []byte, name string) []byte {
	body := append(append([]byte{byte(len(name))}, name...), 1) // a payload: wazero refuses an empty one
	return append(append(slices.Clip(wasm), 0, byte(len(body))), body...)
}

// TestWarmUp: a provider lists the functions it loaded, most recently used
// first, and the next one on the same store and compile cache loads them
// in the background before any request, within MaxLoaded; their first
// requests then compile nothing.
func TestWarmUp(t *testing.T) {
	dir := t.TempDir()
	st := memstore.New()
	warmFile := filepath.Join(dir, "warm.json")
	opts := func(maxLoaded int) wftest.Options {
		return wftest.Options{Store: st, Sandbox: sandbox.Config{CacheDir: filepath.Join(dir, "cache")},
			Provider: provider.Config{WarmFile: warmFile, MaxLoaded: maxLoaded}}
	}
	get := func(env *wftest.Env, fn wf.CID) {
		t.Helper()
		resp, err := http.Get(env.URL + "/" + fn.String() + "/?name=warm")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), "warm") {
			t.Fatalf("%d %q", resp.StatusCode, b)
		}
	}

	env := wftest.New(t, opts(0))
	a := env.Deploy(t, withCustomSection(templates.HelloWasm, "a"), wftest.Spec())
	b := env.Deploy(t, withCustomSection(templates.HelloWasm, "b"), wftest.Spec())
	c := env.Deploy(t, withCustomSection(templates.HelloWasm, "c"), wftest.Spec())
	get(env, a) // most recently used: a, then c, b
	if err := env.Node.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	var l struct{ Functions []string }
	if bs, err := os.ReadFile(warmFile); err != nil || json.Unmarshal(bs, &l) != nil {
		t.Fatalf("warm list: %v %s", err, bs)
	}
	if want := []string{a.String(), c.String(), b.String()}; !slices.Equal(l.Functions, want) {
		t.Fatalf("warm list %v, want %v", l.Functions, want)
	}

	// A restart: all three loaded before any request, none compiled by one.
	env = wftest.New(t, opts(0))
	waitWarm(t, env.Provider)
	st0 := env.Sandbox.Stats()
	if st0.Modules != 3 || st0.Misses != 3 || st0.Rewrites != 0 {
		t.Fatalf("after the warm-up: %+v", st0)
	}
	for _, fn := range []wf.CID{a, b, c} {
		get(env, fn)
	}
	if st := env.Sandbox.Stats(); st.Misses != 3 {
		t.Fatalf("requests compiled: %+v", st)
	}
	env.Node.Close(context.Background())

	// MaxLoaded 2: the two most recently used (c, b: the last requests
	// were a, b, c), the third left to its request.
	env = wftest.New(t, opts(2))
	waitWarm(t, env.Provider)
	if st := env.Sandbox.Stats(); st.Modules != 2 || st.Misses != 2 {
		t.Fatalf("after the warm-up with MaxLoaded 2: %+v", st)
	}
	get(env, c)
	get(env, b)
	if st := env.Sandbox.Stats(); st.Misses != 2 {
		t.Fatalf("the two most recent were not the ones warmed: %+v", st)
	}
	get(env, a)
	if st := env.Sandbox.Stats(); st.Misses != 3 {
		t.Fatalf("a: %+v", st)
	}
	env.Node.Close(context.Background())

	// Without the compile cache, the warm-up stops after the first full
	// compile.
	if err := os.RemoveAll(filepath.Join(dir, "cache")); err != nil {
		t.Fatal(err)
	}
	env = wftest.New(t, opts(0))
	waitWarm(t, env.Provider)
	if st := env.Sandbox.Stats(); st.Misses != 1 || st.Rewrites != 1 {
		t.Fatalf("after the warm-up with a cold cache: %+v", st)
	}
}

// TestWarmUpBadList: a damaged list, or one naming what is not a
// function stored here, warms nothing, holds nothing up and is replaced
// by the next save.
func TestWarmUpBadList(t *testing.T) {
	dir := t.TempDir()
	warmFile := filepath.Join(dir, "warm.json")
	for _, list := range []string{"{not json", `{"functions":["not a cid","bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"]}`} {
		if err := os.WriteFile(warmFile, []byte(list), 0o600); err != nil {
			t.Fatal(err)
		}
		env := wftest.New(t, wftest.Options{Provider: provider.Config{WarmFile: warmFile}})
		waitWarm(t, env.Provider)
		if st := env.Sandbox.Stats(); st.Misses != 0 {
			t.Fatalf("list %q: %+v", list, st)
		}
		fn := env.Deploy(t, templates.HelloWasm, wftest.Spec())
		if err := env.Node.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		var l struct{ Functions []string }
		if bs, err := os.ReadFile(warmFile); err != nil || json.Unmarshal(bs, &l) != nil || !slices.Equal(l.Functions, []string{fn.String()}) {
			t.Fatalf("list after %q: %v %s", list, err, bs)
		}
	}
}

func waitWarm(t *testing.T, p *provider.Provider) {
	t.Helper()
	select {
	case <-p.WarmDone():
	case <-time.After(time.Minute):
		t.Fatal("the warm-up did not finish")
	}
}

// TestWarmUpCloseKeepsRest: a Close during the warm-up keeps the functions
// it has not reached in warm.json, for the next start.
func TestWarmUpCloseKeepsRest(t *testing.T) {
	dir := t.TempDir()
	st := memstore.New()
	warmFile := filepath.Join(dir, "warm.json")
	opts := wftest.Options{Store: st, Sandbox: sandbox.Config{CacheDir: filepath.Join(dir, "cache")},
		Provider: provider.Config{WarmFile: warmFile}}
	env := wftest.New(t, opts)
	for i := 0; i < 12; i++ {
		env.Deploy(t, withCustomSection(templates.HelloWasm, fmt.Sprint("f", i)), wftest.Spec())
	}
	env.Node.Close(context.Background())
	read := func() []string {
		var l struct{ Functions []string }
		bs, _ := os.ReadFile(warmFile)
		json.Unmarshal(bs, &l)
		return l.Functions
	}
	before := read()
	for try := 0; try < 5; try++ {
		env = wftest.New(t, opts)
		env.Node.Close(context.Background()) // during the warm-up
		after := read()
		t.Logf("try %d: listed %d before, %d after a Close during the warm-up", try, len(before), len(after))
		if len(after) < len(before) {
			t.Errorf("functions dropped from the warm list by a Close during the warm-up: %d -> %d", len(before), len(after))
			return
		}
	}
}
