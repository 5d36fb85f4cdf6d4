package payment

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// The replay window against a model: every number accepted once, none
// twice, and numbers windowBits or more below the highest refused.
func TestReplayWindow(t *testing.T) {
	m := &Meter{cfg: Config{Now: time.Now}, sessions: make(map[[32]byte]*window), payers: make(map[wf.Address]*payerSessions), sweepAt: 1024}
	exp := time.Now().Add(time.Hour).Unix()
	r := rand.New(rand.NewPCG(1, 2))
	used := map[uint64]bool{}
	var high uint64
	s := [32]byte{1}
	for range 200_000 {
		var seq uint64
		switch r.IntN(4) {
		case 0: // far ahead
			seq = high + 1 + uint64(r.IntN(3*windowBits))
		case 1: // just behind, out of order
			seq = max(1, high-uint64(min(high, uint64(r.IntN(windowBits+64)))))
		default: // next few
			seq = high + 1 + uint64(r.IntN(8))
		}
		if seq == 0 {
			seq = 1
		}
		want := !used[seq] && (seq > high || high-seq < windowBits)
		if got := m.useSeq(wf.Address{1}, s, exp, seq, ledger.SessionMark{}) == seqOK; got != want {
			t.Fatalf("seq %d (highest %d, used %v): got %v, want %v", seq, high, used[seq], got, want)
		}
		if want {
			used[seq] = true
			high = max(high, seq)
		}
	}
	// A session first seen after a restart refuses everything up to its
	// charged mark and accepts what follows, once.
	s2 := [32]byte{2}
	for _, c := range []struct {
		seq  uint64
		want bool
	}{{5, false}, {1, false}, {6, true}, {6, false}, {8, true}, {7, true}} {
		if got := m.useSeq(wf.Address{1}, s2, exp, c.seq, ledger.SessionMark{Seq: 5}) == seqOK; got != c.want {
			t.Errorf("after restart, seq %d: %v", c.seq, got)
		}
	}
}
