package diskstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/store/storetest"
	"github.com/webfunctions/wf/wf"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) wf.BlockStore {
		s, err := diskstore.New(t.TempDir(), diskstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConformanceVerifyOnGet(t *testing.T) {
	storetest.Run(t, func(t *testing.T) wf.BlockStore {
		s, err := diskstore.New(t.TempDir(), diskstore.Options{VerifyOnGet: true, NoSync: true, MaxBytes: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func newBlock(s string) (wf.CID, []byte) {
	return wf.SumCID(wf.CodecRaw, []byte(s)), []byte(s)
}

func TestReopenPersists(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := diskstore.New(dir, diskstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, adata := newBlock("first block")
	b, bdata := newBlock("second block, deleted before reopening")
	for _, blk := range []struct {
		c wf.CID
		d []byte
	}{{a, adata}, {b, bdata}} {
		if err := s.Put(ctx, blk.c, blk.d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, b); err != nil {
		t.Fatal(err)
	}
	// An interrupted write leaves a temporary file behind.
	if err := os.WriteFile(filepath.Join(dir, "tmp", "put-123"), []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}

	s2, err := diskstore.New(dir, diskstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s2.Get(ctx, a)
	if err != nil || string(got) != string(adata) {
		t.Fatalf("after reopen Get = %q, %v", got, err)
	}
	if ok, _ := s2.Has(ctx, b); ok {
		t.Fatal("deleted block came back after reopen")
	}
	if got, want := s2.Size(), int64(len(adata)); got != want {
		t.Errorf("Size after reopen = %d, want %d", got, want)
	}
	left, _ := os.ReadDir(filepath.Join(dir, "tmp"))
	if len(left) != 0 {
		t.Errorf("tmp/ still holds %d files after reopen", len(left))
	}
}

func TestMaxBytes(t *testing.T) {
	ctx := context.Background()
	s, err := diskstore.New(t.TempDir(), diskstore.Options{MaxBytes: 10, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	a, adata := newBlock("123456")
	b, bdata := newBlock("abcdef")
	if err := s.Put(ctx, a, adata); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, a, adata); err != nil {
		t.Fatalf("re-putting a present block must not count against the bound: %v", err)
	}
	if err := s.Put(ctx, b, bdata); !errors.Is(err, wf.ErrTooLarge) {
		t.Fatalf("Put over MaxBytes error = %v, want wf.ErrTooLarge", err)
	}
	if err := s.Delete(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, b, bdata); err != nil {
		t.Fatalf("Put after Delete freed room: %v", err)
	}
	if s.Size() != 6 {
		t.Errorf("Size = %d, want 6", s.Size())
	}
}

func TestVerifyOnGetDetectsCorruption(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c, data := newBlock("this block will rot on disk")
	for _, tc := range []struct {
		name    string
		verify  bool
		wantErr bool
	}{
		{"Verify", true, true},
		{"NoVerify", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := diskstore.New(dir, diskstore.Options{VerifyOnGet: tc.verify})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Put(ctx, c, data); err != nil {
				t.Fatal(err)
			}
			var path string
			filepath.WalkDir(filepath.Join(dir, "blocks"), func(p string, d os.DirEntry, _ error) error {
				if !d.IsDir() {
					path = p
				}
				return nil
			})
			if err := os.WriteFile(path, []byte(strings.ToUpper(string(data))), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = s.Get(ctx, c)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Get of a corrupt block: error = %v, want error: %v", err, tc.wantErr)
			}
			if err != nil && (errors.Is(err, wf.ErrInvalid) || errors.Is(err, wf.ErrNotFound)) {
				t.Errorf("corruption must not look like a caller error: %v", err)
			}
			os.Remove(path)
		})
	}
}
