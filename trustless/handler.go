package trustless

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/store"
	"github.com/webfunctions/wf/wf"
)

// Media types of the trustless gateway protocol.
const (
	MediaTypeRaw = "application/vnd.ipld.raw"
	MediaTypeCAR = "application/vnd.ipld.car"

	// carContentType is what this handler sends and what Fetcher asks for.
	carContentType = MediaTypeCAR + "; version=1; order=dfs; dups=n"
	immutable      = "public, max-age=29030400, immutable"
)

// Options configures the handler. The zero value is ready to use.
type Options struct {
	// Logger receives server-side failures: store errors, corrupt blocks,
	// CAR streams cut short. Nil discards them.
	Logger *slog.Logger
}

type handler struct {
	get wf.BlockGetter
	log *slog.Logger
}

// NewHandler returns a trustless gateway handler serving blocks from g
// under /ipfs/. It does not listen; mount it where you like (it expects
// the /ipfs/ prefix in the request path). See the package documentation for
// what it serves.
func NewHandler(g wf.BlockGetter, opt Options) http.Handler {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &handler{get: g, log: log}
}

type format int

const (
	formatRaw format = iota + 1
	formatCAR
)

type request struct {
	cid    wf.CID
	format format
	block  bool // dag-scope=block
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	req, e := parseRequest(r)
	if e != nil {
		if e.Status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", "GET, HEAD")
		}
		writeError(w, e)
		return
	}
	switch req.format {
	case formatRaw:
		h.serveRaw(w, r, req)
	case formatCAR:
		h.serveCAR(w, r, req)
	}
}

func parseRequest(r *http.Request) (request, *httperr.Error) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/ipfs/")
	if !ok {
		return request{}, &httperr.Error{Status: http.StatusNotFound, Code: "not_found", Message: "only /ipfs/{cid} is served here"}
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return request{}, &httperr.Error{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed", Message: "use GET or HEAD"}
	}
	cidText, sub, _ := strings.Cut(rest, "/")
	c, err := wf.ParseCID(cidText)
	if err != nil {
		return request{}, badRequest("invalid_cid", fmt.Sprintf("%q is not a valid CID", truncate(cidText)))
	}
	if sub != "" {
		return request{}, badRequest("unsupported_path", "content paths below the CID are not supported; ask for the CID itself")
	}
	req := request{cid: c}
	q := r.URL.Query()
	var e *httperr.Error
	if req.format, e = negotiate(q.Get("format"), r.Header.Values("Accept")); e != nil {
		return request{}, e
	}
	if req.format != formatCAR {
		return req, nil
	}
	for _, p := range []struct {
		name string
		ok   func(string) bool
	}{
		{"car-version", func(v string) bool { return v == "1" }},
		{"car-order", func(v string) bool { return v == "dfs" || v == "unk" }},
		{"car-dups", func(v string) bool { return v == "n" }},
	} {
		if v := q.Get(p.name); v != "" && !p.ok(v) {
			return request{}, badRequest("unsupported_car_params", fmt.Sprintf("%s=%s is not supported; this gateway sends version=1, order=dfs, dups=n", p.name, truncate(v)))
		}
	}
	switch q.Get("dag-scope") {
	case "", "all":
	case "block":
		req.block = true
	default:
		return request{}, badRequest("unsupported_dag_scope", "dag-scope must be all or block")
	}
	if q.Has("entity-bytes") {
		return request{}, badRequest("unsupported_entity_bytes", "entity-bytes is not supported")
	}
	return req, nil
}

// negotiate picks the response format: the format parameter if present,
// else the most preferred Accept entry we serve.
func negotiate(param string, accept []string) (format, *httperr.Error) {
	switch param {
	case "raw":
		return formatRaw, nil
	case "car":
		return formatCAR, nil
	case "":
	default:
		return 0, badRequest("unsupported_format", "format must be raw or car")
	}
	var (
		best       format
		bestQ      = 0.0
		onlyWild   = true
		candidates = 0
	)
	for _, line := range accept {
		for part := range strings.SplitSeq(line, ",") {
			if strings.TrimSpace(part) == "" {
				continue
			}
			mt, params, err := mime.ParseMediaType(part)
			if err != nil {
				onlyWild = false
				continue
			}
			q := 1.0
			if v, ok := params["q"]; ok {
				if q, err = strconv.ParseFloat(v, 64); err != nil {
					q = 0
				}
			}
			if !strings.HasSuffix(mt, "/*") {
				onlyWild = false
			}
			var f format
			switch {
			case mt == MediaTypeRaw:
				f = formatRaw
			case mt == MediaTypeCAR && carParamsOK(params):
				f = formatCAR
			default:
				continue
			}
			candidates++
			if q > bestQ {
				best, bestQ = f, q
			}
		}
	}
	switch {
	case best != 0:
		return best, nil
	case onlyWild && candidates == 0:
		return 0, badRequest("format_required", "this is a trustless gateway: ask for ?format=raw or ?format=car, or send Accept: "+MediaTypeRaw+" or "+MediaTypeCAR)
	}
	return 0, &httperr.Error{Status: http.StatusNotAcceptable, Code: "not_acceptable", Message: "this gateway serves " + MediaTypeRaw + " and " + carContentType}
}

func carParamsOK(p map[string]string) bool {
	v, o, d := p["version"], p["order"], p["dups"]
	return (v == "" || v == "1") && (o == "" || o == "dfs" || o == "unk") && (d == "" || d == "n")
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// block returns the verified block c; identity CIDs carry their own.
func (h *handler) block(ctx context.Context, c wf.CID) ([]byte, *httperr.Error) {
	if data, ok := store.Identity(c); ok {
		return data, nil
	}
	data, err := h.get.Get(ctx, c)
	if err != nil {
		if !errors.Is(err, wf.ErrNotFound) {
			h.log.Error("trustless: get block", "cid", c, "err", err)
		}
		return nil, errorFor(err)
	}
	if err := store.Verify(c, data); err != nil {
		h.log.Error("trustless: store returned a corrupt block", "cid", c, "err", err)
		return nil, errorFor(errors.New("corrupt block"))
	}
	return data, nil
}

func (h *handler) setHeaders(w http.ResponseWriter, c wf.CID, contentType, etag, ext string) {
	hd := w.Header()
	hd.Set("Content-Type", contentType)
	hd.Set("Cache-Control", immutable)
	hd.Set("Etag", etag)
	hd.Set("Vary", "Accept")
	hd.Set("X-Ipfs-Path", "/ipfs/"+c.String())
	hd.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", c.String()+ext))
}

// notModified reports whether the client already holds this response.
func notModified(r *http.Request, etag string) bool {
	for v := range strings.SplitSeq(r.Header.Get("If-None-Match"), ",") {
		v = strings.TrimPrefix(strings.TrimSpace(v), "W/")
		if v == etag || v == "*" {
			return true
		}
	}
	return false
}

func (h *handler) serveRaw(w http.ResponseWriter, r *http.Request, req request) {
	data, e := h.block(r.Context(), req.cid)
	if e != nil {
		writeError(w, e)
		return
	}
	etag := `"` + req.cid.String() + `.raw"`
	h.setHeaders(w, req.cid, MediaTypeRaw, etag, ".bin")
	if notModified(r, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

// maxSizedBlocks bounds the DAGs whose CAR is sized before it is sent
// (a read or a stat per block before the first byte, a few milliseconds
// at most, which a client could ask for and hang up): a file of 1 GB in
// 256 KiB chunks has about 4,000 blocks; larger DAGs are sent chunked.
const maxSizedBlocks = 1 << 12

func (h *handler) serveCAR(w http.ResponseWriter, r *http.Request, req request) {
	ctx := r.Context()
	// The root must be here before we commit to 200.
	root, e := h.block(ctx, req.cid)
	if e != nil {
		writeError(w, e)
		return
	}
	scope := "all"
	if req.block {
		scope = "block"
	}
	etag := `"` + req.cid.String() + ".car." + scope + `.dfs.n"`
	if notModified(r, etag) {
		h.setHeaders(w, req.cid, carContentType, etag, ".car")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if req.block {
		var car bytes.Buffer // one block, already in memory
		cw := dag.NewCARWriter(&car, req.cid)
		if _, inline := store.Identity(req.cid); !inline {
			cw.WriteBlock(req.cid, root)
		}
		cw.Flush()
		h.setHeaders(w, req.cid, carContentType, etag, ".car")
		w.Header().Set("Content-Length", strconv.Itoa(car.Len()))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(car.Bytes())
		}
		return
	}
	// With the length known the response is not chunked: a client (and a
	// gateway passing it on) sees the size up front and can tell a cut
	// stream, each hop writes the body in fewer, larger writes, and a
	// block missing further down is an error status, not a cut stream.
	// HEAD does not size: it would walk the DAG for the client's asking.
	var size int64
	sized := false
	if sizer, ok := h.get.(wf.BlockSizer); ok && r.Method != http.MethodHead {
		var err error
		if size, sized, err = dag.CARSize(ctx, h.get, sizer, req.cid, maxSizedBlocks); err != nil {
			if ctx.Err() != nil {
				panic(http.ErrAbortHandler) // the client went away
			}
			if !errors.Is(err, wf.ErrNotFound) && !errors.Is(err, wf.ErrUnavailable) {
				h.log.Error("trustless: size the CAR", "cid", req.cid, "err", err)
				err = errors.New("corrupt or unreadable block")
			}
			writeError(w, errorFor(err))
			return
		}
	}
	h.setHeaders(w, req.cid, carContentType, etag, ".car")
	if sized {
		w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if err := dag.ExportCAR(ctx, h.get, req.cid, w); err != nil {
		if ctx.Err() != nil {
			return // the client went away
		}
		h.log.Error("trustless: CAR stream cut short", "cid", req.cid, "err", err)
		// The status is sent; ending the connection short of the length
		// (or without the final chunk) is how the client learns the CAR
		// is incomplete.
		panic(http.ErrAbortHandler)
	}
}
