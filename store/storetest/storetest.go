// Package storetest is the conformance suite for wf.BlockStore
// implementations. Each implementation runs it in one line:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) wf.BlockStore { return memstore.New() })
//	}
package storetest

import (
	"bytes"
	"context"
	"crypto/sha512"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

// Run runs the conformance suite. newStore must return a new, empty store
// for each call; the suite calls it once per subtest.
func Run(t *testing.T, newStore func(t *testing.T) wf.BlockStore) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s wf.BlockStore)
	}{
		{"PutGet", testPutGet},
		{"EmptyBlock", testEmptyBlock},
		{"CIDv0", testCIDv0},
		{"GetMissing", testGetMissing},
		{"Delete", testDelete},
		{"BadHash", testBadHash},
		{"UnsupportedHash", testUnsupportedHash},
		{"UndefinedCID", testUndefinedCID},
		{"IdempotentPut", testIdempotentPut},
		{"CodecIsPartOfTheName", testCodec},
		{"LargeBlock", testLargeBlock},
		{"ReturnedSlicesIndependent", testIndependentSlices},
		{"CanceledContext", testCanceled},
		{"ConcurrentHammer", testHammer},
		{"List", testList},
		{"BlockSize", testBlockSize},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newStore(t)) })
	}
}

// block returns deterministic pseudo-random data and its raw CID.
func block(seed uint64, n int) (wf.CID, []byte) {
	data := make([]byte, n)
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	return wf.SumCID(wf.CodecRaw, data), data
}

func mustPut(t *testing.T, s wf.BlockStore, c wf.CID, data []byte) {
	t.Helper()
	if err := s.Put(context.Background(), c, data); err != nil {
		t.Fatalf("Put(%s): %v", c, err)
	}
}

func mustGet(t *testing.T, s wf.BlockStore, c wf.CID, want []byte) {
	t.Helper()
	got, err := s.Get(context.Background(), c)
	if err != nil {
		t.Fatalf("Get(%s): %v", c, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Get(%s) = %d bytes, want the %d bytes put", c, len(got), len(want))
	}
}

func mustHave(t *testing.T, s wf.BlockStore, c wf.CID, want bool) {
	t.Helper()
	got, err := s.Has(context.Background(), c)
	if err != nil {
		t.Fatalf("Has(%s): %v", c, err)
	}
	if got != want {
		t.Fatalf("Has(%s) = %v, want %v", c, got, want)
	}
}

func testPutGet(t *testing.T, s wf.BlockStore) {
	for i, n := range []int{1, 100, 4096, 262144} {
		c, data := block(uint64(i), n)
		mustHave(t, s, c, false)
		mustPut(t, s, c, data)
		mustHave(t, s, c, true)
		mustGet(t, s, c, data)
	}
}

func testEmptyBlock(t *testing.T, s wf.BlockStore) {
	c := wf.SumCID(wf.CodecRaw, nil)
	mustPut(t, s, c, nil)
	mustHave(t, s, c, true)
	mustGet(t, s, c, []byte{})
}

func testCIDv0(t *testing.T, s wf.BlockStore) {
	_, data := block(7, 300)
	v1 := wf.SumCID(wf.CodecDagPB, data)
	v0, err := wf.CIDFromBytes(v1.Multihash())
	if err != nil || v0.Version() != 0 {
		t.Fatalf("building CIDv0: %v (version %d)", err, v0.Version())
	}
	mustPut(t, s, v0, data)
	mustGet(t, s, v0, data)
	mustHave(t, s, v1, false) // same hash, different name
}

func testGetMissing(t *testing.T, s wf.BlockStore) {
	c, _ := block(1, 10)
	_, err := s.Get(context.Background(), c)
	if !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("Get(missing) error = %v, want wf.ErrNotFound", err)
	}
	mustHave(t, s, c, false)
}

// testBlockSize checks a store that reports sizes (wf.BlockSizer) against
// what it returns, for empty, small and large blocks, absent and deleted.
func testBlockSize(t *testing.T, s wf.BlockStore) {
	sizer, ok := s.(wf.BlockSizer)
	if !ok {
		t.Skip("the store does not implement wf.BlockSizer")
	}
	ctx := context.Background()
	for _, n := range []int{0, 1, 1000, 1 << 20} {
		c, data := block(uint64(n)+7, n)
		if _, err := sizer.BlockSize(ctx, c); !errors.Is(err, wf.ErrNotFound) {
			t.Fatalf("BlockSize(absent) error = %v, want wf.ErrNotFound", err)
		}
		mustPut(t, s, c, data)
		if got, err := sizer.BlockSize(ctx, c); err != nil || got != n {
			t.Fatalf("BlockSize(%d-byte block) = %d, %v", n, got, err)
		}
		if err := s.Delete(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := sizer.BlockSize(ctx, c); !errors.Is(err, wf.ErrNotFound) {
			t.Fatalf("BlockSize(deleted) error = %v, want wf.ErrNotFound", err)
		}
	}
}

func testDelete(t *testing.T, s wf.BlockStore) {
	ctx := context.Background()
	c, data := block(2, 1000)
	other, otherData := block(3, 1000)
	mustPut(t, s, c, data)
	mustPut(t, s, other, otherData)
	if err := s.Delete(ctx, c); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	mustHave(t, s, c, false)
	if _, err := s.Get(ctx, c); !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("Get after Delete error = %v, want wf.ErrNotFound", err)
	}
	if err := s.Delete(ctx, c); err != nil {
		t.Fatalf("Delete of an absent block: %v", err)
	}
	mustGet(t, s, other, otherData)
	mustPut(t, s, c, data) // put again after delete
	mustGet(t, s, c, data)
}

func testBadHash(t *testing.T, s wf.BlockStore) {
	c, data := block(4, 500)
	bad := bytes.Clone(data)
	bad[0] ^= 1
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"FlippedBit", bad},
		{"Truncated", data[:len(data)-1]},
		{"Extended", append(bytes.Clone(data), 0)},
		{"Empty", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Put(context.Background(), c, tc.data)
			if !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("Put(wrong data) error = %v, want wf.ErrInvalid", err)
			}
			mustHave(t, s, c, false)
		})
	}
}

func testUnsupportedHash(t *testing.T, s wf.BlockStore) {
	data := []byte("hashed with sha2-512")
	sum := sha512.Sum512(data)
	c, err := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x13, 64}, sum[:]...))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(context.Background(), c, data); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("Put(sha2-512 block) error = %v, want wf.ErrInvalid", err)
	}
	mustHave(t, s, c, false)
}

func testUndefinedCID(t *testing.T, s wf.BlockStore) {
	if err := s.Put(context.Background(), wf.CID{}, []byte("x")); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("Put(undefined CID) error = %v, want wf.ErrInvalid", err)
	}
}

func testIdempotentPut(t *testing.T, s wf.BlockStore) {
	c, data := block(5, 2000)
	for range 3 {
		mustPut(t, s, c, data)
	}
	mustGet(t, s, c, data)
	if err := s.Delete(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	mustHave(t, s, c, false) // one Delete undoes any number of Puts
}

func testCodec(t *testing.T, s wf.BlockStore) {
	_, data := block(6, 64)
	raw, pb := wf.SumCID(wf.CodecRaw, data), wf.SumCID(wf.CodecDagPB, data)
	mustPut(t, s, raw, data)
	mustHave(t, s, pb, false)
	mustPut(t, s, pb, data)
	mustGet(t, s, pb, data)
}

func testLargeBlock(t *testing.T, s wf.BlockStore) {
	c, data := block(8, store.MaxBlockSize)
	mustPut(t, s, c, data)
	mustGet(t, s, c, data)

	big, bigData := block(9, store.MaxBlockSize+1)
	if err := s.Put(context.Background(), big, bigData); !errors.Is(err, wf.ErrTooLarge) {
		t.Fatalf("Put(MaxBlockSize+1) error = %v, want wf.ErrTooLarge", err)
	}
	mustHave(t, s, big, false)
}

func testIndependentSlices(t *testing.T, s wf.BlockStore) {
	c, data := block(10, 100)
	in := bytes.Clone(data)
	mustPut(t, s, c, in)
	in[0] ^= 0xff // the caller reuses its buffer
	mustGet(t, s, c, data)

	out, err := s.Get(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	out[0] ^= 0xff // a careless reader scribbles on what it got
	mustGet(t, s, c, data)
}

func testCanceled(t *testing.T, s wf.BlockStore) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c, data := block(11, 10)
	if err := s.Put(ctx, c, data); !errors.Is(err, context.Canceled) {
		t.Errorf("Put(canceled) error = %v, want context.Canceled", err)
	}
	mustPut(t, s, c, data)
	if _, err := s.Get(ctx, c); !errors.Is(err, context.Canceled) {
		t.Errorf("Get(canceled) error = %v, want context.Canceled", err)
	}
}

// testHammer runs Put, Get, Has and Delete from several goroutines over a
// small set of blocks, so the same CID is raced often. Every Get must return
// either the exact block or wf.ErrNotFound.
func testHammer(t *testing.T, s wf.BlockStore) {
	const (
		workers = 8
		blocks  = 16
		ops     = 300
	)
	ctx := context.Background()
	cids := make([]wf.CID, blocks)
	datas := make([][]byte, blocks)
	for i := range blocks {
		cids[i], datas[i] = block(uint64(100+i), 1+i*997)
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1))
			for range ops {
				i := r.IntN(blocks)
				c := cids[i]
				var err error
				switch r.IntN(4) {
				case 0, 1:
					err = s.Put(ctx, c, datas[i])
				case 2:
					var got []byte
					got, err = s.Get(ctx, c)
					if errors.Is(err, wf.ErrNotFound) {
						err = nil
					} else if err == nil && !bytes.Equal(got, datas[i]) {
						err = fmt.Errorf("Get(%s) returned %d bytes that are not the block", c, len(got))
					}
				case 3:
					if r.IntN(2) == 0 {
						_, err = s.Has(ctx, c)
					} else {
						err = s.Delete(ctx, c)
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, c := range cids {
		mustPut(t, s, c, datas[i])
	}
	for i, c := range cids {
		mustGet(t, s, c, datas[i])
	}
}

// Lister is the optional ability to enumerate a store's blocks, used by
// garbage collection. Stores that have it pass the List test; others skip
// it.
type Lister interface {
	List(ctx context.Context, fn func(c wf.CID, size int64) error) error
}

func testList(t *testing.T, s wf.BlockStore) {
	l, ok := s.(Lister)
	if !ok {
		t.Skip("the store cannot list its blocks")
	}
	ctx := context.Background()
	list := func() map[wf.CID]int64 {
		t.Helper()
		got := make(map[wf.CID]int64)
		if err := l.List(ctx, func(c wf.CID, n int64) error {
			if _, dup := got[c]; dup {
				t.Errorf("List gave %s twice", c)
			}
			got[c] = n
			return nil
		}); err != nil {
			t.Fatalf("List: %v", err)
		}
		return got
	}
	if got := list(); len(got) != 0 {
		t.Fatalf("List of an empty store gave %d blocks", len(got))
	}
	want := make(map[wf.CID]int64)
	for i := range 20 {
		c, data := block(uint64(200+i), i*37)
		mustPut(t, s, c, data)
		want[c] = int64(len(data))
	}
	v0data := []byte("a dag-pb block named by a CIDv0")
	v0, _ := wf.CIDFromBytes(wf.SumCID(wf.CodecDagPB, v0data).Multihash())
	mustPut(t, s, v0, v0data)
	want[v0] = int64(len(v0data))
	got := list()
	if len(got) != len(want) {
		t.Fatalf("List gave %d blocks, want %d", len(got), len(want))
	}
	for c, n := range want {
		if got[c] != n {
			t.Errorf("List: %s has size %d, want %d (present: %v)", c, got[c], n, got[c] != 0 || n == 0)
		}
	}
	var first wf.CID
	for c := range want {
		first = c
		break
	}
	if err := s.Delete(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, ok := list()[first]; ok {
		t.Errorf("List gave %s after its Delete", first)
	}
	stop := errors.New("stop")
	calls := 0
	if err := l.List(ctx, func(wf.CID, int64) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("List with fn failing: err %v after %d calls, want the fn's error after 1", err, calls)
	}
}
