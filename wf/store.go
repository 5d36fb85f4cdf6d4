package wf

import "context"

// BlockGetter reads content-addressed blocks.
//
// Get returns an error wrapping ErrNotFound when the block is absent. The
// returned slice must not be modified by the caller. Implementations are safe
// for concurrent use.
type BlockGetter interface {
	Get(ctx context.Context, c CID) ([]byte, error)
}

// BlockPutter writes content-addressed blocks.
//
// Put verifies that data hashes to c and returns an error wrapping
// ErrInvalid if it does not. Putting a block that is already present is not
// an error.
type BlockPutter interface {
	Put(ctx context.Context, c CID, data []byte) error
}

// BlockStore is a local, verified block store.
type BlockStore interface {
	BlockGetter
	BlockPutter
	Has(ctx context.Context, c CID) (bool, error)
	// Delete removes a block; deleting an absent block is not an error.
	Delete(ctx context.Context, c CID) error
}

// BlockSizer is implemented by stores that can tell a block's length
// without reading it, so a CAR's length can be known before it is sent.
//
// BlockSize returns the length of the block named c as stored, unverified,
// or an error wrapping ErrNotFound when it is absent. It must agree with
// the same value's Get: a wrapper that changes what Get returns must size
// what it returns too.
type BlockSizer interface {
	BlockSize(ctx context.Context, c CID) (int, error)
}
