package node_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/node"
)

func archive(t *testing.T, entries ...*tar.Header) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	tw := tar.NewWriter(zw)
	for _, h := range entries {
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write(bytes.Repeat([]byte("x"), int(h.Size)))
		}
	}
	tw.Close()
	zw.Close()
	return b.Bytes()
}

// A hostile or broken archive is refused and writes nothing outside the
// new directory; a restore never goes into a directory in use.
func TestRestoreRefuses(t *testing.T) {
	reg := func(name string) *tar.Header {
		return &tar.Header{Name: name, Typeflag: tar.TypeReg, Size: 3, Mode: 0o644}
	}
	for _, tc := range []struct {
		name string
		arc  []byte
		want string
	}{
		{"leaves the directory", archive(t, reg("../evil")), "leaves the data directory"},
		{"absolute", archive(t, reg("/etc/evil")), "leaves the data directory"},
		{"a link", archive(t, &tar.Header{Name: "key.json", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"}), "is not a file or directory"},
		{"no ledger", archive(t, reg(node.SealingKeyringFile)), "the backup has no ledger.db"},
		{"not gzip", []byte("plain"), "not a backup"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			err := node.Restore(bytes.NewReader(tc.arc), filepath.Join(parent, "data"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(parent, "evil")); err == nil {
				t.Fatal("wrote outside the directory")
			}
		})
	}
	used := t.TempDir()
	os.WriteFile(filepath.Join(used, node.LedgerFile), []byte("x"), 0o600)
	if err := node.Restore(bytes.NewReader(archive(t, reg(node.LedgerFile))), used); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Fatalf("restore into a used directory: %v", err)
	}
}

// Backup takes what a node needs and leaves the rebuildable out, and a
// running node's directory (its lock held) is refused.
func TestBackupRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{node.SealingKeyringFile, node.LedgerFile, node.LedgerFile + ".wal", "key.json", "blocks/ab/cid", "compile-cache/x/y", "tmp/z"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o700)
		os.WriteFile(filepath.Join(dir, f), []byte("content of "+f), 0o600)
	}
	var b bytes.Buffer
	if err := node.Backup(dir, &b); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "restored")
	if err := node.Restore(bytes.NewReader(b.Bytes()), out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{node.SealingKeyringFile, node.LedgerFile, node.LedgerFile + ".wal", "key.json", "blocks/ab/cid"} {
		got, err := os.ReadFile(filepath.Join(out, f))
		if err != nil || string(got) != "content of "+f {
			t.Errorf("%s: %q, %v", f, got, err)
		}
		if fi, _ := os.Stat(filepath.Join(out, f)); fi != nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s restored with mode %v", f, fi.Mode().Perm())
		}
	}
	for _, f := range []string{"compile-cache", "tmp", node.LockFile} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s was backed up", f)
		}
	}
}
