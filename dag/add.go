package dag

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	"github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	uio "github.com/ipfs/boxo/ipld/unixfs/io"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	mh "github.com/multiformats/go-multihash"
	"github.com/webfunctions/wf/wf"
)

// The UnixFS parameters of `ipfs add --cid-version=1` with kubo's defaults.
// A spec records them so anyone can recompute a CID.
const (
	ChunkSize        = 262144 // bytes per leaf ("size-262144" chunker)
	LinksPerNode     = 174    // links per interior file node
	HAMTShardingSize = 262144 // directory size estimate above which it becomes a HAMT
	HAMTFanout       = 256    // links per HAMT shard node
)

// prefix is the CID builder kubo uses for --cid-version=1.
var prefix = cid.Prefix{Version: 1, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1}

// AddFile packs the bytes of r into a UnixFS file DAG, puts every block into
// p and returns the root CID, the one `ipfs add --cid-version=1` prints.
func AddFile(ctx context.Context, p wf.BlockPutter, r io.Reader) (wf.CID, error) {
	n, err := addFile(ctx, &dagService{ctx: ctx, put: p}, r)
	if err != nil {
		return wf.CID{}, err
	}
	return FromGoCID(n.Cid())
}

func addFile(ctx context.Context, ds *dagService, r io.Reader) (ipld.Node, error) {
	params := helpers.DagBuilderParams{
		Dagserv:    ds,
		RawLeaves:  true,
		Maxlinks:   LinksPerNode,
		CidBuilder: prefix,
	}
	db, err := params.New(chunker.NewSizeSplitter(ctxReader{ctx, r}, ChunkSize))
	if err != nil {
		return nil, fmt.Errorf("dag: add file: %w", err)
	}
	n, err := balanced.Layout(db)
	if err != nil {
		return nil, fmt.Errorf("dag: add file: %w", err)
	}
	return n, nil
}

// ctxReader stops a long add when ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

// AddPath packs the file or directory name in fsys and returns its root CID:
// what `ipfs add -r --hidden --cid-version=1` prints for it. Every entry is
// taken, hidden ones included; symbolic links below name become UnixFS
// symlinks (fsys must implement fs.ReadLinkFS, as os.DirFS does), and name
// itself is followed. Files other than regular files, directories and
// symlinks are rejected with an error wrapping wf.ErrInvalid.
func AddPath(ctx context.Context, p wf.BlockPutter, fsys fs.FS, name string) (wf.CID, error) {
	ds := &dagService{ctx: ctx, put: p}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return wf.CID{}, fmt.Errorf("dag: add %s: %w", name, err)
	}
	n, err := addEntry(ctx, ds, fsys, name, info.Mode().Type())
	if err != nil {
		return wf.CID{}, err
	}
	return FromGoCID(n.Cid())
}

func addEntry(ctx context.Context, ds *dagService, fsys fs.FS, name string, typ fs.FileMode) (ipld.Node, error) {
	switch {
	case typ.IsDir():
		return addDir(ctx, ds, fsys, name)
	case typ.IsRegular():
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("dag: add %s: %w", name, err)
		}
		defer f.Close()
		n, err := addFile(ctx, ds, f)
		if err != nil {
			return nil, fmt.Errorf("dag: add %s: %w", name, err)
		}
		return n, nil
	case typ&fs.ModeSymlink != 0:
		return addSymlink(ds, fsys, name)
	}
	return nil, fmt.Errorf("dag: add %s: %w: unsupported file type %v", name, wf.ErrInvalid, typ)
}

func addSymlink(ds *dagService, fsys fs.FS, name string) (ipld.Node, error) {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil, fmt.Errorf("dag: add %s: %w: symbolic link in a file system that cannot read links", name, wf.ErrInvalid)
	}
	target, err := rl.ReadLink(name)
	if err != nil {
		return nil, fmt.Errorf("dag: add %s: %w", name, err)
	}
	data, err := unixfs.SymlinkData(target)
	if err != nil {
		return nil, fmt.Errorf("dag: add %s: %w", name, err)
	}
	n := merkledag.NodeWithData(data)
	if err := n.SetCidBuilder(prefix); err != nil {
		return nil, err
	}
	if err := ds.Add(ds.ctx, n); err != nil {
		return nil, err
	}
	return n, nil
}

// newDirectory makes a directory that switches to a HAMT where kubo's would.
func newDirectory(ds *dagService) (uio.Directory, error) {
	d, err := uio.NewDirectory(ds,
		uio.WithCidBuilder(prefix),
		uio.WithMaxLinks(0),
		uio.WithMaxHAMTFanout(HAMTFanout),
		uio.WithSizeEstimationMode(uio.SizeEstimationLinks),
	)
	if err != nil {
		return nil, err
	}
	d.SetHAMTShardingSize(HAMTShardingSize)
	return d, nil
}

func addDir(ctx context.Context, ds *dagService, fsys fs.FS, name string) (ipld.Node, error) {
	entries, err := fs.ReadDir(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("dag: add %s: %w", name, err)
	}
	dir, err := newDirectory(ds)
	if err != nil {
		return nil, fmt.Errorf("dag: add %s: %w", name, err)
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// A name that does not name a new entry (a broken fs.FS can list
		// "" or ".") would make us add this directory inside itself forever.
		if n := e.Name(); n == "" || n == "." || n == ".." || strings.Contains(n, "/") {
			return nil, fmt.Errorf("dag: add %s: %w: entry name %q", name, wf.ErrInvalid, n)
		}
		child, err := addEntry(ctx, ds, fsys, path.Join(name, e.Name()), e.Type())
		if err != nil {
			return nil, err
		}
		if err := dir.AddChild(ctx, e.Name(), child); err != nil {
			return nil, fmt.Errorf("dag: add %s: %w", path.Join(name, e.Name()), err)
		}
	}
	n, err := dir.GetNode()
	if err != nil {
		return nil, fmt.Errorf("dag: add %s: %w", name, err)
	}
	if err := ds.Add(ctx, n); err != nil {
		return nil, err
	}
	return n, nil
}
