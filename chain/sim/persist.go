package sim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// A chain kept in Options.Dir is go-ethereum's own database there (hash
// scheme, no pruning: every block's state is written as the block is, so
// a process killed between blocks loses nothing mined), beside two files
// of this package's: the contracts it deployed, written once, and the
// hash of its last block, rewritten after every block (the simulated
// backend rewinds to the genesis when it opens, so the head is set back
// from this file).
const (
	persistContracts = "contracts.json"
	persistHead      = "head"
)

// persistOption keeps the chain's database in dir.
func persistOption(dir string) func(*node.Config, *ethconfig.Config) {
	return func(nc *node.Config, ec *ethconfig.Config) {
		nc.DataDir = dir
		nc.Name = "chain"
		ec.StateScheme = rawdb.HashScheme
		ec.NoPruning = true
		ec.SnapshotCache = 0
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
	h, err := os.ReadFile(filepath.Join(c.dir, persistHead))
	if err != nil {
		return false, err
	}
	head := common.HexToHash(string(h))
	// Rewinding to the genesis put the transactions of every later block
	// back in the pool: drop them (they are in the blocks the head brings
	// back), or Fork refuses to move with transactions pending.
	for range 10 {
		c.sim.Rollback()
		if err = c.sim.Fork(head); err == nil || err.Error() != "pending block dirty" {
			break
		}
	}
	if err != nil {
		return false, fmt.Errorf("back to block %s: %w", head, err)
	}
	c.sim.Rollback() // what the move back re-added, if anything
	return true, nil
}

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
	if err := writeAtomic(filepath.Join(c.dir, persistHead), []byte(h.Hex())); err != nil && c.headErr == nil {
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
