package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

// DefaultOwnerQuotaBytes is Config.OwnerQuotaBytes's default: 1 GiB of
// deployed blocks per owner.
const DefaultOwnerQuotaBytes = 1 << 30

// Storage accounting (see docs/storage.md). Each deployed function is
// charged to its owner for every block it uses (its spec block, its
// sealed secrets block, every block of its code DAG), counted once per
// function even when another function, of the same owner or another,
// uses the same block. That overcounts shared blocks, on purpose: a
// function's charge never depends on what others deploy or delete, and
// deleting it credits exactly what deploying it charged.
//
// Charges persist as one file per function, <dir>/<owner>/<cid>, holding
// its size in bytes, written and synced before the deploy stores any block
// and removed after the spec block is gone, so a crash leaves at worst a
// charge for a function whose spec is missing, which GC removes.
type usage struct {
	dir string // "" keeps the charges in memory only

	// mu serializes everything that adds or removes blocks of deployed
	// functions (a deploy's store step, Delete, GC), so a sweep never
	// sees a deploy half stored.
	mu    sync.Mutex
	owner map[wf.Address]int64
	fns   map[wf.CID]charge
}

type charge struct {
	owner wf.Address
	bytes int64
}

func openUsage(dir string) (*usage, error) {
	u := &usage{dir: dir, owner: make(map[wf.Address]int64), fns: make(map[wf.CID]charge)}
	if dir == "" {
		return u, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("provider: storage: %w", err)
	}
	owners, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("provider: storage: %w", err)
	}
	for _, od := range owners {
		owner, err := wf.ParseAddress(od.Name())
		if err != nil || !od.IsDir() {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, od.Name()))
		if err != nil {
			return nil, fmt.Errorf("provider: storage: %w", err)
		}
		for _, f := range files {
			c, err := wf.ParseCID(f.Name())
			if err != nil {
				continue // a temporary file left by a crash
			}
			b, err := os.ReadFile(filepath.Join(dir, od.Name(), f.Name()))
			if err != nil {
				return nil, fmt.Errorf("provider: storage: %w", err)
			}
			n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
			if err != nil || n < 0 {
				continue // torn write: never renamed into place, so not ours
			}
			u.fns[c] = charge{owner, n}
			u.owner[owner] += n
		}
	}
	return u, nil
}

func (u *usage) path(ch charge, c wf.CID) string {
	return filepath.Join(u.dir, ch.owner.String(), c.String())
}

// add records the charge of function c; the caller holds mu.
func (u *usage) add(c wf.CID, ch charge) error {
	if u.dir != "" {
		if err := writeSynced(u.path(ch, c), []byte(strconv.FormatInt(ch.bytes, 10)+"\n")); err != nil {
			return fmt.Errorf("provider: storage: record %s: %w", c, err)
		}
	}
	u.fns[c] = ch
	u.owner[ch.owner] += ch.bytes
	return nil
}

// remove credits function c's charge; the caller holds mu.
func (u *usage) remove(c wf.CID) error {
	ch, ok := u.fns[c]
	if !ok {
		return nil
	}
	if u.dir != "" {
		p := u.path(ch, c)
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("provider: storage: %w", err)
		}
		syncDir(filepath.Dir(p))
	}
	delete(u.fns, c)
	if u.owner[ch.owner] -= ch.bytes; u.owner[ch.owner] <= 0 {
		delete(u.owner, ch.owner)
	}
	return nil
}

// Used returns the bytes charged to owner.
func (u *usage) used(owner wf.Address) int64 {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.owner[owner]
}

func writeSynced(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// lister is the store's optional ability to enumerate its blocks, which
// Delete and GC need (diskstore and memstore have it).
type lister interface {
	List(ctx context.Context, fn func(c wf.CID, size int64) error) error
}

// sizer is the store's optional ability to report its total size, which
// Config.MaxStoreBytes needs.
type sizer interface{ Size() int64 }

// errStorageFull is what a deploy gets when the node's disk budget is used.
func errStorageFull(msg string) error {
	return &httperr.Error{Status: http.StatusServiceUnavailable, Code: "storage_full", Message: msg}
}

// storeFunction stores a checked deploy: the function's blocks (read from
// src), its secrets block and, last, its spec block, after charging its
// owner. A deploy that would take the owner over Config.OwnerQuotaBytes,
// or the store over Config.MaxStoreBytes, is refused before anything is
// stored: 413 storage_quota, 503 storage_full.
func (p *Provider) storeFunction(ctx context.Context, root wf.CID, specBlock []byte, ss *wf.SignedSpec, src wf.BlockGetter, secrets []byte) error {
	type blk struct {
		c    wf.CID
		data []byte
	}
	var blocks []blk
	var total, fresh int64
	addBlock := func(c wf.CID, data []byte) error {
		if _, inline := store.Identity(c); inline {
			return nil
		}
		blocks = append(blocks, blk{c, data})
		total += int64(len(data))
		has, err := p.cfg.Store.Has(ctx, c)
		if err != nil {
			return err
		}
		if !has {
			fresh += int64(len(data))
		}
		return nil
	}
	// Keep only what the function needs, so a CAR cannot smuggle in
	// unrelated data.
	if err := dag.ForEach(ctx, src, ss.Spec.Code.CID, addBlock); err != nil {
		if errors.Is(err, wf.ErrNotFound) {
			// It was complete a moment ago: a delete or GC took a block
			// this upload relied on the store for.
			return wf.E(wf.ErrUnavailable, "a block of this function was removed from the store while it deployed; send it again, whole", err)
		}
		return fmt.Errorf("deploy: store code: %w", err)
	}
	if secrets != nil {
		if err := addBlock(ss.Spec.Sealed.Secrets, secrets); err != nil {
			return fmt.Errorf("deploy: store secrets: %w", err)
		}
	}
	if err := addBlock(root, specBlock); err != nil { // last: the function exists once its spec is stored
		return fmt.Errorf("deploy: store spec: %w", err)
	}

	u := p.usage
	u.mu.Lock()
	defer u.mu.Unlock()
	owner := ss.Spec.Owner
	_, charged := u.fns[root]
	if err := p.quotaLocked(owner, root, total); err != nil {
		return err
	}
	if m := p.cfg.MaxStoreBytes; m > 0 && fresh > 0 {
		if sz, ok := p.cfg.Store.(sizer); ok && sz.Size()+fresh > m {
			return errStorageFull(fmt.Sprintf("this provider's store is full (%d of %d bytes); this function needs %d more; try another provider", sz.Size(), m, fresh))
		}
	}
	if !charged {
		if err := u.add(root, charge{owner, total}); err != nil {
			return err
		}
	}
	for _, b := range blocks {
		if err := p.cfg.Store.Put(ctx, b.c, b.data); err != nil {
			if !charged {
				u.remove(root) // the blocks already stored are GC's
			}
			if errors.Is(err, wf.ErrTooLarge) || errors.Is(err, syscall.ENOSPC) {
				return errStorageFull("this provider's store is full; try another provider")
			}
			return fmt.Errorf("deploy: store %s: %w", b.c, err)
		}
	}
	return nil
}

// checkQuota refuses early, before compiling, a deploy of function root
// that needs at least n bytes its owner does not have left.
func (p *Provider) checkQuota(owner wf.Address, root wf.CID, n int64) error {
	p.usage.mu.Lock()
	defer p.usage.mu.Unlock()
	return p.quotaLocked(owner, root, n)
}

// quotaLocked is checkQuota for a caller holding p.usage.mu. A function
// already charged (deployed again) needs nothing more.
func (p *Provider) quotaLocked(owner wf.Address, root wf.CID, n int64) error {
	u := p.usage
	if _, charged := u.fns[root]; charged {
		return nil
	}
	if q := p.cfg.OwnerQuotaBytes; q >= 0 && u.owner[owner]+n > q {
		return &httperr.Error{Status: http.StatusRequestEntityTooLarge, Code: "storage_quota",
			Message: fmt.Sprintf("owner %s uses %d of its %d bytes at this provider; this function needs %d more (wf delete frees some)",
				owner.Checksum(), u.owner[owner], q, n)}
	}
	return nil
}

// DeleteResult is the answer to DELETE /v1/functions/{cid}.
type DeleteResult struct {
	CID wf.CID `json:"cid"`
	// Blocks and Bytes are what the delete removed from the store.
	Blocks int   `json:"blocks"`
	Bytes  int64 `json:"bytes"`
	// Used is what the owner's deploys still take at this provider.
	Used int64 `json:"used"`
}

// serveDelete deletes a function at its owner's signed request
// (wf.DeleteRequest, in an Authorization: WF-Sig header as log reads
// carry it). The signature is checked first, then the owner against the
// spec block in the store alone; nothing is fetched or compiled.
func (p *Provider) serveDelete(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	c, signer, ok := p.signedRequest(w, r, "delete", func(c wf.CID, expires int64) wf.Message {
		return wf.DeleteRequest{Function: c, Provider: p.address(), Expires: expires}
	})
	if !ok {
		return
	}
	ss, err := p.storedSpec(r.Context(), c)
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	if signer != ss.Spec.Owner {
		httperr.Write(w, ri.log, fmt.Errorf("%w: only the function's owner may delete it, with a signature for this provider (%s)",
			wf.ErrForbidden, p.address().Checksum()))
		return
	}
	res, err := p.Delete(r.Context(), c)
	if err != nil {
		httperr.Write(w, ri.log, err)
		return
	}
	ri.log.Info("delete", "function", c.String(), "owner", ss.Spec.Owner.String(), "bytes", res.Bytes)
	httperr.WriteJSON(w, http.StatusOK, res)
}

// storedSpec reads and decodes the spec block c from the store only.
func (p *Provider) storedSpec(ctx context.Context, c wf.CID) (*wf.SignedSpec, error) {
	notHere := fmt.Errorf("%w: function %s is not stored here", wf.ErrNotFound, c)
	if !spec.IsBlockCID(c) {
		return nil, notHere
	}
	b, err := p.cfg.Store.Get(ctx, c)
	if errors.Is(err, wf.ErrNotFound) {
		return nil, notHere
	}
	if err != nil {
		return nil, fmt.Errorf("provider: %s: %w", c, err)
	}
	return spec.Decode(b)
}

// Delete removes function c, which must be stored here, without checking
// who asks: it unloads the function, releases its compiled module,
// removes its spec block, then every block of its code DAG and its
// secrets block that no other stored spec uses, and credits its owner.
// The spec block goes first, so a crash part way leaves only blocks that
// GC removes.
func (p *Provider) Delete(ctx context.Context, c wf.CID) (*DeleteResult, error) {
	ss, err := p.storedSpec(ctx, c)
	if err != nil {
		return nil, err
	}
	l, ok := p.cfg.Store.(lister)
	if !ok {
		return nil, errors.New("provider: delete: the store cannot list its blocks")
	}
	u := p.usage
	u.mu.Lock()
	defer u.mu.Unlock()

	// What the function uses, among what is stored.
	mine := make(map[wf.CID]bool)
	p.reach(ctx, &ss.Spec, mine)
	p.unloadCID(c)
	res := &DeleteResult{CID: c}
	size := func(c wf.CID) int64 {
		b, err := p.cfg.Store.Get(ctx, c)
		if err != nil {
			return 0
		}
		return int64(len(b))
	}
	n := size(c)
	if err := p.cfg.Store.Delete(ctx, c); err != nil {
		return nil, fmt.Errorf("provider: delete %s: %w", c, err)
	}
	res.Blocks, res.Bytes = 1, n
	if err := u.remove(c); err != nil {
		return nil, err
	}
	// Mark what the other stored specs use; sweep the rest of ours.
	delete(mine, c)
	if err := p.eachSpec(ctx, l, func(_ wf.CID, s *wf.Spec) {
		if len(mine) > 0 {
			p.unmark(ctx, s, mine)
		}
	}); err != nil {
		return nil, fmt.Errorf("provider: delete %s: %w", c, err)
	}
	for b := range mine {
		n := size(b)
		if err := p.cfg.Store.Delete(ctx, b); err != nil {
			return nil, fmt.Errorf("provider: delete %s: %w", c, err)
		}
		res.Blocks++
		res.Bytes += n
	}
	// Again: a load that read the spec before it went may have finished
	// since; a load that starts now finds no spec.
	p.unloadCID(c)
	res.Used = u.owner[ss.Spec.Owner]
	return res, nil
}

// unloadCID drops function c from memory and releases its module unless
// another loaded function runs the same one.
func (p *Provider) unloadCID(c wf.CID) {
	p.mu.Lock()
	el, ok := p.loaded[c]
	if ok {
		p.lru.Remove(el)
		delete(p.loaded, c)
	}
	p.mu.Unlock()
	if ok {
		f := el.Value.(*function)
		p.releaseUnused(f.sb, f.module)
	}
}

// reach adds to set every stored block spec s uses: its secrets block and
// its code DAG, as far as its blocks are present (a DAG left incomplete
// by a crash is walked as far as it goes).
func (p *Provider) reach(ctx context.Context, s *wf.Spec, set map[wf.CID]bool) {
	p.walkStored(ctx, s, func(c wf.CID) bool { set[c] = true; return true })
}

// unmark removes from set the blocks spec s uses.
func (p *Provider) unmark(ctx context.Context, s *wf.Spec, set map[wf.CID]bool) {
	p.walkStored(ctx, s, func(c wf.CID) bool { delete(set, c); return len(set) > 0 })
}

// walkStored calls fn with each stored block spec s uses, once, until fn
// returns false.
func (p *Provider) walkStored(ctx context.Context, s *wf.Spec, fn func(wf.CID) bool) {
	seen := make(map[wf.CID]bool)
	var queue []wf.CID
	if s.Sealed != nil && s.Sealed.Secrets.Defined() {
		queue = append(queue, s.Sealed.Secrets)
	}
	queue = append(queue, s.Code.CID)
	for len(queue) > 0 && ctx.Err() == nil {
		c := queue[0]
		queue = queue[1:]
		if seen[c] || !c.Defined() {
			continue
		}
		seen[c] = true
		if _, inline := store.Identity(c); inline {
			continue
		}
		data, err := p.cfg.Store.Get(ctx, c)
		if err != nil {
			continue
		}
		if !fn(c) {
			return
		}
		links, err := dag.Links(c, data)
		if err != nil {
			continue
		}
		queue = append(queue, links...)
	}
}

// eachSpec calls fn with every spec block in the store (deployed here or
// fetched from peers).
func (p *Provider) eachSpec(ctx context.Context, l lister, fn func(c wf.CID, s *wf.Spec)) error {
	var specs []wf.CID
	if err := l.List(ctx, func(c wf.CID, _ int64) error {
		if spec.IsBlockCID(c) {
			specs = append(specs, c)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, c := range specs {
		b, err := p.cfg.Store.Get(ctx, c)
		if err != nil {
			continue
		}
		ss, err := spec.Decode(b)
		if err != nil {
			continue // a JSON block that is not a spec: a block of some DAG
		}
		fn(c, &ss.Spec)
	}
	return ctx.Err()
}

// GCResult is what GC removed.
type GCResult struct {
	Blocks  int   `json:"blocks"`
	Bytes   int64 `json:"bytes"`
	Charges int   `json:"charges"` // owners' charges for functions whose spec was gone
}

// GC removes every stored block that no stored spec uses (left by a crash
// mid-deploy or mid-delete) and the charges of functions whose spec block
// is gone. It holds off deploys and deletes while it runs. Each removal
// stands alone, so GC interrupted by a crash is finished by the next GC.
// A block fetched from a peer for a function not yet loaded may be
// removed; the function's next load fetches it again.
func (p *Provider) GC(ctx context.Context) (*GCResult, error) {
	l, ok := p.cfg.Store.(lister)
	if !ok {
		return nil, errors.New("provider: gc: the store cannot list its blocks")
	}
	u := p.usage
	u.mu.Lock()
	defer u.mu.Unlock()
	res := &GCResult{}
	live := make(map[wf.CID]bool)
	if err := p.eachSpec(ctx, l, func(c wf.CID, s *wf.Spec) {
		live[c] = true
		p.reach(ctx, s, live)
	}); err != nil {
		return nil, fmt.Errorf("provider: gc: %w", err)
	}
	for c := range u.fns {
		if !live[c] {
			if err := u.remove(c); err != nil {
				return nil, err
			}
			res.Charges++
		}
	}
	var dead []wf.CID
	sizes := make(map[wf.CID]int64)
	if err := l.List(ctx, func(c wf.CID, n int64) error {
		if !live[c] {
			dead = append(dead, c)
			sizes[c] = n
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("provider: gc: %w", err)
	}
	for _, c := range dead {
		if err := p.cfg.Store.Delete(ctx, c); err != nil {
			return res, fmt.Errorf("provider: gc: %w", err)
		}
		res.Blocks++
		res.Bytes += sizes[c]
	}
	return res, nil
}

// OwnerUsage returns the bytes charged to owner's deploys here.
func (p *Provider) OwnerUsage(owner wf.Address) int64 { return p.usage.used(owner) }
