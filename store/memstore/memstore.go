// Package memstore is a block store held in memory: a map guarded by a
// RWMutex. It is the store for tests and for `wf dev`, and the reference
// behaviour for store/storetest.
package memstore

import (
	"context"
	"fmt"
	"sync"

	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

var _ wf.BlockStore = (*Store)(nil)

// Store is an in-memory wf.BlockStore. Blocks are copied on the way in and
// on the way out, so no caller can change what another one reads. The zero
// value is not usable; call New. A Store is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	blocks map[wf.CID][]byte
	size   int64
}

// New returns an empty store.
func New() *Store {
	return &Store{blocks: make(map[wf.CID][]byte)}
}

// Get returns a copy of the block named c, or an error wrapping
// wf.ErrNotFound.
func (s *Store) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	b, ok := s.blocks[c]
	s.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("memstore: get %s: %w", c, wf.ErrNotFound)
	}
	return append([]byte(nil), b...), nil
}

// BlockSize returns the length of the block named c (see wf.BlockSizer).
func (s *Store) BlockSize(ctx context.Context, c wf.CID) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	b, ok := s.blocks[c]
	s.mu.RUnlock()
	if !ok {
		return 0, fmt.Errorf("memstore: size %s: %w", c, wf.ErrNotFound)
	}
	return len(b), nil
}

// Put stores data under c after checking that it hashes to c (see
// store.Verify for the errors).
func (s *Store) Put(ctx context.Context, c wf.CID, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := store.Verify(c, data); err != nil {
		return fmt.Errorf("memstore: put: %w", err)
	}
	b := append([]byte{}, data...) // non-nil even when empty
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.blocks[c]; !ok {
		s.blocks[c] = b
		s.size += int64(len(b))
	}
	return nil
}

// Has reports whether the block named c is present.
func (s *Store) Has(ctx context.Context, c wf.CID) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.RLock()
	_, ok := s.blocks[c]
	s.mu.RUnlock()
	return ok, nil
}

// Delete removes the block named c; removing an absent block is not an
// error.
func (s *Store) Delete(ctx context.Context, c wf.CID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.blocks[c]; ok {
		s.size -= int64(len(b))
		delete(s.blocks, c)
	}
	return nil
}

// Len returns the number of blocks and their total size in bytes.
func (s *Store) Len() (blocks int, bytes int64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.blocks), s.size
}

// CIDs returns the CIDs of all stored blocks, in no particular order.
func (s *Store) CIDs() []wf.CID {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]wf.CID, 0, len(s.blocks))
	for c := range s.blocks {
		out = append(out, c)
	}
	return out
}

// List calls fn with every stored block's CID and size, in no particular
// order, stopping at fn's first error. It calls fn without holding the
// store's lock, so fn may use the store.
func (s *Store) List(ctx context.Context, fn func(c wf.CID, size int64) error) error {
	s.mu.RLock()
	sizes := make(map[wf.CID]int64, len(s.blocks))
	for c, b := range s.blocks {
		sizes[c] = int64(len(b))
	}
	s.mu.RUnlock()
	for c, n := range sizes {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(c, n); err != nil {
			return err
		}
	}
	return nil
}

// Size returns the total size in bytes of the stored blocks.
func (s *Store) Size() int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.size
}
