package dag_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/dag/internal/golden"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

const benchSize = 100 << 20 // 100 MiB

// discardPutter accepts blocks without storing or re-hashing them, to
// measure chunking and hashing alone.
type discardPutter struct{}

func (discardPutter) Put(context.Context, wf.CID, []byte) error { return nil }

func BenchmarkAddFile(b *testing.B) {
	data := golden.Bytes(42, benchSize)
	b.Run("Discard", func(b *testing.B) {
		b.SetBytes(benchSize)
		for b.Loop() {
			if _, err := dag.AddFile(context.Background(), discardPutter{}, bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Memstore", func(b *testing.B) {
		b.SetBytes(benchSize)
		for b.Loop() {
			if _, err := dag.AddFile(context.Background(), memstore.New(), bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkExportCAR(b *testing.B) {
	ctx := context.Background()
	s := memstore.New()
	root, err := dag.AddFile(ctx, s, bytes.NewReader(golden.Bytes(42, benchSize)))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchSize)
	for b.Loop() {
		if err := dag.ExportCAR(ctx, s, root, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadFile(b *testing.B) {
	ctx := context.Background()
	s := memstore.New()
	root, err := dag.AddFile(ctx, s, bytes.NewReader(golden.Bytes(42, benchSize)))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchSize)
	for b.Loop() {
		f, err := dag.Open(ctx, s, root, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, f); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
