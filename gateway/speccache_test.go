package gateway

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// rawCID is the CID of b as a raw block.
func rawCID(t testing.TB, b []byte) wf.CID {
	t.Helper()
	sum := sha256.Sum256(b)
	c, err := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, sum[:]...))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// specBlock encodes a valid (unsigned) spec whose code is named by seed,
// sealed with grants to the keys to when there are any, and returns the
// block and its CID: a function's address.
func specBlock(t testing.TB, seed string, to ...*seal.PublicKey) ([]byte, wf.CID) {
	t.Helper()
	s := wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(time.Unix(1.7e9, 0)),
		Code:  wf.Code{CID: rawCID(t, []byte(seed)), Layout: wf.KuboLayout},
		Owner: wf.Address{19: 1},
	}
	if len(to) > 0 {
		dk := seal.NewDataKey()
		defer dk.Destroy()
		s.Version = wf.SpecVersionSealed
		s.Sealed = &wf.Sealed{Format: seal.FormatVersion, Secrets: rawCID(t, []byte("secrets of "+seed))}
		for _, k := range to {
			g, err := seal.Grant(dk, k, s.Owner)
			if err != nil {
				t.Fatal(err)
			}
			seal.SetGrant(s.Sealed, g)
		}
	}
	b, c, err := spec.Encode(&wf.SignedSpec{Spec: s})
	if err != nil {
		t.Fatal(err)
	}
	return b, c
}

func sealingKey(t testing.TB) *seal.PublicKey {
	t.Helper()
	k, err := seal.GenerateKey(seal.SuiteX25519)
	if err != nil {
		t.Fatal(err)
	}
	return k.Public()
}

// counted returns how many spec blocks m counted with result.
func counted(t testing.TB, reg *prometheus.Registry, result string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "wf_gateway_function_specs_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "result" && l.GetValue() == result {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

func newTestSpecCache(log *slog.Logger) (*specCache, *prometheus.Registry) {
	reg := prometheus.NewRegistry()
	return newSpecCache(log, newMetrics(reg).specs), reg
}

func TestSpecCache(t *testing.T) {
	k1, k2 := sealingKey(t), sealingKey(t)
	public, publicCID := specBlock(t, "public")
	sealed, sealedCID := specBlock(t, "sealed", k1, k2)
	invalid := []byte(`{"spec":{"version":99}}`)
	invalidCID := wf.SumCID(wf.CodecJSON, invalid)

	t.Run("unknown until learned", func(t *testing.T) {
		s, _ := newTestSpecCache(slog.New(slog.DiscardHandler))
		if _, known := s.access(publicCID); known {
			t.Error("known before anyone served it")
		}
	})
	t.Run("not a function address", func(t *testing.T) {
		s, _ := newTestSpecCache(slog.New(slog.DiscardHandler))
		a, known := s.access(rawCID(t, []byte("a raw block")))
		if !known || a.sealed {
			t.Errorf("access = %+v, %v; want known, not sealed", a, known)
		}
	})
	tests := []struct {
		name   string
		c      wf.CID
		b      []byte
		ok     bool // learn's answer: the block is c's
		known  bool
		sealed bool
		grants []wf.KeyID
		result string
	}{
		{"public", publicCID, public, true, true, false, nil, "public"},
		{"sealed", sealedCID, sealed, true, true, true, sortedIDs(k1, k2), "sealed"},
		{"invalid spec routes as public", invalidCID, invalid, true, true, false, nil, "invalid"},
		{"other bytes than the CID's", sealedCID, public, false, false, false, nil, "mismatch"},
		{"truncated", publicCID, public[:len(public)-1], false, false, false, nil, "mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			s, reg := newTestSpecCache(slog.New(slog.NewTextHandler(&log, nil)))
			if ok := s.learn(tt.c, "alice", tt.b); ok != tt.ok {
				t.Errorf("learn = %v, want %v", ok, tt.ok)
			}
			a, known := s.access(tt.c)
			if known != tt.known || a.sealed != tt.sealed || fmt.Sprint(a.grants) != fmt.Sprint(tt.grants) {
				t.Errorf("access = %+v, %v; want sealed %v with grants %v, known %v", a, known, tt.sealed, tt.grants, tt.known)
			}
			if n := counted(t, reg, tt.result); n != 1 {
				t.Errorf("%s counted %v times, want 1", tt.result, n)
			}
			if mismatch := strings.Contains(log.String(), "does not hash to its CID"); mismatch != (tt.result == "mismatch") || mismatch && !strings.Contains(log.String(), "provider=alice") {
				t.Errorf("log %q", log.String())
			}
		})
	}
	t.Run("grants", func(t *testing.T) {
		s, _ := newTestSpecCache(slog.New(slog.DiscardHandler))
		s.learn(sealedCID, "alice", sealed)
		a, _ := s.access(sealedCID)
		other := sealingKey(t)
		if !a.granted(k1.ID()) || !a.granted(k2.ID()) || a.granted(other.ID()) || a.granted(wf.KeyID{}) {
			t.Errorf("granted: k1 %v, k2 %v, other %v, zero %v", a.granted(k1.ID()), a.granted(k2.ID()), a.granted(other.ID()), a.granted(wf.KeyID{}))
		}
	})
	t.Run("served twice, kept once", func(t *testing.T) {
		s, reg := newTestSpecCache(slog.New(slog.DiscardHandler))
		s.learn(sealedCID, "alice", sealed)
		s.learn(sealedCID, "bob", sealed)
		if n := counted(t, reg, "sealed"); n != 2 || len(s.specs) != 1 {
			t.Errorf("counted %v reads, kept %d specs; want 2 and 1", n, len(s.specs))
		}
	})
	t.Run("bounded", func(t *testing.T) {
		s, _ := newTestSpecCache(slog.New(slog.DiscardHandler))
		s.max = 3
		var last wf.CID
		for i := range 10 {
			b, c := specBlock(t, fmt.Sprint("f", i))
			if !s.learn(c, "alice", b) {
				t.Fatalf("learn %d failed", i)
			}
			if len(s.specs) > s.max {
				t.Fatalf("%d specs kept, bound %d", len(s.specs), s.max)
			}
			last = c
		}
		if _, known := s.access(last); !known {
			t.Error("the spec learned last was dropped")
		}
	})
}

// Many requests learn and look up specs at once.
func TestSpecCacheHammer(t *testing.T) {
	s, reg := newTestSpecCache(slog.New(slog.DiscardHandler))
	s.max = 16
	type fn struct {
		b []byte
		c wf.CID
	}
	fns := make([]fn, 64)
	for i := range fns {
		fns[i].b, fns[i].c = specBlock(t, fmt.Sprint("h", i))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				f := fns[(g*7+i)%len(fns)]
				if i%3 == 0 {
					s.learn(f.c, "p", f.b)
				} else {
					s.access(f.c)
				}
			}
		})
	}
	wg.Wait()
	if len(s.specs) > s.max {
		t.Errorf("%d specs kept, bound %d", len(s.specs), s.max)
	}
	if n := counted(t, reg, "public"); n == 0 {
		t.Error("nothing learned")
	}
}

// sortedIDs are the ids of ks as a spec lists its grants.
func sortedIDs(ks ...*seal.PublicKey) []wf.KeyID {
	ids := make([]wf.KeyID, len(ks))
	for i, k := range ks {
		ids[i] = k.ID()
	}
	slices.SortFunc(ids, func(a, b wf.KeyID) int { return bytes.Compare(a[:], b[:]) })
	return ids
}
