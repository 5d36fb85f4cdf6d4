package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rpc"
)

// Limits of RPCHandler, as geth's own HTTP server has them.
const (
	maxRPCBody  = 5 << 20
	maxRPCBatch = 1000
)

// RPCHandler serves the chain's Ethereum JSON-RPC API over HTTP POST
// (single and batch requests), so that other processes and tools (wf --rpc,
// ethers, cast) can use the embedded chain. It answers the eth_, net_ and
// web3_ namespaces, as a geth node's HTTP endpoint does by default; a sent
// transaction is mined at once, as for Clients. Serve it on loopback: the
// dev accounts' keys are public. The handler fails requests once c is
// closed.
func (c *Chain) RPCHandler() http.Handler {
	return &rpcHandler{rpc: simRPCClient(c.sim.Client()), kick: c.kick}
}

// simRPCClient digs out the in-process RPC connection of the simulated
// backend's client. go-ethereum wraps it (an *ethclient.Client embedded in
// an unexported struct, whose field name shadows the Client method), so the
// exported embedded field is read by reflection; the tests fail if
// go-ethereum changes this.
func simRPCClient(c simulated.Client) *rpc.Client {
	v := reflect.ValueOf(c)
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("Client"); f.IsValid() && f.CanInterface() {
			if ec, ok := f.Interface().(*ethclient.Client); ok && ec != nil {
				return ec.Client()
			}
		}
	}
	panic(fmt.Sprintf("sim: cannot find the RPC client inside go-ethereum's simulated client %T", c))
}

type rpcHandler struct {
	rpc  *rpc.Client // in-process connection to the node
	kick chan struct{}
}

type rpcRequest struct {
	Version string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

type rpcResponse struct {
	Version string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

// JSON-RPC 2.0 error codes.
const (
	rpcParseError     = -32700
	rpcInvalidRequest = -32600
	rpcNoMethod       = -32601
	rpcInvalidParams  = -32602
	rpcInternal       = -32603
)

func (h *rpcHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "JSON-RPC needs POST", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRPCBody))
	if err != nil {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		var batch []json.RawMessage
		if err := json.Unmarshal(body, &batch); err != nil {
			writeJSON(w, errResponse(nil, rpcParseError, "parse error: "+err.Error()))
			return
		}
		if len(batch) == 0 || len(batch) > maxRPCBatch {
			writeJSON(w, errResponse(nil, rpcInvalidRequest, fmt.Sprintf("batch of %d requests (1 to %d allowed)", len(batch), maxRPCBatch)))
			return
		}
		out := make([]*rpcResponse, 0, len(batch))
		for _, m := range batch {
			if resp := h.serve(r.Context(), m); resp != nil {
				out = append(out, resp)
			}
		}
		if len(out) == 0 { // only notifications
			w.WriteHeader(http.StatusOK)
			return
		}
		writeJSON(w, out)
		return
	}
	resp := h.serve(r.Context(), body)
	if resp == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	writeJSON(w, resp)
}

// serve answers one request; nil for a notification (no id).
func (h *rpcHandler) serve(ctx context.Context, msg json.RawMessage) *rpcResponse {
	var req rpcRequest
	if err := json.Unmarshal(msg, &req); err != nil {
		return errResponse(nil, rpcParseError, "parse error: "+err.Error())
	}
	if req.Version != "2.0" || req.Method == "" {
		return errResponse(req.ID, rpcInvalidRequest, "invalid request: want jsonrpc 2.0 and a method")
	}
	resp := h.call(ctx, req)
	if req.ID == nil {
		return nil
	}
	return resp
}

func (h *rpcHandler) call(ctx context.Context, req rpcRequest) *rpcResponse {
	if !allowedRPC(req.Method) {
		return errResponse(req.ID, rpcNoMethod, fmt.Sprintf("the method %s does not exist/is not available", req.Method))
	}
	var params []json.RawMessage
	if p := bytes.TrimSpace(req.Params); len(p) > 0 && !bytes.Equal(p, []byte("null")) {
		if err := json.Unmarshal(p, &params); err != nil {
			return errResponse(req.ID, rpcInvalidParams, "params must be an array")
		}
	}
	args := make([]any, len(params))
	for i, p := range params {
		args[i] = p
	}
	var result json.RawMessage
	if err := h.rpc.CallContext(ctx, &result, req.Method, args...); err != nil {
		e := &rpcError{Code: rpcInternal, Message: err.Error()}
		var ec rpc.Error
		if errors.As(err, &ec) {
			e.Code = ec.ErrorCode()
		}
		var de rpc.DataError
		if errors.As(err, &de) {
			e.Data = de.ErrorData() // revert data: clients decode the reason from it
		}
		return &rpcResponse{Version: "2.0", ID: req.ID, Error: e}
	}
	if req.Method == "eth_sendRawTransaction" || req.Method == "eth_sendTransaction" {
		select {
		case h.kick <- struct{}{}:
		default:
		}
	}
	return &rpcResponse{Version: "2.0", ID: req.ID, Result: result}
}

// allowedRPC keeps the node's admin, debug and miner APIs off HTTP, and the
// subscriptions that need a websocket.
func allowedRPC(method string) bool {
	if method == "eth_subscribe" || method == "eth_unsubscribe" {
		return false
	}
	for _, ns := range []string{"eth_", "net_", "web3_"} {
		if strings.HasPrefix(method, ns) {
			return true
		}
	}
	return false
}

func errResponse(id json.RawMessage, code int, msg string) *rpcResponse {
	if id == nil {
		id = json.RawMessage("null")
	}
	return &rpcResponse{Version: "2.0", ID: id, Error: &rpcError{Code: code, Message: msg}}
}

func writeJSON(w http.ResponseWriter, v any) {
	// The client hung up if this fails; nothing to do.
	_ = json.NewEncoder(w).Encode(v)
}
