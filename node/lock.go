package node

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LockFile, in the data directory, is held by the running node.
const LockFile = "node.lock"

// ErrLocked is returned by Open when another running node holds the data
// directory, or the key (see Config.KeyLockDir). One key is one node: two
// would keep separate ledgers, serve a payer past its budget between them
// and race each other's settlement nonces (RATIONALE).
var ErrLocked = errors.New("node: another node is running")

// lock takes the lock file at path for this process, or fails with
// ErrLocked naming the holder. The lock is the OS's (flock on Unix): it
// goes with the process, so a node killed with kill -9 leaves none behind.
func lock(path, what string) (unlock func() error, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("node: lock %s: %w", what, err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("node: lock %s: %w", what, err)
	}
	if held {
		b, _ := os.ReadFile(path)
		f.Close()
		pid := strings.TrimSpace(string(b))
		if pid == "" {
			pid = "unknown"
		}
		return nil, fmt.Errorf("%w with %s (process %s; lock %s)", ErrLocked, what, pid, path)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return f.Close, nil
}

// lockAll takes the node's locks: its data directory, and its key under
// keyDir when both are set.
func (n *Node) lockAll(cfg Config) error {
	unlock, err := lock(filepath.Join(cfg.Dir, LockFile), "data directory "+cfg.Dir)
	if err != nil {
		return err
	}
	n.unlocks = append(n.unlocks, unlock)
	if cfg.KeyLockDir == "" || cfg.Key == nil {
		return nil
	}
	if err := os.MkdirAll(cfg.KeyLockDir, 0o700); err != nil {
		return fmt.Errorf("node: key lock directory: %w", err)
	}
	addr := cfg.Key.Address().Checksum()
	if unlock, err = lock(filepath.Join(cfg.KeyLockDir, addr+".lock"), "key "+addr); err != nil {
		return err
	}
	n.unlocks = append(n.unlocks, unlock)
	return nil
}
