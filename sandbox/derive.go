package sandbox

import (
	"context"
	"fmt"

	"github.com/webfunctions/wf/wf"
)

// Derive returns a module that runs base's compiled code from a snapshot
// of its own, taken after _initialize has read init on its stdin. base
// must be a reactor (no _start; it exports ReactorExport). It is how one
// compiled program serves many inputs, each initialised once: the js
// runtime's engine is compiled once per provider, and each JavaScript
// function is a module derived from it whose snapshot holds its script
// already evaluated (package jsrt), so a request pays only for its handler.
//
// key names the derived module as Compile's key names a compiled one (by
// content: base's and init's), in the same namespace: a later Derive or
// Compile with key returns the same module until it is Released. The
// derived module keeps base's compiled code until it is released itself,
// even if base is released first. Everything else about it is a
// reactor's (reactor.go): each Run serves on an instance reset to its
// snapshot, and _initialize runs again after a failure. init is kept as
// is; the caller must not change it.
func (s *Sandbox) Derive(ctx context.Context, key string, base *Module, init []byte) (*Module, error) {
	switch {
	case key == "":
		return nil, wf.E(wf.ErrInvalid, "empty module key", nil)
	case base == nil || base.s != s:
		return nil, fmt.Errorf("sandbox: derive %s: nil module or one from another Sandbox", key)
	case base.reactor == nil || base.reactor.command:
		return nil, wf.E(wf.ErrInvalid, "only a reactor (no _start, exports "+ReactorExport+") runs from a derived snapshot", fmt.Errorf("sandbox: derive %s from %s", key, base.key))
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errClosed
	}
	if e, ok := s.modules[key]; ok {
		s.mu.Unlock()
		return s.waitEntry(ctx, e, "derive "+key)
	}
	defer s.mu.Unlock()
	if !base.acquire() {
		return nil, ErrReleased
	}
	m := &Module{
		key:      key,
		compiled: base.compiled,
		stop:     base.stop,
		start:    base.start,
		minPages: base.minPages,
		s:        s,
		parent:   base,
		// Size counts the snapshot and instances; the code is base's.
		wasmBytes: 0,
		reactor:   &reactor{globals: base.reactor.globals, reuse: base.reactor.reuse, init: init},
	}
	e := &entry{done: make(chan struct{}), mod: m}
	close(e.done)
	s.modules[key] = e
	return m, nil
}
