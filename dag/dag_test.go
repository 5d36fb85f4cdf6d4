package dag_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/dag/internal/golden"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// faultyGetter serves blocks from a store, except those it was told to
// lose or corrupt.
type faultyGetter struct {
	wf.BlockGetter
	missing, corrupt map[wf.CID]bool
}

func (g faultyGetter) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	if g.missing[c] {
		return nil, fmt.Errorf("faulty: %w", wf.ErrNotFound)
	}
	b, err := g.BlockGetter.Get(ctx, c)
	if err == nil && g.corrupt[c] {
		b = append(bytes.Clone(b), 'x')
	}
	return b, err
}

// BlockSize sizes what Get would return, or says it is missing.
func (g faultyGetter) BlockSize(ctx context.Context, c wf.CID) (int, error) {
	if g.missing[c] {
		return 0, fmt.Errorf("faulty: %w", wf.ErrNotFound)
	}
	return g.BlockGetter.(wf.BlockSizer).BlockSize(ctx, c)
}

// testTree adds a small directory and returns the store, the root and the
// CIDs of the DAG in export order.
func testTree(t *testing.T) (*memstore.Store, wf.CID, []wf.CID) {
	t.Helper()
	ctx := context.Background()
	fsys := fstest.MapFS{
		"a.txt":        {Data: []byte("hello")},
		"dir/big.bin":  {Data: golden.Bytes(1, 3*dag.ChunkSize+5)},
		"dir/zeros":    {Data: make([]byte, 2*dag.ChunkSize)},
		"dir/zeros2":   {Data: make([]byte, 2*dag.ChunkSize)}, // same DAG as dir/zeros
		"empty":        {Mode: fs.ModeDir | 0o755},
		"last-one.txt": {Data: []byte("bye")},
	}
	s := memstore.New()
	root, err := dag.AddPath(ctx, s, fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dag.ExportCAR(ctx, s, root, &buf); err != nil {
		t.Fatal(err)
	}
	r, err := dag.NewCARReader(&buf, dag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var order []wf.CID
	for {
		c, _, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		order = append(order, c)
	}
	if n, _ := s.Len(); n != len(order) {
		t.Fatalf("export wrote %d blocks, the store holds %d", len(order), n)
	}
	return s, root, order
}

func TestWalkOrder(t *testing.T) {
	ctx := context.Background()
	s, root, order := testTree(t)
	// Recompute the order from first principles: pre-order DFS, links in
	// order, each block once.
	var want []wf.CID
	seen := map[wf.CID]bool{}
	var visit func(c wf.CID)
	visit = func(c wf.CID) {
		if seen[c] {
			return
		}
		seen[c] = true
		want = append(want, c)
		data, _ := s.Get(ctx, c)
		links, err := dag.Links(c, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			visit(l)
		}
	}
	visit(root)
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Fatalf("export order\n%v\nwant\n%v", order, want)
	}
}

func TestWalkRejects(t *testing.T) {
	ctx := context.Background()
	s, root, order := testTree(t)
	get := func(c wf.CID) []byte {
		b, err := s.Get(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	unrelated := wf.SumCID(wf.CodecRaw, []byte("not in this DAG"))
	for _, tc := range []struct {
		name string
		feed func(w *dag.Walk) error // returns the first error
		want error
	}{
		{"Complete", func(w *dag.Walk) error {
			for _, c := range order {
				if err := w.Visit(c, get(c)); err != nil {
					return err
				}
			}
			if _, ok, _ := w.Next(); ok {
				return errors.New("walk not complete after every block")
			}
			return nil
		}, nil},
		{"Swapped", func(w *dag.Walk) error {
			if err := w.Visit(order[0], get(order[0])); err != nil {
				return err
			}
			return w.Visit(order[2], get(order[2]))
		}, wf.ErrInvalid},
		{"Unrelated", func(w *dag.Walk) error {
			return w.Visit(unrelated, []byte("not in this DAG"))
		}, wf.ErrInvalid},
		{"BadHash", func(w *dag.Walk) error {
			return w.Visit(root, append(get(root), 0))
		}, wf.ErrInvalid},
		{"Duplicate", func(w *dag.Walk) error {
			if err := w.Visit(order[0], get(order[0])); err != nil {
				return err
			}
			return w.Visit(order[0], get(order[0]))
		}, wf.ErrInvalid},
		{"Extra", func(w *dag.Walk) error {
			for _, c := range order {
				if err := w.Visit(c, get(c)); err != nil {
					return err
				}
			}
			return w.Visit(order[1], get(order[1]))
		}, wf.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.feed(dag.NewWalk(root, false))
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestWalkDups(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	// Four identical zero leaves under one root.
	root, err := dag.AddFile(ctx, s, bytes.NewReader(make([]byte, 4*dag.ChunkSize)))
	if err != nil {
		t.Fatal(err)
	}
	rootData, _ := s.Get(ctx, root)
	links, _ := dag.Links(root, rootData)
	leaf := links[0]
	leafData, _ := s.Get(ctx, leaf)
	for _, tc := range []struct {
		dups   bool
		visits int
	}{{false, 1}, {true, 4}} {
		t.Run(fmt.Sprintf("dups=%v", tc.dups), func(t *testing.T) {
			w := dag.NewWalk(root, tc.dups)
			if err := w.Visit(root, rootData); err != nil {
				t.Fatal(err)
			}
			for i := range tc.visits {
				if err := w.Visit(leaf, leafData); err != nil {
					t.Fatalf("leaf visit %d: %v", i, err)
				}
			}
			if c, ok, _ := w.Next(); ok {
				t.Fatalf("walk still wants %s", c)
			}
		})
	}
}

func TestIdentityCIDs(t *testing.T) {
	ctx := context.Background()
	id, err := wf.NewCIDv1(wf.CodecRaw, []byte{0, 0}) // bafkqaaa, the probe CID
	if err != nil {
		t.Fatal(err)
	}
	if id.String() != "bafkqaaa" {
		t.Fatalf("identity CID = %s", id)
	}
	var buf bytes.Buffer
	if err := dag.ExportCAR(ctx, memstore.New(), id, &buf); err != nil {
		t.Fatal(err)
	}
	roots, err := dag.ImportCAR(ctx, &buf, memstore.New(), dag.Limits{})
	if err != nil || len(roots) != 1 || roots[0] != id {
		t.Fatalf("identity CAR round trip: roots %v, %v", roots, err)
	}
	if err := dag.VerifyComplete(ctx, memstore.New(), id); err != nil {
		t.Fatalf("an identity CID is always complete: %v", err)
	}
}

func TestCARRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, root, _ := testTree(t)
	var buf bytes.Buffer
	if err := dag.ExportCAR(ctx, s, root, &buf); err != nil {
		t.Fatal(err)
	}
	dst := memstore.New()
	roots, err := dag.ImportCAR(ctx, bytes.NewReader(buf.Bytes()), dst, dag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 1 || roots[0] != root {
		t.Fatalf("roots = %v, want [%s]", roots, root)
	}
	if err := dag.VerifyComplete(ctx, dst, root); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := dag.ExportCAR(ctx, dst, root, &again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatal("re-export differs")
	}
}

// car builds a CAR by hand: a header with roots, then raw sections.
func car(roots []wf.CID, sections ...[]byte) []byte {
	var buf bytes.Buffer
	cw := dag.NewCARWriter(&buf, roots...)
	cw.Flush()
	for _, s := range sections {
		buf.Write(binary.AppendUvarint(nil, uint64(len(s))))
		buf.Write(s)
	}
	return buf.Bytes()
}

func section(c wf.CID, data []byte) []byte { return append(c.Bytes(), data...) }

func TestImportCARRejects(t *testing.T) {
	ctx := context.Background()
	good := []byte("a good block")
	gc := wf.SumCID(wf.CodecRaw, good)
	big := make([]byte, 1000)
	bigc := wf.SumCID(wf.CodecRaw, big)
	v2pragma := []byte{0x0a, 0xa1, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x02}
	for _, tc := range []struct {
		name string
		in   []byte
		lim  dag.Limits
		want error
	}{
		{"Empty", nil, dag.Limits{}, wf.ErrInvalid},
		{"Garbage", []byte("this is not a CAR file at all"), dag.Limits{}, wf.ErrInvalid},
		{"NoRoots", car(nil, section(gc, good)), dag.Limits{}, wf.ErrInvalid},
		{"CARv2", v2pragma, dag.Limits{}, wf.ErrInvalid},
		{"BadHash", car([]wf.CID{gc}, section(gc, []byte("a bad block!"))), dag.Limits{}, wf.ErrInvalid},
		{"TruncatedSection", car([]wf.CID{gc}, section(gc, good))[:50], dag.Limits{}, wf.ErrInvalid},
		{"LengthOnly", append(car([]wf.CID{gc}), 40), dag.Limits{}, wf.ErrInvalid},
		{"ZeroLengthSection", append(car([]wf.CID{gc}), 0), dag.Limits{}, wf.ErrInvalid},
		{"BadCID", car([]wf.CID{gc}, []byte{1, 0x55, 0x12, 0x05, 1, 2, 3}), dag.Limits{}, wf.ErrInvalid},
		{"BlockOverLimit", car([]wf.CID{bigc}, section(bigc, big)), dag.Limits{MaxBlockSize: 999}, wf.ErrTooLarge},
		{"SectionLengthHuge", append(car([]wf.CID{gc}), binary.AppendUvarint(nil, 1<<40)...), dag.Limits{}, wf.ErrTooLarge},
		{"StreamOverLimit", car([]wf.CID{bigc}, section(bigc, big)), dag.Limits{MaxBytes: 500}, wf.ErrTooLarge},
		{"Good", car([]wf.CID{gc}, section(gc, good)), dag.Limits{}, nil},
		{"BlockAtLimit", car([]wf.CID{bigc}, section(bigc, big)), dag.Limits{MaxBlockSize: 1000}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := memstore.New()
			_, err := dag.ImportCAR(ctx, bytes.NewReader(tc.in), dst, tc.lim)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("ImportCAR error = %v, want %v", err, tc.want)
			}
			for _, c := range dst.CIDs() {
				b, _ := dst.Get(ctx, c)
				if err := store.Verify(c, b); err != nil {
					t.Fatalf("stored a bad block: %v", err)
				}
			}
		})
	}
}

// TestImportCARTruncated cuts a CAR at every byte: each prefix must either
// fail with wf.ErrInvalid or end exactly on a section boundary.
func TestImportCARTruncated(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	root, err := dag.AddFile(ctx, s, bytes.NewReader(golden.Bytes(3, 3000)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dag.ExportCAR(ctx, s, root, &buf); err != nil {
		t.Fatal(err)
	}
	full := buf.Bytes()
	headerLen := len(car([]wf.CID{root}))
	for n := range len(full) {
		_, err := dag.ImportCAR(ctx, bytes.NewReader(full[:n]), memstore.New(), dag.Limits{})
		boundary := n == headerLen
		if boundary && err != nil || !boundary && !errors.Is(err, wf.ErrInvalid) {
			t.Fatalf("prefix of %d/%d bytes: error %v", n, len(full), err)
		}
	}
}

func TestExportCARMissing(t *testing.T) {
	ctx := context.Background()
	s, root, order := testTree(t)
	t.Run("Root", func(t *testing.T) {
		var buf bytes.Buffer
		err := dag.ExportCAR(ctx, faultyGetter{s, map[wf.CID]bool{root: true}, nil}, root, &buf)
		if !errors.Is(err, wf.ErrNotFound) || buf.Len() != 0 {
			t.Fatalf("error %v with %d bytes written; want wf.ErrNotFound and nothing", err, buf.Len())
		}
	})
	t.Run("Leaf", func(t *testing.T) {
		last := order[len(order)-1]
		err := dag.ExportCAR(ctx, faultyGetter{s, map[wf.CID]bool{last: true}, nil}, root, io.Discard)
		if !errors.Is(err, wf.ErrNotFound) {
			t.Fatalf("error %v, want wf.ErrNotFound", err)
		}
	})
	t.Run("Corrupt", func(t *testing.T) {
		err := dag.ExportCAR(ctx, faultyGetter{s, nil, map[wf.CID]bool{order[3]: true}}, root, io.Discard)
		if !errors.Is(err, wf.ErrInvalid) {
			t.Fatalf("error %v, want wf.ErrInvalid", err)
		}
	})
}

// TestCARSize checks CARSize against the length of what ExportCAR writes,
// for the whole tree (with a repeated sub-DAG, written once) and every
// sub-DAG in it, and that a missing block, inner or leaf, is reported.
func TestCARSize(t *testing.T) {
	ctx := context.Background()
	s, root, order := testTree(t)
	for _, c := range append([]wf.CID{root}, order...) {
		var buf bytes.Buffer
		if err := dag.ExportCAR(ctx, s, c, &buf); err != nil {
			t.Fatal(err)
		}
		size, ok, err := dag.CARSize(ctx, s, s, c, len(order))
		if err != nil || !ok || size != int64(buf.Len()) {
			t.Fatalf("CARSize(%s) = %d, %v, %v; ExportCAR wrote %d bytes", c, size, ok, err, buf.Len())
		}
	}
	if _, ok, err := dag.CARSize(ctx, s, s, root, len(order)-1); ok || err != nil {
		t.Fatalf("a DAG of %d blocks sized with at most %d: ok %v, %v", len(order), len(order)-1, ok, err)
	}
	for i, c := range order {
		g := faultyGetter{s, map[wf.CID]bool{c: true}, nil}
		if _, _, err := dag.CARSize(ctx, g, g, root, len(order)); !errors.Is(err, wf.ErrNotFound) {
			t.Fatalf("block %d (%s) missing: error %v, want wf.ErrNotFound", i, c, err)
		}
	}
	g := faultyGetter{s, nil, map[wf.CID]bool{root: true}}
	if _, _, err := dag.CARSize(ctx, g, g, root, len(order)); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("corrupt root: error %v, want wf.ErrInvalid", err)
	}
}

func TestVerifyComplete(t *testing.T) {
	ctx := context.Background()
	s, root, order := testTree(t)
	for i, c := range order {
		t.Run(fmt.Sprintf("missing-%d", i), func(t *testing.T) {
			err := dag.VerifyComplete(ctx, faultyGetter{s, map[wf.CID]bool{c: true}, nil}, root)
			if !errors.Is(err, wf.ErrNotFound) {
				t.Fatalf("error %v, want wf.ErrNotFound", err)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	ctx := context.Background()
	s, root, order := testTree(t)
	for _, tc := range []struct {
		name, path string
		getter     wf.BlockGetter
		want       []byte
		err        error
	}{
		{"Small", "a.txt", s, []byte("hello"), nil},
		{"LeadingSlash", "/a.txt", s, []byte("hello"), nil},
		{"Nested", "dir/big.bin", s, golden.Bytes(1, 3*dag.ChunkSize+5), nil},
		{"Zeros", "dir/zeros", s, make([]byte, 2*dag.ChunkSize), nil},
		{"Missing", "nope.txt", s, nil, wf.ErrNotFound},
		{"MissingNested", "dir/nope", s, nil, wf.ErrNotFound},
		{"Directory", "dir", s, nil, wf.ErrInvalid},
		{"Root", "", s, nil, wf.ErrInvalid},
		{"ThroughFile", "a.txt/x", s, nil, wf.ErrInvalid},
		{"DotDot", "dir/../a.txt", s, nil, wf.ErrInvalid},
		{"MissingRoot", "a.txt", faultyGetter{s, map[wf.CID]bool{root: true}, nil}, nil, wf.ErrNotFound},
		{"MissingLeaf", "dir/big.bin", faultyGetter{s, missingLeaves(t, s, order), nil}, nil, wf.ErrNotFound},
		{"CorruptLeaf", "dir/big.bin", faultyGetter{s, nil, missingLeaves(t, s, order)}, nil, wf.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := dag.ReadFile(ctx, tc.getter, root, tc.path)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("error %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.want) {
				t.Fatalf("got %d bytes, want %d", len(got), len(tc.want))
			}
		})
	}
}

// missingLeaves picks the raw leaves of dir/big.bin (non-zero, 256 KiB).
func missingLeaves(t *testing.T, s *memstore.Store, order []wf.CID) map[wf.CID]bool {
	out := map[wf.CID]bool{}
	for _, c := range order {
		b, _ := s.Get(context.Background(), c)
		if c.Codec() == wf.CodecRaw && len(b) == dag.ChunkSize && b[0] != 0 {
			out[c] = true
		}
	}
	if len(out) == 0 {
		t.Fatal("no leaves found")
	}
	return out
}
