package names_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// fakeKey signs a record by putting its address and a hash of the record
// in the signature; fakeVerifier reads them back. They stand in for
// chain.Key and chain.Verifier (tested against the EIP-712 types in
// package chain) so that this package's tests stay free of go-ethereum.
type fakeKey struct{ addr wf.Address }

func (k fakeKey) Address() wf.Address { return k.addr }

func (k fakeKey) Sign(m wf.Message) (wf.Signature, error) {
	var sig wf.Signature
	h, err := hashOf(m)
	copy(sig[:20], k.addr[:])
	copy(sig[20:52], h[:])
	return sig, err
}

type fakeVerifier struct{}

func (fakeVerifier) Recover(m wf.Message, sig wf.Signature) (wf.Address, error) {
	h, err := hashOf(m)
	if err != nil {
		return wf.Address{}, err
	}
	if [32]byte(sig[20:52]) != h {
		return wf.Address{0xff}, nil // as if over another message: someone else
	}
	return wf.Address(sig[:20]), nil
}

func hashOf(m wf.Message) ([32]byte, error) {
	switch m.(type) {
	case *wf.NameRecord, wf.Delegation, *wf.Delegation:
	default:
		return [32]byte{}, fmt.Errorf("%w: not a record or a delegation", wf.ErrInvalid)
	}
	b, err := json.Marshal(m)
	return sha256.Sum256(b), err
}

func fn(s string) wf.CID { return wf.SumCID(wf.CodecJSON, []byte(`"`+s+`"`)) }

var alice = fakeKey{wf.Address{0xa1}}

func record(targets ...wf.Target) wf.NameRecord {
	return wf.NameRecord{Name: "hello", Seq: 1, Targets: targets, Created: "2026-12-07T02:00:00Z"}
}

func signed(t testing.TB, r wf.NameRecord) *wf.SignedNameRecord {
	t.Helper()
	sr, err := names.Sign(r, alice)
	if err != nil {
		t.Fatal(err)
	}
	return sr
}

func TestEncodeDecode(t *testing.T) {
	sr := signed(t, record(wf.Target{Function: fn("b"), Weight: 10}, wf.Target{Function: fn("a"), Weight: 90}))
	b, c, err := names.Encode(sr)
	if err != nil {
		t.Fatal(err)
	}
	if c != wf.SumCID(wf.CodecJSON, b) {
		t.Fatal("CID is not the json CID of the bytes")
	}
	got, err := names.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := names.Verify(got, fakeVerifier{}); err != nil {
		t.Fatal(err)
	}
	if ts := got.Record.Targets; ts[0].Function.String() > ts[1].Function.String() {
		t.Fatal("targets not sorted")
	}
	// Non-canonical forms of the same content are refused.
	for name, nb := range map[string]string{
		"whitespace":     strings.Replace(string(b), `:`, `: `, 1),
		"unknown field":  strings.Replace(string(b), `{"record":{`, `{"record":{"x":1,`, 1),
		"duplicate":      strings.Replace(string(b), `"seq":1`, `"seq":1,"seq":1`, 1),
		"trailing":       string(b) + " ",
		"field order":    `{"signature":"` + sr.Signature.String() + `","record":` + string(b[len(`{"record":`):strings.Index(string(b), `,"signature"`)]) + `}`,
		"escaped letter": strings.Replace(string(b), `"hello"`, `"h\u0065llo"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := names.Decode([]byte(nb)); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("Decode(%s) = %v; want ErrInvalid", nb, err)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	a, b := wf.Target{Function: fn("a"), Weight: 50}, wf.Target{Function: fn("b"), Weight: 50}
	ok := record(a, b)
	names.Sort(&ok)
	ok.Owner = alice.addr
	if err := names.Validate(&ok); err != nil {
		t.Fatal(err)
	}
	raw := wf.SumCID(wf.CodecRaw, []byte("x"))
	eleven := make([]wf.Target, 11)
	for i := range eleven {
		eleven[i] = wf.Target{Function: fn(fmt.Sprint(i)), Weight: 9}
	}
	eleven[0].Weight = 10
	for _, tc := range []struct {
		name, want string
		edit       func(r *wf.NameRecord)
	}{
		{"upper case name", "DNS label", func(r *wf.NameRecord) { r.Name = "Hello" }},
		{"leading hyphen", "DNS label", func(r *wf.NameRecord) { r.Name = "-hello" }},
		{"trailing hyphen", "DNS label", func(r *wf.NameRecord) { r.Name = "hello-" }},
		{"dot", "DNS label", func(r *wf.NameRecord) { r.Name = "a.b" }},
		{"empty name", "DNS label", func(r *wf.NameRecord) { r.Name = "" }},
		{"64 characters", "DNS label", func(r *wf.NameRecord) { r.Name = strings.Repeat("a", 64) }},
		{"no owner", "owner", func(r *wf.NameRecord) { r.Owner = wf.Address{} }},
		{"no targets", "targets", func(r *wf.NameRecord) { r.Targets = nil }},
		{"eleven targets", "11 targets", func(r *wf.NameRecord) { r.Targets = eleven; names.Sort(r) }},
		{"sum 90", "sum to 90", func(r *wf.NameRecord) { r.Targets[0].Weight = 40 }},
		{"sum 110", "sum to 110", func(r *wf.NameRecord) { r.Targets[0].Weight = 60 }},
		{"zero weight", "weight 0", func(r *wf.NameRecord) {
			r.Targets = []wf.Target{{Function: fn("a"), Weight: 100}, {Function: fn("b"), Weight: 0}}
			names.Sort(r)
		}},
		{"duplicate", "twice", func(r *wf.NameRecord) { r.Targets[1] = r.Targets[0] }},
		{"unsorted", "sorted", func(r *wf.NameRecord) { r.Targets[0], r.Targets[1] = r.Targets[1], r.Targets[0] }},
		{"not a spec CID", "not a function's address", func(r *wf.NameRecord) { r.Targets = []wf.Target{{Function: raw, Weight: 100}} }},
		{"bad sticky kind", "sticky", func(r *wf.NameRecord) { r.Sticky = "query:uid" }},
		{"bad sticky name", "sticky", func(r *wf.NameRecord) { r.Sticky = "cookie:a b" }},
		{"created not UTC", "created", func(r *wf.NameRecord) { r.Created = "2026-12-07T03:00:00+01:00" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			r.Targets = append([]wf.Target(nil), ok.Targets...)
			tc.edit(&r)
			err := names.Validate(&r)
			if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate = %v; want ErrInvalid naming %q", err, tc.want)
			}
		})
	}
}

func TestVerifyForged(t *testing.T) {
	sr := signed(t, record(wf.Target{Function: fn("a"), Weight: 100}))
	forged := *sr
	forged.Record.Owner = wf.Address{0xb0}
	if err := names.Verify(&forged, fakeVerifier{}); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("forged: %v; want ErrForbidden", err)
	}
	moved := *sr
	moved.Record.Seq = 9
	if err := names.Verify(&moved, fakeVerifier{}); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("edited: %v; want ErrForbidden", err)
	}
}

func TestPick(t *testing.T) {
	r := record(wf.Target{Function: fn("a"), Weight: 90}, wf.Target{Function: fn("b"), Weight: 10})
	names.Sort(&r)
	counts := map[wf.CID]int{}
	for p := range uint64(100) {
		counts[names.Pick(&r, p)]++
	}
	if counts[fn("a")] != 90 || counts[fn("b")] != 10 {
		t.Fatalf("points 0..99 split %v; want 90/10", counts)
	}
	if names.StickyPoint("user-1") != names.StickyPoint("user-1") || names.StickyPoint("x") >= 100 {
		t.Fatal("sticky point not stable or out of range")
	}
}

func TestSplit(t *testing.T) {
	ts := names.Split([]wf.CID{fn("a"), fn("b"), fn("c")})
	if ts[0].Weight != 34 || ts[1].Weight != 33 || ts[2].Weight != 33 {
		t.Fatalf("split %v", ts)
	}
}

// delegation is alice's delegation to job for the window [from, to].
func delegation(t testing.TB, job wf.Address, scopes string, from, to time.Time) *spec.CI {
	t.Helper()
	c := &spec.CI{
		Delegation: spec.CIDelegation{Delegate: job, Scopes: scopes, NotBefore: from.Unix(), NotAfter: to.Unix()},
		Provenance: wf.Provenance{Issuer: "https://token.actions.githubusercontent.com", Repository: "acme/api",
			Workflow: "acme/api/.github/workflows/deploy.yml@refs/heads/main", Ref: "refs/heads/main", Commit: "abc123", Run: "42/1"},
	}
	sig, err := alice.Sign(c.Message(alice.addr))
	if err != nil {
		t.Fatal(err)
	}
	c.Delegation.Signature = sig
	return c
}

func TestVerifyDelegated(t *testing.T) {
	job := fakeKey{wf.Address{0xc1}}
	t0 := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
	c := delegation(t, job.addr, "deploy,name", t0, t0.Add(10*time.Minute))
	r := record(wf.Target{Function: fn("a"), Weight: 100})
	at := t0.Add(time.Minute)
	good, err := names.SignDelegated(r, alice.addr, job, c, at)
	if err != nil {
		t.Fatal(err)
	}
	if err := names.Verify(good, fakeVerifier{}); err != nil {
		t.Fatalf("a delegate's record: %v", err)
	}
	if good.Record.Seq != uint64(at.Unix()) || good.Record.Owner != alice.addr {
		t.Fatalf("seq %d owner %s; want %d and alice", good.Record.Seq, good.Record.Owner, at.Unix())
	}
	if got := names.BuiltFrom(good); got != "acme/api@abc123 by .github/workflows/deploy.yml (run 42/1)" {
		t.Fatalf("BuiltFrom = %q", got)
	}
	// The owner's next record outranks anything the job's key could sign
	// in its window, even long after.
	if next := names.NextSeq(good, t0.Add(time.Hour)); next <= uint64(c.Delegation.NotAfter) {
		t.Fatalf("NextSeq after a delegate's record = %d; want above the window's end %d", next, c.Delegation.NotAfter)
	}
	if next := names.NextSeq(signed(t, r), t0.Add(time.Hour)); next != 2 {
		t.Fatalf("NextSeq after the owner's own record = %d; want 2", next)
	}

	mallory := fakeKey{wf.Address{0xee}}
	forgedCI := delegation(t, job.addr, "deploy,name", t0, t0.Add(10*time.Minute))
	forgedCI.Delegation.Signature, _ = mallory.Sign(forgedCI.Message(alice.addr))
	for _, tc := range []struct {
		name string
		sr   func() (*wf.SignedNameRecord, error)
		want string
	}{
		{"no name scope", func() (*wf.SignedNameRecord, error) {
			return names.SignDelegated(r, alice.addr, job, delegation(t, job.addr, "deploy", t0, t0.Add(10*time.Minute)), at)
		}, "do not include name"},
		{"created after the window", func() (*wf.SignedNameRecord, error) {
			return names.SignDelegated(r, alice.addr, job, c, t0.Add(11*time.Minute))
		}, "outside the delegation's window"},
		{"created before the window", func() (*wf.SignedNameRecord, error) {
			return names.SignDelegated(r, alice.addr, job, c, t0.Add(-time.Second))
		}, "outside the delegation's window"},
		{"another key than the delegate", func() (*wf.SignedNameRecord, error) {
			return names.SignDelegated(r, alice.addr, mallory, c, at)
		}, "but the delegation"},
		{"delegation not signed by the owner", func() (*wf.SignedNameRecord, error) {
			return names.SignDelegated(r, alice.addr, job, forgedCI, at)
		}, "not signed by the owner"},
		{"sequence number not its creation time", func() (*wf.SignedNameRecord, error) {
			sr := *good
			sr.Record.Seq = uint64(c.Delegation.NotAfter) + 1e6 // would outrank the owner's next record
			sr.Signature, _ = job.Sign(&sr.Record)
			return &sr, nil
		}, "numbered by its creation time"},
		{"owner-signed with a delegation attached", func() (*wf.SignedNameRecord, error) {
			sr := *signed(t, r)
			sr.CI = good.CI
			return &sr, nil
		}, "also carries a CI delegation"},
		{"delegation that is not JSON", func() (*wf.SignedNameRecord, error) {
			sr := *good
			sr.CI = []byte(`{"delegation":`)
			return &sr, nil
		}, "name record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sr, err := tc.sr()
			if err != nil {
				t.Fatal(err)
			}
			err = names.Verify(sr, fakeVerifier{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Verify = %v; want an error naming %q", err, tc.want)
			}
			if !errors.Is(err, wf.ErrForbidden) && !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("Verify = %v; want ErrForbidden or ErrInvalid", err)
			}
		})
	}
}
