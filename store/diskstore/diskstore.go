// Package diskstore is the default durable block store: one file per block
// under <dir>/blocks/, written atomically (temporary file, fsync, rename,
// fsync of the directory), verified against its CID on Put and optionally on
// Get, and bounded in total size.
//
// Layout: <dir>/blocks/<xy>/<name>, where <name> is the binary CID in
// lower-case unpadded base32 (so CIDv0 and CIDv1 never collide and the names
// are safe on case-insensitive file systems) and <xy> are its next-to-last two
// characters, as go-ds-flatfs shards (the last character carries few bits).
// <dir>/tmp/ holds writes in progress and is emptied by New.
//
// A directory must be used by one process at a time; within that process a
// Store is safe for concurrent use.
package diskstore

import (
	"context"
	"encoding/base32"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

var _ wf.BlockStore = (*Store)(nil)

// Options configures a Store. The zero value is a durable, unbounded store
// that verifies on Put only.
type Options struct {
	// MaxBytes bounds the total size of the stored blocks. A Put that would
	// go over it fails with an error wrapping wf.ErrTooLarge. Zero means no
	// bound beyond the disk.
	MaxBytes int64

	// VerifyOnGet re-hashes every block read from disk and fails the Get if
	// the file no longer matches its CID. Off by default because the readers
	// that matter (package dag, the trustless handler) verify every block
	// they use anyway.
	VerifyOnGet bool

	// NoSync skips fsync. A crash may then lose recent Puts (never leave a
	// torn block: renames stay atomic). For tests and throwaway caches.
	NoSync bool
}

// Store is a wf.BlockStore on the local file system.
type Store struct {
	blocksDir, tmpDir string
	opt               Options

	stripes [64]sync.Mutex // serializes Put/Delete of one CID, so size accounting is exact
	shards  sync.Map       // shard directories known to exist

	mu   sync.Mutex
	used int64
}

var b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// New opens (creating if needed) the store rooted at dir. It removes
// leftovers of interrupted writes and sums the size of the stored blocks.
func New(dir string, opt Options) (*Store, error) {
	if opt.MaxBytes < 0 {
		return nil, fmt.Errorf("diskstore: MaxBytes %d is negative", opt.MaxBytes)
	}
	s := &Store{
		blocksDir: filepath.Join(dir, "blocks"),
		tmpDir:    filepath.Join(dir, "tmp"),
		opt:       opt,
	}
	for _, d := range []string{s.blocksDir, s.tmpDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("diskstore: %w", err)
		}
	}
	if err := os.RemoveAll(s.tmpDir); err != nil {
		return nil, fmt.Errorf("diskstore: clean %s: %w", s.tmpDir, err)
	}
	if err := os.Mkdir(s.tmpDir, 0o755); err != nil {
		return nil, fmt.Errorf("diskstore: %w", err)
	}
	err := filepath.WalkDir(s.blocksDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != s.blocksDir {
				s.shards.Store(filepath.Base(path), true)
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.used += info.Size()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("diskstore: scan %s: %w", s.blocksDir, err)
	}
	return s, nil
}

func (s *Store) name(c wf.CID) (shard, path string) {
	name := b32.EncodeToString(c.Bytes())
	shard = name[len(name)-3 : len(name)-1]
	return shard, filepath.Join(s.blocksDir, shard, name)
}

func (s *Store) stripe(c wf.CID) *sync.Mutex {
	b := c.Bytes()
	return &s.stripes[int(b[len(b)-1])%len(s.stripes)]
}

// Get reads the block named c. It returns an error wrapping wf.ErrNotFound
// if it is absent.
func (s *Store) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !c.Defined() {
		return nil, fmt.Errorf("diskstore: get: %w: undefined CID", wf.ErrInvalid)
	}
	_, path := s.name(c)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("diskstore: get %s: %w", c, wf.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("diskstore: get %s: %w", c, err)
	}
	if s.opt.VerifyOnGet {
		if err := store.Verify(c, data); err != nil {
			// Not wf.ErrInvalid: the caller asked for nothing wrong.
			return nil, fmt.Errorf("diskstore: block %s is corrupt on disk (%s)", c, err)
		}
	}
	return data, nil
}

// Has reports whether the block named c is present.
func (s *Store) Has(ctx context.Context, c wf.CID) (bool, error) {
	if !c.Defined() {
		return false, ctx.Err()
	}
	_, err := s.BlockSize(ctx, c)
	if errors.Is(err, wf.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// BlockSize returns the length of the block named c as stored (see
// wf.BlockSizer): a stat, not a read.
func (s *Store) BlockSize(ctx context.Context, c wf.CID) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if !c.Defined() {
		return 0, fmt.Errorf("diskstore: size: %w: undefined CID", wf.ErrInvalid)
	}
	_, path := s.name(c)
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("diskstore: size %s: %w", c, wf.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("diskstore: size %s: %w", c, err)
	}
	return int(info.Size()), nil
}

// Put stores data under c after checking that it hashes to c (see
// store.Verify). When Put returns nil the block is on stable storage, unless
// Options.NoSync is set.
func (s *Store) Put(ctx context.Context, c wf.CID, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := store.Verify(c, data); err != nil {
		return fmt.Errorf("diskstore: put: %w", err)
	}
	shard, path := s.name(c)
	mu := s.stripe(c)
	mu.Lock()
	defer mu.Unlock()
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := s.reserve(int64(len(data))); err != nil {
		return fmt.Errorf("diskstore: put %s: %w", c, err)
	}
	if err := s.write(shard, path, data); err != nil {
		s.reserve(-int64(len(data)))
		return fmt.Errorf("diskstore: put %s: %w", c, err)
	}
	return nil
}

func (s *Store) reserve(n int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n > 0 && s.opt.MaxBytes > 0 && s.used+n > s.opt.MaxBytes {
		return fmt.Errorf("store holds %d of %d bytes, no room for %d more: %w", s.used, s.opt.MaxBytes, n, wf.ErrTooLarge)
	}
	s.used += n
	return nil
}

func (s *Store) write(shard, path string, data []byte) (err error) {
	f, err := os.CreateTemp(s.tmpDir, "put-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if !s.opt.NoSync {
		if err = f.Sync(); err != nil {
			return err
		}
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = s.mkShard(shard); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	return s.syncDir(filepath.Dir(path))
}

// mkShard creates a shard directory once, making its entry in blocks/
// durable before any block is renamed into it.
func (s *Store) mkShard(shard string) error {
	if _, ok := s.shards.Load(shard); ok {
		return nil
	}
	err := os.Mkdir(filepath.Join(s.blocksDir, shard), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if err == nil {
		if err := s.syncDir(s.blocksDir); err != nil {
			return err
		}
	}
	s.shards.Store(shard, true)
	return nil
}

func (s *Store) syncDir(dir string) error {
	if s.opt.NoSync {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Delete removes the block named c; removing an absent block is not an
// error. The removal is not fsynced: a crash may bring the block back, which
// is harmless for content-addressed data.
func (s *Store) Delete(ctx context.Context, c wf.CID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !c.Defined() {
		return nil
	}
	_, path := s.name(c)
	mu := s.stripe(c)
	mu.Lock()
	defer mu.Unlock()
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("diskstore: delete %s: %w", c, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("diskstore: delete %s: %w", c, err)
	}
	s.reserve(-info.Size())
	return nil
}

// Size returns the total size in bytes of the stored blocks.
func (s *Store) Size() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used
}

// List calls fn with every stored block's CID and size, in no particular
// order, stopping at fn's first error. Blocks put or deleted while it runs
// may or may not be seen. Names that are not blocks (left by hand) are
// skipped.
func (s *Store) List(ctx context.Context, fn func(c wf.CID, size int64) error) error {
	err := filepath.WalkDir(s.blocksDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // deleted while walking
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := b32.DecodeString(d.Name())
		if err != nil {
			return nil
		}
		c, err := wf.CIDFromBytes(b)
		if err != nil {
			return nil
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		return fn(c, info.Size())
	})
	if err != nil {
		return fmt.Errorf("diskstore: list: %w", err)
	}
	return nil
}
