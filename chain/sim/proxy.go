package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
)

// RPCProxy is a JSON-RPC endpoint in front of another (Next, such as
// Chain.RPCHandler) that can lag behind it or lie: the second and third
// endpoints of tests that check a client believes no single endpoint.
// Batch requests pass through unchanged.
type RPCProxy struct {
	Next http.Handler
	// Lag makes the endpoint's latest block this many blocks behind
	// Next's, as a node still syncing is (honest, only late).
	Lag     atomic.Uint64
	rewrite atomic.Pointer[Rewrite]
}

// Rewrite may replace a method's result (the JSON of its "result");
// returning result keeps it.
type Rewrite func(method string, params []json.RawMessage, result json.RawMessage) json.RawMessage

// SetRewrite makes the proxy rewrite results with f from now on (nil:
// honest again).
func (p *RPCProxy) SetRewrite(f Rewrite) {
	if f == nil {
		p.rewrite.Store(nil)
		return
	}
	p.rewrite.Store(&f)
}

// ServeHTTP answers a JSON-RPC request through Next, late or lying as set.
func (p *RPCProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRPCBody))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var req rpcRequest
	if bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) || json.Unmarshal(body, &req) != nil {
		p.Next.ServeHTTP(w, p.forward(r, body))
		return
	}
	var params []json.RawMessage
	_ = json.Unmarshal(req.Params, &params)
	if lag := p.Lag.Load(); lag > 0 {
		switch req.Method {
		case "eth_blockNumber":
			head, err := p.head(r)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			writeJSON(w, &rpcResponse{Version: "2.0", ID: req.ID, Result: json.RawMessage(strconv.Quote(hexNum(head - min(lag, head))))})
			return
		case "eth_getBlockByNumber", "eth_getHeaderByNumber":
			if len(params) > 0 {
				var tag string
				_ = json.Unmarshal(params[0], &tag)
				head, err := p.head(r)
				if err != nil {
					http.Error(w, err.Error(), http.StatusBadGateway)
					return
				}
				top := head - min(lag, head)
				n, perr := strconv.ParseUint(strings.TrimPrefix(tag, "0x"), 16, 64)
				switch {
				case tag == "latest" || tag == "pending" || tag == "safe" || tag == "finalized":
					params[0] = json.RawMessage(strconv.Quote(hexNum(top)))
				case perr == nil && n > top:
					writeJSON(w, &rpcResponse{Version: "2.0", ID: req.ID, Result: json.RawMessage("null")})
					return
				}
				req.Params, _ = json.Marshal(params)
				body, _ = json.Marshal(req)
			}
		}
	}
	rec := httptest.NewRecorder()
	p.Next.ServeHTTP(rec, p.forward(r, body))
	var resp rpcResponse
	rw := p.rewrite.Load()
	if rw == nil || rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &resp) != nil || resp.Error != nil {
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		return
	}
	resp.Result = (*rw)(req.Method, params, resp.Result)
	w.Header().Set("Content-Type", "application/json")
	writeJSON(w, &resp)
}

func (p *RPCProxy) forward(r *http.Request, body []byte) *http.Request {
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	return r2
}

// head is Next's latest block number.
func (p *RPCProxy) head(r *http.Request) (uint64, error) {
	rec := httptest.NewRecorder()
	p.Next.ServeHTTP(rec, p.forward(r, []byte(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`)))
	var resp rpcResponse
	var s string
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || resp.Error != nil || json.Unmarshal(resp.Result, &s) != nil {
		return 0, fmt.Errorf("proxy: head: %s", rec.Body.String())
	}
	return strconv.ParseUint(strings.TrimPrefix(s, "0x"), 16, 64)
}

func hexNum(n uint64) string { return "0x" + strconv.FormatUint(n, 16) }
