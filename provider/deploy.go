package provider

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// DeployResult is the answer to POST /v1/car.
type DeployResult struct {
	CID   wf.CID     `json:"cid"`
	Owner wf.Address `json:"owner"`
	Code  wf.CID     `json:"code"`
	URL   string     `json:"url"`
	// BuiltFrom is a CI deploy's provenance (wf.ci), for people: "acme/
	// api@abc123def456 by .github/workflows/deploy.yml (run 42/1)".
	BuiltFrom string `json:"builtFrom,omitempty"`
}

// serveDeploy accepts a CAR v1 whose single root is a signed spec block,
// sent first, and which holds, with what this node already stores, the
// spec's whole code DAG. The spec block is checked (its hash, its owner's
// signature) before anything after it is read, so junk is refused at its
// first block. The rest is staged in memory and checked completely (DAG
// completeness, that the module compiles) before any block reaches the
// store, so a rejected upload leaves nothing behind. At most
// Config.MaxUploads are read at once; more get 429 at once.
func (p *Provider) serveDeploy(w http.ResponseWriter, r *http.Request) {
	ri := info(r)
	select {
	case p.uploads <- struct{}{}:
		defer func() { <-p.uploads }()
	default:
		p.metrics.deploys.WithLabelValues("rate_limited").Inc()
		w.Header().Set("Retry-After", "5")
		w.Header().Set("Connection", "close") // the body is not read
		httperr.Write(w, ri.log, wf.E(wf.ErrRateLimited, fmt.Sprintf("the provider is receiving %d uploads at once, its maximum; retry shortly", cap(p.uploads)), nil))
		return
	}
	res, err := p.deploy(r.Context(), w, r)
	if err != nil {
		p.metrics.deploys.WithLabelValues(outcome(err)).Inc()
		httperr.Write(w, ri.log, err)
		return
	}
	p.metrics.deploys.WithLabelValues("ok").Inc()
	// The deploy compiled the module; loading the function now puts it in
	// the LRU, so MaxLoaded bounds deployed functions as well as invoked
	// ones (otherwise every deploy would pin a compiled module).
	if _, err := p.function(r.Context(), res.CID); err != nil {
		ri.log.Warn("load after deploy", "function", res.CID.String(), "err", err)
	}
	ri.log.Info("deploy", "function", res.CID.String(), "owner", res.Owner.String(), "code", res.Code.String(), "builtFrom", res.BuiltFrom)
	httperr.WriteJSON(w, http.StatusCreated, res)
}

func (p *Provider) deploy(ctx context.Context, w http.ResponseWriter, r *http.Request) (*DeployResult, error) {
	max := p.cfg.MaxUploadBytes
	if r.ContentLength > max {
		w.Header().Set("Connection", "close")
		return nil, fmt.Errorf("%w: upload is %d bytes; this provider accepts at most %d", wf.ErrTooLarge, r.ContentLength, max)
	}
	body := p.newBodyReader(w, r, max, p.cfg.UploadTimeout)
	root, b, ss, staged, err := p.readUpload(ctx, body, max)
	if err != nil {
		// Refused before the end: close the connection rather than
		// read the rest.
		w.Header().Set("Connection", "close")
		return nil, err
	}
	body.done()
	// An upload bigger than what its owner has left is refused before
	// compiling; storeFunction checks the exact charge.
	_, n := staged.Len()
	if err := p.checkQuota(ss.Spec.Owner, root, n+int64(len(b))); err != nil {
		return nil, err
	}
	both := overlay{staged, p.cfg.Store}
	code := ss.Spec.Code.CID
	if err := dag.VerifyComplete(ctx, both, code); err != nil {
		if errors.Is(err, wf.ErrNotFound) {
			return nil, fmt.Errorf("%w: the code DAG %s is incomplete: %v", wf.ErrInvalid, code, err)
		}
		return nil, fmt.Errorf("deploy: %w", err)
	}
	wasm, err := dag.ReadFile(ctx, both, code, ss.Spec.Code.Entry)
	if err != nil {
		return nil, fmt.Errorf("deploy: read code: %w", err)
	}
	sb := p.cfg.Sandbox
	var secrets []byte // the sealed secrets block, if any
	if sealed := ss.Spec.Sealed; sealed != nil {
		// The secrets block must come along (readUpload checked the grant).
		if sc := sealed.Secrets; sc.Defined() {
			if secrets, err = both.Get(ctx, sc); err != nil {
				return nil, fmt.Errorf("%w: the sealed secrets block %s is missing", wf.ErrInvalid, sc)
			}
		}
		if ss.Spec.Code.Encrypted {
			if wasm, err = p.opener.Code(ctx, root, &ss.Spec, wasm); err != nil {
				return nil, err
			}
			sb = p.private
		}
	}
	key, wasm, _, err := jsModule(&ss.Spec, wasm, nil)
	if err != nil {
		return nil, err
	}
	mod, err := sb.Compile(ctx, key, wasm)
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	// From here a failed deploy releases the module it compiled: no
	// function holds it, so it would stay in the sandbox, outside the
	// LRU that bounds compiled code, for good.
	fail := func(err error) (*DeployResult, error) {
		p.releaseUnused(sb, mod)
		return nil, err
	}
	if err := p.storeFunction(ctx, root, b, ss, both, secrets); err != nil {
		return fail(err)
	}
	res := &DeployResult{CID: root, Owner: ss.Spec.Owner, Code: code, URL: p.cfg.PublicURL + "/" + root.String() + "/"}
	if c, _ := spec.CIOf(&ss.Spec); c != nil { // verified with the spec
		res.BuiltFrom = c.BuiltFrom()
	}
	return res, nil
}

// readUpload reads a deploy's CAR: its header, then its first block, which
// must be its only root and a signed spec, checked before anything else is
// read; then the remaining blocks, each verified, into a memory staging
// store. Identity blocks are checked and dropped.
func (p *Provider) readUpload(ctx context.Context, r io.Reader, max int64) (root wf.CID, spec []byte, ss *wf.SignedSpec, staged *memstore.Store, err error) {
	fail := func(err error) (wf.CID, []byte, *wf.SignedSpec, *memstore.Store, error) {
		return wf.CID{}, nil, nil, nil, err
	}
	cr, err := dag.NewCARReader(r, dag.Limits{MaxBytes: max})
	if err != nil {
		return fail(fmt.Errorf("deploy: %w", err))
	}
	if roots := cr.Roots(); len(roots) != 1 {
		return fail(fmt.Errorf("%w: the CAR must have exactly one root, the signed spec; it has %d", wf.ErrInvalid, len(roots)))
	}
	root = cr.Roots()[0]
	c, b, err := cr.Next()
	if err == io.EOF {
		return fail(fmt.Errorf("%w: the CAR does not contain its root block %s", wf.ErrInvalid, root))
	}
	if err != nil {
		return fail(fmt.Errorf("deploy: %w", err))
	}
	if c != root {
		return fail(fmt.Errorf("%w: the CAR's first block must be its root, the signed spec %s; it is %s", wf.ErrInvalid, root, c))
	}
	if err := store.Verify(c, b); err != nil {
		return fail(fmt.Errorf("deploy: %w", err))
	}
	if ss, err = p.verify(b); err != nil {
		return fail(fmt.Errorf("deploy: %w", err))
	}
	// The same bytes under another CID (raw codec, another hash) verify
	// too, but the function is invoked, fetched and logged by its spec CID.
	if want := wf.SumCID(wf.CodecJSON, b); root != want {
		return fail(fmt.Errorf("%w: the CAR root %s must be the spec block's CID %s (CIDv1, json codec, sha2-256)", wf.ErrInvalid, root, want))
	}
	// A sealed function is deployed only where it can run: this node must
	// hold a grant.
	if ss.Spec.Sealed != nil {
		if p.opener == nil {
			return fail(wf.E(wf.ErrForbidden, "this provider has no sealing keys, so it cannot run sealed functions", nil))
		}
		if err := p.opener.CheckGrant(root, &ss.Spec); err != nil {
			return fail(err)
		}
	}
	staged = memstore.New()
	for {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("deploy: %w", err))
		}
		c, data, err := cr.Next()
		if err == io.EOF {
			return root, b, ss, staged, nil
		}
		if err != nil {
			return fail(fmt.Errorf("deploy: %w", err))
		}
		if err := store.Verify(c, data); err != nil {
			return fail(fmt.Errorf("deploy: %w", err))
		}
		if _, inline := store.Identity(c); inline {
			continue
		}
		if err := staged.Put(ctx, c, data); err != nil {
			return fail(fmt.Errorf("deploy: stage: %w", err))
		}
	}
}

// overlay reads from the staged upload first, then from the store.
type overlay struct{ staged, store wf.BlockGetter }

func (o overlay) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	b, err := o.staged.Get(ctx, c)
	if errors.Is(err, wf.ErrNotFound) {
		return o.store.Get(ctx, c)
	}
	return b, err
}

// releaseUnused releases m from sb unless a loaded function runs it (one
// with the same code, deployed before). A function loading it at this
// moment finds it released and loads it again, as after an LRU eviction.
func (p *Provider) releaseUnused(sb *sandbox.Sandbox, m *sandbox.Module) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, el := range p.loaded {
		if el.Value.(*function).module == m {
			return
		}
	}
	sb.Release(m)
}
