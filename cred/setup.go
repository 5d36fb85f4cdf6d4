package cred

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/webfunctions/wf/wf"
)

var (
	compileOnce sync.Once
	compiled    constraint.ConstraintSystem
	compileErr  error
)

// System returns the circuit compiled to R1CS, compiled once per process
// (about a second).
func System() (constraint.ConstraintSystem, error) {
	compileOnce.Do(func() {
		compiled, compileErr = frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &Circuit{})
		if compileErr == nil && compiled.GetNbPublicVariables()-1 != numPublic {
			compileErr = fmt.Errorf("cred: circuit has %d public inputs, the verifier fills %d", compiled.GetNbPublicVariables()-1, numPublic)
		}
	})
	return compiled, compileErr
}

// VerifyingKey is a trusted setup's verifying key, named by the CID of its
// encoding (what policies name as "setup").
type VerifyingKey struct {
	vk  *groth16bn254.VerifyingKey
	cid wf.CID
	raw []byte
}

// CID names the key.
func (k *VerifyingKey) CID() wf.CID { return k.cid }

// Bytes is the key's encoding, whose CID is CID.
func (k *VerifyingKey) Bytes() []byte { return k.raw }

// ParseVerifyingKey decodes a verifying key (subgroup checks included)
// and checks that it is for this circuit and uses no commitment.
func ParseVerifyingKey(b []byte) (*VerifyingKey, error) {
	vk := new(groth16bn254.VerifyingKey)
	n, err := vk.ReadFrom(bytes.NewReader(b))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: cred: verifying key: %v", wf.ErrInvalid, err)
	case n != int64(len(b)):
		return nil, fmt.Errorf("%w: cred: verifying key: trailing bytes", wf.ErrInvalid)
	case len(vk.G1.K) != numPublic+1 || len(vk.PublicAndCommitmentCommitted) != 0:
		return nil, fmt.Errorf("%w: cred: verifying key is for another circuit (%d public inputs, %d commitments)", wf.ErrInvalid, len(vk.G1.K)-1, len(vk.PublicAndCommitmentCommitted))
	}
	if err := vk.Precompute(); err != nil {
		return nil, fmt.Errorf("%w: cred: verifying key: %v", wf.ErrInvalid, err)
	}
	return &VerifyingKey{vk: vk, cid: wf.SumCID(wf.CodecRaw, b), raw: b}, nil
}

// ProvingKey is a trusted setup's proving key: what holders prove with.
// It is public, and large (megabytes).
type ProvingKey struct {
	pk *groth16bn254.ProvingKey
}

// Setup is a trusted setup's two keys.
type Setup struct {
	Proving   *ProvingKey
	Verifying *VerifyingKey
}

// DevSetup runs a single-party setup: whoever ran it knows its toxic
// waste and can prove anything (docs/credentials.md, "What a leaked dev
// setup allows"). For tests and wf dev only.
func DevSetup() (*Setup, error) {
	cs, err := System()
	if err != nil {
		return nil, err
	}
	pk, vk, err := groth16.Setup(cs)
	if err != nil {
		return nil, fmt.Errorf("cred: setup: %w", err)
	}
	var buf bytes.Buffer
	if _, err := vk.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("cred: setup: %w", err)
	}
	v, err := ParseVerifyingKey(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return &Setup{Proving: &ProvingKey{pk: pk.(*groth16bn254.ProvingKey)}, Verifying: v}, nil
}

// CircuitID names the compiled circuit: CircuitVersion and a digest of
// its constraint system, so a setup made for another build of the
// circuit is never mistaken for this one's.
func CircuitID() (string, error) {
	cs, err := System()
	if err != nil {
		return "", err
	}
	circuitIDOnce.Do(func() {
		h := sha256.New()
		if _, err := cs.WriteTo(h); err != nil {
			circuitIDErr = fmt.Errorf("cred: circuit digest: %w", err)
			return
		}
		circuitID = CircuitVersion + "-" + hex.EncodeToString(h.Sum(nil)[:8])
	})
	return circuitID, circuitIDErr
}

var (
	circuitIDOnce sync.Once
	circuitID     string
	circuitIDErr  error
)

// DevSetupIn returns the dev setup kept in dir/CircuitID(), making and
// saving it on first use (tens of seconds on a busy 2-core machine;
// loading it back takes a fraction of a second). Only for tests and wf
// dev: see DevSetup.
func DevSetupIn(dir string) (*Setup, error) {
	id, err := CircuitID()
	if err != nil {
		return nil, err
	}
	final := filepath.Join(dir, id)
	if s, err := LoadSetup(final); err == nil {
		return s, nil
	}
	s, err := DevSetup()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cred: dev setup: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, "."+id+".*")
	if err != nil {
		return nil, fmt.Errorf("cred: dev setup: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := s.Save(tmp); err != nil {
		return nil, err
	}
	// The two keys appear together or not at all; if another process won
	// the race, use its setup so that every user of dir agrees.
	if err := os.Rename(tmp, final); err != nil {
		if other, lerr := LoadSetup(final); lerr == nil {
			return other, nil
		}
		return nil, fmt.Errorf("cred: dev setup: %w", err)
	}
	return s, nil
}

// File names of a setup in a directory (SaveSetup, LoadSetup).
const (
	ProvingKeyFile   = "proving.key"
	VerifyingKeyFile = "verifying.key"
)

// Save writes s into dir (made 0700) as ProvingKeyFile and
// VerifyingKeyFile. Neither is secret; the files are written whole or not
// at all.
func (s *Setup) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cred: save setup: %w", err)
	}
	var pk bytes.Buffer
	if _, err := s.Proving.pk.WriteRawTo(&pk); err != nil {
		return fmt.Errorf("cred: save setup: %w", err)
	}
	if err := writeFile(filepath.Join(dir, ProvingKeyFile), pk.Bytes(), 0o644); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, VerifyingKeyFile), s.Verifying.raw, 0o644)
}

// LoadSetup reads a setup saved with Save.
func LoadSetup(dir string) (*Setup, error) {
	vb, err := os.ReadFile(filepath.Join(dir, VerifyingKeyFile))
	if err != nil {
		return nil, fmt.Errorf("cred: load setup: %w", err)
	}
	vk, err := ParseVerifyingKey(vb)
	if err != nil {
		return nil, err
	}
	pk, err := LoadProvingKey(filepath.Join(dir, ProvingKeyFile))
	if err != nil {
		return nil, err
	}
	return &Setup{Proving: pk, Verifying: vk}, nil
}

// LoadProvingKey reads a proving key file.
func LoadProvingKey(path string) (*ProvingKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cred: proving key: %w", err)
	}
	defer f.Close()
	pk := new(groth16bn254.ProvingKey)
	// A proving key comes from a setup the holder chose; points are
	// checked by the proof's verification, not here (which would take
	// seconds).
	if _, err := pk.UnsafeReadFrom(bufio.NewReaderSize(f, 1<<20)); err != nil {
		return nil, fmt.Errorf("cred: proving key %s: %w", path, err)
	}
	return &ProvingKey{pk: pk}, nil
}

// writeFile writes b to path atomically with mode perm.
func writeFile(path string, b []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cred: write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return fmt.Errorf("cred: write %s: %w", path, err)
	}
	if _, err := io.Copy(tmp, bytes.NewReader(b)); err != nil {
		tmp.Close()
		return fmt.Errorf("cred: write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("cred: write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cred: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cred: write %s: %w", path, err)
	}
	return nil
}
