package seal_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/seal/sealtest"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

var (
	owner, _ = wf.ParseAddress("0x00000000000000000000000000000000000000aa")
	other, _ = wf.ParseAddress("0x00000000000000000000000000000000000000bb")
	now      = time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	secrets  = map[string]string{"API_KEY": "sk-live-4f9a2c7e1b", "DB_URL": "postgres://u:p4ss-w0rd@db/app"}
)

func keyring(t testing.TB, s seal.Suite) *seal.Keyring {
	t.Helper()
	kr, err := seal.NewKeyring(s, now)
	if err != nil {
		t.Fatal(err)
	}
	return kr
}

func opener(t testing.TB, kr *seal.Keyring, blocks wf.BlockGetter, name string) *seal.Opener {
	t.Helper()
	o, err := seal.NewOpener(seal.OpenerConfig{Keyring: kr, Blocks: blocks, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestRoundTrip(t *testing.T) {
	for _, suite := range []seal.Suite{seal.SuiteHybrid, seal.SuiteX25519} {
		t.Run(suite.String(), func(t *testing.T) {
			kr := keyring(t, suite)
			block, dk, err := seal.Seal(secrets)
			if err != nil {
				t.Fatal(err)
			}
			defer dk.Destroy()
			g, err := seal.Grant(dk, kr.Current(), owner)
			if err != nil {
				t.Fatal(err)
			}
			if g.Key != kr.Current().ID() || seal.ParseGrant(g.Wrapped) != nil {
				t.Fatalf("grant names %s, want %s", g.Key, kr.Current().ID())
			}
			got, err := seal.Open(kr, g, owner, block)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, secrets) {
				t.Fatalf("opened %d secrets, not the sealed ones", len(got))
			}
			wasm := bytes.Repeat([]byte("\x00asm code "), 1000)
			sc, err := seal.SealCode(dk, wasm)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(sc, []byte("asm code")) {
				t.Fatal("sealed code contains plaintext")
			}
			back, err := seal.OpenCode(dk, sc)
			if err != nil || !bytes.Equal(back, wasm) {
				t.Fatalf("code round trip: %v", err)
			}
			// Kinds do not mix: sealed code is not a secrets block.
			if _, err := seal.OpenSecrets(dk, sc); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("code opened as secrets: %v", err)
			}
			pk, err := seal.ParsePublicKeyText(kr.Current().String())
			if err != nil || pk.ID() != kr.Current().ID() || pk.Suite() != suite {
				t.Fatalf("public key text round trip: %v", err)
			}
		})
	}
}

// A sealing public key has one text form: line breaks or other spellings
// of the same bytes are refused.
func TestParsePublicKeyText(t *testing.T) {
	text := keyring(t, seal.SuiteX25519).Current().String()
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"canonical", text, true},
		{"CRLF inside", text[:8] + "\r\n" + text[8:], false},
		{"LF inside", text[:8] + "\n" + text[8:], false},
		{"trailing newline", text + "\n", false},
		{"unpadded", strings.TrimRight(text, "="), !strings.HasSuffix(text, "=")},
		{"URL alphabet", strings.NewReplacer("+", "-", "/", "_").Replace(text), strings.IndexAny(text, "+/") < 0},
		{"leading space", " " + text, false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pk, err := seal.ParsePublicKeyText(tc.text)
			if !tc.ok {
				if !errors.Is(err, wf.ErrInvalid) {
					t.Fatalf("ParsePublicKeyText = %v, want wf.ErrInvalid", err)
				}
				return
			}
			if err != nil || pk.String() != text {
				t.Fatalf("ParsePublicKeyText = %v", err)
			}
		})
	}
}

func TestPadding(t *testing.T) {
	a, dk1, _ := seal.Seal(map[string]string{"A": "x"})
	b, dk2, _ := seal.Seal(map[string]string{"LONGER_NAME": strings.Repeat("y", 200)})
	dk1.Destroy()
	dk2.Destroy()
	if len(a) != len(b) {
		t.Fatalf("sizes %d and %d leak the secrets' lengths within one pad unit", len(a), len(b))
	}
}

// A publisher's deploy: secrets and code sealed under one data key,
// granted to the given keys, blocks in a store as public storage holds
// them.
type publication struct {
	spec    wf.Spec
	specCID wf.CID
	blocks  *memstore.Store // code DAG and secrets block: the one upload of ciphertext
}

func publish(t *testing.T, wasm []byte, self *seal.Keyring, to ...*seal.PublicKey) *publication {
	t.Helper()
	ctx := context.Background()
	block, dk, err := seal.Seal(secrets)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	sc, err := seal.SealCode(dk, wasm)
	if err != nil {
		t.Fatal(err)
	}
	st := memstore.New()
	code, err := dag.AddFile(ctx, st, bytes.NewReader(sc))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Put(ctx, wf.SumCID(wf.CodecRaw, block), block); err != nil {
		t.Fatal(err)
	}
	s := wf.Spec{
		Version: wf.SpecVersionSealed, Runtime: wf.RuntimeWAGI,
		Code:  wf.Code{CID: code, Layout: wf.KuboLayout, Encrypted: true},
		Owner: owner, Created: spec.Now(now),
		Sealed: &wf.Sealed{Format: seal.FormatVersion, Secrets: wf.SumCID(wf.CodecRaw, block)},
	}
	for _, pk := range append([]*seal.PublicKey{self.Current()}, to...) {
		g, err := seal.Grant(dk, pk, owner)
		if err != nil {
			t.Fatal(err)
		}
		seal.SetGrant(s.Sealed, g)
	}
	_, c, err := spec.Encode(&wf.SignedSpec{Spec: s})
	if err != nil {
		t.Fatal(err)
	}
	return &publication{spec: s, specCID: c, blocks: st}
}

// grant is `wf secrets grant`: from the published spec alone and the
// publisher's own keyring, a new spec with one more grant.
func grant(t *testing.T, s wf.Spec, self *seal.Keyring, to *seal.PublicKey) (wf.Spec, []byte, wf.CID) {
	t.Helper()
	dk, _, err := self.OpenGrant(s.Sealed.Grants, s.Owner)
	if err != nil {
		t.Fatal(err)
	}
	defer dk.Destroy()
	g, err := seal.Grant(dk, to, s.Owner)
	if err != nil {
		t.Fatal(err)
	}
	sl := *s.Sealed
	seal.SetGrant(&sl, g)
	s.Sealed = &sl
	b, c, err := spec.Encode(&wf.SignedSpec{Spec: s})
	if err != nil {
		t.Fatal(err)
	}
	return s, b, c
}

// blocksOf lists the CIDs a spec needs besides its own block.
func blocksOf(t *testing.T, st wf.BlockGetter, s wf.Spec) []wf.CID {
	t.Helper()
	var out []wf.CID
	err := dag.ForEach(context.Background(), st, s.Code.CID, func(c wf.CID, _ []byte) error {
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return append(out, s.Sealed.Secrets)
}

// Two providers open a function's code and secrets from one upload of its
// ciphertext, and the second provider's grant adds only a spec block.
// (provider's TestSealedFunctionOnTwoProviders runs such a function in
// the sandbox; this package's tests, fuzz targets included, link neither
// the sandbox nor the chain.)
func TestTwoProvidersOneUpload(t *testing.T) {
	ctx := context.Background()
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("a module reading its environment "), 100)...)
	self, p1, p2 := keyring(t, seal.SuiteHybrid), keyring(t, seal.SuiteHybrid), keyring(t, seal.SuiteX25519)
	pub := publish(t, wasm, self, p1.Current())

	// Provider 2 shares the public storage but holds no grant yet.
	o1 := opener(t, p1, pub.blocks, "p1")
	o2 := opener(t, p2, pub.blocks, "p2")
	if _, err := o2.Secrets(ctx, pub.specCID, &pub.spec); !errors.Is(err, wf.ErrForbidden) || !errors.Is(err, seal.ErrNoGrant) {
		t.Fatalf("provider without a grant: %v, want ErrForbidden", err)
	} else if !strings.Contains(err.Error(), "wf secrets grant "+pub.specCID.String()+" --provider p2") {
		t.Errorf("no-grant error gives no advice: %v", err)
	}
	if _, err := o2.Code(ctx, pub.specCID, &pub.spec, nil); !errors.Is(err, wf.ErrForbidden) {
		t.Fatalf("code without a grant: %v, want ErrForbidden", err)
	}

	before := blocksOf(t, pub.blocks, pub.spec)
	n, _ := pub.blocks.Len()
	s2, specBlock, c2 := grant(t, pub.spec, self, p2.Current())
	after := blocksOf(t, pub.blocks, s2)
	if !slices.Equal(before, after) {
		t.Fatalf("the grant changed the ciphertext blocks:\n%v\n%v", before, after)
	}
	if c2 == pub.specCID || wf.SumCID(wf.CodecJSON, specBlock) != c2 {
		t.Fatal("the grant did not make a new spec CID")
	}
	if m, _ := pub.blocks.Len(); m != n {
		t.Fatalf("granting wrote %d blocks to public storage", m-n)
	}

	for _, run := range []struct {
		name string
		o    *seal.Opener
	}{{"p1", o1}, {"p2", o2}} {
		t.Run(run.name, func(t *testing.T) {
			got, err := run.o.Secrets(ctx, c2, &s2)
			if err != nil {
				t.Fatal(err)
			}
			env, err := seal.MergeEnv(s2.Env, got)
			if err != nil {
				t.Fatal(err)
			}
			sealed, err := dag.ReadFile(ctx, pub.blocks, s2.Code.CID, "")
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(sealed, wasm) {
				t.Fatal("public storage holds the module in clear")
			}
			code, err := run.o.Code(ctx, c2, &s2, sealed)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(code, wasm) {
				t.Fatal("the opened code is not the module")
			}
			for k, v := range secrets {
				if env[k] != v {
					t.Errorf("the function's environment lacks secret %s", k)
				}
			}
		})
	}
}

func TestTamper(t *testing.T) {
	ctx := context.Background()
	// One suite for both keys, so a relabelled grant fails in HPKE, not on
	// a suite mismatch.
	self, p1 := keyring(t, seal.SuiteHybrid), keyring(t, seal.SuiteHybrid)
	pub := publish(t, []byte("\x00asm\x01\x00\x00\x00"), self, p1.Current())
	otherPub := publish(t, []byte("other"), self, p1.Current())
	secretsBlock, _ := pub.blocks.Get(ctx, pub.spec.Sealed.Secrets)
	p1Grant := func(s *wf.Spec) *wf.Grant {
		for i := range s.Sealed.Grants {
			if s.Sealed.Grants[i].Key == p1.Current().ID() {
				return &s.Sealed.Grants[i]
			}
		}
		t.Fatal("no grant for p1")
		return nil
	}
	flip := func(b []byte, i int) []byte {
		b = slices.Clone(b)
		b[i] ^= 0x01
		return b
	}
	clone := func() wf.Spec {
		s := pub.spec
		sl := *s.Sealed
		sl.Grants = slices.Clone(sl.Grants)
		s.Sealed = &sl
		return s
	}
	type tc struct {
		name  string
		block []byte // the secrets block as stored; nil: unchanged
		spec  func(*wf.Spec)
		want  error
	}
	var tests []tc
	for _, at := range []struct {
		name string
		i    int
	}{{"magic", 0}, {"version", 4}, {"kind", 5}, {"aead", 7}, {"salt", 20}, {"commit", 50}, {"ciphertext", 80}, {"tag", len(secretsBlock) - 1}} {
		tests = append(tests, tc{name: "secrets " + at.name, block: flip(secretsBlock, at.i), want: wf.ErrInvalid})
	}
	tests = append(tests, tc{name: "secrets truncated", block: secretsBlock[:len(secretsBlock)-20], want: wf.ErrInvalid})
	g := p1Grant(&pub.spec).Wrapped
	for _, at := range []struct {
		name string
		i    int
	}{{"magic", 1}, {"version", 4}, {"kem", 6}, {"aead", 10}, {"enc", 100}, {"ciphertext", len(g) - 30}, {"tag", len(g) - 1}} {
		tests = append(tests, tc{name: "wrapped " + at.name, spec: func(s *wf.Spec) {
			p1Grant(s).Wrapped = flip(p1Grant(s).Wrapped, at.i)
		}, want: wf.ErrInvalid})
	}
	tests = append(tests,
		tc{name: "wrapped truncated", spec: func(s *wf.Spec) { w := p1Grant(s); w.Wrapped = w.Wrapped[:len(w.Wrapped)-1] }, want: wf.ErrInvalid},
		tc{name: "grant copied into another owner's spec", spec: func(s *wf.Spec) { s.Owner = other }, want: wf.ErrInvalid},
		tc{name: "grant relabelled to another key", spec: func(s *wf.Spec) {
			// p1's wrapped key listed under the publisher's key id, and
			// the publisher's under p1's: each opens with the wrong info.
			a, b := &s.Sealed.Grants[0], &s.Sealed.Grants[1]
			a.Wrapped, b.Wrapped = b.Wrapped, a.Wrapped
		}, want: wf.ErrInvalid},
		tc{name: "grant removed", spec: func(s *wf.Spec) { seal.RemoveGrant(s.Sealed, p1.Current().ID()) }, want: wf.ErrForbidden},
		tc{name: "grant from another function", spec: func(s *wf.Spec) {
			// Same owner, same provider, another data key: the grant opens,
			// the secrets do not.
			*p1Grant(s) = *p1Grant(&otherPub.spec)
		}, want: wf.ErrInvalid},
	)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := clone()
			if tc.spec != nil {
				tc.spec(&s)
			}
			st := memstore.New()
			b := secretsBlock
			if tc.block != nil {
				b = tc.block
				// Stored under its own CID, as a spec pointing at it would be.
				s.Sealed.Secrets = wf.SumCID(wf.CodecRaw, b)
			}
			st.Put(ctx, s.Sealed.Secrets, b)
			_, err := opener(t, p1, st, "p1").Secrets(ctx, pub.specCID, &s)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			for _, v := range secrets {
				if strings.Contains(err.Error(), v) {
					t.Fatal("error contains a secret")
				}
			}
		})
	}
	t.Run("block not matching its CID", func(t *testing.T) {
		s := clone()
		// A peer or a store that does not verify could hand back other
		// bytes; the opener checks them against the CID itself.
		_, err := opener(t, p1, swapped{flip(secretsBlock, 80)}, "p1").Secrets(ctx, pub.specCID, &s)
		if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), "does not match its CID") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("secrets block missing", func(t *testing.T) {
		s := clone()
		if _, err := opener(t, p1, memstore.New(), "p1").Secrets(ctx, pub.specCID, &s); !errors.Is(err, wf.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
	})
	t.Run("code tampered", func(t *testing.T) {
		s := clone()
		sealed, err := dag.ReadFile(ctx, pub.blocks, s.Code.CID, "")
		if err != nil {
			t.Fatal(err)
		}
		o := opener(t, p1, pub.blocks, "p1")
		if _, err := o.Code(ctx, pub.specCID, &s, sealed); err != nil {
			t.Fatal(err)
		}
		for i := range sealed {
			if _, err := o.Code(ctx, pub.specCID, &s, flip(sealed, i)); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("byte %d flipped: %v", i, err)
			}
		}
	})
}

func TestRotation(t *testing.T) {
	ctx := context.Background()
	self, p1 := keyring(t, seal.SuiteX25519), keyring(t, seal.SuiteHybrid)
	old := p1.Current()
	pub := publish(t, []byte("\x00asm"), self, old)
	fresh, err := p1.Rotate(seal.SuiteHybrid, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if p1.Current().ID() != fresh.ID() || fresh.ID() == old.ID() || len(p1.Keys()) != 2 {
		t.Fatal("rotation did not make a new current key")
	}
	o := opener(t, p1, pub.blocks, "p1")
	if _, err := o.Secrets(ctx, pub.specCID, &pub.spec); err != nil {
		t.Fatalf("old grant after rotation: %v", err)
	}
	// The owner re-grants to the new key and drops the old grant.
	s2, _, c2 := grant(t, pub.spec, self, fresh)
	seal.RemoveGrant(s2.Sealed, old.ID())
	if err := p1.Retire(p1.Current().ID()); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("retired the current key: %v", err)
	}
	if err := p1.Retire(old.ID()); err != nil {
		t.Fatal(err)
	}
	o.Forget()
	if _, err := o.Secrets(ctx, c2, &s2); err != nil {
		t.Fatalf("re-granted: %v", err)
	}
	if _, err := o.Secrets(ctx, pub.specCID, &pub.spec); !errors.Is(err, seal.ErrNoGrant) {
		t.Fatalf("old grant after retiring its key: %v", err)
	}
}

func TestKeyringFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "sealing-keys.json")
	kr := keyring(t, seal.SuiteHybrid)
	if _, err := kr.Rotate(seal.SuiteX25519, now); err != nil {
		t.Fatal(err)
	}
	if err := kr.Save(path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("keyring mode %o", st.Mode().Perm())
	}
	back, err := seal.LoadKeyring(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(k *seal.Keyring) (out []wf.KeyID) {
		for _, p := range k.Keys() {
			out = append(out, p.ID())
		}
		return out
	}
	if !slices.Equal(ids(kr), ids(back)) {
		t.Fatal("keys changed through the file")
	}
	// A loaded key opens what the saved one was granted.
	block, dk, _ := seal.Seal(secrets)
	g, _ := seal.Grant(dk, kr.Keys()[1], owner)
	dk.Destroy()
	if _, err := seal.Open(back, g, owner, block); err != nil {
		t.Fatal(err)
	}

	t.Run("group readable", func(t *testing.T) {
		os.Chmod(path, 0o640)
		defer os.Chmod(path, 0o600)
		if _, err := seal.LoadKeyring(path); !errors.Is(err, wf.ErrForbidden) || !strings.Contains(err.Error(), "0600") {
			t.Fatalf("loaded a group-readable keyring: %v", err)
		}
	})
	raw, _ := os.ReadFile(path)
	for _, tc := range []struct{ name, from, to, want string }{
		{"unknown field", `"format": 1`, `"format": 1, "x": 1`, "unknown field"},
		{"format", `"format": 1`, `"format": 2`, "format 2"},
		{"wrong id", `"id": "`, `"id": "00`, "sealing key id"},
		{"wrong suite", `"suite": "x25519"`, `"suite": "mlkem768x25519"`, "does not match"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, bytes.Replace(raw, []byte(tc.from), []byte(tc.to), 1), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := seal.LoadKeyring(p)
			if !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want ErrInvalid mentioning %q", err, tc.want)
			}
		})
	}
}

func TestOpenerCacheIsMemoryOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	self, p1 := keyring(t, seal.SuiteX25519), keyring(t, seal.SuiteX25519)
	if err := p1.Save(filepath.Join(dir, "sealing-keys.json")); err != nil {
		t.Fatal(err)
	}
	pub := publish(t, []byte("\x00asm"), self, p1.Current())
	o := opener(t, p1, pub.blocks, "p1")
	first, err := o.Secrets(ctx, pub.specCID, &pub.spec)
	if err != nil {
		t.Fatal(err)
	}
	first["API_KEY"] = "changed by the caller"
	// Served from memory: the block is gone from the store.
	pub.blocks.Delete(ctx, pub.spec.Sealed.Secrets)
	again, err := o.Secrets(ctx, pub.specCID, &pub.spec)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(again, secrets) {
		t.Fatal("the cache returned a map a caller had changed")
	}
	sealtest.ScanDir(t, dir, secrets)
}

func TestMergeEnv(t *testing.T) {
	env, err := seal.MergeEnv(map[string]string{"A": "1"}, map[string]string{"B": "2"})
	if err != nil || !maps.Equal(env, map[string]string{"A": "1", "B": "2"}) {
		t.Fatalf("%v %v", env, err)
	}
	if _, err := seal.MergeEnv(map[string]string{"A": "1"}, map[string]string{"A": "2"}); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("shadowing allowed: %v", err)
	}
}

func TestRedactor(t *testing.T) {
	r := seal.NewRedactor(map[string]string{"A": "hunter2hunter2", "B": "hunter2", "C": "abc", "D": "hunter2"})
	tests := []struct{ name, in, want string }{
		{"plain", "no secrets here", "no secrets here"},
		{"value", "token=hunter2 ok", "token=[redacted] ok"},
		{"longest wins", "x hunter2hunter2 y", "x [redacted] y"},
		{"short values stay", "abc", "abc"},
		{"twice", "hunter2/hunter2", "[redacted]/[redacted]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.Redact(tc.in); got != tc.want {
				t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		inner := wf.E(wf.ErrFunctionFailed, "bad header hunter2", errors.New("detail hunter2"))
		err := r.Err(fmt.Errorf("run: %w", inner))
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("error text keeps the secret: %v", err)
		}
		var pub *wf.Error
		if !errors.Is(err, wf.ErrFunctionFailed) || !errors.As(err, &pub) || pub.Public != "bad header [redacted]" {
			t.Errorf("redacted error lost its kind or message: %v", err)
		}
		plain := r.Err(errors.New("x hunter2"))
		if plain.Error() != "x [redacted]" || r.Err(nil) != nil {
			t.Errorf("plain error: %v", plain)
		}
	})
	var nilR *seal.Redactor
	if nilR.Redact("x") != "x" || string(seal.NewRedactor(nil).RedactBytes([]byte("y"))) != "y" {
		t.Error("empty redactors change text")
	}
}

// swapped is a block source that answers every Get with the same bytes,
// like a peer that does not verify what it serves.
type swapped struct{ b []byte }

func (s swapped) Get(context.Context, wf.CID) ([]byte, error) { return s.b, nil }
