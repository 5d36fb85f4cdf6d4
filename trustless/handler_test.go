package trustless_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

// tree is a DAG in a store, with its blocks in walk order.
type tree struct {
	store  *memstore.Store
	root   wf.CID
	order  []wf.CID
	blocks map[wf.CID][]byte
	car    []byte
}

func newTree(t testing.TB) *tree {
	t.Helper()
	ctx := context.Background()
	fsys := fstest.MapFS{
		"main.wasm":     {Data: pseudoRandom(1, 3*dag.ChunkSize+123)},
		"spec.json":     {Data: []byte(`{"version":1}`)},
		"assets/zeros":  {Data: make([]byte, 2*dag.ChunkSize)},
		"assets/zeros2": {Data: make([]byte, 2*dag.ChunkSize)},
		"assets/empty":  {Mode: fs.ModeDir | 0o755},
	}
	s := memstore.New()
	root, err := dag.AddPath(ctx, s, fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	tr := &tree{store: s, root: root, blocks: map[wf.CID][]byte{}}
	var buf bytes.Buffer
	if err := dag.ExportCAR(ctx, s, root, &buf); err != nil {
		t.Fatal(err)
	}
	tr.car = buf.Bytes()
	r, err := dag.NewCARReader(bytes.NewReader(tr.car), dag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for {
		c, data, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		tr.order = append(tr.order, c)
		tr.blocks[c] = data
	}
	return tr
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func TestHandler(t *testing.T) {
	tr := newTree(t)
	srv := httptest.NewServer(trustless.NewHandler(tr.store, trustless.Options{}))
	defer srv.Close()
	root := tr.root.String()
	leaf := tr.order[len(tr.order)-1]
	missing := "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" // the empty file, not stored

	type want struct {
		status int
		ctype  string
		code   string // JSON error code
		body   []byte
	}
	for _, tc := range []struct {
		name   string
		method string
		path   string
		header map[string]string
		want   want
	}{
		{"RawByFormat", "GET", "/ipfs/" + leaf.String() + "?format=raw", nil,
			want{200, trustless.MediaTypeRaw, "", tr.blocks[leaf]}},
		{"RawByAccept", "GET", "/ipfs/" + leaf.String(), map[string]string{"Accept": trustless.MediaTypeRaw},
			want{200, trustless.MediaTypeRaw, "", tr.blocks[leaf]}},
		{"RawHead", "HEAD", "/ipfs/" + root + "?format=raw", nil,
			want{200, trustless.MediaTypeRaw, "", []byte{}}},
		{"CARAll", "GET", "/ipfs/" + root + "?format=car", nil,
			want{200, "application/vnd.ipld.car; version=1; order=dfs; dups=n", "", tr.car}},
		{"CARByAccept", "GET", "/ipfs/" + root, map[string]string{"Accept": "application/vnd.ipld.car; version=1; order=dfs; dups=n"},
			want{200, "application/vnd.ipld.car; version=1; order=dfs; dups=n", "", tr.car}},
		{"CARHead", "HEAD", "/ipfs/" + root + "?format=car", nil,
			want{200, "application/vnd.ipld.car; version=1; order=dfs; dups=n", "", []byte{}}},
		{"AcceptPreference", "GET", "/ipfs/" + leaf.String(), map[string]string{"Accept": "application/vnd.ipld.car;q=0.5, application/vnd.ipld.raw"},
			want{200, trustless.MediaTypeRaw, "", tr.blocks[leaf]}},
		{"FormatBeatsAccept", "GET", "/ipfs/" + leaf.String() + "?format=raw", map[string]string{"Accept": trustless.MediaTypeCAR},
			want{200, trustless.MediaTypeRaw, "", tr.blocks[leaf]}},
		{"ProbeRaw", "GET", "/ipfs/bafkqaaa?format=raw", nil,
			want{200, trustless.MediaTypeRaw, "", []byte{}}},
		{"BadCID", "GET", "/ipfs/not-a-cid?format=raw", nil, want{400, "", "invalid_cid", nil}},
		{"UnknownRaw", "GET", "/ipfs/" + missing + "?format=raw", nil, want{404, "", "not_found", nil}},
		{"UnknownCAR", "GET", "/ipfs/" + missing + "?format=car", nil, want{404, "", "not_found", nil}},
		{"NoFormat", "GET", "/ipfs/" + root, nil, want{400, "", "format_required", nil}},
		{"CurlDefault", "GET", "/ipfs/" + root, map[string]string{"Accept": "*/*"}, want{400, "", "format_required", nil}},
		{"HTMLOnly", "GET", "/ipfs/" + root, map[string]string{"Accept": "text/html"}, want{406, "", "not_acceptable", nil}},
		{"AcceptDupsY", "GET", "/ipfs/" + root, map[string]string{"Accept": "application/vnd.ipld.car; dups=y"}, want{406, "", "not_acceptable", nil}},
		{"UnknownFormat", "GET", "/ipfs/" + root + "?format=tar", nil, want{400, "", "unsupported_format", nil}},
		{"CARDupsY", "GET", "/ipfs/" + root + "?format=car&car-dups=y", nil, want{400, "", "unsupported_car_params", nil}},
		{"CARv2", "GET", "/ipfs/" + root + "?format=car&car-version=2", nil, want{400, "", "unsupported_car_params", nil}},
		{"ScopeEntity", "GET", "/ipfs/" + root + "?format=car&dag-scope=entity", nil, want{400, "", "unsupported_dag_scope", nil}},
		{"EntityBytes", "GET", "/ipfs/" + root + "?format=car&entity-bytes=0:10", nil, want{400, "", "unsupported_entity_bytes", nil}},
		{"ContentPath", "GET", "/ipfs/" + root + "/main.wasm?format=car", nil, want{400, "", "unsupported_path", nil}},
		{"Post", "POST", "/ipfs/" + root + "?format=raw", nil, want{405, "", "method_not_allowed", nil}},
		{"IPNS", "GET", "/ipns/example.com?format=raw", nil, want{404, "", "not_found", nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.want.status {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode, tc.want.status, body)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			if tc.want.code != "" {
				var e errorBody
				if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != tc.want.code || e.Error.Message == "" {
					t.Fatalf("error body %s, want code %q (%v)", body, tc.want.code, err)
				}
				if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("error Content-Type %q", ct)
				}
				return
			}
			if ct := resp.Header.Get("Content-Type"); ct != tc.want.ctype {
				t.Errorf("Content-Type %q, want %q", ct, tc.want.ctype)
			}
			if !bytes.Equal(body, tc.want.body) {
				t.Errorf("body is %d bytes, want %d", len(body), len(tc.want.body))
			}
			for _, h := range []string{"Etag", "Cache-Control", "Content-Disposition"} {
				if resp.Header.Get(h) == "" {
					t.Errorf("no %s header", h)
				}
			}
			if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control %q is not immutable", cc)
			}
		})
	}
}

func TestHandlerCARScopes(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	srv := httptest.NewServer(trustless.NewHandler(tr.store, trustless.Options{}))
	defer srv.Close()
	etags := map[string]bool{}
	for _, tc := range []struct {
		name, query string
		cid         wf.CID
		blocks      int
	}{
		{"All", "?format=car&dag-scope=all", tr.root, len(tr.order)},
		{"Default", "?format=car", tr.root, len(tr.order)},
		{"Block", "?format=car&dag-scope=block", tr.root, 1},
		{"Probe", "?format=car", mustCID(t, "bafkqaaa"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Get(srv.URL + "/ipfs/" + tc.cid.String() + tc.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			etags[resp.Header.Get("Etag")] = true
			dst := memstore.New()
			roots, err := dag.ImportCAR(ctx, resp.Body, dst, dag.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(roots) != 1 || roots[0] != tc.cid {
				t.Fatalf("roots %v", roots)
			}
			if n, _ := dst.Len(); n != tc.blocks {
				t.Fatalf("%d blocks, want %d", n, tc.blocks)
			}
		})
	}
	if len(etags) != 3 { // All and Default share one
		t.Errorf("Etags %v: want one per scope and CID", etags)
	}
}

func TestHandlerNotModified(t *testing.T) {
	tr := newTree(t)
	srv := httptest.NewServer(trustless.NewHandler(tr.store, trustless.Options{}))
	defer srv.Close()
	u := srv.URL + "/ipfs/" + tr.root.String() + "?format=car"
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("If-None-Match", resp.Header.Get("Etag"))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Fatalf("status %d, want 304", resp.StatusCode)
	}
}

// A block missing before the response starts is an error status, not a
// cut-short 200.
func TestHandlerRefusesIncompleteCAR(t *testing.T) {
	ctx := context.Background()
	tr := newTree(t)
	lossy := memstore.New()
	for _, c := range tr.order[:len(tr.order)-1] {
		lossy.Put(ctx, c, tr.blocks[c])
	}
	srv := httptest.NewServer(trustless.NewHandler(lossy, trustless.Options{}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/ipfs/" + tr.root.String() + "?format=car")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Content-Disposition") != "" || resp.Header.Get("Etag") != "" {
		t.Fatalf("status %d, headers %v, body %s; want 404 without the CAR's headers", resp.StatusCode, resp.Header, body)
	}
}

// losing serves a store's blocks and sizes, except that Get has lost one:
// a block that goes missing between sizing the CAR and sending it.
type losing struct {
	*memstore.Store
	lost wf.CID
}

func (l losing) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	if c == l.lost {
		return nil, fmt.Errorf("losing: %w", wf.ErrNotFound)
	}
	return l.Store.Get(ctx, c)
}

// getOnly hides every method but Get: a getter that cannot size blocks.
type getOnly struct{ wf.BlockGetter }

// A block lost after the stream started must not look like a complete CAR,
// whether the response had a length (a sizing store) or was chunked.
func TestHandlerAbortsIncompleteCAR(t *testing.T) {
	tr := newTree(t)
	full := tr.store // every block of the tree
	last := tr.order[len(tr.order)-1]
	if last.Codec() == wf.CodecDagPB {
		t.Fatal("the tree's last block is an inner node; the sizing pass would read it")
	}
	for _, tc := range []struct {
		name   string
		getter wf.BlockGetter
		length bool
	}{
		{"sized", losing{full, last}, true},
		{"chunked", getOnly{losing{full, last}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(trustless.NewHandler(tc.getter, trustless.Options{}))
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/ipfs/" + tr.root.String() + "?format=car")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != 200 || (resp.ContentLength >= 0) != tc.length {
				t.Fatalf("status %d, Content-Length %d", resp.StatusCode, resp.ContentLength)
			}
			if _, err := io.ReadAll(resp.Body); err == nil {
				t.Fatal("body of a cut-short CAR read to a clean end")
			}
		})
	}
}

// The CAR's Content-Length is the length of its body, with a sizing
// store; without one the CAR is the same, chunked. HEAD is not sized.
func TestHandlerCARLength(t *testing.T) {
	tr := newTree(t)
	full := tr.store // every block of the tree
	var want []byte
	for _, g := range []wf.BlockGetter{full, getOnly{full}} {
		srv := httptest.NewServer(trustless.NewHandler(g, trustless.Options{}))
		url := srv.URL + "/ipfs/" + tr.root.String() + "?format=car"
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("status %d, %v", resp.StatusCode, err)
		}
		_, sizer := g.(wf.BlockSizer)
		if sizer && resp.ContentLength != int64(len(body)) || !sizer && resp.ContentLength != -1 {
			t.Fatalf("sizing store %v: Content-Length %d, body %d bytes", sizer, resp.ContentLength, len(body))
		}
		if want == nil {
			want = body
		} else if !bytes.Equal(body, want) {
			t.Fatal("the chunked CAR differs from the sized one")
		}
		head, err := http.Head(url)
		if err != nil {
			t.Fatal(err)
		}
		head.Body.Close()
		if head.StatusCode != 200 || head.ContentLength != -1 {
			t.Fatalf("HEAD: status %d, Content-Length %d; want 200 without a length (HEAD does not walk the DAG)", head.StatusCode, head.ContentLength)
		}
		srv.Close()
	}
}

// pseudoRandom returns n deterministic, incompressible bytes.
func pseudoRandom(seed uint64, n int) []byte {
	b := make([]byte, n)
	rand.NewChaCha8([32]byte{byte(seed)}).Read(b)
	return b
}

func mustCID(t testing.TB, s string) wf.CID {
	c, err := wf.ParseCID(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
