package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"github.com/webfunctions/wf/wf"
)

// MaxBlockSize is the largest block any store accepts: 2 MiB, the bitswap
// limit (https://specs.ipfs.tech/bitswap-protocol/#block-sizes) and kubo's
// block limit. UnixFS as we pack it never comes close: leaves are 256 KiB and
// interior nodes are a few KiB.
const MaxBlockSize = 2 << 20

// Multihash function codes this package can verify.
const (
	hashIdentity = 0x00
	hashSHA2256  = wf.HashSHA2256
)

// Verify reports whether data is the block named by c. It returns an error
// wrapping wf.ErrInvalid if c is undefined, its hash function is not
// supported (only sha2-256 and identity are), or data does not hash to c; and
// an error wrapping wf.ErrTooLarge if data is over MaxBlockSize.
func Verify(c wf.CID, data []byte) error {
	if !c.Defined() {
		return fmt.Errorf("store: %w: undefined CID", wf.ErrInvalid)
	}
	if len(data) > MaxBlockSize {
		return fmt.Errorf("store: block %s is %d bytes, over the %d byte limit: %w", c, len(data), MaxBlockSize, wf.ErrTooLarge)
	}
	code, digest, err := splitMultihash(c.Multihash())
	if err != nil {
		return fmt.Errorf("store: %s: %w: %v", c, wf.ErrInvalid, err)
	}
	switch code {
	case hashSHA2256:
		sum := sha256.Sum256(data)
		if !bytes.Equal(sum[:], digest) {
			return fmt.Errorf("store: %w: data does not hash to %s", wf.ErrInvalid, c)
		}
	case hashIdentity:
		if !bytes.Equal(data, digest) {
			return fmt.Errorf("store: %w: data does not match identity CID %s", wf.ErrInvalid, c)
		}
	default:
		return fmt.Errorf("store: %s: %w: unsupported multihash function 0x%x", c, wf.ErrInvalid, code)
	}
	return nil
}

// Identity returns the inline data of an identity CID (multihash 0x00), whose
// block is its own digest and is never stored or sent.
func Identity(c wf.CID) (data []byte, ok bool) {
	code, digest, err := splitMultihash(c.Multihash())
	if err != nil || code != hashIdentity {
		return nil, false
	}
	return digest, true
}

func splitMultihash(mh []byte) (code uint64, digest []byte, err error) {
	code, n := binary.Uvarint(mh)
	if n <= 0 {
		return 0, nil, fmt.Errorf("bad multihash code")
	}
	size, m := binary.Uvarint(mh[n:])
	if m <= 0 || uint64(len(mh)-n-m) != size {
		return 0, nil, fmt.Errorf("bad multihash length")
	}
	return code, mh[n+m:], nil
}
