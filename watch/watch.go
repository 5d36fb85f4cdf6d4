// Package watch reports when files under a directory change, for
// `wf dev --watch`: bursts of events (an editor's save is often a write, a
// rename and a chmod) are coalesced into one batch, directories created
// later are watched too, and paths the caller ignores (build output,
// .git, node_modules, editor swap files) never wake it.
//
// It is the only importer of fsnotify, which uses the OS's own change
// notification (inotify on Linux) rather than polling.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultQuiet is how long a burst of events must be quiet before it is
// reported: long enough to coalesce one save, short against the 2 s a
// redeploy may take.
const DefaultQuiet = 100 * time.Millisecond

// Options adjust Dir.
type Options struct {
	// Ignore reports whether a path (relative to the root, slash
	// separated) should not wake the watcher; nil uses DefaultIgnore. A
	// directory it ignores is not descended into.
	Ignore func(rel string, isDir bool) bool
	// Quiet is how long events must stop before a batch is sent; zero is
	// DefaultQuiet.
	Quiet time.Duration
}

// DefaultIgnore skips hidden files and directories (.git, .wf), build
// dependency trees (node_modules, vendor) and editor temporaries (foo~,
// foo.swp, #foo#, 4913).
func DefaultIgnore(rel string, isDir bool) bool {
	base := filepath.Base(rel)
	switch {
	case rel == ".":
		return false
	case strings.HasPrefix(base, "."):
		return true
	case isDir:
		return base == "node_modules" || base == "vendor"
	}
	return strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasSuffix(base, ".swx") || (strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#")) ||
		base == "4913" // vim's probe file
}

// Dir watches root and every directory below it until ctx ends, sending
// each quiet-ended batch of changed paths (relative, sorted, unique) on
// the returned channel, which is closed when watching stops. A batch not
// yet received is merged with the next rather than blocking the watcher.
func Dir(ctx context.Context, root string, opts Options) (<-chan []string, error) {
	if opts.Ignore == nil {
		opts.Ignore = DefaultIgnore
	}
	if opts.Quiet <= 0 {
		opts.Quiet = DefaultQuiet
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	d := &dirWatch{root: root, opts: opts, w: w}
	if err := d.addTree(root, nil); err != nil {
		w.Close()
		return nil, err
	}
	out := make(chan []string, 1)
	go d.run(ctx, out)
	return out, nil
}

type dirWatch struct {
	root string
	opts Options
	w    *fsnotify.Watcher
}

// rel is p relative to the root, slash separated.
func (d *dirWatch) rel(p string) string {
	r, err := filepath.Rel(d.root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// addTree watches dir and the directories below it that are not ignored,
// and calls found with each file already there that is not ignored (for a
// directory made after the start: files written into it before its watch
// was added would otherwise go unseen).
func (d *dirWatch) addTree(dir string, found func(rel string)) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != dir {
				return nil // removed while we walked
			}
			return fmt.Errorf("watch: %w", err)
		}
		if !e.IsDir() {
			if rel := d.rel(p); found != nil && !d.opts.Ignore(rel, false) {
				found(rel)
			}
			return nil
		}
		if d.opts.Ignore(d.rel(p), true) {
			return filepath.SkipDir
		}
		if err := d.w.Add(p); err != nil {
			return fmt.Errorf("watch: %s: %w", p, err)
		}
		return nil
	})
}

func (d *dirWatch) run(ctx context.Context, out chan []string) {
	defer close(out)
	defer d.w.Close()
	var (
		pending = map[string]bool{}
		timer   = time.NewTimer(0)
		armed   bool
	)
	<-timer.C
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-d.w.Errors:
			if !ok {
				return
			}
			_ = err // an overflow loses events, not the watch: the next save is seen
		case ev, ok := <-d.w.Events:
			if !ok {
				return
			}
			isDir := false
			if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
				isDir = true
			}
			rel := d.rel(ev.Name)
			if d.opts.Ignore(rel, isDir) {
				continue
			}
			if isDir && ev.Has(fsnotify.Create) {
				// Best effort: a directory that vanished at once has nothing to watch.
				d.addTree(ev.Name, func(rel string) { pending[rel] = true })
			}
			pending[rel] = true
			timer.Reset(d.opts.Quiet)
			armed = true
		case <-timer.C:
			if !armed {
				continue
			}
			armed = false
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			// Merge with a batch nobody has taken yet, so the watcher never
			// blocks on a busy receiver.
			select {
			case old := <-out:
				batch = append(batch, old...)
			default:
			}
			slices.Sort(batch)
			batch = slices.Compact(batch)
			clear(pending)
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
