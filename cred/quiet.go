package cred

import "github.com/consensys/gnark/logger"

// gnark logs through its own console logger to standard output (compiling
// the circuit, proving), which would mix with a command's output (wf
// invoke --cred prints the function's answer there) and with wf dev's
// banner. This package reports through errors and the caller's slog.
func init() { logger.Disable() }
