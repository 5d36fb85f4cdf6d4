package sandbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/webfunctions/wf/sandbox/internal/wasm"
)

// With Config.CacheDir, the rewrite (internal/wasm) is kept on disk beside
// wazero's machine code, so a restarted provider does not rewrite a module
// again: for the 5.7 MB Go reactor the rewrite is about 20 ms of the first
// request after a restart. Files are named by the rewrite's version and the
// SHA-256 of the module, and hold a JSON line of what Instrument reported,
// then the rewritten module, whose hash is checked (a damaged file is
// rewritten again). Like wazero's cache, the directory is trusted: it must
// be private to the provider.

// rewriteDir is the cache's subdirectory.
const rewriteDir = "wf-rewrite"

type rewriteMeta struct {
	Version     string
	StopExport  string
	StartExport string
	MinPages    uint32
	Globals     []string
	Resettable  bool
	Sum         string // SHA-256 of the rewritten module: a damaged file is not used
}

// instrument is wasm.InstrumentForReuse, answered from the cache when it
// can be.
func (s *Sandbox) instrument(bin []byte) (*wasm.Instrumented, error) {
	if s.cfg.CacheDir == "" {
		return wasm.InstrumentForReuse(bin)
	}
	path := filepath.Join(s.cfg.CacheDir, rewriteDir, wasm.Version+"-"+sha(bin))
	if b, err := os.ReadFile(path); err == nil {
		if line, mod, ok := bytes.Cut(b, []byte("\n")); ok {
			var m rewriteMeta
			if json.Unmarshal(line, &m) == nil && m.Version == wasm.Version && m.Sum == sha(mod) {
				return &wasm.Instrumented{Wasm: mod, StopExport: m.StopExport, StartExport: m.StartExport,
					MinPages: m.MinPages, Globals: m.Globals, Resettable: m.Resettable}, nil
			}
		}
	}
	inst, err := wasm.InstrumentForReuse(bin)
	if err != nil {
		return nil, err
	}
	line, _ := json.Marshal(rewriteMeta{Version: wasm.Version, StopExport: inst.StopExport, StartExport: inst.StartExport,
		MinPages: inst.MinPages, Globals: inst.Globals, Resettable: inst.Resettable, Sum: sha(inst.Wasm)})
	// Best effort: a module that cannot be cached is rewritten again next
	// time. Written aside and renamed, so a reader never sees half a file.
	if os.MkdirAll(filepath.Dir(path), 0o700) == nil {
		if f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*"); err == nil {
			_, werr := f.Write(append(append(line, '\n'), inst.Wasm...))
			if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), path) != nil {
				os.Remove(f.Name())
			}
		}
	}
	return inst, nil
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
