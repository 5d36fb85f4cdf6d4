package dag

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	car "github.com/ipld/go-car/v2"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

// CARWriter writes a CAR v1 stream: a header naming the roots, then one
// section (varint length, CID, data) per block. It does not check what it
// is given; ExportCAR writes whole verified DAGs.
type CARWriter struct {
	w      *bufio.Writer
	roots  []wf.CID
	header bool
}

// NewCARWriter returns a writer for a CAR with the given roots. Nothing is
// written before the first WriteBlock or Flush.
func NewCARWriter(w io.Writer, roots ...wf.CID) *CARWriter {
	return &CARWriter{w: bufio.NewWriterSize(w, 64<<10), roots: roots}
}

// carHeader encodes {"roots": [...], "version": 1} in DAG-CBOR, byte for
// byte as go-car writes it (map keys in length-first order; CIDs as tag 42
// over a byte string with a leading 0x00).
func carHeader(roots []wf.CID) []byte {
	b := []byte{0xa2, 0x65, 'r', 'o', 'o', 't', 's'}
	b = cborHead(b, 4, uint64(len(roots)))
	for _, r := range roots {
		b = append(b, 0xd8, 42)
		b = cborHead(b, 2, uint64(len(r.Bytes())+1))
		b = append(b, 0)
		b = append(b, r.Bytes()...)
	}
	b = append(b, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x01)
	return b
}

func cborHead(b []byte, major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return append(b, m|byte(n))
	case n <= 0xff:
		return append(b, m|24, byte(n))
	case n <= 0xffff:
		return binary.BigEndian.AppendUint16(append(b, m|25), uint16(n))
	case n <= 0xffffffff:
		return binary.BigEndian.AppendUint32(append(b, m|26), uint32(n))
	}
	return binary.BigEndian.AppendUint64(append(b, m|27), n)
}

func (cw *CARWriter) writeHeader() error {
	if cw.header {
		return nil
	}
	cw.header = true
	h := carHeader(cw.roots)
	if _, err := cw.w.Write(binary.AppendUvarint(nil, uint64(len(h)))); err != nil {
		return err
	}
	_, err := cw.w.Write(h)
	return err
}

// WriteBlock writes one block section.
func (cw *CARWriter) WriteBlock(c wf.CID, data []byte) error {
	if err := cw.writeHeader(); err != nil {
		return err
	}
	var buf [binary.MaxVarintLen64]byte
	cb := c.Bytes()
	n := binary.PutUvarint(buf[:], uint64(len(cb)+len(data)))
	if _, err := cw.w.Write(buf[:n]); err != nil {
		return err
	}
	if _, err := cw.w.Write(cb); err != nil {
		return err
	}
	_, err := cw.w.Write(data)
	return err
}

// Flush writes the header if no block was written, and any buffered data.
func (cw *CARWriter) Flush() error {
	if err := cw.writeHeader(); err != nil {
		return err
	}
	return cw.w.Flush()
}

// ExportCAR writes the DAG under root to w as a CAR v1 with root as its only
// root, each distinct block once in depth-first pre-order: byte for byte
// what `ipfs dag export` writes. Every block is verified as it is read. If
// the root block is missing, nothing is written and the error wraps
// wf.ErrNotFound; a block missing further down ends the stream early with an
// error (the CAR is then incomplete).
func ExportCAR(ctx context.Context, g wf.BlockGetter, root wf.CID, w io.Writer) error {
	cw := NewCARWriter(w, root)
	err := walkStore(ctx, g, root, func(c wf.CID, data []byte) error {
		if err := cw.WriteBlock(c, data); err != nil {
			return fmt.Errorf("dag: export %s: %w", root, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("dag: export %s: %w", root, err)
	}
	return nil
}

// CARSize returns the length of the CAR that ExportCAR writes for root,
// without reading the leaves: inner (dag-pb) blocks are read and verified
// for their links, the rest are sized by s. A missing block gives an error
// wrapping wf.ErrNotFound, as ExportCAR would meet it. A DAG of more than
// maxBlocks blocks is not sized: ok is false (sizing costs a read or a
// stat per block before the first byte is sent).
func CARSize(ctx context.Context, g wf.BlockGetter, s wf.BlockSizer, root wf.CID, maxBlocks int) (size int64, ok bool, err error) {
	h := carHeader([]wf.CID{root})
	size = int64(uvarintLen(uint64(len(h))) + len(h))
	w := NewWalk(root, false)
	for blocks := 0; ; blocks++ {
		c, more, err := w.Next()
		if err != nil {
			return 0, false, err
		}
		if !more {
			return size, true, nil
		}
		if blocks == maxBlocks {
			return 0, false, nil
		}
		if err := ctx.Err(); err != nil {
			return 0, false, err
		}
		var n int
		if c.Codec() == wf.CodecDagPB {
			data, err := g.Get(ctx, c)
			if err != nil {
				return 0, false, fmt.Errorf("dag: size %s: block %s: %w", root, c, err)
			}
			if err := w.Visit(c, data); err != nil {
				return 0, false, fmt.Errorf("dag: size %s: %w", root, err)
			}
			n = len(data)
		} else {
			if n, err = s.BlockSize(ctx, c); err != nil {
				return 0, false, fmt.Errorf("dag: size %s: block %s: %w", root, c, err)
			}
			if err := w.advance(c, nil); err != nil { // no links
				return 0, false, fmt.Errorf("dag: size %s: %w", root, err)
			}
		}
		section := len(c.Bytes()) + n
		size += int64(uvarintLen(uint64(section)) + section)
	}
}

func uvarintLen(x uint64) int {
	var buf [binary.MaxVarintLen64]byte
	return binary.PutUvarint(buf[:], x)
}

// Limits bounds what ImportCAR accepts. The zero value means the defaults.
type Limits struct {
	// MaxBlockSize is the largest block accepted; default and ceiling
	// store.MaxBlockSize (2 MiB).
	MaxBlockSize int
	// MaxBytes is the largest CAR accepted, counting every byte read;
	// default DefaultMaxCARBytes.
	MaxBytes int64
}

// DefaultMaxCARBytes bounds a CAR import when Limits.MaxBytes is zero.
const DefaultMaxCARBytes = 1 << 30

const (
	maxHeaderSize = 64 << 10 // the header holds only the roots
	maxCIDSize    = 256      // room for any CID wf accepts
)

func (l Limits) withDefaults() Limits {
	if l.MaxBlockSize <= 0 || l.MaxBlockSize > store.MaxBlockSize {
		l.MaxBlockSize = store.MaxBlockSize
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxCARBytes
	}
	return l
}

// errOverLimit marks the byte limit being hit inside go-car.
var errOverLimit = errors.New("over the byte limit")

// countingReader counts bytes read and stops at a limit. It is an
// io.ByteReader so go-car reads section lengths through it without extra
// buffering, which keeps the count exact.
type countingReader struct {
	r     *bufio.Reader
	n     int64
	limit int64
	err   error // first error from r other than io.EOF
}

func (c *countingReader) note(err error) {
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, errOverLimit
	}
	if int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.note(err)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	if c.n >= c.limit {
		return 0, errOverLimit
	}
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	c.note(err)
	return b, err
}

// CARReader reads a CAR v1 stream from an untrusted source, one block at a
// time, within Limits. It checks framing and sizes but not hashes: callers
// verify each block, either with store.Verify or with a Walk.
type CARReader struct {
	cr    *countingReader
	br    *car.BlockReader
	lim   Limits
	roots []wf.CID
	end   int64 // offset just past the last complete section
}

// NewCARReader reads the header of a CAR v1 stream. Errors wrap
// wf.ErrInvalid (malformed, not version 1, no roots) or wf.ErrTooLarge.
func NewCARReader(r io.Reader, lim Limits) (*CARReader, error) {
	lim = lim.withDefaults()
	cr := &countingReader{r: bufio.NewReaderSize(r, 64<<10), limit: lim.MaxBytes}
	br, err := car.NewBlockReader(cr,
		car.WithTrustedCAR(true), // we verify, once, with our own hash check
		car.MaxAllowedHeaderSize(maxHeaderSize),
		car.MaxAllowedSectionSize(uint64(lim.MaxBlockSize+maxCIDSize)),
	)
	if err != nil {
		return nil, carError("header", cr, err)
	}
	if br.Version != 1 {
		return nil, fmt.Errorf("dag: %w: CAR version %d, want 1", wf.ErrInvalid, br.Version)
	}
	if len(br.Roots) == 0 {
		return nil, fmt.Errorf("dag: %w: CAR has no roots", wf.ErrInvalid)
	}
	roots := make([]wf.CID, len(br.Roots))
	for i, gc := range br.Roots {
		if roots[i], err = FromGoCID(gc); err != nil {
			return nil, fmt.Errorf("dag: CAR root %d: %w", i, err)
		}
	}
	return &CARReader{cr: cr, br: br, lim: lim, roots: roots, end: cr.n}, nil
}

// Roots returns the roots named in the header.
func (r *CARReader) Roots() []wf.CID { return r.roots }

// Next returns the next block, unverified, or io.EOF after the last one.
// Errors wrap wf.ErrInvalid (malformed or truncated stream) or
// wf.ErrTooLarge.
func (r *CARReader) Next() (wf.CID, []byte, error) {
	blk, err := r.br.Next()
	if err == io.EOF {
		// go-car reports a stream cut right after a section length as a
		// clean end; the byte count tells the two apart.
		if r.cr.n != r.end {
			return wf.CID{}, nil, fmt.Errorf("dag: %w: CAR truncated at byte %d", wf.ErrInvalid, r.cr.n)
		}
		return wf.CID{}, nil, io.EOF
	}
	if err != nil {
		return wf.CID{}, nil, carError("block", r.cr, err)
	}
	r.end = r.cr.n
	data := blk.RawData()
	c, err := FromGoCID(blk.Cid())
	if err != nil {
		return wf.CID{}, nil, err
	}
	if len(data) > r.lim.MaxBlockSize {
		return wf.CID{}, nil, fmt.Errorf("dag: CAR block %s is %d bytes, over the %d byte limit: %w", c, len(data), r.lim.MaxBlockSize, wf.ErrTooLarge)
	}
	return c, data, nil
}

// carError classifies an error from go-car: the source failing (a network
// error, a timeout) passes through; hitting a limit is wf.ErrTooLarge;
// anything else is malformed input.
func carError(what string, cr *countingReader, err error) error {
	switch {
	case cr.err != nil && cr.err != errOverLimit:
		return fmt.Errorf("dag: CAR %s: read: %w", what, cr.err)
	case errors.Is(err, errOverLimit):
		return fmt.Errorf("dag: CAR %s: stream over the byte limit: %w", what, wf.ErrTooLarge)
	case isSectionTooLarge(err):
		return fmt.Errorf("dag: CAR %s: %v: %w", what, err, wf.ErrTooLarge)
	}
	return fmt.Errorf("dag: %w: CAR %s: %v", wf.ErrInvalid, what, err)
}

// isSectionTooLarge recognizes go-car's internal size errors, which are not
// exported.
func isSectionTooLarge(err error) bool {
	s := err.Error()
	return s == "invalid section data, length of read beyond allowable maximum" ||
		s == "invalid header data, length of read beyond allowable maximum"
}

// ImportCAR reads a CAR v1 stream, verifies every block against its CID and
// puts it into p, and returns the roots named in the header. Blocks may come
// in any order and need not form complete DAGs; run VerifyComplete on the
// roots when that matters. Identity blocks are checked and dropped. Errors
// wrap wf.ErrInvalid for malformed or corrupt input and wf.ErrTooLarge when
// a limit is hit; blocks put before the error stay put (each is genuine).
func ImportCAR(ctx context.Context, r io.Reader, p wf.BlockPutter, lim Limits) ([]wf.CID, error) {
	cr, err := NewCARReader(r, lim)
	if err != nil {
		return nil, err
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, data, err := cr.Next()
		if err == io.EOF {
			return cr.Roots(), nil
		}
		if err != nil {
			return nil, err
		}
		if err := store.Verify(c, data); err != nil {
			return nil, fmt.Errorf("dag: import: %w", err)
		}
		if _, inline := store.Identity(c); inline {
			continue
		}
		if err := p.Put(ctx, c, data); err != nil {
			return nil, fmt.Errorf("dag: import: %w", err)
		}
	}
}
