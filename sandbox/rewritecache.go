package sandbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/webfunctions/wf/sandbox/internal/wasm"
)

// With Config.CacheDir, the rewrite (internal/wasm) is kept on disk beside
// wazero's machine code, so a restarted provider does not rewrite a module
// again: for the 5.7 MB Go reactor the rewrite is about 20 ms of the first
// request after a restart.
//
// A file is named by the rewrite's version, wazero's version (an upgrade
// leaves wazero's machine code cache cold too, and Module.Rewritten says
// so to the provider's warm-up) and the Compile key, which names
// the content (a code CID, checked against the module's bytes when they
// were read), so a hit costs a read and two CRC-32C sums (about 0.5 ms for
// the Go reactor) rather than two SHA-256 sums (about 7 ms). It holds a
// JSON line (what Instrument reported, the length and CRC-32C of the module
// it was made from, the CRC-32C of the rewrite and of the line itself),
// then the rewritten module.
// The source's sum catches a key used for other bytes (tests use names,
// not CIDs); the rewrite's sum catches a damaged file, which is rewritten
// again. Neither is a defence against forgery: like wazero's cache, whose
// machine code is checked with the same CRC, the directory is trusted and
// must be private to the provider.

// rewriteDir is the cache's subdirectory.
const rewriteDir = "wf-rewrite"

type rewriteMeta struct {
	Version     string
	StopExport  string
	StartExport string
	MinPages    uint32
	Globals     []string
	Resettable  bool
	SourceLen   int    // length of the module the rewrite was made from
	SourceCRC   uint32 // its CRC-32C
	CRC         uint32 // CRC-32C of the rewritten module: a damaged file is not used
	MetaCRC     uint32 // CRC-32C of this line encoded with MetaCRC 0
}

// sealed is m with MetaCRC set; intact reports whether m's MetaCRC is its
// own.
func (m rewriteMeta) sealed() rewriteMeta {
	m.MetaCRC = 0
	b, _ := json.Marshal(m)
	m.MetaCRC = crc(b)
	return m
}

func (m rewriteMeta) intact() bool { return m.sealed().MetaCRC == m.MetaCRC }

// compilerVersion is wazero's module version in this binary's build
// information ("" when there is none, as in some test binaries).
var compilerVersion = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/tetratelabs/wazero" {
				if d.Replace != nil {
					return d.Replace.Path + "@" + d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return ""
}()

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func crc(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }

// rewritePath is where the rewrite of the module compiled under key is
// kept.
func (s *Sandbox) rewritePath(key string) string {
	k := sha256.Sum256([]byte(compilerVersion + "\x00" + key))
	return filepath.Join(s.cfg.CacheDir, rewriteDir, wasm.Version+"-k-"+hex.EncodeToString(k[:]))
}

// instrument is wasm.InstrumentForReuse, answered from the cache when it
// can be; rewritten reports that it was not.
func (s *Sandbox) instrument(key string, bin []byte) (inst *wasm.Instrumented, rewritten bool, err error) {
	if s.cfg.CacheDir == "" {
		s.rewrites.Add(1)
		inst, err = wasm.InstrumentForReuse(bin)
		return inst, true, err
	}
	path := s.rewritePath(key)
	if b, err := os.ReadFile(path); err == nil {
		if line, mod, ok := bytes.Cut(b, []byte("\n")); ok {
			var m rewriteMeta
			if json.Unmarshal(line, &m) == nil && m.Version == wasm.Version && m.intact() &&
				m.SourceLen == len(bin) && m.SourceCRC == crc(bin) && m.CRC == crc(mod) {
				return &wasm.Instrumented{Wasm: mod, StopExport: m.StopExport, StartExport: m.StartExport,
					MinPages: m.MinPages, Globals: m.Globals, Resettable: m.Resettable}, false, nil
			}
		}
	}
	s.rewrites.Add(1)
	inst, err = wasm.InstrumentForReuse(bin)
	if err != nil {
		return nil, true, err
	}
	line, _ := json.Marshal(rewriteMeta{Version: wasm.Version, StopExport: inst.StopExport, StartExport: inst.StartExport,
		MinPages: inst.MinPages, Globals: inst.Globals, Resettable: inst.Resettable,
		SourceLen: len(bin), SourceCRC: crc(bin), CRC: crc(inst.Wasm)}.sealed())
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
	return inst, true, nil
}
