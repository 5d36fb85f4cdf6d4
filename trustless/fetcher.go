package trustless

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/wf"
)

// DefaultTimeout bounds one gateway attempt when Fetcher.Timeout is zero.
const DefaultTimeout = 60 * time.Second

// Fetcher retrieves whole DAGs from trustless gateways and verifies them
// block by block against a depth-first walk from the root. The zero value
// has no gateways; set Gateways. A Fetcher is safe for concurrent use if
// its fields are not changed.
type Fetcher struct {
	// Gateways are base URLs ("https://ipfs.io", "http://127.0.0.1:8080"),
	// tried in order until one delivers the complete, verified DAG.
	Gateways []string

	// Client sends the requests; nil means http.DefaultClient. Timeout
	// bounds each attempt either way.
	Client *http.Client

	// Timeout bounds one gateway attempt, reading the body included. Zero
	// means DefaultTimeout.
	Timeout time.Duration

	// MaxBytes bounds the CAR read from one gateway. Zero means
	// dag.DefaultMaxCARBytes (1 GiB).
	MaxBytes int64

	// MaxBlockSize bounds each block. Zero means store.MaxBlockSize (2 MiB).
	MaxBlockSize int
}

// FetchError reports a fetch that no gateway completed. errors.Is(err,
// wf.ErrNotFound) holds when every gateway said 404; otherwise errors.Is(err,
// wf.ErrUnavailable). What each gateway did wrong is in Attempts (errors
// wrapping wf.ErrInvalid for a stream that failed verification,
// wf.ErrTooLarge for one over the limits), kept out of the error chain so
// that a lying gateway is not mistaken for a bad request by the caller.
type FetchError struct {
	Root     wf.CID
	Attempts []error // one per gateway, in order
}

func (e *FetchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "trustless: fetch %s failed", e.Root)
	for _, a := range e.Attempts {
		b.WriteString("; ")
		b.WriteString(a.Error())
	}
	return b.String()
}

// Is reports the kind of failure; see FetchError.
func (e *FetchError) Is(target error) bool {
	notFound := len(e.Attempts) > 0
	for _, a := range e.Attempts {
		notFound = notFound && errors.Is(a, wf.ErrNotFound)
	}
	if notFound {
		return target == wf.ErrNotFound
	}
	return target == wf.ErrUnavailable
}

var errNoGateways = errors.New("no gateways configured")

// Fetch retrieves the DAG under root and puts every block of it into dst.
// Each block is verified before it is put, so dst receives only blocks of
// this DAG even from a lying gateway. It returns nil once the walk is
// complete, the caller's context error if ctx ends, or a *FetchError.
func (f *Fetcher) Fetch(ctx context.Context, root wf.CID, dst wf.BlockPutter) error {
	if _, more, err := dag.NewWalk(root, false).Next(); err != nil {
		return fmt.Errorf("trustless: fetch %s: %w", root, err)
	} else if !more {
		return nil // an identity CID holds its own DAG
	}
	fe := &FetchError{Root: root}
	if len(f.Gateways) == 0 {
		fe.Attempts = append(fe.Attempts, errNoGateways)
		return fe
	}
	for _, gw := range f.Gateways {
		err := f.fetchFrom(ctx, gw, root, dst)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("trustless: fetch %s: %w", root, ctx.Err())
		}
		fe.Attempts = append(fe.Attempts, fmt.Errorf("gateway %s: %w", gw, err))
	}
	return fe
}

func (f *Fetcher) fetchFrom(ctx context.Context, gateway string, root wf.CID, dst wf.BlockPutter) error {
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	u := strings.TrimRight(gateway, "/") + "/ipfs/" + root.String() + "?format=car&dag-scope=all"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", carContentType)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotFound:
		return fmt.Errorf("%s: %w", resp.Status, wf.ErrNotFound)
	default:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
		return fmt.Errorf("gateway answered %s: %q", resp.Status, msg)
	}
	dups, err := checkCARType(resp.Header.Get("Content-Type"))
	if err != nil {
		return err
	}
	lim := dag.Limits{MaxBlockSize: f.MaxBlockSize, MaxBytes: f.MaxBytes}
	if max := cmpDefault(f.MaxBytes, dag.DefaultMaxCARBytes); resp.ContentLength > max {
		return fmt.Errorf("CAR of %d bytes is over the %d byte limit: %w", resp.ContentLength, max, wf.ErrTooLarge)
	}
	return verifyStream(ctx, resp.Body, root, dups, lim, dst)
}

func cmpDefault(v, def int64) int64 {
	if v <= 0 {
		return def
	}
	return v
}

// checkCARType accepts a CAR v1 response in depth-first order, and reports
// whether duplicates are sent. A gateway that does not say (legacy ones send
// bare application/vnd.ipld.car) is held to order=dfs, dups=n: anything else
// then fails verification, with a clear error, and the next gateway is tried.
func checkCARType(ct string) (dups bool, err error) {
	mt, p, err := mime.ParseMediaType(ct)
	if err != nil || mt != MediaTypeCAR {
		return false, fmt.Errorf("%w: response is %q, not a CAR", wf.ErrInvalid, ct)
	}
	if v := p["version"]; v != "" && v != "1" {
		return false, fmt.Errorf("%w: CAR version %q, want 1", wf.ErrInvalid, v)
	}
	if o := p["order"]; o != "" && o != "dfs" {
		return false, fmt.Errorf("%w: CAR order %q, want dfs", wf.ErrInvalid, o)
	}
	switch p["dups"] {
	case "", "n":
		return false, nil
	case "y":
		return true, nil
	}
	return false, fmt.Errorf("%w: CAR dups %q", wf.ErrInvalid, p["dups"])
}

// verifyStream reads a CAR and checks it block by block against a walk from
// root, putting each verified block into dst. The header's roots are
// ignored, as the spec tells clients to.
func verifyStream(ctx context.Context, r io.Reader, root wf.CID, dups bool, lim dag.Limits, dst wf.BlockPutter) error {
	cr, err := dag.NewCARReader(r, lim)
	if err != nil {
		return err
	}
	w := dag.NewWalk(root, dups)
	for {
		c, data, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := w.Visit(c, data); err != nil {
			return err
		}
		if err := dst.Put(ctx, c, data); err != nil {
			return fmt.Errorf("store %s: %w", c, err)
		}
	}
	missing, more, err := w.Next()
	if err != nil {
		return err
	}
	if more {
		return fmt.Errorf("%w: CAR ended before block %s", wf.ErrInvalid, missing)
	}
	return nil
}
