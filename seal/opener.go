package seal

import (
	"container/list"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"sync"

	"github.com/webfunctions/wf/wf"
)

// OpenerConfig configures an Opener. Keyring and Blocks are required.
type OpenerConfig struct {
	Keyring *Keyring       // this node's sealing keys
	Blocks  wf.BlockGetter // where sealed secrets blocks are read from
	// Name is this node's name or URL as owners know it, used in the
	// "no grant" error's advice. Default "this provider".
	Name string
	// CacheEntries is how many opened secret sets stay in memory. They are
	// never written anywhere. Default 256; negative disables the cache.
	CacheEntries int
}

// Opener opens the sealed parts of verified specs for a provider, in
// memory only. It is safe for concurrent use.
type Opener struct {
	cfg OpenerConfig

	mu    sync.Mutex
	cache map[[32]byte]*list.Element // of *cached
	lru   *list.List
}

type cached struct {
	key     [32]byte
	secrets map[string]string
}

// NewOpener returns an Opener.
func NewOpener(cfg OpenerConfig) (*Opener, error) {
	if cfg.Keyring == nil || cfg.Blocks == nil {
		return nil, errors.New("seal: OpenerConfig.Keyring and Blocks are required")
	}
	if cfg.Name == "" {
		cfg.Name = "this provider"
	}
	if cfg.CacheEntries == 0 {
		cfg.CacheEntries = 256
	}
	return &Opener{cfg: cfg, cache: map[[32]byte]*list.Element{}, lru: list.New()}, nil
}

// dataKey unwraps the data key of fn's spec s with this node's keyring.
func (o *Opener) dataKey(fn wf.CID, s *wf.Spec) (*DataKey, error) {
	dk, _, err := o.cfg.Keyring.OpenGrant(s.Sealed.Grants, s.Owner)
	switch {
	case errors.Is(err, ErrNoGrant):
		return nil, wf.E(wf.ErrForbidden, fmt.Sprintf(
			"%s holds no grant for function %s, so it cannot open its sealed secrets or code; ask the function's owner to run `wf secrets grant %s --provider %s`",
			o.cfg.Name, fn, fn, o.cfg.Name), err)
	case err != nil:
		return nil, wf.E(wf.ErrInvalid, fmt.Sprintf("function %s: its grant for this provider's sealing key does not open (tampered, or copied from another owner's function)", fn), err)
	}
	return dk, nil
}

// Secrets returns the secrets of function fn, whose spec s the caller has
// decoded and whose signature it has verified. It returns nil when s has
// no sealed secrets. The map is the caller's; secrets stay in memory
// (this Opener's cache included) and are never written anywhere.
//
// Errors: ErrNoGrant (wf.ErrForbidden) when no grant names this node's
// keys; wf.ErrInvalid when the grant or the secrets block was tampered
// with; the block store's error (wf.ErrNotFound) when the secrets block is
// missing. No error contains a secret.
func (o *Opener) Secrets(ctx context.Context, fn wf.CID, s *wf.Spec) (map[string]string, error) {
	if s.Sealed == nil || !s.Sealed.Secrets.Defined() {
		return nil, nil
	}
	key := o.cacheKey(s)
	if m, ok := o.lookup(key); ok {
		return maps.Clone(m), nil
	}
	sc := s.Sealed.Secrets
	block, err := o.cfg.Blocks.Get(ctx, sc)
	if err != nil {
		return nil, fmt.Errorf("seal: function %s: sealed secrets %s: %w", fn, sc, err)
	}
	if wf.SumCID(wf.CodecRaw, block) != sc {
		return nil, wf.E(wf.ErrInvalid, fmt.Sprintf("function %s: the sealed secrets block does not match its CID %s", fn, sc), nil)
	}
	dk, err := o.dataKey(fn, s)
	if err != nil {
		return nil, err
	}
	defer dk.Destroy()
	m, err := OpenSecrets(dk, block)
	if err != nil {
		return nil, wf.E(wf.ErrInvalid, fmt.Sprintf("function %s: its sealed secrets do not open: %v", fn, err), err)
	}
	o.store(key, m)
	return maps.Clone(m), nil
}

// Code returns the module of fn: sealed is the file its code DAG holds.
// When s.Code.Encrypted is false it returns sealed unchanged; otherwise it
// decrypts in memory, with the errors of Secrets. Compile the result
// without an on-disk compilation cache, or the machine code of a private
// module lands on disk.
func (o *Opener) Code(ctx context.Context, fn wf.CID, s *wf.Spec, sealed []byte) ([]byte, error) {
	if !s.Code.Encrypted {
		return sealed, nil
	}
	if s.Sealed == nil {
		return nil, fmt.Errorf("%w: function %s: encrypted code without grants", wf.ErrInvalid, fn)
	}
	dk, err := o.dataKey(fn, s)
	if err != nil {
		return nil, err
	}
	defer dk.Destroy()
	wasm, err := OpenCode(dk, sealed)
	if err != nil {
		return nil, wf.E(wf.ErrInvalid, fmt.Sprintf("function %s: its encrypted code does not open: %v", fn, err), err)
	}
	return wasm, nil
}

// CheckGrant reports whether this node holds a grant that opens fn's
// sealed parts, with the errors of Secrets, without opening anything else.
// Providers call it when a sealed function is deployed to them.
func (o *Opener) CheckGrant(fn wf.CID, s *wf.Spec) error {
	if s.Sealed == nil {
		return nil
	}
	dk, err := o.dataKey(fn, s)
	if err != nil {
		return err
	}
	dk.Destroy()
	return nil
}

// MergeEnv returns the environment a function runs with: its public env
// and its secrets. A secret may not shadow a public variable.
func MergeEnv(public, secrets map[string]string) (map[string]string, error) {
	if len(secrets) == 0 {
		return public, nil
	}
	env := make(map[string]string, len(public)+len(secrets))
	maps.Copy(env, public)
	for k, v := range secrets {
		if _, dup := env[k]; dup {
			return nil, fmt.Errorf("%w: secret %s has the name of a public env variable", wf.ErrInvalid, k)
		}
		env[k] = v
	}
	return env, nil
}

// cacheKey names everything that determines the opened secrets: the owner,
// the secrets block and the grants (a re-grant is a new entry).
func (o *Opener) cacheKey(s *wf.Spec) [32]byte {
	h := sha256.New()
	h.Write(s.Owner[:])
	h.Write(s.Sealed.Secrets.Bytes())
	for _, g := range s.Sealed.Grants {
		h.Write(g.Key[:])
		h.Write([]byte{byte(len(g.Wrapped) >> 8), byte(len(g.Wrapped))})
		h.Write(g.Wrapped)
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func (o *Opener) lookup(k [32]byte) (map[string]string, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	el, ok := o.cache[k]
	if !ok {
		return nil, false
	}
	o.lru.MoveToFront(el)
	return el.Value.(*cached).secrets, true
}

func (o *Opener) store(k [32]byte, m map[string]string) {
	if o.cfg.CacheEntries < 0 {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, ok := o.cache[k]; ok {
		return
	}
	o.cache[k] = o.lru.PushFront(&cached{k, m})
	for o.lru.Len() > o.cfg.CacheEntries {
		old := o.lru.Remove(o.lru.Back()).(*cached)
		delete(o.cache, old.key)
	}
}

// Forget drops every cached secret set, e.g. after a key is retired.
func (o *Opener) Forget() {
	o.mu.Lock()
	defer o.mu.Unlock()
	clear(o.cache)
	o.lru.Init()
}
