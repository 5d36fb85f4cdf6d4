package mina

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
)

const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// Version bytes of Mina's base58check encodings.
const (
	versionPublicKey  = 0xcb // B62...
	versionPrivateKey = 0x5a // EK...
	versionSignature  = 0x9a // 7mX...
)

// maxBase58 bounds decoding work; the longest Mina string here is a
// signature of 96 characters.
const maxBase58 = 128

var decodeTable = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(alphabet) {
		t[alphabet[i]] = int8(i)
	}
	return t
}()

func base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	// digits in base 58, little-endian
	digits := make([]byte, 0, len(b)*138/100+1)
	for _, c := range b[zeros:] {
		carry := int(c)
		for i := range digits {
			carry += int(digits[i]) << 8
			digits[i] = byte(carry % 58)
			carry /= 58
		}
		for carry > 0 {
			digits = append(digits, byte(carry%58))
			carry /= 58
		}
	}
	out := make([]byte, zeros+len(digits))
	for i := range zeros {
		out[i] = '1'
	}
	for i, d := range digits {
		out[len(out)-1-i] = alphabet[d]
	}
	return string(out)
}

var errBase58 = errors.New("mina: invalid base58")

func base58Decode(s string) ([]byte, error) {
	if len(s) == 0 || len(s) > maxBase58 {
		return nil, errBase58
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	bytes := make([]byte, 0, len(s))
	for i := zeros; i < len(s); i++ {
		d := decodeTable[s[i]]
		if d < 0 {
			return nil, errBase58
		}
		carry := int(d)
		for j := range bytes {
			carry += int(bytes[j]) * 58
			bytes[j] = byte(carry)
			carry >>= 8
		}
		for carry > 0 {
			bytes = append(bytes, byte(carry))
			carry >>= 8
		}
	}
	out := make([]byte, zeros+len(bytes))
	for i, c := range bytes {
		out[len(out)-1-i] = c
	}
	return out, nil
}

func checksum(b []byte) []byte {
	h := sha256.Sum256(b)
	h = sha256.Sum256(h[:])
	return h[:4]
}

func base58CheckEncode(version byte, payload []byte) string {
	b := append([]byte{version}, payload...)
	return base58Encode(append(b, checksum(b)...))
}

// base58CheckDecode returns the payload after the version byte.
func base58CheckDecode(s string, version byte) ([]byte, error) {
	b, err := base58Decode(s)
	if err != nil {
		return nil, err
	}
	if len(b) < 5 {
		return nil, errBase58
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	if subtle.ConstantTimeCompare(sum, checksum(body)) != 1 {
		return nil, errors.New("mina: invalid base58 checksum")
	}
	if body[0] != version {
		return nil, errors.New("mina: wrong base58 version byte (not this kind of key or signature)")
	}
	return body[1:], nil
}
