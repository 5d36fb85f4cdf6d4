// Package store holds what every block store shares: the check that a block
// matches its CID, and the block size bound.
//
// The interfaces themselves live in package wf (wf.BlockGetter,
// wf.BlockPutter, wf.BlockStore). Implementations live in subpackages named by
// mechanism: store/memstore (a map) and store/diskstore (one file per block).
// store/storetest is the conformance suite every implementation runs.
package store
