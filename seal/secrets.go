package seal

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// Bounds on sealed secrets. The plaintext is padded to a multiple of
// secretsPad bytes so the ciphertext shows only a coarse total size.
const (
	MaxSecrets       = 256       // variables per function
	MaxSecretName    = 128       // bytes of one name
	MaxSecretsBytes  = 128 << 10 // padded plaintext, all variables
	secretsPad       = 256
	secretsEntryHead = 1 + 4 // name length (1), value length (4)
)

// ValidSecretName reports whether name can be an environment variable name
// (as spec env names: [A-Za-z_][A-Za-z0-9_]*, at most MaxSecretName bytes).
func ValidSecretName(name string) bool {
	if name == "" || len(name) > MaxSecretName {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// encodeSecrets is the plaintext of a secrets envelope:
//
//	count (2) | count × { name length (1) | name | value length (4) | value } | zero padding
//
// with names strictly ascending, so one set of secrets has one encoding.
// Errors name no variable and quote no value.
func encodeSecrets(secrets map[string]string) ([]byte, error) {
	if len(secrets) > MaxSecrets {
		return nil, fmt.Errorf("%w: seal: %d secrets, limit %d", wf.ErrTooLarge, len(secrets), MaxSecrets)
	}
	names := make([]string, 0, len(secrets))
	size := 2
	for name, v := range secrets {
		if !ValidSecretName(name) {
			return nil, fmt.Errorf("%w: seal: a secret name must match [A-Za-z_][A-Za-z0-9_]* and be at most %d bytes", wf.ErrInvalid, MaxSecretName)
		}
		if strings.IndexByte(v, 0) >= 0 {
			return nil, fmt.Errorf("%w: seal: secret %s contains a NUL byte, which an environment variable cannot hold", wf.ErrInvalid, name)
		}
		names = append(names, name)
		size += secretsEntryHead + len(name) + len(v)
	}
	padded := (size + secretsPad - 1) / secretsPad * secretsPad
	if padded > MaxSecretsBytes {
		return nil, fmt.Errorf("%w: seal: secrets take %d bytes, limit %d", wf.ErrTooLarge, padded, MaxSecretsBytes)
	}
	slices.Sort(names)
	b := make([]byte, 0, padded)
	b = binary.BigEndian.AppendUint16(b, uint16(len(names)))
	for _, name := range names {
		v := secrets[name]
		b = append(b, byte(len(name)))
		b = append(b, name...)
		b = binary.BigEndian.AppendUint32(b, uint32(len(v)))
		b = append(b, v...)
	}
	return b[:padded], nil // the capacity past len is zeroed by make
}

// decodeSecrets parses encodeSecrets' output strictly: sorted unique valid
// names, no NUL in values, all-zero padding of the right length. It never
// panics (FuzzDecodeSecrets) and its errors never quote the input.
func decodeSecrets(b []byte) (map[string]string, error) {
	bad := func(what string) error {
		return fmt.Errorf("%w: seal: sealed secrets are malformed: %s", wf.ErrInvalid, what)
	}
	if len(b) > MaxSecretsBytes || len(b)%secretsPad != 0 || len(b) < 2 {
		return nil, bad("wrong padded length")
	}
	n := int(binary.BigEndian.Uint16(b))
	if n > MaxSecrets {
		return nil, bad("too many entries")
	}
	out := make(map[string]string, n)
	rest := b[2:]
	prev := ""
	for i := range n {
		if len(rest) < 1 {
			return nil, bad(fmt.Sprintf("entry %d is truncated", i))
		}
		nl := int(rest[0])
		if len(rest) < 1+nl+4 {
			return nil, bad(fmt.Sprintf("entry %d is truncated", i))
		}
		name := string(rest[1 : 1+nl])
		vl := binary.BigEndian.Uint32(rest[1+nl:])
		rest = rest[1+nl+4:]
		if uint64(vl) > uint64(len(rest)) {
			return nil, bad(fmt.Sprintf("entry %d is truncated", i))
		}
		v := rest[:vl]
		rest = rest[vl:]
		switch {
		case !ValidSecretName(name):
			return nil, bad(fmt.Sprintf("entry %d has an invalid name", i))
		case i > 0 && name <= prev:
			return nil, bad(fmt.Sprintf("entry %d is out of order or repeated", i))
		case slices.Contains(v, 0):
			return nil, bad(fmt.Sprintf("entry %d has a NUL byte", i))
		}
		out[name] = string(v)
		prev = name
	}
	if len(rest) >= secretsPad {
		return nil, bad("too much padding")
	}
	for _, c := range rest {
		if c != 0 {
			return nil, bad("non-zero padding")
		}
	}
	return out, nil
}

// Seal encrypts secrets (environment variable names and values) under a
// new data key. It returns the sealed block, to be stored raw under
// wf.SumCID(wf.CodecRaw, block) and named by wf.Sealed.Secrets, and the
// data key, for Grant and SealCode; Destroy it when done.
func Seal(secrets map[string]string) (block []byte, dk *DataKey, err error) {
	dk = NewDataKey()
	block, err = SealSecrets(dk, secrets)
	if err != nil {
		dk.Destroy()
		return nil, nil, err
	}
	return block, dk, nil
}

// SealSecrets encrypts secrets under an existing data key.
func SealSecrets(dk *DataKey, secrets map[string]string) ([]byte, error) {
	pt, err := encodeSecrets(secrets)
	if err != nil {
		return nil, err
	}
	defer clear(pt)
	return sealData(dk, KindSecrets, pt)
}

// OpenSecrets decrypts a sealed secrets block.
func OpenSecrets(dk *DataKey, block []byte) (map[string]string, error) {
	e, err := ParseEnvelope(block)
	if err != nil {
		return nil, err
	}
	pt, err := e.open(dk, KindSecrets)
	if err != nil {
		return nil, err
	}
	defer clear(pt)
	return decodeSecrets(pt)
}
