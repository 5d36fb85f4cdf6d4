package names

import (
	"crypto/sha256"
	"encoding/binary"
	"net/http"

	"github.com/webfunctions/wf/wf"
)

// Pick returns the target of r that point, in [0, 100), falls on: the
// targets in their canonical order share 0..99 by weight, so a uniformly
// random point picks each target with its weight's probability.
func Pick(r *wf.NameRecord, point uint64) wf.CID {
	point %= 100
	var acc uint64
	for _, t := range r.Targets {
		acc += uint64(t.Weight)
		if point < acc {
			return t.Function
		}
	}
	return r.Targets[len(r.Targets)-1].Function
}

// StickyPoint is the point (see Pick) of a sticky value: the same value
// always lands on the same point, and distinct values spread evenly.
func StickyPoint(value string) uint64 {
	h := sha256.Sum256([]byte(value))
	return binary.BigEndian.Uint64(h[:8]) % 100
}

// Has reports whether c is one of r's targets.
func Has(r *wf.NameRecord, c wf.CID) bool {
	for _, t := range r.Targets {
		if t.Function == c {
			return true
		}
	}
	return false
}

// StickyPointOf is the point of the value of the cookie or header that
// key ("cookie:uid", "header:X-User") names in r; ok is false when key is
// empty or r does not carry it.
func StickyPointOf(r *http.Request, key string) (point uint64, ok bool) {
	kind, name, ok := Sticky(key)
	if !ok {
		return 0, false
	}
	v := ""
	if kind == "header" {
		v = r.Header.Get(name)
	} else if c, err := r.Cookie(name); err == nil {
		v = c.Value
	}
	if v == "" {
		return 0, false
	}
	return StickyPoint(v), true
}
