package dag

import (
	"context"
	"fmt"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

// Links returns the CIDs that the block named c links to, in the order a
// depth-first walk follows them. Raw and JSON blocks have none. It returns an
// error wrapping wf.ErrInvalid for a dag-pb block that does not decode or a
// codec it does not know. It does not verify data against c.
func Links(c wf.CID, data []byte) ([]wf.CID, error) {
	switch c.Codec() {
	case wf.CodecRaw, wf.CodecJSON:
		return nil, nil
	case wf.CodecDagPB:
		n, err := merkledag.DecodeProtobuf(data)
		if err != nil {
			return nil, fmt.Errorf("dag: %w: block %s: %v", wf.ErrInvalid, c, err)
		}
		links := n.Links()
		out := make([]wf.CID, len(links))
		for i, l := range links {
			if out[i], err = FromGoCID(l.Cid); err != nil {
				return nil, fmt.Errorf("dag: block %s link %d: %w", c, i, err)
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("dag: %w: block %s has unsupported codec 0x%x", wf.ErrInvalid, c, c.Codec())
}

// A Walk is a depth-first, pre-order traversal of the DAG under a root,
// following links in order: the block order of `ipfs dag export` and of a
// trustless gateway's CAR with order=dfs. It is driven from outside: Next
// says which block must come next, Visit checks and consumes it. It never
// reads a store itself, so it can check a stream from an untrusted peer as it
// arrives.
//
// Identity CIDs are expanded inline and never asked for. A Walk is not safe
// for concurrent use.
type Walk struct {
	dups  bool
	stack []wf.CID // pending, top is next; children are pushed in reverse
	seen  map[wf.CID]struct{}
}

// NewWalk starts a walk at root. If dups is false, a block that occurs
// several times in the DAG comes only the first time (CAR dups=n, what `ipfs
// dag export` writes); if true, it comes every time (dups=y).
func NewWalk(root wf.CID, dups bool) *Walk {
	return &Walk{dups: dups, stack: []wf.CID{root}, seen: make(map[wf.CID]struct{})}
}

// Next returns the CID of the block the walk needs next, or ok == false when
// the walk is complete. The error is for a malformed identity block.
func (w *Walk) Next() (c wf.CID, ok bool, err error) {
	for len(w.stack) > 0 {
		c = w.stack[len(w.stack)-1]
		if _, seen := w.seen[c]; seen && !w.dups {
			w.stack = w.stack[:len(w.stack)-1]
			continue
		}
		if data, inline := store.Identity(c); inline {
			if err := w.advance(c, data); err != nil {
				return wf.CID{}, false, err
			}
			continue
		}
		return c, true, nil
	}
	return wf.CID{}, false, nil
}

// Visit checks that c is the block Next names and that data hashes to it,
// then moves on to its children. Errors wrap wf.ErrInvalid (wrong block,
// wrong bytes, undecodable node) or wf.ErrTooLarge; after an error the walk
// is unchanged.
func (w *Walk) Visit(c wf.CID, data []byte) error {
	want, ok, err := w.Next()
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("dag: %w: unexpected block %s after the end of the DAG", wf.ErrInvalid, c)
	}
	if c != want {
		return fmt.Errorf("dag: %w: got block %s where the walk needs %s", wf.ErrInvalid, c, want)
	}
	if err := store.Verify(c, data); err != nil {
		return fmt.Errorf("dag: %w", err)
	}
	return w.advance(c, data)
}

func (w *Walk) advance(c wf.CID, data []byte) error {
	links, err := Links(c, data)
	if err != nil {
		return err
	}
	w.stack = w.stack[:len(w.stack)-1]
	w.seen[c] = struct{}{}
	for i := len(links) - 1; i >= 0; i-- {
		w.stack = append(w.stack, links[i])
	}
	return nil
}

// walkStore runs a walk over blocks from g, calling fn with each verified
// block in order.
func walkStore(ctx context.Context, g wf.BlockGetter, root wf.CID, fn func(c wf.CID, data []byte) error) error {
	w := NewWalk(root, false)
	for {
		c, ok, err := w.Next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := g.Get(ctx, c)
		if err != nil {
			return fmt.Errorf("dag: walk %s: block %s: %w", root, c, err)
		}
		if err := w.Visit(c, data); err != nil {
			return fmt.Errorf("dag: walk %s: %w", root, err)
		}
		if err := fn(c, data); err != nil {
			return err
		}
	}
}

// VerifyComplete checks that every block of the DAG under root is in g and
// matches its CID. A missing block gives an error wrapping wf.ErrNotFound, a
// corrupt or undecodable one an error wrapping wf.ErrInvalid.
func VerifyComplete(ctx context.Context, g wf.BlockGetter, root wf.CID) error {
	return walkStore(ctx, g, root, func(wf.CID, []byte) error { return nil })
}

// ForEach calls fn with every block of the DAG under root, in depth-first
// order (each block once), reading from g and verifying each block first.
// A missing block gives an error wrapping wf.ErrNotFound.
func ForEach(ctx context.Context, g wf.BlockGetter, root wf.CID, fn func(c wf.CID, data []byte) error) error {
	return walkStore(ctx, g, root, fn)
}
