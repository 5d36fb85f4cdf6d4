package trustless

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/wf"
)

var _ wf.BlockGetter = (*FetchingGetter)(nil)

// FetchingGetter reads blocks from Local and, when one is missing, fetches
// the whole DAG under it through Fetcher into Local. Concurrent misses on
// the same CID share one fetch. Set the fields before first use and do not
// copy a FetchingGetter after that.
type FetchingGetter struct {
	Local   wf.BlockStore
	Fetcher *Fetcher

	mu       sync.Mutex
	inflight map[wf.CID]*fetchCall
}

type fetchCall struct {
	done chan struct{}
	err  error
}

// Get returns the block c from Local, fetching the DAG under c first if
// Local lacks it. A fetch failure comes back as a *FetchError.
func (g *FetchingGetter) Get(ctx context.Context, c wf.CID) ([]byte, error) {
	data, err := g.Local.Get(ctx, c)
	if err == nil || !errors.Is(err, wf.ErrNotFound) {
		return data, err
	}
	if err := g.fetch(ctx, c); err != nil {
		return nil, err
	}
	return g.Local.Get(ctx, c)
}

// Ensure makes the whole DAG under root local: it checks Local with
// dag.VerifyComplete and fetches the DAG if anything is missing.
func (g *FetchingGetter) Ensure(ctx context.Context, root wf.CID) error {
	err := dag.VerifyComplete(ctx, g.Local, root)
	if err == nil || !errors.Is(err, wf.ErrNotFound) {
		return err
	}
	if err := g.fetch(ctx, root); err != nil {
		return err
	}
	if err := dag.VerifyComplete(ctx, g.Local, root); err != nil {
		return fmt.Errorf("trustless: %s still incomplete after fetch: %w", root, err)
	}
	return nil
}

// fetch runs one fetch per root at a time. The fetch itself is detached
// from the caller's cancellation, so one caller giving up does not fail the
// others; Fetcher.Timeout bounds it.
func (g *FetchingGetter) fetch(ctx context.Context, root wf.CID) error {
	g.mu.Lock()
	call, ok := g.inflight[root]
	if !ok {
		if g.inflight == nil {
			g.inflight = make(map[wf.CID]*fetchCall)
		}
		call = &fetchCall{done: make(chan struct{})}
		g.inflight[root] = call
		go func() {
			call.err = g.Fetcher.Fetch(context.WithoutCancel(ctx), root, g.Local)
			g.mu.Lock()
			delete(g.inflight, root)
			g.mu.Unlock()
			close(call.done)
		}()
	}
	g.mu.Unlock()
	select {
	case <-call.done:
		return call.err
	case <-ctx.Done():
		return ctx.Err()
	}
}
