package gateway

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

type meterRegistry struct{ prov wf.Address }

func (r meterRegistry) Lookup(context.Context, string) (chain.Provider, error) {
	return chain.Provider{Name: "alpha", Owner: r.prov}, nil
}
func (r meterRegistry) List(context.Context) ([]chain.Provider, error) { return nil, nil }

type meterRig struct {
	t       *testing.T
	cfg     MeterConfig
	reg     meterRegistry
	metered atomic.Uint64 // what the escrow says was settled under the key
	reads   atomic.Int64
}

func newMeterRig(t *testing.T) *meterRig {
	r := &meterRig{t: t, reg: meterRegistry{prov: chain.DevKey(1).Address()}}
	r.cfg = MeterConfig{Key: chain.DevKey(2), ChainID: big.NewInt(31337), Escrow: chain.DevKey(3).Address(),
		Path: filepath.Join(t.TempDir(), "meter.json"), Step: 4,
		Metered: func(context.Context, wf.Address, wf.Address) (uint64, error) {
			r.reads.Add(1)
			return r.metered.Load(), nil
		}}
	return r
}

func (r *meterRig) open() *Meter {
	m, err := NewMeter(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	return m
}

// send stamps one request of owner and answers it with status; it returns
// the count sent, 0 for none.
func (r *meterRig) send(m *Meter, owner wf.Address, status int) uint64 {
	r.t.Helper()
	out, _ := http.NewRequest("GET", "http://alpha/x", nil)
	done := m.stamp(out, r.reg, "alpha", owner)
	var n uint64
	if v := out.Header.Get(chain.MeterHeader); v != "" {
		sm, err := chain.DecodeMeterHeader(v, owner, r.reg.prov)
		if err != nil {
			r.t.Fatal(err)
		}
		n = sm.Count
	}
	done(&http.Response{StatusCode: status, Header: http.Header{}}, nil)
	return n
}

// A gateway that lost its counts file starts each pair at what the escrow
// settled under its key, not at 1 (which the provider would refuse for
// ever); a 402 makes it read the escrow again (finding 1a).
func TestMeterStartsAtEscrowCount(t *testing.T) {
	r := newMeterRig(t)
	owner := chain.DevKey(4).Address()
	r.metered.Store(40)
	m := r.open() // no file: lost
	if n := r.send(m, owner, 200); n != 41 {
		t.Fatalf("first count after losing the file %d, want 41", n)
	}
	if n := r.send(m, owner, 200); n != 42 {
		t.Fatalf("second count %d, want 42", n)
	}
	// The provider settled more than this gateway remembers (counts it
	// signed before losing them): refused, it reads the escrow again.
	r.metered.Store(50)
	r.send(m, owner, 402)
	if n := r.send(m, owner, 200); n != 51 {
		t.Fatalf("count after a refusal %d, want 51", n)
	}
}

// After Close the meter signs nothing: the exact counts are written, and a
// count above them would go backwards on restart (finding 3).
func TestMeterClosedSignsNothing(t *testing.T) {
	r := newMeterRig(t)
	owner := chain.DevKey(4).Address()
	m := r.open()
	if n := r.send(m, owner, 200); n != 1 {
		t.Fatalf("count %d, want 1", n)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if n := r.send(m, owner, 200); n != 0 {
		t.Errorf("after Close the meter signed %d", n)
	}
	if got := r.open().Count(owner, r.reg.prov); got != 1 {
		t.Errorf("after restart the count is %d, want 1", got)
	}
}

// Owners whose requests are refused (no allowance: 402) leave no pair and
// no write behind; an owner whose request is answered is kept and written
// (finding 4).
func TestMeterRefusedOwnersLeaveNoTrace(t *testing.T) {
	r := newMeterRig(t)
	m := r.open()
	paying := chain.DevKey(4).Address()
	r.send(m, paying, 200)
	before, err := os.ReadFile(r.cfg.Path)
	if err != nil {
		t.Fatal(err)
	}
	r.metered.Store(7) // each refused owner's count starts at the escrow's
	start := time.Now()
	for i := range 1000 {
		var owner wf.Address
		binary.BigEndian.PutUint64(owner[12:], uint64(i+1)<<8)
		if n := r.send(m, owner, 402); n != 8 {
			t.Fatalf("refused owner %d: count %d, want 8", i, n)
		}
	}
	took := time.Since(start)
	t.Logf("1000 refused owners: %s", took)
	after, err := os.ReadFile(r.cfg.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("refused owners changed the counts file: %d bytes, then %d", len(before), len(after))
	}
	m.mu.Lock()
	pairs := len(m.pairs)
	m.mu.Unlock()
	if pairs != 1 {
		t.Errorf("%d pairs kept, want 1", pairs)
	}
	// The paying owner's count is durable: a crash resumes at or above it.
	if got := r.open().Count(paying, r.reg.prov); got < 1 {
		t.Errorf("after a crash the paying owner counts %d, want at least 1", got)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if got := r.open().Count(paying, r.reg.prov); got != 1 {
		t.Errorf("after a clean restart the paying owner counts %d, want 1", got)
	}
}
