package trustless_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

const carType = "application/vnd.ipld.car; version=1; order=dfs; dups=n"

// block is one CAR section to send.
type block struct {
	c    wf.CID
	data []byte
}

func carBytes(root wf.CID, blocks []block) []byte {
	var buf bytes.Buffer
	cw := dag.NewCARWriter(&buf, root)
	for _, b := range blocks {
		cw.WriteBlock(b.c, b.data)
	}
	cw.Flush()
	return buf.Bytes()
}

func (tr *tree) sections() []block {
	out := make([]block, len(tr.order))
	for i, c := range tr.order {
		out[i] = block{c, tr.blocks[c]}
	}
	return out
}

// static serves body with the given Content-Type for every request.
func static(t *testing.T, ctype string, body []byte) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func status(t *testing.T, code int) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "nope", code)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func honest(t *testing.T, s wf.BlockGetter) *httptest.Server {
	srv := httptest.NewServer(trustless.NewHandler(s, trustless.Options{}))
	t.Cleanup(srv.Close)
	return srv
}

// checkOnlyDAGBlocks fails if dst holds anything that is not a block of tr.
func checkOnlyDAGBlocks(t *testing.T, tr *tree, dst *memstore.Store) {
	t.Helper()
	for _, c := range dst.CIDs() {
		if _, ok := tr.blocks[c]; !ok {
			t.Fatalf("store was poisoned with %s, which is not in the DAG", c)
		}
	}
}

func TestFetchRoundTrip(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	f := &trustless.Fetcher{Gateways: []string{honest(t, tr.store).URL}}
	dst := memstore.New()
	if err := f.Fetch(ctx, tr.root, dst); err != nil {
		t.Fatal(err)
	}
	if err := dag.VerifyComplete(ctx, dst, tr.root); err != nil {
		t.Fatal(err)
	}
	if n, _ := dst.Len(); n != len(tr.order) {
		t.Fatalf("fetched %d blocks, want %d", n, len(tr.order))
	}
	got, err := dag.ReadFile(ctx, dst, tr.root, "main.wasm")
	if err != nil || !bytes.Equal(got, pseudoRandom(1, 3*dag.ChunkSize+123)) {
		t.Fatalf("ReadFile after fetch: %d bytes, %v", len(got), err)
	}
}

func TestFetchRejectsMaliciousGateways(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	good := tr.sections()
	unrelatedData := []byte("an unrelated but perfectly valid block")
	unrelated := block{wf.SumCID(wf.CodecRaw, unrelatedData), unrelatedData}
	other := newOtherTree(t)

	swap := append([]block(nil), good...)
	swap[1], swap[2] = swap[2], swap[1]
	corrupt := append([]block(nil), good...)
	last := corrupt[len(corrupt)-1]
	corrupt[len(corrupt)-1] = block{last.c, append(bytes.Clone(last.data[:len(last.data)-1]), last.data[len(last.data)-1]^1)}
	full := carBytes(tr.root, good)

	for _, tc := range []struct {
		name   string
		ctype  string
		body   []byte
		limits func(*trustless.Fetcher)
		want   error
	}{
		{"WrongOrder", carType, carBytes(tr.root, swap), nil, wf.ErrInvalid},
		{"MissingBlock", carType, carBytes(tr.root, append(append([]block(nil), good[:2]...), good[3:]...)), nil, wf.ErrInvalid},
		{"MissingLastBlock", carType, carBytes(tr.root, good[:len(good)-1]), nil, wf.ErrInvalid},
		{"OnlyRoot", carType, carBytes(tr.root, good[:1]), nil, wf.ErrInvalid},
		{"ExtraAtEnd", carType, carBytes(tr.root, append(append([]block(nil), good...), unrelated)), nil, wf.ErrInvalid},
		{"ExtraInMiddle", carType, carBytes(tr.root, append([]block{good[0], unrelated}, good[1:]...)), nil, wf.ErrInvalid},
		{"DuplicateBlock", carType, carBytes(tr.root, append(append([]block(nil), good...), good[1])), nil, wf.ErrInvalid},
		{"BadHash", carType, carBytes(tr.root, corrupt), nil, wf.ErrInvalid},
		{"OtherDAG", carType, carBytes(tr.root, other.sections()), nil, wf.ErrInvalid},
		{"TruncatedMidBlock", carType, full[:len(full)-100], nil, wf.ErrInvalid},
		{"TruncatedAfterLength", carType, full[:len(full)-len(last.data)-len(last.c.Bytes())], nil, wf.ErrInvalid},
		{"Empty", carType, nil, nil, wf.ErrInvalid},
		{"Garbage", carType, []byte("<html>definitely not a CAR</html>"), nil, wf.ErrInvalid},
		{"NotCAR", "text/html", full, nil, wf.ErrInvalid},
		{"OrderUnknown", "application/vnd.ipld.car; version=1; order=unk", full, nil, wf.ErrInvalid},
		{"TooLarge", carType, full, func(f *trustless.Fetcher) { f.MaxBytes = 4096 }, wf.ErrTooLarge},
		{"BlockTooLarge", carType, full, func(f *trustless.Fetcher) { f.MaxBlockSize = 1024 }, wf.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &trustless.Fetcher{Gateways: []string{static(t, tc.ctype, tc.body).URL}}
			if tc.limits != nil {
				tc.limits(f)
			}
			dst := memstore.New()
			err := f.Fetch(ctx, tr.root, dst)
			var fe *trustless.FetchError
			if !errors.As(err, &fe) || len(fe.Attempts) != 1 {
				t.Fatalf("Fetch error = %v, want a *FetchError with one attempt", err)
			}
			if !errors.Is(fe.Attempts[0], tc.want) {
				t.Fatalf("attempt error = %v, want %v", fe.Attempts[0], tc.want)
			}
			if !errors.Is(err, wf.ErrUnavailable) || errors.Is(err, wf.ErrInvalid) {
				t.Errorf("Fetch error %v: want wf.ErrUnavailable, and the gateway's fault kept out of the chain", err)
			}
			checkOnlyDAGBlocks(t, tr, dst)
			if ok, _ := dst.Has(ctx, unrelated.c); ok {
				t.Fatal("unrelated block was stored")
			}
		})
	}
}

// newOtherTree is a different, complete DAG.
func newOtherTree(t *testing.T) *tree {
	s := memstore.New()
	root, err := dag.AddFile(context.Background(), s, bytes.NewReader(pseudoRandom(9, 2*dag.ChunkSize)))
	if err != nil {
		t.Fatal(err)
	}
	tr := &tree{store: s, root: root, blocks: map[wf.CID][]byte{}}
	var buf bytes.Buffer
	if err := dag.ExportCAR(context.Background(), s, root, &buf); err != nil {
		t.Fatal(err)
	}
	r, _ := dag.NewCARReader(&buf, dag.Limits{})
	for {
		c, data, err := r.Next()
		if err != nil {
			break
		}
		tr.order = append(tr.order, c)
		tr.blocks[c] = data
	}
	return tr
}

func TestFetchTimeout(t *testing.T) {
	tr := newTree(t)
	stall := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", carType)
		w.Write(carBytes(tr.root, tr.sections()[:2]))
		w.(http.Flusher).Flush()
		<-r.Context().Done() // then never finish
	}))
	defer stall.Close()
	f := &trustless.Fetcher{Gateways: []string{stall.URL, honest(t, tr.store).URL}, Timeout: 300 * time.Millisecond}
	dst := memstore.New()
	if err := f.Fetch(context.Background(), tr.root, dst); err != nil {
		t.Fatalf("the second gateway should have delivered: %v", err)
	}
	f.Gateways = f.Gateways[:1]
	err := f.Fetch(context.Background(), tr.root, memstore.New())
	var fe *trustless.FetchError
	if !errors.As(err, &fe) || !errors.Is(fe.Attempts[0], context.DeadlineExceeded) {
		t.Fatalf("error = %v, want a deadline in the attempt", err)
	}
}

func TestFetchFallback(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	var hits [2]atomic.Int32
	counted := func(i int, h http.Handler) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits[i].Add(1)
			h.ServeHTTP(w, r)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	swap := tr.sections()
	swap[1], swap[2] = swap[2], swap[1]
	liar := static(t, carType, carBytes(tr.root, swap))

	for _, tc := range []struct {
		name     string
		gateways func() []string
		want     error // nil: success
		notFound bool
	}{
		{"FirstFailsWith500", func() []string {
			return []string{counted(0, status(t, 500).Config.Handler), counted(1, trustless.NewHandler(tr.store, trustless.Options{}))}
		}, nil, false},
		{"FirstLies", func() []string { return []string{liar.URL, honest(t, tr.store).URL} }, nil, false},
		{"FirstUnreachable", func() []string { return []string{closed.URL, honest(t, tr.store).URL} }, nil, false},
		{"AllNotFound", func() []string { return []string{honest(t, memstore.New()).URL, honest(t, memstore.New()).URL} }, wf.ErrNotFound, true},
		{"NotFoundAnd500", func() []string { return []string{honest(t, memstore.New()).URL, status(t, 502).URL} }, wf.ErrUnavailable, false},
		{"NoGateways", func() []string { return nil }, wf.ErrUnavailable, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits[0].Store(0)
			hits[1].Store(0)
			f := &trustless.Fetcher{Gateways: tc.gateways()}
			dst := memstore.New()
			err := f.Fetch(ctx, tr.root, dst)
			if tc.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if err := dag.VerifyComplete(ctx, dst, tr.root); err != nil {
					t.Fatal(err)
				}
				if tc.name == "FirstFailsWith500" && (hits[0].Load() != 1 || hits[1].Load() != 1) {
					t.Errorf("hits %d, %d; want 1, 1", hits[0].Load(), hits[1].Load())
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
			if errors.Is(err, wf.ErrNotFound) != tc.notFound {
				t.Fatalf("errors.Is(%v, wf.ErrNotFound) = %v", err, !tc.notFound)
			}
			checkOnlyDAGBlocks(t, tr, dst)
		})
	}
}

func TestFetchCanceled(t *testing.T) {
	tr := newTree(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f := &trustless.Fetcher{Gateways: []string{honest(t, tr.store).URL}}
	if err := f.Fetch(ctx, tr.root, memstore.New()); !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
}

// A gateway that declares dups=y sends a repeated subtree every time.
func TestFetchDupsY(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	var stream []block
	w := dag.NewWalk(tr.root, true)
	for {
		c, ok, err := w.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if err := w.Visit(c, tr.blocks[c]); err != nil {
			t.Fatal(err)
		}
		stream = append(stream, block{c, tr.blocks[c]})
	}
	if len(stream) <= len(tr.order) {
		t.Fatalf("test DAG has no duplicates (%d blocks either way)", len(stream))
	}
	body := carBytes(tr.root, stream)
	for _, tc := range []struct {
		name, ctype string
		ok          bool
	}{
		{"Declared", "application/vnd.ipld.car; version=1; order=dfs; dups=y", true},
		{"Undeclared", carType, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &trustless.Fetcher{Gateways: []string{static(t, tc.ctype, body).URL}}
			err := f.Fetch(ctx, tr.root, memstore.New())
			if (err == nil) != tc.ok {
				t.Fatalf("error = %v, want success: %v", err, tc.ok)
			}
		})
	}
}

func TestFetchingGetter(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		time.Sleep(50 * time.Millisecond) // let concurrent misses pile up
		trustless.NewHandler(tr.store, trustless.Options{}).ServeHTTP(w, r)
	}))
	defer srv.Close()
	g := &trustless.FetchingGetter{Local: memstore.New(), Fetcher: &trustless.Fetcher{Gateways: []string{srv.URL}}}

	t.Run("ConcurrentMissesShareOneFetch", func(t *testing.T) {
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for range 8 {
			wg.Go(func() {
				data, err := g.Get(ctx, tr.root)
				if err == nil && !bytes.Equal(data, tr.blocks[tr.root]) {
					err = fmt.Errorf("wrong root block")
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if n := requests.Load(); n != 1 {
			t.Fatalf("%d requests, want 1", n)
		}
		if err := dag.VerifyComplete(ctx, g.Local, tr.root); err != nil {
			t.Fatalf("the whole DAG should be local now: %v", err)
		}
	})
	t.Run("ReadThrough", func(t *testing.T) {
		got, err := dag.ReadFile(ctx, g, tr.root, "spec.json")
		if err != nil || string(got) != `{"version":1}` {
			t.Fatalf("ReadFile = %q, %v", got, err)
		}
	})
	t.Run("EnsureRefetchesPartialDAG", func(t *testing.T) {
		g.Local.Delete(ctx, tr.order[len(tr.order)-1])
		before := requests.Load()
		if err := g.Ensure(ctx, tr.root); err != nil {
			t.Fatal(err)
		}
		if requests.Load() != before+1 {
			t.Fatal("Ensure did not fetch")
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		_, err := g.Get(ctx, wf.SumCID(wf.CodecRaw, []byte("nobody has this")))
		if !errors.Is(err, wf.ErrNotFound) {
			t.Fatalf("error = %v, want wf.ErrNotFound", err)
		}
	})
}

func BenchmarkFetchVerified(b *testing.B) {
	const size = 100 << 20
	ctx := context.Background()
	s := memstore.New()
	root, err := dag.AddFile(ctx, s, bytes.NewReader(pseudoRandom(7, size)))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(trustless.NewHandler(s, trustless.Options{}))
	defer srv.Close()
	f := &trustless.Fetcher{Gateways: []string{srv.URL}}
	b.SetBytes(size)
	for b.Loop() {
		if err := f.Fetch(ctx, root, memstore.New()); err != nil {
			b.Fatal(err)
		}
	}
}
