//go:build !unix

package cli

import "sync"

var lockMu sync.Mutex

// lockFile serializes within the process only on systems without flock.
func lockFile(string) (func(), error) {
	lockMu.Lock()
	return lockMu.Unlock, nil
}

// processAlive cannot tell here: a recorded process counts as running.
func processAlive(pid int) bool { return pid > 0 }
