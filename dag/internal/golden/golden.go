// Package golden defines the inputs of the kubo golden test in
// dag/testdata/golden.json, so that the test and the generator that runs
// real kubo (dag/testdata/gen) build byte-identical inputs.
//
// Every input is described in golden.json well enough to rebuild it without
// this package: file contents are SHA-256 in counter mode (see Bytes).
package golden

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// Bytes returns size bytes: SHA-256(seed ‖ i) for i = 0, 1, 2, …, each
// seed and i an 8-byte big-endian integer, concatenated and cut to size.
// It runs at hash speed (about 1 GB/s), so a 45 MB input costs tens of ms.
func Bytes(seed uint64, size int64) []byte {
	out := make([]byte, 0, size+sha256.Size)
	var in [16]byte
	binary.BigEndian.PutUint64(in[:8], seed)
	for i := uint64(0); int64(len(out)) < size; i++ {
		binary.BigEndian.PutUint64(in[8:], i)
		sum := sha256.Sum256(in[:])
		out = append(out, sum[:]...)
	}
	return out[:size]
}

// File is one input file. Zero files are all zero bytes (their leaves
// repeat, which exercises de-duplication in CAR export); others are
// Bytes(Seed, Size).
type File struct {
	Name  string `json:"name"`
	Size  int64  `json:"size"`
	Seed  uint64 `json:"seed,omitempty"`
	Zero  bool   `json:"zero,omitempty"`
	Large bool   `json:"large,omitempty"` // skipped under go test -short
	CAR   bool   `json:"-"`               // also record `ipfs dag export`
}

// Content returns the file's bytes.
func (f File) Content() []byte {
	if f.Zero {
		return make([]byte, f.Size)
	}
	return Bytes(f.Seed, f.Size)
}

// Entry is one entry of an input directory tree: a directory (Dir), a
// symbolic link (Symlink is its target) or a file of Bytes(Seed, Size).
type Entry struct {
	Path    string `json:"path"`
	Dir     bool   `json:"dir,omitempty"`
	Symlink string `json:"symlink,omitempty"`
	Size    int64  `json:"size,omitempty"`
	Seed    uint64 `json:"seed,omitempty"`
	Zero    bool   `json:"zero,omitempty"`
}

// Content returns the bytes of a file entry.
func (e Entry) Content() []byte {
	return File{Size: e.Size, Seed: e.Seed, Zero: e.Zero}.Content()
}

// Many describes a flat directory of Count files named
// fmt.Sprintf(NameFormat, i) holding Bytes(SeedBase+i, Size), i from 0.
type Many struct {
	Count      int    `json:"count"`
	NameFormat string `json:"name_format"`
	Size       int64  `json:"size"`
	SeedBase   uint64 `json:"seed_base"`
}

// Entries expands m.
func (m Many) Entries() []Entry {
	out := make([]Entry, m.Count)
	for i := range out {
		out[i] = Entry{Path: fmt.Sprintf(m.NameFormat, i), Size: m.Size, Seed: m.SeedBase + uint64(i)}
	}
	return out
}

// Dir is one input directory: either explicit Entries or Many.
type Dir struct {
	Name    string  `json:"name"`
	Entries []Entry `json:"entries,omitempty"`
	Many    *Many   `json:"many,omitempty"`
	CAR     bool    `json:"-"`
}

// All returns the directory's entries.
func (d Dir) All() []Entry {
	if d.Many != nil {
		return d.Many.Entries()
	}
	return d.Entries
}

const chunk = 256 << 10

// Files are the file inputs.
var Files = []File{
	{Name: "empty", Size: 0, Seed: 1},
	{Name: "one-byte", Size: 1, Seed: 2, CAR: true},
	{Name: "chunk", Size: chunk, Seed: 3},
	{Name: "chunk-plus-one", Size: chunk + 1, Seed: 4, CAR: true},
	{Name: "zeros-1MiB", Size: 4 * chunk, Zero: true, CAR: true},
	{Name: "174-chunks", Size: 174 * chunk, Seed: 5, Large: true},
	{Name: "174-chunks-plus-one", Size: 174*chunk + 1, Seed: 6, Large: true},
}

// Dirs are the directory inputs. The two "links" directories sit on either
// side of boxo's HAMT threshold: with the legacy "links" size estimate
// (name length + CID length, 28 + 36 = 64 bytes per entry), 4096 entries
// make exactly 262144 bytes, which stays a basic directory, and 4097 go
// over it and become a HAMT shard.
var Dirs = []Dir{
	{Name: "tree", CAR: true, Entries: []Entry{
		{Path: "a.txt", Size: 10, Seed: 10},
		{Path: ".hidden", Size: 5, Seed: 11},
		{Path: "B.md", Size: 20, Seed: 12},
		{Path: "with space.txt", Size: 3, Seed: 13},
		{Path: "ünïcode", Size: 4, Seed: 14},
		{Path: "link", Symlink: "a.txt"},
		{Path: "emptydir", Dir: true},
		{Path: "sub", Dir: true},
		{Path: "sub/big.bin", Size: 2*chunk + 7, Seed: 15},
		{Path: "sub/empty", Size: 0},
		{Path: "sub/zeros", Size: 3 * chunk, Zero: true},
		{Path: "sub/deeper", Dir: true},
		{Path: "sub/deeper/x", Size: 1, Seed: 16},
	}},
	{Name: "links-4096", Many: &Many{Count: 4096, NameFormat: "%028d", Size: 16, SeedBase: 100000}},
	{Name: "links-4097", CAR: true, Many: &Many{Count: 4097, NameFormat: "%028d", Size: 16, SeedBase: 100000}},
}
