package node

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
)

// backupSkip are what a backup leaves out of a data directory: the lock,
// scratch space and the compile cache, which a node rebuilds.
var backupSkip = map[string]bool{LockFile: true, "tmp": true, "compile-cache": true, "acme": true}

// BackupMust are the files a data directory must have for a backup to be
// one: without the ledger, the charges not yet settled are lost; without
// the keys, nothing sealed to the node opens and its registry name is
// stranded.
var BackupMust = []string{SealingKeyringFile, LedgerFile}

// Backup writes the data directory dir as a gzipped tar to w: the node's
// keys, its ledger of charges (with its write-ahead log), blocks, names
// and storage. It holds the directory's lock while it reads, so it fails
// with ErrLocked while a node runs there: the ledger changes on every
// paid request and a copy taken under a running node may be torn.
func Backup(dir string, w io.Writer) error {
	unlock, err := lock(filepath.Join(dir, LockFile), "data directory "+dir)
	if err != nil {
		return err
	}
	defer unlock()
	for _, f := range BackupMust {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return fmt.Errorf("node: backup: %s is not a provider's data directory: %w", dir, err)
		}
	}
	zw := gzip.NewWriter(w)
	tw := tar.NewWriter(zw)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		if backupSkip[strings.Split(filepath.ToSlash(rel), "/")[0]] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil // sockets, links: nothing a node writes
		}
		h, err := tar.FileInfoHeader(fi, "")
		if err != nil {
			return err
		}
		h.Name = filepath.ToSlash(rel)
		if fi.IsDir() {
			h.Name += "/"
		}
		h.Uname, h.Gname, h.Uid, h.Gid = "", "", 0, 0
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if fi.IsDir() {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := io.CopyN(tw, f, fi.Size()); err != nil {
			return fmt.Errorf("node: backup %s: %w", rel, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("node: backup: %w", err)
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

// MaxRestoreBytes bounds what Restore writes, against a hostile archive.
const MaxRestoreBytes = 64 << 30

// Restore unpacks a Backup into dir, which must not exist or be empty: a
// restore never merges into, or replaces, a data directory a node used.
// Entries that would leave dir, links and devices are refused. Files keep
// the backup's permissions, at most 0700 for directories and 0600 for
// files (keys and the ledger are secrets of the node).
//
// Whether the ledger in the backup is the latest is the caller's to check
// against the chain before starting a node on it: a node restored from an
// older ledger would settle again what was settled after the backup.
func Restore(r io.Reader, dir string) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("node: restore: %s is not empty: restore into a new directory", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("node: restore: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("node: restore: not a backup: %w", err)
	}
	tr := tar.NewReader(zr)
	var total int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("node: restore: %w", err)
		}
		name := path.Clean(h.Name)
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("node: restore: entry %q leaves the data directory", h.Name)
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o700); err != nil {
				return err
			}
		case tar.TypeReg:
			total += h.Size
			if total > MaxRestoreBytes {
				return fmt.Errorf("node: restore: more than %d bytes", int64(MaxRestoreBytes))
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
				return err
			}
			f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, os.FileMode(h.Mode)&0o600|0o400)
			if err != nil {
				return fmt.Errorf("node: restore: %w", err)
			}
			_, err = io.CopyN(f, tr, h.Size)
			if err == nil {
				err = f.Sync()
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("node: restore %s: %w", name, err)
			}
			os.Chtimes(dst, time.Now(), h.ModTime)
		default:
			return fmt.Errorf("node: restore: entry %q is not a file or directory", h.Name)
		}
	}
	for _, f := range BackupMust {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return fmt.Errorf("node: restore: the backup has no %s", f)
		}
	}
	return nil
}

// LedgerSnapshot is what a stopped node's ledger holds: every account and
// settlement batch.
type LedgerSnapshot struct {
	Accounts map[ledger.Key]ledger.Account
	Batches  []*ledger.Batch
}

// ReadLedger reads the ledger of the stopped node in dir, holding the
// directory's lock while it does (ErrLocked while a node runs there: ask
// the node, through /metrics). Opening the ledger replays its write-ahead
// log, as a node's start does.
func ReadLedger(dir string) (*LedgerSnapshot, error) {
	unlock, err := lock(filepath.Join(dir, LockFile), "data directory "+dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	path := filepath.Join(dir, LedgerFile)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("node: no ledger in %s: %w", dir, err)
	}
	led, err := ledger.Open(path, ledger.Options{})
	if err != nil {
		return nil, fmt.Errorf("node: ledger: %w", err)
	}
	defer led.Close()
	bs, err := led.Batches()
	if err != nil {
		return nil, err
	}
	return &LedgerSnapshot{Accounts: led.Accounts(), Batches: bs}, nil
}
