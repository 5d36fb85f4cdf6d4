// Package dag packs files into UnixFS DAGs exactly as kubo does, reads them
// back, walks them, and moves them as CAR v1 streams. It is the only package
// that imports boxo and go-car; everything else speaks wf.CID and
// wf.BlockGetter/BlockPutter.
//
// # Packing
//
// AddFile and AddPath reproduce `ipfs add --cid-version=1` (kubo 0.43,
// boxo 0.39 here): balanced layout, fixed-size 262144-byte chunks, at most
// 174 links per node, raw leaves, CIDv1 dag-pb sha2-256 interior nodes; a
// file of one chunk or less is a single raw block. Directories are basic
// UnixFS directories until boxo's legacy size estimate (the sum of name
// length plus CID length over the entries) goes over 256 KiB; then boxo turns
// them into HAMT shards of fanout 256, as kubo does. The parameters are
// pinned here per directory and per file, so boxo's package-level defaults
// (which kubo configures from its config file) cannot change our CIDs.
// dag/testdata/golden.json holds the CIDs real kubo printed for the test
// inputs; regen-golden.sh reproduces them.
//
// AddPath takes every entry, hidden files included: the equivalent kubo
// command is `ipfs add -r --hidden --cid-version=1`. (Plain `ipfs add -r`
// silently drops dotfiles, which would make the deployed CID depend on a
// flag nobody remembers.) Symbolic links become UnixFS symlink nodes, as in
// kubo, if the fs.FS can read them; empty directories are kept.
//
// # Walking
//
// A Walk is the depth-first, pre-order traversal of a DAG in link order,
// visiting each distinct block once: the order of `ipfs dag export` and of a
// trustless gateway's `application/vnd.ipld.car; order=dfs; dups=n`.
// ExportCAR writes it, VerifyComplete checks it against a local store, and
// the trustless fetcher checks an untrusted stream against it block by
// block. Blocks are raw, dag-pb or JSON (no links); identity CIDs are inline
// and never stored or sent.
//
// # Limits
//
// Blocks are at most store.MaxBlockSize (2 MiB, the bitswap limit).
// ImportCAR bounds block size and total size (Limits) and reports breaches
// with errors wrapping wf.ErrTooLarge; malformed input wraps wf.ErrInvalid.
package dag
