package client

import "time"

// SetStall sets how long the default HTTP client waits without progress,
// for tests; the returned func puts it back.
func SetStall(d time.Duration) func() {
	old := stall
	stall = d
	return func() { stall = old }
}
