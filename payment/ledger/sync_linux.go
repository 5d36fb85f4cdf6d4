package ledger

import (
	"os"
	"syscall"
)

// fdatasync flushes f's data, and its metadata only where needed to read
// it back: cheaper than fsync for a log rewritten in place.
func fdatasync(f *os.File) error {
	for {
		err := syscall.Fdatasync(int(f.Fd()))
		if err != syscall.EINTR {
			return err
		}
	}
}
