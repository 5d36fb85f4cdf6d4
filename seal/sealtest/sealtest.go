// Package sealtest holds test helpers for code that handles sealed
// secrets: scans that fail a test when a secret's plaintext shows up where
// it must not (a provider's data directory, its logs, an error body).
package sealtest

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// forms are the encodings of a value a careless writer might store.
func forms(v string) map[string][]byte {
	return map[string][]byte{
		"plaintext": []byte(v),
		"base64":    []byte(base64.StdEncoding.EncodeToString([]byte(v))),
		"base64url": []byte(base64.RawURLEncoding.EncodeToString([]byte(v))),
		"hex":       []byte(hex.EncodeToString([]byte(v))),
	}
}

// ScanBytes fails t if b holds any secret value, in plaintext, base64 or
// hex. what names b in the failure; the failure never prints the value.
func ScanBytes(t testing.TB, what string, b []byte, secrets map[string]string) {
	t.Helper()
	for name, v := range secrets {
		if len(v) < 4 {
			t.Fatalf("sealtest: secret %s is too short to scan for reliably", name)
		}
		for form, needle := range forms(v) {
			if bytes.Contains(b, needle) {
				t.Errorf("%s holds secret %s (%s)", what, name, form)
			}
		}
	}
}

// ScanDir fails t if any file under dir holds any secret value. It
// returns how many files and bytes it read, so a test can check that it
// scanned something.
func ScanDir(t testing.TB, dir string, secrets map[string]string) (files int, size int64) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		size += int64(len(b))
		ScanBytes(t, path, b, secrets)
		return nil
	})
	if err != nil {
		t.Fatalf("sealtest: scan %s: %v", dir, err)
	}
	return files, size
}
