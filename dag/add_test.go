package dag_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

func TestAddPathSingleFile(t *testing.T) {
	ctx := context.Background()
	data := bytes.Repeat([]byte("abc"), 200000)
	fsys := fstest.MapFS{"dir/f.bin": {Data: data}}
	want, err := dag.AddFile(ctx, memstore.New(), bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	got, err := dag.AddPath(ctx, memstore.New(), fsys, "dir/f.bin")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("AddPath(file) = %s, AddFile = %s", got, want)
	}
}

// badFS lists an entry whose name would make the directory contain itself.
type badFS struct{ name string }

func (b badFS) Open(name string) (fs.File, error) { return nil, fs.ErrNotExist }
func (b badFS) Stat(name string) (fs.FileInfo, error) {
	return fstest.MapFS{".": {Mode: fs.ModeDir}}.Stat(".")
}
func (b badFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return []fs.DirEntry{fs.FileInfoToDirEntry(badInfo{b.name})}, nil
}

type badInfo struct{ name string }

func (i badInfo) Name() string       { return i.name }
func (i badInfo) Size() int64        { return 0 }
func (i badInfo) Mode() fs.FileMode  { return fs.ModeDir }
func (i badInfo) ModTime() time.Time { return time.Time{} }
func (i badInfo) IsDir() bool        { return true }
func (i badInfo) Sys() any           { return nil }

func TestAddPathRejects(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		fsys fs.FS
		path string
		want error
	}{
		{"EmptyEntryName", badFS{""}, ".", wf.ErrInvalid},
		{"DotEntry", badFS{"."}, ".", wf.ErrInvalid},
		{"SlashInName", badFS{"a/b"}, ".", wf.ErrInvalid},
		{"NamedPipe", fstest.MapFS{"p": {Mode: fs.ModeNamedPipe}}, ".", wf.ErrInvalid},
		{"Missing", fstest.MapFS{}, "nope", fs.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := dag.AddPath(ctx, memstore.New(), tc.fsys, tc.path)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestAddFileCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := io.MultiReader(strings.NewReader(strings.Repeat("x", 1<<20)), readerFunc(func(p []byte) (int, error) {
		cancel()
		return copy(p, "more"), nil
	}), strings.NewReader(strings.Repeat("y", 1<<20)))
	if _, err := dag.AddFile(ctx, memstore.New(), r); !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
