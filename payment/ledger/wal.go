package ledger

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strconv"
)

// The write-ahead log makes a charge durable with one write and one
// fdatasync into a file whose blocks are already allocated and written,
// which a disk flushes in one go; a bbolt commit takes two flushes (pages,
// then meta). Charges go to the log; the bbolt file is brought up to date
// (a checkpoint) when the log is half full and on Close, after which the
// log is written from its start again. A settlement step writes the
// accounts to the bbolt file with the log position they reflect but
// leaves the log as it is: replay skips what the file has.
//
// A record is a frame: length (4 bytes, big endian), CRC-32C of the
// payload (4 bytes), payload (JSON of walRecord). Sequence numbers follow
// each other without gaps within the file, so reading stops at the first
// torn frame and at the first stale frame of an earlier round.

// walSize is the log's preallocated size; it is checkpointed at half.
const walSize = 8 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type walRecord struct {
	Seq    uint64 `json:"s"`
	Charge Charge `json:"c"`
}

type wal struct {
	f      *os.File
	mem    []byte // the file mapped (wal_linux.go); nil: written with WriteAt
	off    int64
	nosync bool
	buf    []byte // append's frames, reused
}

// openWAL opens or creates the log at path, preallocates it, and returns
// the records of its current round.
func openWAL(path string, nosync bool) (*wal, []walRecord, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if len(b) < walSize {
		// Written zeros, not fallocate: writing into unwritten extents
		// costs a journal commit per fdatasync.
		if _, err := f.WriteAt(make([]byte, walSize-len(b)), int64(len(b))); err != nil {
			f.Close()
			return nil, nil, err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	var recs []walRecord
	for off := 0; off+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[off:]))
		sum := binary.BigEndian.Uint32(b[off+4:])
		if n == 0 || off+8+n > len(b) {
			break
		}
		p := b[off+8 : off+8+n]
		if crc32.Checksum(p, castagnoli) != sum {
			break
		}
		var r walRecord
		if json.Unmarshal(p, &r) != nil {
			break
		}
		if len(recs) > 0 && r.Seq != recs[len(recs)-1].Seq+1 {
			break
		}
		recs = append(recs, r)
		off += 8 + n
	}
	w := &wal{f: f, nosync: nosync}
	if fi, err := f.Stat(); err == nil && fi.Size() == walSize {
		if mem, err := mapWAL(f); err == nil {
			w.mem = mem
		}
	}
	return w, recs, nil
}

var errWALFull = errors.New("ledger: log full")

// append writes recs after the last record and, if sync, flushes them.
// The frames are built in w.buf, kept between calls (the ledger's wmu
// serialises them).
func (w *wal) append(recs []walRecord, sync bool) error {
	buf := w.buf[:0]
	for _, r := range recs {
		start := len(buf)
		buf = append(buf, 0, 0, 0, 0, 0, 0, 0, 0) // length and CRC, below
		var err error
		if buf, err = r.appendJSON(buf); err != nil {
			w.buf = buf[:0]
			return err
		}
		p := buf[start+8:]
		binary.BigEndian.PutUint32(buf[start:], uint32(len(p)))
		binary.BigEndian.PutUint32(buf[start+4:], crc32.Checksum(p, castagnoli))
	}
	if cap(buf) <= 64<<10 {
		w.buf = buf[:0]
	} else {
		w.buf = nil // a rare large group: not kept
	}
	if w.off+int64(len(buf))+8 > walSize {
		return errWALFull
	}
	if w.mem != nil {
		copy(w.mem[w.off:], buf)
	} else if _, err := w.f.WriteAt(buf, w.off); err != nil {
		return fmt.Errorf("ledger: write log: %w", err)
	}
	if sync && !w.nosync {
		if err := fdatasync(w.f); err != nil {
			return fmt.Errorf("ledger: sync log: %w", err)
		}
	}
	w.off += int64(len(buf))
	return nil
}

// full reports whether the log should be checkpointed.
func (w *wal) full() bool { return w.off > walSize/2 }

// reset starts a new round at the start of the file; call it only once
// everything logged is in the bbolt file.
func (w *wal) reset() { w.off = 0 }

func (w *wal) close() error {
	var err error
	if w.mem != nil {
		err = unmapWAL(w.mem)
		w.mem = nil
	}
	return errors.Join(err, w.f.Close())
}

// marshal is json.Marshal(r).
func (r walRecord) marshal() ([]byte, error) { return r.appendJSON(nil) }

// appendJSON appends json.Marshal(r) to dst, written by hand for the
// records a provider logs per paid request: owner-pays without a metering
// key, and caller-pays whose voucher is left out (a session's repeated
// voucher, see Ledger.commit) with its session's sequence number.
// TestWALRecordEncoding holds the two to the same bytes.
func (r walRecord) appendJSON(dst []byte) ([]byte, error) {
	c := r.Charge
	if c.Voucher != nil || c.Meter != nil || c.Rail != nil || c.Amount == nil ||
		(c.Key.Mode != Owner && c.Key.Mode != Caller) || c.Key.Payer.IsZero() || c.Key.Channel != (WideKey{}) {
		j, err := json.Marshal(r)
		return append(dst, j...), err
	}
	p := append(dst, `{"s":`...)
	p = strconv.AppendUint(p, r.Seq, 10)
	p = append(p, `,"c":{"Key":{"Mode":`...)
	p = strconv.AppendUint(p, uint64(c.Key.Mode), 10)
	p = append(p, `,"Payer":"0x`...)
	p = hex.AppendEncode(p, c.Key.Payer[:])
	p = append(p, `"},"Amount":`...)
	if c.Amount.IsUint64() {
		p = strconv.AppendUint(p, c.Amount.Uint64(), 10)
	} else {
		p = c.Amount.Append(p, 10)
	}
	if c.Count != 0 {
		p = append(p, `,"n":`...)
		p = strconv.AppendUint(p, c.Count, 10)
	}
	p = append(p, `,"Voucher":null`...)
	if s := c.Session; s != nil {
		p = append(p, `,"Session":{"key":[`...)
		for i, b := range s.Key {
			if i > 0 {
				p = append(p, ',')
			}
			p = strconv.AppendUint(p, uint64(b), 10)
		}
		p = append(p, `],"seq":`...)
		p = strconv.AppendUint(p, s.Seq, 10)
		p = append(p, `,"expiry":`...)
		p = strconv.AppendInt(p, s.Expiry, 10)
		p = append(p, '}')
	}
	return append(p, `}}`...), nil
}
