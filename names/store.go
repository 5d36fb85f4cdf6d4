package names

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// Errors of Store.Put, for records that must not move a name.
var (
	// ErrStale: the record's seq is below the current record's, or it is
	// an old record sent again.
	ErrStale = errors.New("stale name record")
	// ErrConflict: another record of the same seq is already current.
	ErrConflict = errors.New("conflicting name record")
	// ErrTooMany: a new name beyond Options.MaxOwnerNames or
	// MaxTotalNames. It wraps wf.ErrRateLimited (429).
	ErrTooMany = fmt.Errorf("too many names: %w", wf.ErrRateLimited)
)

// Record is one accepted signed record with its canonical bytes and CID.
type Record struct {
	*wf.SignedNameRecord
	Raw []byte
	CID wf.CID
}

// NewRecord encodes sr into a Record.
func NewRecord(sr *wf.SignedNameRecord) (*Record, error) {
	b, c, err := Encode(sr)
	if err != nil {
		return nil, err
	}
	return &Record{SignedNameRecord: sr, Raw: b, CID: c}, nil
}

// Options configure a Store. The zero value keeps everything in memory
// without bounds.
type Options struct {
	// Dir, when set, keeps every accepted record on disk (one append-only
	// file per name, each record written and synced before Put returns),
	// and OpenStore reads them back.
	Dir string
	// MaxNames bounds the names held; beyond it the least recently used
	// name is forgotten (memory-only caches; 0 is no bound).
	MaxNames int
	// MaxHistory bounds the records kept per name in memory, the newest
	// kept (0 is no bound). The files keep them all.
	MaxHistory int
	// MaxOwnerNames and MaxTotalNames refuse (ErrTooMany) a new name of
	// an owner holding that many, or when the store holds that many
	// (0 is no bound). Refusing, not evicting: a forgotten name would
	// accept its old seqs again. Names read back by OpenStore all stay.
	MaxOwnerNames int
	MaxTotalNames int
}

// Store holds names' records: for each (owner, name) every accepted
// record, oldest first, the last one current. It does not check
// signatures or targets: the caller verifies a record before Put. It is
// safe for concurrent use.
type Store struct {
	opts Options

	mu    sync.Mutex
	names map[wf.Address]map[string]*entry
	count int
	clock uint64 // use counter for eviction
}

type entry struct {
	hist []*Record
	used uint64
}

// OpenStore opens a Store, reading back the records in opts.Dir.
func OpenStore(opts Options) (*Store, error) {
	s := &Store{opts: opts, names: make(map[wf.Address]map[string]*entry)}
	if opts.Dir == "" {
		return s, nil
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	owners, err := os.ReadDir(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	for _, od := range owners {
		owner, err := wf.ParseAddress(od.Name())
		if err != nil || !od.IsDir() {
			continue
		}
		files, err := os.ReadDir(filepath.Join(opts.Dir, od.Name()))
		if err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
		for _, f := range files {
			name, ok := strings.CutSuffix(f.Name(), ".jsonl")
			if !ok || !ValidName(name) {
				continue
			}
			hist, err := readHistory(filepath.Join(opts.Dir, od.Name(), f.Name()), owner, name, opts.MaxHistory)
			if err != nil {
				return nil, err
			}
			if len(hist) > 0 {
				s.set(owner, name, &entry{hist: s.trim(hist)})
			}
		}
	}
	return s, nil
}

// readHistory reads one name's file: a record per line, seqs rising, the
// newest max kept (0: all). Whatever follows the last good line (a write
// cut short by a crash) is cut off, so the next record appended starts a
// line of its own and survives a restart.
func readHistory(path string, owner wf.Address, name string, max int) ([]*Record, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	defer f.Close()
	var (
		hist []*Record
		last uint64
		good int64 // end of the last good line
	)
	br := bufio.NewReaderSize(f, MaxSize+2)
	for {
		line, err := br.ReadSlice('\n')
		if err != nil { // EOF (a line without its newline is torn), or over MaxSize
			break
		}
		sr, derr := Decode(line[:len(line)-1])
		if derr != nil || sr.Record.Owner != owner || sr.Record.Name != name ||
			good > 0 && sr.Record.Seq <= last {
			break
		}
		raw := append([]byte(nil), line[:len(line)-1]...)
		hist = append(hist, &Record{SignedNameRecord: sr, Raw: raw, CID: wf.SumCID(wf.CodecJSON, raw)})
		if max > 0 && len(hist) > 2*max { // memory stays bounded however long the file
			hist = append(hist[:0], hist[len(hist)-max:]...)
		}
		last = sr.Record.Seq
		good += int64(len(line))
	}
	if fi, err := f.Stat(); err != nil {
		return nil, fmt.Errorf("names: %w", err)
	} else if fi.Size() > good {
		if err := f.Truncate(good); err != nil {
			return nil, fmt.Errorf("names: cut torn end of %s: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
	}
	return hist, nil
}

func (s *Store) trim(hist []*Record) []*Record {
	if m := s.opts.MaxHistory; m > 0 && len(hist) > m {
		return append([]*Record(nil), hist[len(hist)-m:]...)
	}
	return hist
}

// set stores e; s.mu held (or s not shared yet).
func (s *Store) set(owner wf.Address, name string, e *entry) {
	m := s.names[owner]
	if m == nil {
		m = make(map[string]*entry)
		s.names[owner] = m
	}
	if _, ok := m[name]; !ok {
		s.count++
	}
	s.clock++
	e.used = s.clock
	m[name] = e
	if s.opts.MaxNames > 0 && s.count > s.opts.MaxNames {
		s.evict()
	}
}

// evict forgets the least recently used name; s.mu held.
func (s *Store) evict() {
	var lo *entry
	var lowner wf.Address
	var lname string
	for o, m := range s.names {
		for n, e := range m {
			if lo == nil || e.used < lo.used {
				lo, lowner, lname = e, o, n
			}
		}
	}
	if lo == nil {
		return
	}
	delete(s.names[lowner], lname)
	if len(s.names[lowner]) == 0 {
		delete(s.names, lowner)
	}
	s.count--
}

// Put stores r as the current record of its name if its seq is higher
// than the current one's, and reports whether it did. Sending the
// current record again is no error (false, nil); an older record is
// ErrStale, another record of the current seq ErrConflict, and neither
// changes anything.
func (s *Store) Put(r *Record) (bool, error) {
	owner, name := r.Record.Owner, r.Record.Name
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.names[owner][name]
	if e != nil {
		cur := e.hist[len(e.hist)-1]
		switch seq := r.Record.Seq; {
		case seq == cur.Record.Seq && bytes.Equal(r.Raw, cur.Raw):
			s.clock++
			e.used = s.clock
			return false, nil
		case seq == cur.Record.Seq:
			return false, fmt.Errorf("%w: %s already has a different record of seq %d; sign a new one with seq %d", ErrConflict, name, seq, seq+1)
		case seq < cur.Record.Seq:
			return false, fmt.Errorf("%w: %s is at seq %d; a record of seq %d cannot replace it", ErrStale, name, cur.Record.Seq, seq)
		}
	} else if m := s.opts.MaxOwnerNames; m > 0 && len(s.names[owner]) >= m {
		return false, fmt.Errorf("%w: %s already has %d names here, the most one owner may have", ErrTooMany, owner.Checksum(), m)
	} else if m := s.opts.MaxTotalNames; m > 0 && s.count >= m {
		return false, fmt.Errorf("%w: this store holds %d names, its limit; %s is not taken", ErrTooMany, m, name)
	}
	if err := s.append(r); err != nil {
		return false, err
	}
	if e == nil {
		s.set(owner, name, &entry{hist: []*Record{r}})
		return true, nil
	}
	e.hist = s.trim(append(e.hist, r))
	s.clock++
	e.used = s.clock
	return true, nil
}

// append writes r to its name's file and syncs it; s.mu held.
func (s *Store) append(r *Record) error {
	if s.opts.Dir == "" {
		return nil
	}
	dir := filepath.Join(s.opts.Dir, r.Record.Owner.String())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	path := filepath.Join(dir, r.Record.Name+".jsonl")
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("names: %w", err)
	}
	_, err = f.Write(append(append([]byte(nil), r.Raw...), '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && statErr != nil {
		err = syncDir(dir) // a new file: its directory entry must last too
	}
	if err != nil {
		return fmt.Errorf("names: write %s: %w", path, err)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Dir is the directory the records are kept in; "" in memory only.
func (s *Store) Dir() string { return s.opts.Dir }

// Current returns the current record of (owner, name), or nil.
func (s *Store) Current(owner wf.Address, name string) *Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.names[owner][name]
	if e == nil {
		return nil
	}
	s.clock++
	e.used = s.clock
	return e.hist[len(e.hist)-1]
}

// History returns the records of (owner, name), newest (current) first.
func (s *Store) History(owner wf.Address, name string) []*Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.names[owner][name]
	if e == nil {
		return nil
	}
	out := make([]*Record, len(e.hist))
	for i, r := range e.hist {
		out[len(out)-1-i] = r
	}
	return out
}

// Names returns the current records of owner's names, sorted by name.
func (s *Store) Names(owner wf.Address) []*Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Record, 0, len(s.names[owner]))
	for _, e := range s.names[owner] {
		out = append(out, e.hist[len(e.hist)-1])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Record.Name < out[j].Record.Name })
	return out
}

// PutError gives Put's refusals their HTTP answers, the same at providers
// and gateways: 409 stale_record and seq_conflict, 429 too_many_names;
// other errors pass unchanged.
func PutError(err error) error {
	switch {
	case errors.Is(err, ErrStale):
		return &httperr.Error{Status: http.StatusConflict, Code: "stale_record", Message: err.Error()}
	case errors.Is(err, ErrConflict):
		return &httperr.Error{Status: http.StatusConflict, Code: "seq_conflict", Message: err.Error()}
	case errors.Is(err, ErrTooMany):
		return &httperr.Error{Status: http.StatusTooManyRequests, Code: "too_many_names", Message: err.Error()}
	}
	return err
}
