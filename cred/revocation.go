package cred

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr/mimc"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Revocation (docs/credentials.md, "Revocation"). An issuer that can
// revoke puts a random serial in every credential (the attribute
// "serial", after the others) and records it in its Registry. It
// publishes the serials it has not revoked as a ValidList: the sorted
// serials and a ValidSet, its signature over their Merkle root and the
// time. A policy with wf.access "revocation" makes the holder prove that
// its serial is a leaf under a ValidSet's root (the circuit's set, so no
// other circuit or setup), and the provider checks the ValidSet's
// signature and age: a revoked credential opens no session once every
// set signed before its revocation is older than the policy's
// maxAgeSeconds, and its sessions end by then. The provider never learns
// the serial; every holder downloads the same list.

// SerialAttr is the name of a revocable credential's serial attribute.
const SerialAttr = "serial"

// validTag keeps a ValidSet's signed message apart from a credential's.
var validTag = StringField("wf-cred-valid-set-v1")

// ValidSet is an issuer's signed statement of which serials are valid,
// by their Merkle root. Fields are in JSON key order.
type ValidSet struct {
	IssuedAt  int64     `json:"issuedAt"`
	Issuer    IssuerKey `json:"issuer"`
	Root      string    `json:"root"`      // 0x-hex field element
	Signature string    `json:"signature"` // 0x-hex EdDSA, 64 bytes
}

// ValidList is what GET /v1/valid serves: the valid serials, sorted, and
// their signed set.
type ValidList struct {
	Serials []string `json:"serials"`
	Set     ValidSet `json:"set"`
}

func (s *ValidSet) root() (*big.Int, error) {
	b, err := hexBytes(s.Root, 32)
	if err != nil {
		return nil, fmt.Errorf("%w: valid set root: %v", wf.ErrInvalid, err)
	}
	return fieldFromBytes(b)
}

func validMessage(root *big.Int, issuedAt int64) *big.Int {
	return mimcHash(validTag, root, big.NewInt(issuedAt))
}

// Verify checks s's signature by its issuer.
func (s *ValidSet) Verify() error {
	root, err := s.root()
	if err != nil {
		return err
	}
	if s.IssuedAt <= 0 || s.IssuedAt > maxInt {
		return fmt.Errorf("%w: valid set: issuedAt is not a time", wf.ErrInvalid)
	}
	pub, err := s.Issuer.public()
	if err != nil {
		return err
	}
	sig, err := hexBytes(s.Signature, 64)
	if err != nil {
		return fmt.Errorf("%w: valid set: signature: %v", wf.ErrInvalid, err)
	}
	ok, err := pub.Verify(sig, fieldBytes(validMessage(root, s.IssuedAt)), mimc.NewMiMC())
	if err != nil || !ok {
		return fmt.Errorf("%w: valid set: the issuer's signature does not verify", wf.ErrInvalid)
	}
	return nil
}

// serialTree is the Merkle tree of sorted serials.
func serialTree(serials []string) *tree {
	leaves := make([]*big.Int, len(serials))
	for i, s := range serials {
		leaves[i] = StringField(s)
	}
	return newTree(leaves)
}

// SignValidList signs the valid serials (sorted and made distinct here)
// as of now.
func (k *IssuerSecret) SignValidList(serials []string, now time.Time) (*ValidList, error) {
	serials = slices.Clone(serials)
	slices.Sort(serials)
	serials = slices.Compact(serials)
	if len(serials) > spec.MaxAccessSet {
		return nil, fmt.Errorf("%w: %d valid credentials; a valid set holds at most %d (revoke or let some expire)", wf.ErrTooLarge, len(serials), spec.MaxAccessSet)
	}
	root := serialTree(serials).root()
	vs := ValidSet{IssuedAt: now.Unix(), Issuer: k.Public(), Root: "0x" + hex.EncodeToString(fieldBytes(root))}
	sig, err := k.priv.Sign(fieldBytes(validMessage(root, vs.IssuedAt)), mimc.NewMiMC())
	if err != nil {
		return nil, fmt.Errorf("cred: sign the valid set: %w", err)
	}
	vs.Signature = "0x" + hex.EncodeToString(sig)
	if serials == nil {
		serials = []string{}
	}
	return &ValidList{Serials: serials, Set: vs}, nil
}

// Check verifies l: the signature, and that the serials are sorted,
// distinct and under the signed root.
func (l *ValidList) Check() error {
	if err := l.Set.Verify(); err != nil {
		return err
	}
	if len(l.Serials) > spec.MaxAccessSet || !slices.IsSorted(l.Serials) || len(slices.Compact(slices.Clone(l.Serials))) != len(l.Serials) {
		return fmt.Errorf("%w: valid list: serials must be sorted, distinct, at most %d", wf.ErrInvalid, spec.MaxAccessSet)
	}
	root, _ := l.Set.root()
	if serialTree(l.Serials).root().Cmp(root) != 0 {
		return fmt.Errorf("%w: valid list: the serials are not the signed set", wf.ErrInvalid)
	}
	return nil
}

// newSerial draws a credential serial: 16 random bytes, hex.
func newSerial() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("cred: serial: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// Issued is one credential a revocable issuer issued.
type Issued struct {
	Expiry  int64  `json:"expiry"`
	Holder  string `json:"holder"` // the account, or the CI job's identity
	Revoked int64  `json:"revoked,omitempty"`
	Serial  string `json:"serial"`
}

// Registry is a revocable issuer's record of the credentials it issued
// (serial, holder, expiry, revocation time), a JSON file of mode 0600
// that `wf cred issuer revoke` edits while the issuer serves. It is safe
// for concurrent use within a process; writes replace the file whole.
type Registry struct {
	Path string
	mu   sync.Mutex
}

func (r *Registry) loadLocked() ([]Issued, error) {
	b, err := os.ReadFile(r.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Issued
	if err := wf.DecodeJSON(b, &out); err != nil {
		return nil, fmt.Errorf("cred: registry %s: %w", r.Path, err)
	}
	return out, nil
}

func (r *Registry) saveLocked(list []Issued) error {
	b, err := wf.EncodeJSON(list)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(r.Path), 0o700); err != nil {
		return err
	}
	return writeFile(r.Path, b, 0o600)
}

// List returns every record.
func (r *Registry) List() ([]Issued, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.loadLocked()
}

// Add records a credential; records expired before now are dropped. A
// holder has one valid credential at a time: while one is neither revoked
// nor expired, another is refused (403), so a holder cannot multiply a
// policy's per-credential rate with several secrets. Revoke it to issue
// anew.
func (r *Registry) Add(e Issued, now time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	list, err := r.loadLocked()
	if err != nil {
		return err
	}
	list = slices.DeleteFunc(list, func(x Issued) bool { return x.Expiry <= now.Unix() })
	for _, x := range list {
		if x.Revoked == 0 && strings.EqualFold(x.Holder, e.Holder) {
			return fmt.Errorf("%w: %s already holds a valid credential (serial %s, until %s): one at a time; the issuer can revoke it (wf cred issuer revoke)",
				wf.ErrForbidden, e.Holder, x.Serial, time.Unix(x.Expiry, 0).UTC().Format(time.RFC3339))
		}
	}
	return r.saveLocked(append(list, e))
}

// Replace records a credential as Add does, but revokes (at now) the
// holder's valid ones instead of refusing: for holders that come back each
// run (a CI identity), whose older credential the new one supersedes. The
// older one stops proving once the published valid set drops it.
func (r *Registry) Replace(e Issued, now time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	list, err := r.loadLocked()
	if err != nil {
		return err
	}
	list = slices.DeleteFunc(list, func(x Issued) bool { return x.Expiry <= now.Unix() })
	for i := range list {
		if list[i].Revoked == 0 && strings.EqualFold(list[i].Holder, e.Holder) {
			list[i].Revoked = now.Unix()
		}
	}
	return r.saveLocked(append(list, e))
}

// Revoke revokes the credentials whose serial or holder is who (an
// account is matched case-blind), at now, and returns how many.
func (r *Registry) Revoke(who string, now time.Time) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	list, err := r.loadLocked()
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range list {
		if list[i].Revoked == 0 && (list[i].Serial == who || strings.EqualFold(list[i].Holder, who)) {
			list[i].Revoked = now.Unix()
			n++
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("%w: no valid credential has serial or holder %s", wf.ErrNotFound, who)
	}
	return n, r.saveLocked(list)
}

// Valid lists the serials neither revoked nor expired at now.
func (r *Registry) Valid(now time.Time) ([]string, error) {
	list, err := r.List()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range list {
		if e.Revoked == 0 && e.Expiry > now.Unix() {
			out = append(out, e.Serial)
		}
	}
	return out, nil
}

// DefaultValidRefresh is how often an issuer signs its valid set anew
// (IssuerConfig.ValidRefresh): a revocation reaches the published set
// within it.
const DefaultValidRefresh = time.Minute

// revocable appends a serial to attrs and records it for holder; with
// replace, the holder's earlier valid credential is revoked (Replace)
// rather than the new one refused (Add).
func (is *Issuer) revocable(attrs []Attr, holder string, expiry time.Time, replace bool) ([]Attr, error) {
	if is.cfg.Registry == nil {
		return attrs, nil
	}
	serial, err := newSerial()
	if err != nil {
		return nil, err
	}
	attrs = append(slices.Clone(attrs), StringAttr(SerialAttr, serial))
	if len(attrs) > Slots {
		return nil, fmt.Errorf("%w: a revocable credential has at most %d attributes besides its serial", wf.ErrInvalid, Slots-1)
	}
	record := is.cfg.Registry.Add
	if replace {
		record = is.cfg.Registry.Replace
	}
	if err := record(Issued{Expiry: expiry.Unix(), Holder: holder, Serial: serial}, is.cfg.Now()); err != nil {
		if errors.Is(err, wf.ErrForbidden) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: record the credential: %v", wf.ErrUnavailable, err)
	}
	return attrs, nil
}

// validList returns the signed valid list, signed anew every ValidRefresh.
func (is *Issuer) validList() (*ValidList, error) {
	now := is.cfg.Now()
	is.validMu.Lock()
	defer is.validMu.Unlock()
	if is.valid != nil && now.Sub(time.Unix(is.valid.Set.IssuedAt, 0)) < is.cfg.ValidRefresh {
		return is.valid, nil
	}
	serials, err := is.cfg.Registry.Valid(now)
	if err != nil {
		return nil, err
	}
	l, err := is.cfg.Key.SignValidList(serials, now)
	if err != nil {
		return nil, err
	}
	is.valid = l
	return l, nil
}

func (is *Issuer) serveValid(w http.ResponseWriter, r *http.Request) {
	if is.cfg.Registry == nil {
		httperr.Write(w, is.cfg.Log, fmt.Errorf("%w: this issuer does not revoke: its credentials have no serial", wf.ErrNotFound))
		return
	}
	l, err := is.validList()
	if err != nil {
		httperr.Write(w, is.cfg.Log, err)
		return
	}
	w.Header().Set("Cache-Control", "max-age=10")
	httperr.WriteJSON(w, http.StatusOK, l)
}

// FetchValidList gets the valid list of the issuer at url and checks it
// is issuer's, signed and whole.
func FetchValidList(ctx context.Context, hc *http.Client, url string, issuer IssuerKey) (*ValidList, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	var l ValidList
	if err := getJSON(ctx, hc, "GET", strings.TrimSuffix(url, "/")+"/v1/valid", nil, &l); err != nil {
		return nil, err
	}
	if !equalKey(l.Set.Issuer, issuer) {
		return nil, fmt.Errorf("%w: the valid list at %s is issuer %s's, not %s's", wf.ErrInvalid, url, l.Set.Issuer, issuer)
	}
	if err := l.Check(); err != nil {
		return nil, err
	}
	return &l, nil
}

// checkValidSet is the provider's check of a presentation's valid set
// under revocation r at now: signed by the presentation's issuer, not
// from the future, not older than r allows, and the session ending by
// the time it is too old.
func checkValidSet(vs *ValidSet, issuer IssuerKey, r *spec.Revocation, notAfter int64, now time.Time, skew time.Duration) error {
	switch {
	case vs == nil:
		return refused(http.StatusForbidden, CodeRefused, "the policy checks revocation: the presentation needs the issuer's valid set (get it from the issuer's /v1/valid)")
	case !equalKey(vs.Issuer, issuer):
		return refused(http.StatusForbidden, CodeRefused, "the valid set is another issuer's")
	case time.Unix(vs.IssuedAt, 0).After(now.Add(skew)):
		return refused(http.StatusForbidden, CodeRefused, "the valid set is dated in the future")
	case now.Unix()-vs.IssuedAt > r.MaxAgeSeconds:
		return refused(http.StatusUnauthorized, CodeRequired, "the issuer's valid set is over %ds old: present again with a fresh one", r.MaxAgeSeconds)
	case notAfter > vs.IssuedAt+r.MaxAgeSeconds:
		return refused(http.StatusForbidden, CodeRefused, "a session must end within %ds of its valid set", r.MaxAgeSeconds)
	}
	if err := vs.Verify(); err != nil {
		return refused(http.StatusForbidden, CodeRefused, "%v", err)
	}
	return nil
}
