//go:build !linux

package ledger

import (
	"errors"
	"os"
)

// mapWAL is Linux only; elsewhere the log is written with WriteAt.
func mapWAL(*os.File) ([]byte, error) { return nil, errors.ErrUnsupported }

func unmapWAL([]byte) error { return nil }
