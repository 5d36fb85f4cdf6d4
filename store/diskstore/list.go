package diskstore

import (
	"os"
	"path/filepath"

	"github.com/webfunctions/wf/wf"
)

// CIDs returns the CIDs of all stored blocks, in no particular order, as
// memstore.Store.CIDs does: it reads directory names only, never a block.
// Shards that cannot be read and names that are not a block's are
// skipped.
func (s *Store) CIDs() []wf.CID {
	shards, err := os.ReadDir(s.blocksDir)
	if err != nil {
		return nil
	}
	var out []wf.CID
	for _, sh := range shards {
		if !sh.IsDir() {
			continue
		}
		names, err := os.ReadDir(filepath.Join(s.blocksDir, sh.Name()))
		if err != nil {
			continue
		}
		for _, n := range names {
			b, err := b32.DecodeString(n.Name())
			if err != nil {
				continue
			}
			if c, err := wf.CIDFromBytes(b); err == nil {
				out = append(out, c)
			}
		}
	}
	return out
}
