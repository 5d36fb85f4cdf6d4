package dag

import (
	"context"
	"errors"
	"fmt"

	"github.com/ipfs/boxo/ipld/merkledag"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

// dagService adapts a wf.BlockGetter/BlockPutter to the ipld.DAGService the
// boxo importer and reader want. Every block it reads is verified against
// its CID, whatever the getter promises.
type dagService struct {
	ctx context.Context // boxo's importer calls Add with context.TODO()
	get wf.BlockGetter
	put wf.BlockPutter
}

var _ ipld.DAGService = (*dagService)(nil)

// getBlock returns the verified block named c; identity CIDs need no getter.
func getBlock(ctx context.Context, g wf.BlockGetter, c wf.CID) ([]byte, error) {
	if data, ok := store.Identity(c); ok {
		return data, nil
	}
	data, err := g.Get(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("dag: get %s: %w", c, err)
	}
	if err := store.Verify(c, data); err != nil {
		return nil, fmt.Errorf("dag: get %s: %w", c, err)
	}
	return data, nil
}

func (s *dagService) Get(ctx context.Context, gc cid.Cid) (ipld.Node, error) {
	c, err := FromGoCID(gc)
	if err != nil {
		return nil, err
	}
	data, err := getBlock(ctx, s.get, c)
	if err != nil {
		return nil, &getError{err}
	}
	return decodeNode(gc, data)
}

// getError marks an error from the block getter, so that readError passes
// it on unchanged instead of blaming the DAG.
type getError struct{ err error }

func (e *getError) Error() string { return e.err.Error() }
func (e *getError) Unwrap() error { return e.err }

func decodeNode(gc cid.Cid, data []byte) (ipld.Node, error) {
	blk, err := blocks.NewBlockWithCid(data, gc)
	if err != nil {
		return nil, err
	}
	switch gc.Type() {
	case cid.Raw:
		return merkledag.DecodeRawBlock(blk)
	case cid.DagProtobuf:
		n, err := merkledag.DecodeProtobufBlock(blk)
		if err != nil {
			return nil, fmt.Errorf("dag: %w: block %s: %v", wf.ErrInvalid, gc, err)
		}
		return n, nil
	}
	return nil, fmt.Errorf("dag: %w: block %s has codec 0x%x, which is not UnixFS", wf.ErrInvalid, gc, gc.Type())
}

func (s *dagService) GetMany(ctx context.Context, cids []cid.Cid) <-chan *ipld.NodeOption {
	out := make(chan *ipld.NodeOption, len(cids))
	go func() {
		defer close(out)
		for _, c := range cids {
			n, err := s.Get(ctx, c)
			select {
			case out <- &ipld.NodeOption{Node: n, Err: err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func (s *dagService) Add(_ context.Context, n ipld.Node) error {
	if s.put == nil {
		return errors.New("dag: read-only DAG service")
	}
	c, err := FromGoCID(n.Cid())
	if err != nil {
		return err
	}
	if err := s.put.Put(s.ctx, c, n.RawData()); err != nil {
		return fmt.Errorf("dag: put %s: %w", c, err)
	}
	return nil
}

func (s *dagService) AddMany(ctx context.Context, nodes []ipld.Node) error {
	for _, n := range nodes {
		if err := s.Add(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

func (s *dagService) Remove(context.Context, cid.Cid) error {
	return errors.New("dag: Remove is not supported")
}

func (s *dagService) RemoveMany(context.Context, []cid.Cid) error {
	return errors.New("dag: Remove is not supported")
}
