package provider_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// diskEnv is a keyed provider node over a disk store in storeDir, keeping
// its storage charges in chargeDir.
func diskEnv(t *testing.T, storeDir, chargeDir string, pc provider.Config) (*wftest.Env, *diskstore.Store) {
	t.Helper()
	st, err := diskstore.New(storeDir, diskstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	pc.Key, pc.StorageDir = k, chargeDir
	return wftest.New(t, wftest.Options{Store: st, Provider: pc}), st
}

// blockSet lists the store's blocks.
func blockSet(t *testing.T, st *diskstore.Store) map[wf.CID]int64 {
	t.Helper()
	m := make(map[wf.CID]int64)
	if err := st.List(context.Background(), func(c wf.CID, n int64) error { m[c] = n; return nil }); err != nil {
		t.Fatal(err)
	}
	return m
}

func sameSet(a, b map[wf.CID]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for c := range a {
		if _, ok := b[c]; !ok {
			return false
		}
	}
	return true
}

// packed packs module for owner; tag makes specs of the same code differ.
func packed(t *testing.T, module []byte, owner *chain.Key, tag string) *client.Package {
	t.Helper()
	s := wftest.Spec()
	s.Env = map[string]string{"TAG": tag}
	pkg, err := client.Pack(context.Background(), bytes.NewReader(module), s, owner)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// charge is what a deploy of pkg is charged: every block of its CAR.
func charge(t *testing.T, pkg *client.Package) int64 {
	var n int64
	for _, b := range blocksOf(t, pkg.CAR) {
		n += int64(len(b.data))
	}
	return n
}

func wantCode(t *testing.T, err error, status int, code string) {
	t.Helper()
	var re *client.ResponseError
	if !errors.As(err, &re) || re.StatusCode != status || re.Code != code {
		t.Fatalf("error = %v, want %d %s", err, status, code)
	}
}

// An owner over its quota gets 413 storage_quota and stores nothing;
// another owner still deploys; the charges survive a restart.
func TestOwnerQuota(t *testing.T) {
	ctx := context.Background()
	storeDir, chargeDir := t.TempDir(), filepath.Join(t.TempDir(), "storage")
	owner, other := newKey(t), newKey(t)
	a := packed(t, templates.HelloWasm, owner, "a")
	b := packed(t, templates.HelloWasm, owner, "b")
	quota := charge(t, a) + charge(t, b)/2
	pc := provider.Config{OwnerQuotaBytes: quota}

	t.Run("Refused", func(t *testing.T) {
		env, st := diskEnv(t, storeDir, chargeDir, pc)
		if _, err := env.Client.Deploy(ctx, a); err != nil {
			t.Fatal(err)
		}
		if got, want := env.Provider.OwnerUsage(owner.Address()), charge(t, a); got != want {
			t.Fatalf("owner charged %d bytes, want %d", got, want)
		}
		before := blockSet(t, st)
		_, err := env.Client.Deploy(ctx, b)
		wantCode(t, err, http.StatusRequestEntityTooLarge, "storage_quota")
		used := strconv.FormatInt(charge(t, a), 10)
		if msg := err.Error(); !strings.Contains(msg, used) || !strings.Contains(msg, strconv.FormatInt(quota, 10)) {
			t.Errorf("refusal %q does not name used %s and limit %d", msg, used, quota)
		}
		if after := blockSet(t, st); !sameSet(before, after) {
			t.Fatalf("a refused deploy changed the store: %d blocks before, %d after", len(before), len(after))
		}
		if got := env.Provider.OwnerUsage(owner.Address()); got != charge(t, a) {
			t.Fatalf("a refused deploy changed the charge to %d", got)
		}
		// Deploying the same function again costs nothing more.
		if _, err := env.Client.Deploy(ctx, a); err != nil {
			t.Fatalf("redeploy: %v", err)
		}
		if _, err := env.Client.Deploy(ctx, packed(t, templates.HelloWasm, other, "c")); err != nil {
			t.Fatalf("another owner's deploy: %v", err)
		}
		info, err := env.Client.Info(ctx)
		if err != nil || info.Limits.OwnerQuotaBytes != quota {
			t.Fatalf("/v1/info ownerQuotaBytes = %+v, %v; want %d", info.Limits, err, quota)
		}
	})
	t.Run("AfterRestart", func(t *testing.T) {
		env, _ := diskEnv(t, storeDir, chargeDir, pc)
		if got := env.Provider.OwnerUsage(owner.Address()); got != charge(t, a) {
			t.Fatalf("after restart owner charged %d bytes, want %d", got, charge(t, a))
		}
		_, err := env.Client.Deploy(ctx, b)
		wantCode(t, err, http.StatusRequestEntityTooLarge, "storage_quota")
		if _, err := env.Client.Delete(ctx, a.CID, owner); err != nil {
			t.Fatal(err)
		}
		if _, err := env.Client.Deploy(ctx, b); err != nil {
			t.Fatalf("deploy after delete freed the quota: %v", err)
		}
	})
}

func newKey(t *testing.T) *chain.Key {
	t.Helper()
	k, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// The hostile case: one owner sends 1,000 tiny signed deploys (the same
// code, a new spec each). They stop at its quota; others still deploy.
func TestQuotaStopsDeployFlood(t *testing.T) {
	ctx := context.Background()
	owner := newKey(t)
	first := packed(t, templates.HelloWasm, owner, "0")
	const fit = 20
	quota := int64(fit)*charge(t, first) + charge(t, first)/2
	env, st := diskEnv(t, t.TempDir(), t.TempDir(), provider.Config{OwnerQuotaBytes: quota})
	accepted, refused := 0, 0
	start := time.Now()
	for i := range 1000 {
		s := first.Spec.Spec
		s.Env = map[string]string{"TAG": strconv.Itoa(i)}
		pkg, err := client.PackSpec(s, owner)
		if err != nil {
			t.Fatal(err)
		}
		if i < fit+1 { // the code comes along until it is stored
			pkg = packed(t, templates.HelloWasm, owner, strconv.Itoa(i))
		}
		_, err = env.Client.Deploy(ctx, pkg)
		switch {
		case err == nil:
			accepted++
		default:
			wantCode(t, err, http.StatusRequestEntityTooLarge, "storage_quota")
			refused++
		}
	}
	t.Logf("1000 deploys in %v: %d accepted, %d refused; owner charged %d of %d bytes; store %d bytes",
		time.Since(start).Round(time.Millisecond), accepted, refused, env.Provider.OwnerUsage(owner.Address()), quota, st.Size())
	if accepted != fit {
		t.Errorf("accepted %d deploys, want %d (the quota's worth)", accepted, fit)
	}
	if used := env.Provider.OwnerUsage(owner.Address()); used > quota {
		t.Errorf("owner charged %d bytes, over its quota %d", used, quota)
	}
	if _, err := env.Client.Deploy(ctx, packed(t, templates.HelloWasm, newKey(t), "x")); err != nil {
		t.Fatalf("another owner's deploy after the flood: %v", err)
	}
}

// A node-wide store budget refuses new deploys with 503 storage_full.
func TestStoreFull(t *testing.T) {
	ctx := context.Background()
	a := packed(t, templates.HelloWasm, newKey(t), "a")
	env, st := diskEnv(t, t.TempDir(), t.TempDir(), provider.Config{MaxStoreBytes: charge(t, a) + 10})
	if _, err := env.Client.Deploy(ctx, a); err != nil {
		t.Fatal(err)
	}
	before := blockSet(t, st)
	big := packed(t, wftest.GoGuest(t, guestDir), newKey(t), "b")
	_, err := env.Client.Deploy(ctx, big)
	wantCode(t, err, http.StatusServiceUnavailable, "storage_full")
	if !sameSet(before, blockSet(t, st)) {
		t.Fatal("a refused deploy changed the store")
	}
}

// deleteAuth is the Authorization header for deleting fn at the provider
// whose address is at, signed by owner, expiring at exp.
func deleteAuth(t *testing.T, owner *chain.Key, fn wf.CID, at wf.Address, exp time.Time) string {
	t.Helper()
	sig, err := owner.Sign(wf.DeleteRequest{Function: fn, Provider: at, Expires: exp.Unix()})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("WF-Sig expires=%d,sig=%s", exp.Unix(), sig)
}

// A delete by the owner frees exactly the blocks only that function used;
// a block shared with another function stays and that function still
// runs. Anyone else's signature, or one for another provider, or an
// expired one, deletes nothing.
func TestDelete(t *testing.T) {
	ctx := context.Background()
	owner := newKey(t)
	env, st := diskEnv(t, t.TempDir(), t.TempDir(), provider.Config{})
	info, err := env.Client.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	self := info.Address
	f1 := packed(t, templates.HelloWasm, owner, "1") // f1 and f2 share their code
	f2 := packed(t, templates.HelloWasm, owner, "2")
	f3 := packed(t, wftest.GoGuest(t, guestDir), newKey(t), "3") // another owner, other code
	for _, pkg := range []*client.Package{f1, f2, f3} {
		if _, err := env.Client.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
	}
	invoke := func(fn wf.CID) int {
		path := "/?name=x"
		if fn == f3.CID {
			path = "/env"
		}
		resp, _ := call(t, "GET", env.URL+"/"+fn.String()+path, "")
		return resp.StatusCode
	}
	for _, fn := range []wf.CID{f1.CID, f2.CID, f3.CID} {
		if code := invoke(fn); code != 200 {
			t.Fatalf("%s answers %d before the delete", fn, code)
		}
	}
	url := env.URL + "/v1/functions/" + f1.CID.String()
	soon := time.Now().Add(time.Minute)
	before := blockSet(t, st)
	for _, tc := range []struct {
		name   string
		auth   string
		status int
	}{
		{"NoSignature", "", http.StatusUnauthorized},
		{"AnotherKey", deleteAuth(t, newKey(t), f1.CID, self, soon), http.StatusForbidden},
		{"AnotherProvider", deleteAuth(t, owner, f1.CID, newKey(t).Address(), soon), http.StatusForbidden},
		{"AnotherProviderNamed", deleteAuth(t, owner, f1.CID, newKey(t).Address(), soon) + ",provider=" + newKey(t).Address().Checksum(), http.StatusForbidden},
		{"Expired", deleteAuth(t, owner, f1.CID, self, time.Now().Add(-time.Second)), http.StatusUnauthorized},
		{"TooFarAhead", deleteAuth(t, owner, f1.CID, self, time.Now().Add(time.Hour)), http.StatusUnauthorized},
		{"AnotherFunction", deleteAuth(t, owner, f2.CID, self, soon), http.StatusForbidden},
		{"LogsSignature", logsAuth(t, owner, f1.CID, self, soon), http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := call(t, "DELETE", url, "", "Authorization", tc.auth)
			if resp.StatusCode != tc.status || !bytes.Contains(body, []byte(`"error"`)) {
				t.Fatalf("DELETE answered %d %s, want %d with a JSON error", resp.StatusCode, body, tc.status)
			}
			if !sameSet(before, blockSet(t, st)) {
				t.Fatal("a refused delete changed the store")
			}
		})
	}
	if code := invoke(f1.CID); code != 200 {
		t.Fatalf("f1 answers %d after refused deletes", code)
	}

	auth := deleteAuth(t, owner, f1.CID, self, soon)
	resp, body := call(t, "DELETE", url, "", "Authorization", auth)
	if resp.StatusCode != 200 {
		t.Fatalf("owner's delete answered %d %s", resp.StatusCode, body)
	}
	after := blockSet(t, st)
	if len(before)-len(after) != 1 {
		t.Fatalf("deleting f1 removed %d blocks, want 1 (its spec; its code is f2's too)", len(before)-len(after))
	}
	if _, ok := after[f1.CID]; ok {
		t.Fatal("f1's spec block is still stored")
	}
	if code := invoke(f1.CID); code != http.StatusNotFound {
		t.Errorf("f1 answers %d after its delete, want 404", code)
	}
	if code := invoke(f2.CID); code != 200 {
		t.Errorf("f2, which shares f1's code, answers %d after f1's delete", code)
	}
	if got, want := env.Provider.OwnerUsage(owner.Address()), charge(t, f2); got != want {
		t.Errorf("owner charged %d after the delete, want %d (f2's)", got, want)
	}
	if resp, _ := call(t, "DELETE", url, "", "Authorization", auth); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the delete replayed answered %d, want 404", resp.StatusCode)
	}

	// Deleting f2 now frees its spec and the whole code DAG, and nothing
	// of f3's.
	res, err := env.Client.Delete(ctx, f2.CID, owner)
	if err != nil {
		t.Fatal(err)
	}
	left := blockSet(t, st)
	for _, b := range blocksOf(t, f2.CAR) {
		if _, ok := left[b.c]; ok {
			t.Errorf("block %s of f2 is still stored", b.c)
		}
	}
	if res.Bytes != charge(t, f2) || res.Used != 0 {
		t.Errorf("delete of f2 reports %+v, want %d bytes freed and 0 used", res, charge(t, f2))
	}
	for _, b := range blocksOf(t, f3.CAR) {
		if _, ok := left[b.c]; !ok {
			t.Errorf("block %s of f3 was removed", b.c)
		}
	}
	if code := invoke(f3.CID); code != 200 {
		t.Errorf("f3 answers %d after the others' deletes", code)
	}
}

// failingDeletes is a disk store whose Deletes fail after a number of
// them, as a process killed part way would stop.
type failingDeletes struct {
	*diskstore.Store
	left atomic.Int64
}

func (s *failingDeletes) Delete(ctx context.Context, c wf.CID) error {
	if s.left.Add(-1) < 0 {
		return errors.New("killed")
	}
	return s.Store.Delete(ctx, c)
}

// GC removes what an interrupted deploy or delete left, and a GC
// interrupted part way is finished by the next.
func TestGC(t *testing.T) {
	ctx := context.Background()
	ds, err := diskstore.New(t.TempDir(), diskstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	st := &failingDeletes{Store: ds}
	st.left.Store(1 << 30)
	owner := newKey(t)
	env := wftest.New(t, wftest.Options{Store: st, Provider: provider.Config{StorageDir: t.TempDir()}})
	keep := packed(t, templates.HelloWasm, owner, "keep")
	gone := packed(t, wftest.GoGuest(t, guestDir), owner, "gone")
	for _, pkg := range []*client.Package{keep, gone} {
		if _, err := env.Client.Deploy(ctx, pkg); err != nil {
			t.Fatal(err)
		}
	}
	withBoth := blockSet(t, ds)
	// A delete interrupted after it removed the spec block.
	if err := ds.Delete(ctx, gone.CID); err != nil {
		t.Fatal(err)
	}
	// A deploy interrupted before its spec block was stored.
	orphan := []byte("a block no spec uses")
	oc := wf.SumCID(wf.CodecRaw, orphan)
	if err := ds.Put(ctx, oc, orphan); err != nil {
		t.Fatal(err)
	}
	var want int64 = int64(len(orphan))
	wantBlocks := 1
	for _, b := range blocksOf(t, gone.CAR)[1:] {
		want += int64(len(b.data))
		wantBlocks++
	}

	st.left.Store(2) // killed after two removals
	first, err := env.Provider.GC(ctx)
	if err == nil || first.Blocks != 2 {
		t.Fatalf("GC with failing deletes: %+v, %v; want 2 blocks removed and an error", first, err)
	}
	st.left.Store(1 << 30)
	res, err := env.Provider.GC(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second GC: %+v", res)
	if first.Bytes+res.Bytes != want {
		t.Errorf("the two GCs freed %d bytes, want %d", first.Bytes+res.Bytes, want)
	}
	if res.Blocks != wantBlocks-2 {
		t.Errorf("second GC removed %d blocks, want the %d the first left", res.Blocks, wantBlocks-2)
	}
	left := blockSet(t, ds)
	for c := range withBoth {
		_, isKeep := left[c]
		if shouldKeep := containsBlock(t, keep, c); isKeep != shouldKeep {
			t.Errorf("block %s: kept %v, want %v", c, isKeep, shouldKeep)
		}
	}
	if _, ok := left[oc]; ok {
		t.Error("the orphan block survived GC")
	}
	if got, want := env.Provider.OwnerUsage(owner.Address()), charge(t, keep); got != want {
		t.Errorf("owner charged %d after GC, want %d (the deleted function's charge dropped)", got, want)
	}
	if resp, _ := call(t, "GET", env.URL+"/"+keep.CID.String()+"/?name=x", ""); resp.StatusCode != 200 {
		t.Errorf("the kept function answers %d after GC", resp.StatusCode)
	}
	if res, err := env.Provider.GC(ctx); err != nil || res.Blocks != 0 {
		t.Errorf("a third GC: %+v, %v; want nothing to do", res, err)
	}
}

func containsBlock(t *testing.T, pkg *client.Package, c wf.CID) bool {
	for _, b := range blocksOf(t, pkg.CAR) {
		if b.c == c {
			return true
		}
	}
	return false
}

// A name keeps a deleted target: requests that pick it get 404 here, the
// other target still serves.
func TestNameAfterDelete(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	a, b := twoVersions(t, env)
	setName(t, env, "hello", 1, "", wf.Target{Function: a, Weight: 50}, wf.Target{Function: b, Weight: 50})
	if _, err := env.Client.Delete(context.Background(), a, env.Key); err != nil {
		t.Fatal(err)
	}
	url := nameURL(env, "hello") + "/env"
	if resp, body := call(t, "GET", url, "", wf.FunctionHeader, a.String()); resp.StatusCode != http.StatusNotFound || !bytes.Contains(body, []byte("not_found")) {
		t.Errorf("the deleted target answered %d %s, want 404 not_found", resp.StatusCode, body)
	}
	if got := served(t, url, wf.FunctionHeader, b.String()); got != b {
		t.Errorf("served by %s, want the remaining target %s", got, b)
	}
}
