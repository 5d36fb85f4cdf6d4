package dag_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/dag/internal/golden"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// goldenFile is dag/testdata/golden.json, written by regen-golden.sh from
// real kubo output.
type goldenFile struct {
	Kubo  string `json:"kubo"`
	Files []struct {
		golden.File
		CID       string `json:"cid"`
		CARSize   int    `json:"car_size"`
		CARSHA256 string `json:"car_sha256"`
		CARHex    string `json:"car_hex"`
	} `json:"files"`
	Dirs []struct {
		golden.Dir
		CID       string `json:"cid"`
		CARSize   int    `json:"car_size"`
		CARSHA256 string `json:"car_sha256"`
	} `json:"dirs"`
}

func loadGolden(t testing.TB) goldenFile {
	t.Helper()
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Files) == 0 || len(g.Dirs) == 0 {
		t.Fatal("golden.json holds no cases")
	}
	return g
}

func checkCAR(t *testing.T, s wf.BlockGetter, root wf.CID, size int, sum, hexCAR string) {
	t.Helper()
	if sum == "" {
		return
	}
	var buf bytes.Buffer
	if err := dag.ExportCAR(context.Background(), s, root, &buf); err != nil {
		t.Fatalf("ExportCAR: %v", err)
	}
	if hexCAR != "" && hex.EncodeToString(buf.Bytes()) != hexCAR {
		t.Fatalf("ExportCAR =\n%x\nipfs dag export =\n%s", buf.Bytes(), hexCAR)
	}
	got := sha256.Sum256(buf.Bytes())
	if buf.Len() != size || hex.EncodeToString(got[:]) != sum {
		t.Fatalf("ExportCAR: %d bytes, sha256 %x; ipfs dag export: %d bytes, sha256 %s", buf.Len(), got, size, sum)
	}
}

func TestGoldenFiles(t *testing.T) {
	ctx := context.Background()
	for _, f := range loadGolden(t).Files {
		t.Run(f.Name, func(t *testing.T) {
			if f.Large && testing.Short() {
				t.Skip("large input; run without -short")
			}
			content := f.Content()
			s := memstore.New()
			root, err := dag.AddFile(ctx, s, bytes.NewReader(content))
			if err != nil {
				t.Fatal(err)
			}
			if root.String() != f.CID {
				t.Fatalf("AddFile(%s) = %s, kubo says %s", f.Name, root, f.CID)
			}
			checkCAR(t, s, root, f.CARSize, f.CARSHA256, f.CARHex)
			if err := dag.VerifyComplete(ctx, s, root); err != nil {
				t.Fatal(err)
			}
			got, err := dag.ReadFile(ctx, s, root, "")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, content) {
				t.Fatalf("ReadFile returned %d bytes, not the %d added", len(got), len(content))
			}
		})
	}
}

// mapFS builds the in-memory form of a golden directory.
func mapFS(d golden.Dir) fstest.MapFS {
	m := fstest.MapFS{}
	for _, e := range d.All() {
		switch {
		case e.Dir:
			m[e.Path] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
		case e.Symlink != "":
			m[e.Path] = &fstest.MapFile{Mode: fs.ModeSymlink | 0o777, Data: []byte(e.Symlink)}
		default:
			m[e.Path] = &fstest.MapFile{Mode: 0o644, Data: e.Content()}
		}
	}
	return m
}

// diskFS writes a golden directory to disk, as regen-golden.sh does for kubo.
func diskFS(t *testing.T, d golden.Dir) fs.FS {
	root := t.TempDir()
	for _, e := range d.All() {
		p := filepath.Join(root, filepath.FromSlash(e.Path))
		var err error
		switch {
		case e.Dir:
			err = os.MkdirAll(p, 0o755)
		case e.Symlink != "":
			err = os.Symlink(e.Symlink, p)
		default:
			err = os.WriteFile(p, e.Content(), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return os.DirFS(root)
}

func TestGoldenDirs(t *testing.T) {
	ctx := context.Background()
	for _, d := range loadGolden(t).Dirs {
		for _, src := range []struct {
			name string
			fs   func(*testing.T, golden.Dir) fs.FS
		}{
			{"MapFS", func(_ *testing.T, d golden.Dir) fs.FS { return mapFS(d) }},
			{"DirFS", diskFS},
		} {
			t.Run(d.Name+"/"+src.name, func(t *testing.T) {
				if src.name == "DirFS" && d.Many != nil {
					t.Skip("thousands of files on disk add seconds and nothing MapFS does not cover")
				}
				s := memstore.New()
				root, err := dag.AddPath(ctx, s, src.fs(t, d.Dir), ".")
				if err != nil {
					t.Fatal(err)
				}
				if root.String() != d.CID {
					t.Fatalf("AddPath(%s) = %s, kubo says %s", d.Name, root, d.CID)
				}
				checkCAR(t, s, root, d.CARSize, d.CARSHA256, "")
				if err := dag.VerifyComplete(ctx, s, root); err != nil {
					t.Fatal(err)
				}
				for i, e := range d.All() {
					if e.Dir || e.Symlink != "" || (d.Many != nil && i%97 != 0) {
						continue
					}
					got, err := dag.ReadFile(ctx, s, root, e.Path)
					if err != nil {
						t.Fatalf("ReadFile(%s): %v", e.Path, err)
					}
					if !bytes.Equal(got, e.Content()) {
						t.Fatalf("ReadFile(%s) returned the wrong %d bytes", e.Path, len(got))
					}
				}
			})
		}
	}
}

// TestHAMTThreshold pins down where a directory becomes a HAMT shard: the
// golden links-4096 directory sits exactly on boxo's 256 KiB estimate and
// stays basic; links-4097 goes one entry over.
func TestHAMTThreshold(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		dir  string
		want string
	}{
		{"links-4096", "Directory"},
		{"links-4097", "HAMTShard"},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			var d golden.Dir
			for _, gd := range loadGolden(t).Dirs {
				if gd.Name == tc.dir {
					d = gd.Dir
				}
			}
			s := memstore.New()
			root, err := dag.AddPath(ctx, s, mapFS(d), ".")
			if err != nil {
				t.Fatal(err)
			}
			data, err := s.Get(ctx, root)
			if err != nil {
				t.Fatal(err)
			}
			n, err := merkledag.DecodeProtobuf(data)
			if err != nil {
				t.Fatal(err)
			}
			fsn, err := unixfs.FSNodeFromBytes(n.Data())
			if err != nil {
				t.Fatal(err)
			}
			if got := fsn.Type().String(); got != tc.want {
				t.Fatalf("root of %s is a %s, want %s", tc.dir, got, tc.want)
			}
		})
	}
}
