package dag

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	uio "github.com/ipfs/boxo/ipld/unixfs/io"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/webfunctions/wf/wf"
)

// File is a UnixFS file being read from a block store. Every block it reads
// is verified against its CID. Close releases it.
type File struct {
	uio.DagReader
}

// Size is the file size the root node declares.
func (f *File) Size() int64 { return int64(f.DagReader.Size()) }

// Open resolves name, a slash-separated path below root ("" or "." for root
// itself), through UnixFS directories (basic or HAMT) and opens the file
// there. Errors wrap wf.ErrNotFound for a missing entry or block and
// wf.ErrInvalid for a bad path, a directory or symlink where a file is
// needed, or a malformed node.
func Open(ctx context.Context, g wf.BlockGetter, root wf.CID, name string) (*File, error) {
	n, err := resolve(ctx, g, root, name)
	if err != nil {
		return nil, err
	}
	r, err := uio.NewDagReader(ctx, n, &dagService{ctx: ctx, get: g})
	if err != nil {
		return nil, fmt.Errorf("dag: open %s/%s: %w", root, name, readError(err))
	}
	return &File{r}, nil
}

// ReadFile reads the whole file at name below root; see Open.
func ReadFile(ctx context.Context, g wf.BlockGetter, root wf.CID, name string) ([]byte, error) {
	f, err := Open(ctx, g, root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The declared size is only a hint: it comes from the DAG.
	buf := make([]byte, 0, min(f.Size(), 64<<20))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("dag: read %s/%s: %w", root, name, readError(err))
		}
	}
}

func resolve(ctx context.Context, g wf.BlockGetter, root wf.CID, name string) (ipld.Node, error) {
	ds := &dagService{ctx: ctx, get: g}
	gc, err := GoCID(root)
	if err != nil {
		return nil, err
	}
	n, err := ds.Get(ctx, gc)
	if err != nil {
		return nil, err
	}
	name = strings.Trim(name, "/")
	if name == "" || name == "." {
		return n, nil
	}
	if !fs.ValidPath(name) {
		return nil, fmt.Errorf("dag: %w: bad path %q", wf.ErrInvalid, name)
	}
	walked := root.String()
	for _, elem := range strings.Split(name, "/") {
		pn, ok := n.(*merkledag.ProtoNode)
		if !ok {
			return nil, fmt.Errorf("dag: %w: %s is not a directory", wf.ErrInvalid, walked)
		}
		fsn, err := unixfs.FSNodeFromBytes(pn.Data())
		if err != nil {
			return nil, fmt.Errorf("dag: %w: %s: %v", wf.ErrInvalid, walked, err)
		}
		if t := fsn.Type(); t != unixfs.TDirectory && t != unixfs.THAMTShard {
			return nil, fmt.Errorf("dag: %w: %s is not a directory", wf.ErrInvalid, walked)
		}
		dir, err := uio.NewDirectoryFromNode(ds, pn)
		if err != nil {
			return nil, fmt.Errorf("dag: %w: %s: %v", wf.ErrInvalid, walked, err)
		}
		n, err = dir.Find(ctx, elem)
		walked += "/" + elem
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, merkledag.ErrLinkNotFound) {
			return nil, fmt.Errorf("dag: %s: %w", walked, wf.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("dag: %s: %w", walked, readError(err))
		}
	}
	return n, nil
}

var errIsDir = errors.New("is a directory")

// readError passes on errors from the getter and the context, and reports
// boxo's complaints about the DAG itself as wf.ErrInvalid.
func readError(err error) error {
	var ge *getError
	switch {
	case errors.As(err, &ge), errors.Is(err, wf.ErrInvalid),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, uio.ErrIsDir):
		return fmt.Errorf("%w: %v", wf.ErrInvalid, errIsDir)
	}
	return fmt.Errorf("%w: %v", wf.ErrInvalid, err)
}
