package sim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// A chain kept in Options.Dir is go-ethereum's own database there (hash
// scheme, no pruning: every block's state is written with the block),
// beside two files of this package's: the contracts it deployed, written
// once, and the numbers and hashes of its blocks, one line appended after every block
// (the simulated backend rewinds to the genesis when it opens, so the
// head is set back from this file). go-ethereum writes its database
// without waiting for the disk, so a process killed (not stopped) loses
// its last blocks: resume goes back to the newest block the database
// holds, and LostBlocks says how many were gone.
const (
	persistContracts = "contracts.json"
	persistHeads     = "heads"
	// keepHeads is how many hashes the heads file keeps when a chain
	// resumes; it grows by one line a block while the chain runs.
	keepHeads = 1024
)

// persistOption keeps the chain's database in dir.
func persistOption(dir string) func(*node.Config, *ethconfig.Config) {
	return func(nc *node.Config, ec *ethconfig.Config) {
		nc.DataDir = dir
		nc.Name = "chain"
		ec.StateScheme = rawdb.HashScheme
		ec.NoPruning = true
		ec.SnapshotCache = 0
		// go-ethereum's database cache sizes its write-ahead log, which
		// pebble preallocates on disk: the default (512 MB) made a fresh
		// dev chain take 564 MB of disk for 300 KB of data.
		ec.DatabaseCache = 16
	}
}

// newBackend is simulated.NewBackend, which panics where it could fail
// (a database in use, or made with another genesis), returning an error.
func newBackend(alloc types.GenesisAlloc, opts []func(*node.Config, *ethconfig.Config)) (b *simulated.Backend, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return simulated.NewBackend(alloc, opts...), nil
}

// resume moves a chain reopened from c.dir back to the head it had,
// and reads the contracts it deployed. It answers false for a new chain.
func (c *Chain) resume() (bool, error) {
	b, err := os.ReadFile(filepath.Join(c.dir, persistContracts))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, &c.contracts); err != nil {
		return false, fmt.Errorf("%s: %w", persistContracts, err)
	}
	b, err = os.ReadFile(filepath.Join(c.dir, persistHeads))
	if err != nil {
		return false, err
	}
	type head struct {
		n    uint64
		hash common.Hash
	}
	var heads []head
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var h head
		var hash string
		if _, err := fmt.Sscanf(line, "%d %s", &h.n, &hash); err != nil {
			return false, fmt.Errorf("%s: %q: %w", persistHeads, line, err)
		}
		h.hash = common.HexToHash(hash)
		heads = append(heads, h)
	}
	// The newest block the database holds; what the database lost after
	// it is gone.
	found := false
	for i := len(heads) - 1; i >= 0 && !found; i-- {
		err = c.forkTo(heads[i].hash)
		switch {
		case err == nil:
			found = true
		case err.Error() != "parent not found":
			return false, fmt.Errorf("back to block %d: %w", heads[i].n, err)
		}
	}
	if !found {
		return false, errors.New("none of its recorded blocks is in its database")
	}
	// The head is read back: go-ethereum may settle on an ancestor of the
	// block asked for when that block's state is gone.
	cur, err := c.sim.Client().BlockNumber(context.Background())
	if err != nil {
		return false, err
	}
	c.height = cur
	c.lost = int(heads[len(heads)-1].n - cur)
	var keep []string
	for _, h := range heads {
		if h.n <= cur {
			keep = append(keep, fmt.Sprintf("%d %s", h.n, h.hash.Hex()))
		}
	}
	if len(keep) > keepHeads {
		keep = keep[len(keep)-keepHeads:]
	}
	// The contracts must be there: a chain killed while deploying them is
	// not one to resume.
	code, err := c.sim.Client().CodeAt(context.Background(), common.Address(c.contracts.Escrow), nil)
	if err != nil || len(code) == 0 {
		return false, fmt.Errorf("no escrow contract at %s in its last block (%v)", c.contracts.Escrow.Checksum(), err)
	}
	if err := writeAtomic(filepath.Join(c.dir, persistHeads), []byte(strings.Join(keep, "\n")+"\n")); err != nil { // the lost blocks' hashes out
		return false, err
	}
	return true, nil
}

// forkTo makes head the chain's head.
func (c *Chain) forkTo(head common.Hash) error {
	// Rewinding to the genesis put the transactions of every later block
	// back in the pool: drop them (they are in the blocks the head brings
	// back), or Fork refuses to move with transactions pending.
	var err error
	for range 10 {
		c.sim.Rollback()
		if err = c.sim.Fork(head); err == nil || err.Error() != "pending block dirty" {
			break
		}
	}
	c.sim.Rollback() // what the move re-added, if anything
	return err
}

// LostBlocks is how many of its last blocks a resumed chain lost because
// the process that ran it was killed before they were written.
func (c *Chain) LostBlocks() int { return c.lost }

// saveContracts records the contracts a new chain in c.dir deployed.
func (c *Chain) saveContracts() error {
	b, err := json.Marshal(c.contracts)
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(c.dir, persistContracts), b)
}

// saveHead records the chain's last block; called with c.mu held after
// every block.
func (c *Chain) saveHead(h common.Hash) {
	if c.dir == "" {
		return
	}
	var err error
	if c.heads == nil {
		c.heads, err = os.OpenFile(filepath.Join(c.dir, persistHeads), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	}
	if err == nil {
		c.height++ // every block comes through here
		_, err = fmt.Fprintf(c.heads, "%d %s\n", c.height, h.Hex())
	}
	if err != nil && c.headErr == nil {
		c.headErr = fmt.Errorf("sim: record the last block: %w", err) // Close returns it
	}
}

func writeAtomic(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// saveCurrentHead is saveHead for the block just made by a call that does
// not return its hash.
func (c *Chain) saveCurrentHead() {
	if c.dir == "" {
		return
	}
	h, err := c.sim.Client().HeaderByNumber(context.Background(), nil)
	if err != nil {
		if c.headErr == nil {
			c.headErr = fmt.Errorf("sim: read the last block: %w", err)
		}
		return
	}
	c.saveHead(h.Hash())
}
