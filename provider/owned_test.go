package provider_test

import (
	"bytes"
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// GET /v1/functions?owner= lists an owner's functions, loaded or only
// stored, newest first, and nobody else's.
func TestOwnedFunctions(t *testing.T) {
	ctx := context.Background()
	env := wftest.New(t, wftest.Options{Provider: provider.Config{MaxLoaded: 1}})
	other, _ := chain.GenerateKey()
	deploy := func(key wf.Signer, created time.Time) wf.CID {
		s := wftest.Spec()
		s.Created = spec.Now(created)
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
		return pkg.CID
	}
	old := deploy(env.Key, time.Now().Add(-time.Hour))
	mine := deploy(env.Key, time.Now())
	theirs := deploy(other, time.Now())

	if got := env.Provider.LoadedFunctions(); !slices.Equal(got, []wf.CID{theirs}) {
		t.Errorf("loaded %v, want only the last deployed, %v (MaxLoaded 1)", got, theirs)
	}
	got, err := env.Client.Functions(ctx, env.Key.Address())
	if err != nil {
		t.Fatal(err)
	}
	cids := func(fs []client.Function) []wf.CID {
		var out []wf.CID
		for _, f := range fs {
			out = append(out, f.CID)
		}
		return out
	}
	if want := []wf.CID{mine, old}; !slices.Equal(cids(got), want) {
		t.Fatalf("functions = %v, want %v (newest first)", cids(got), want)
	}
	if got[0].Owner != env.Key.Address() || !got[0].Code.Defined() || got[1].Loaded {
		t.Errorf("entries %+v: want the owner, the code, and the evicted one not loaded", got)
	}
	got, err = env.Client.Functions(ctx, other.Address())
	if err != nil || !slices.Equal(cids(got), []wf.CID{theirs}) {
		t.Fatalf("other's functions = %v, %v; want [%v]", cids(got), err, theirs)
	}
	nobody, _ := chain.GenerateKey()
	if got, err := env.Client.Functions(ctx, nobody.Address()); err != nil || len(got) != 0 {
		t.Fatalf("nobody's functions = %v, %v; want none", got, err)
	}
	for _, q := range []string{"", "?owner=", "?owner=0x12"} {
		resp, body := call(t, "GET", env.URL+"/v1/functions"+q, "")
		wantError(t, resp, body, 400, "invalid_request")
	}
}

// The code's CID (what wf pack prints) pasted where a function's address
// belongs: the provider's 404 names the functions running that code, and
// GET /v1/functions?code= lists them; code nobody deployed here names none.
func TestCodeCIDNamesItsFunctions(t *testing.T) {
	ctx := context.Background()
	env := wftest.New(t, wftest.Options{})
	s := wftest.Spec()
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(ctx, pkg); err != nil {
		t.Fatal(err)
	}
	code := pkg.Spec.Spec.Code.CID
	resp, body := call(t, "GET", env.URL+"/"+code.String()+"/", "")
	wantError(t, resp, body, 404, "not_found")
	if !bytes.Contains(body, []byte("is the CID of a file")) || !bytes.Contains(body, []byte(pkg.CID.String())) {
		t.Errorf("404 for the code CID does not name the function %s: %s", pkg.CID, body)
	}
	got, err := env.Client.FunctionsWithCode(ctx, code)
	if err != nil || len(got) != 1 || got[0].CID != pkg.CID || got[0].Owner != env.Key.Address() {
		t.Fatalf("FunctionsWithCode = %+v, %v; want [%v]", got, err, pkg.CID)
	}
	other := wf.SumCID(wf.CodecRaw, []byte("not deployed here"))
	if got, err := env.Client.FunctionsWithCode(ctx, other); err != nil || len(got) != 0 {
		t.Fatalf("FunctionsWithCode(unknown) = %+v, %v; want none", got, err)
	}
	resp, body = call(t, "GET", env.URL+"/"+other.String()+"/", "")
	if wantError(t, resp, body, 404, "not_found"); bytes.Contains(body, []byte("deployed here with this code")) {
		t.Errorf("404 for unknown code names functions: %s", body)
	}
	resp, body = call(t, "GET", env.URL+"/v1/functions?code=nope", "")
	wantError(t, resp, body, 400, "invalid_request")
}

// countingStore counts block reads.
type countingStore struct {
	*memstore.Store
	gets atomic.Int64
}

func (s *countingStore) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	s.gets.Add(1)
	return s.Store.Get(ctx, c)
}

// Listing an owner nobody deploys as reads each stored spec once, not on
// every request: the listing is public, so a loop of it must not make
// the provider re-read and re-decode every spec each time.
func TestOwnedFunctionsListingIsCheap(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{Store: memstore.New()}
	env := wftest.New(t, wftest.Options{Store: st})
	for range 3 {
		env.Deploy(t, templates.HelloWasm, wftest.Spec())
	}
	nobody, _ := wf.ParseAddress("0x0000000000000000000000000000000000000001")
	if _, err := env.Client.Functions(ctx, nobody); err != nil {
		t.Fatal(err)
	}
	before := st.gets.Load()
	for range 5 {
		fs, err := env.Client.Functions(ctx, nobody)
		if err != nil || len(fs) != 0 {
			t.Fatalf("functions of nobody: %v %v", fs, err)
		}
	}
	if n := st.gets.Load() - before; n != 0 {
		t.Errorf("5 more listings read %d blocks; want 0 (every spec's owner is remembered)", n)
	}
	if fs, err := env.Client.Functions(ctx, env.Key.Address()); err != nil || len(fs) == 0 {
		t.Errorf("the owner's own functions after the others' listings: %v %v", fs, err)
	}
}
