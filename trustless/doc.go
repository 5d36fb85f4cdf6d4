// Package trustless speaks the IPFS trustless gateway protocol
// (https://specs.ipfs.tech/http-gateways/trustless-gateway/) on both ends:
// NewHandler serves blocks and CAR streams from a wf.BlockGetter, and
// Fetcher retrieves whole DAGs from untrusted gateways, checking every block
// before it reaches the local store.
//
// # Server
//
// The handler serves GET and HEAD /ipfs/{cid}:
//
//   - ?format=raw or Accept: application/vnd.ipld.raw: the single block.
//   - ?format=car or Accept: application/vnd.ipld.car: a CAR v1 stream,
//     Content-Type "application/vnd.ipld.car; version=1; order=dfs; dups=n",
//     blocks in the order of `ipfs dag export`. dag-scope=all (the default)
//     sends the whole DAG, dag-scope=block only the root block.
//
// format takes precedence over Accept, as the spec says. A request with
// neither (or with only wildcards such as curl's */*) gets 400 Bad Request,
// the spec's answer for a gateway that never deserializes; an Accept header
// naming only types we do not serve gets 406 Not Acceptable. Not supported,
// with 400: content paths below the CID, dag-scope=entity, entity-bytes,
// CAR version 2, order other than dfs, dups=y (it lets a small DAG that
// repeats a subtree expand exponentially). IPNS is not served (404).
//
// Successful responses are immutable: Cache-Control "public,
// max-age=29030400, immutable", a strong Etag per CID, format and scope,
// Content-Disposition attachment and X-Content-Type-Options nosniff. Errors
// are JSON, {"error": {"code": "...", "message": "..."}}: 400 (bad CID,
// format, parameter), 404 (a block of the DAG not here), 405, 406, 500 (store
// failure; detail goes to the log only). The handler re-verifies every
// block it sends. When the getter can size blocks (wf.BlockSizer, as the
// disk and memory stores do) and the DAG has at most 4,096 blocks, a CAR
// answer to GET carries its Content-Length, found by reading the DAG's
// inner blocks and sizing its leaves first, and a block missing anywhere
// in the DAG is a 404 before anything is sent; otherwise (and for HEAD)
// it is chunked. If a block goes missing after a CAR stream has
// started, the status is already 200, so the handler aborts the
// connection, which the client sees as a truncated (invalid) CAR rather
// than a short valid one.
//
// The bafkqaaa identity CID answers as the spec's probe: an empty raw block,
// or a CAR holding only the header.
//
// # Client
//
// Fetcher asks each gateway in turn for
// /ipfs/{root}?format=car&dag-scope=all with Accept
// "application/vnd.ipld.car; version=1; order=dfs; dups=n", and checks the
// stream as it arrives: every block must be the exact one a depth-first walk
// of the DAG expects next (dag.Walk), must hash to its CID, and the stream
// must end exactly when the walk does. go-car alone only checks each block
// against its own CID, which lets a gateway send unrelated or reordered
// blocks, or stop early. Only blocks that pass go into the local store, so a
// lying gateway can waste time but cannot plant anything; when it fails, the
// genuine blocks it did send stay, and the next gateway is tried.
//
// FetchingGetter puts the two together: a wf.BlockGetter that reads the
// local store and, on a miss, fetches the whole DAG under the missing CID.
package trustless
