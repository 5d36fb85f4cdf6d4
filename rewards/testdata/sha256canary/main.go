//go:build wasip1

// Command sha256canary is the canary the Stake contract can check by
// itself: a WAGI function answering a request body B with the 32 bytes
// sha256(B). An auditor deploys it under a fresh CID (Go embeds nothing of
// its own, so the auditor varies the spec) and registers the CID, salted,
// with the Stake contract; a provider's receipt binding any other answer
// slashes it.
package main

import (
	"crypto/sha256"
	"io"
	"os"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		os.Exit(1)
	}
	h := sha256.Sum256(b)
	os.Stdout.WriteString("Content-Type: application/octet-stream\n\n")
	os.Stdout.Write(h[:])
}
