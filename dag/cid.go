package dag

import (
	"fmt"

	"github.com/ipfs/go-cid"
	"github.com/webfunctions/wf/wf"
)

// GoCID converts c to go-cid's form. Both hold the same binary CID.
func GoCID(c wf.CID) (cid.Cid, error) {
	gc, err := cid.Cast(c.Bytes())
	if err != nil {
		return cid.Undef, fmt.Errorf("dag: %w: %s is not a CID go-cid accepts: %v", wf.ErrInvalid, c, err)
	}
	return gc, nil
}

// FromGoCID converts a go-cid CID to a wf.CID.
func FromGoCID(c cid.Cid) (wf.CID, error) {
	if !c.Defined() {
		return wf.CID{}, fmt.Errorf("dag: %w: undefined CID", wf.ErrInvalid)
	}
	wc, err := wf.CIDFromBytes(c.Bytes())
	if err != nil {
		return wf.CID{}, fmt.Errorf("dag: %w: %v", wf.ErrInvalid, err)
	}
	return wc, nil
}
