package seal

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/webfunctions/wf/wf"
)

// Keyring holds a node's sealing keys: the current one, which it
// publishes and new grants are made to, and previous ones, which still
// open grants made before a rotation until owners re-grant. It is safe for
// concurrent use.
type Keyring struct {
	mu   sync.RWMutex
	keys []keyringEntry // [0] is current
}

type keyringEntry struct {
	key     *PrivateKey
	created time.Time
}

// NewKeyring returns a keyring holding one new key of suite s.
func NewKeyring(s Suite, now time.Time) (*Keyring, error) {
	k, err := GenerateKey(s)
	if err != nil {
		return nil, err
	}
	return &Keyring{keys: []keyringEntry{{k, now.UTC().Truncate(time.Second)}}}, nil
}

// Current returns the public half of the current key: what /v1/info and
// the registry publish.
func (kr *Keyring) Current() *PublicKey {
	kr.mu.RLock()
	defer kr.mu.RUnlock()
	return kr.keys[0].key.pub
}

// Keys returns the public keys, current first.
func (kr *Keyring) Keys() []*PublicKey {
	kr.mu.RLock()
	defer kr.mu.RUnlock()
	out := make([]*PublicKey, len(kr.keys))
	for i, e := range kr.keys {
		out[i] = e.key.pub
	}
	return out
}

// Rotate makes a new key of suite s current and keeps the old ones, which
// go on opening existing grants until Retire drops them.
func (kr *Keyring) Rotate(s Suite, now time.Time) (*PublicKey, error) {
	k, err := GenerateKey(s)
	if err != nil {
		return nil, err
	}
	kr.mu.Lock()
	defer kr.mu.Unlock()
	kr.keys = append([]keyringEntry{{k, now.UTC().Truncate(time.Second)}}, kr.keys...)
	return k.pub, nil
}

// Retire drops a previous key: grants to it stop opening here. The current
// key cannot be retired.
func (kr *Keyring) Retire(id wf.KeyID) error {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	if kr.keys[0].key.pub.id == id {
		return fmt.Errorf("%w: seal: key %s is the current key; rotate first", wf.ErrInvalid, id)
	}
	for i, e := range kr.keys {
		if e.key.pub.id == id {
			kr.keys = append(kr.keys[:i:i], kr.keys[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("%w: seal: no key %s in the keyring", wf.ErrNotFound, id)
}

// key returns the private key with the given id, or nil.
func (kr *Keyring) key(id wf.KeyID) *PrivateKey {
	kr.mu.RLock()
	defer kr.mu.RUnlock()
	for _, e := range kr.keys {
		if e.key.pub.id == id {
			return e.key
		}
	}
	return nil
}

// ErrNoGrant is wrapped by errors from OpenGrant and Opener when no grant
// names a key of the keyring. errors.Is(ErrNoGrant, wf.ErrForbidden) holds.
var ErrNoGrant error = noGrant{}

type noGrant struct{}

func (noGrant) Error() string        { return "no grant for this node's sealing keys" }
func (noGrant) Is(target error) bool { return target == wf.ErrForbidden }

// OpenGrant finds the grant for one of the keyring's keys among grants and
// unwraps the data key, for a spec owned by owner. It fails with
// ErrNoGrant (wf.ErrForbidden) when no grant names one of its keys, and
// with wf.ErrInvalid when the grant does not open.
func (kr *Keyring) OpenGrant(grants []wf.Grant, owner wf.Address) (*DataKey, wf.KeyID, error) {
	for _, g := range grants {
		if k := kr.key(g.Key); k != nil {
			dk, err := k.openGrant(g, owner)
			return dk, g.Key, err
		}
	}
	return nil, wf.KeyID{}, ErrNoGrant
}

// Open is the whole path for one sealed secrets block: unwrap the data key
// from grant with kr and decrypt block with it.
func Open(kr *Keyring, g wf.Grant, owner wf.Address, block []byte) (map[string]string, error) {
	dk, _, err := kr.OpenGrant([]wf.Grant{g}, owner)
	if err != nil {
		return nil, err
	}
	defer dk.Destroy()
	return OpenSecrets(dk, block)
}

// keyringFile is the on-disk form. Private keys are stored unencrypted, as
// SSH host keys are: the node must open grants unattended. The file is
// mode 0600 and refused when group- or world-accessible.
type keyringFile struct {
	Format int           `json:"format"`
	Keys   []keyringItem `json:"keys"` // current first
}

type keyringItem struct {
	ID      wf.KeyID `json:"id"`
	Suite   string   `json:"suite"`
	Created string   `json:"created"`
	Private []byte   `json:"private"` // "WFSK" encoding, base64
}

// MaxKeyringBytes bounds a keyring file.
const MaxKeyringBytes = 1 << 20

// LoadKeyring reads a keyring file. It refuses a file that group or others
// may access (as ssh does), and checks every key against its recorded id.
func LoadKeyring(path string) (*Keyring, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("seal: keyring: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("seal: keyring: %w", err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: seal: keyring %s has mode %04o; it holds private keys and must be 0600 (chmod 600 %s)", wf.ErrForbidden, path, st.Mode().Perm(), path)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxKeyringBytes+1))
	if err != nil {
		return nil, fmt.Errorf("seal: keyring: %w", err)
	}
	if len(b) > MaxKeyringBytes {
		return nil, fmt.Errorf("%w: seal: keyring %s is larger than %d bytes", wf.ErrTooLarge, path, MaxKeyringBytes)
	}
	defer clear(b)
	return parseKeyring(b, path)
}

func parseKeyring(b []byte, path string) (*Keyring, error) {
	var kf keyringFile
	if err := wf.DecodeJSON(b, &kf); err != nil {
		// json errors quote at most a type or field name, never the key.
		return nil, fmt.Errorf("%w: seal: keyring %s: %v", wf.ErrInvalid, path, err)
	}
	defer func() {
		for _, it := range kf.Keys {
			clear(it.Private)
		}
	}()
	if kf.Format != FormatVersion {
		return nil, fmt.Errorf("%w: seal: keyring %s has format %d, this node reads %d", wf.ErrInvalid, path, kf.Format, FormatVersion)
	}
	if len(kf.Keys) == 0 {
		return nil, fmt.Errorf("%w: seal: keyring %s holds no key", wf.ErrInvalid, path)
	}
	kr := &Keyring{}
	seen := map[wf.KeyID]bool{}
	for i, it := range kf.Keys {
		k, err := parsePrivateKey(it.Private)
		if err != nil {
			return nil, fmt.Errorf("seal: keyring %s, key %d: %w", path, i, err)
		}
		if k.pub.id != it.ID || k.suite.String() != it.Suite {
			return nil, fmt.Errorf("%w: seal: keyring %s, key %d does not match its recorded id or suite", wf.ErrInvalid, path, i)
		}
		if seen[it.ID] {
			return nil, fmt.Errorf("%w: seal: keyring %s holds key %s twice", wf.ErrInvalid, path, it.ID)
		}
		seen[it.ID] = true
		created, err := time.Parse(time.RFC3339, it.Created)
		if err != nil {
			return nil, fmt.Errorf("%w: seal: keyring %s, key %d: created: %v", wf.ErrInvalid, path, i, err)
		}
		kr.keys = append(kr.keys, keyringEntry{k, created})
	}
	return kr, nil
}

// Save writes the keyring to path atomically with mode 0600, creating its
// directory (0700) if needed.
func (kr *Keyring) Save(path string) error {
	kr.mu.RLock()
	kf := keyringFile{Format: FormatVersion}
	for _, e := range kr.keys {
		raw, err := e.key.marshal()
		if err != nil {
			kr.mu.RUnlock()
			return err
		}
		kf.Keys = append(kf.Keys, keyringItem{ID: e.key.pub.id, Suite: e.key.suite.String(),
			Created: e.created.UTC().Format(time.RFC3339), Private: raw})
	}
	kr.mu.RUnlock()
	b, err := json.MarshalIndent(kf, "", "  ")
	for _, it := range kf.Keys {
		clear(it.Private)
	}
	if err != nil {
		return fmt.Errorf("seal: keyring: %w", err)
	}
	defer clear(b)
	return writePrivate(path, append(b, '\n'))
}

// writePrivate replaces path with b, mode 0600, through a temporary file
// in the same directory, so a crash leaves the old or the new file.
func writePrivate(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("seal: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		return fmt.Errorf("seal: write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("seal: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("seal: write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("seal: write %s: %w", path, err)
	}
	ok = true
	return nil
}

// KeyringExists reports whether path holds a file.
func KeyringExists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}
