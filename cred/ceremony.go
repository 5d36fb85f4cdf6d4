package cred

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/consensys/gnark-crypto/ecc"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	csbn254 "github.com/consensys/gnark/constraint/bn254"

	"github.com/webfunctions/wf/wf"
)

// Ceremony is a multi-party trusted setup for the circuit, kept in a
// directory that contributors pass along (docs/credentials.md, "Trusted
// setup"). The setup is sound if any one contributor destroyed its
// randomness, which gnark's mpcsetup discards as soon as a contribution is
// made. Files:
//
//	phase1-0001.bin ...   powers of tau contributions, in order
//	commons.bin           phase 1 closed with its random beacon
//	phase2-0001.bin ...   this circuit's contributions, in order
//	transcript.json       every file's CID, the beacons and the keys' CIDs
//	<CircuitID>/          the resulting setup (as DevSetupIn lays it out)
//
// Each step reads what the previous ones wrote; none needs the others'
// secrets. Contributions are verified, all of them, when a phase closes.
type Ceremony struct {
	Dir string
}

const ceremonyCommons = "commons.bin"

// Transcript records a finished ceremony; its CID (a raw block of its
// canonical JSON) names the ceremony. Fields are in JSON key order.
type Transcript struct {
	Beacon1      string   `json:"beacon1"` // hex
	Beacon2      string   `json:"beacon2"`
	Circuit      string   `json:"circuit"` // CircuitID
	Commons      wf.CID   `json:"commons"`
	Phase1       []wf.CID `json:"phase1"`
	Phase2       []wf.CID `json:"phase2"`
	VerifyingKey wf.CID   `json:"verifyingKey"`
}

func (c Ceremony) domain() (uint64, *csbn254.R1CS, error) {
	cs, err := System()
	if err != nil {
		return 0, nil, err
	}
	r, ok := cs.(*csbn254.R1CS)
	if !ok {
		return 0, nil, errors.New("cred: ceremony: the circuit is not a BN254 R1CS")
	}
	return ecc.NextPowerOfTwo(uint64(cs.GetNbConstraints())), r, nil
}

// contributions lists phase's files in order.
func (c Ceremony) contributions(phase int) ([]string, error) {
	m, err := filepath.Glob(filepath.Join(c.Dir, fmt.Sprintf("phase%d-*.bin", phase)))
	if err != nil {
		return nil, err
	}
	sort.Strings(m)
	return m, nil
}

// Contribute adds one contribution to the open phase (phase 1 until
// ClosePhase1, then phase 2) and returns the file it wrote.
func (c Ceremony) Contribute() (string, error) {
	n, r1cs, err := c.domain()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return "", fmt.Errorf("cred: ceremony: %w", err)
	}
	if _, err := os.Stat(filepath.Join(c.Dir, ceremonyCommons)); err != nil {
		files, err := c.contributions(1)
		if err != nil {
			return "", err
		}
		p := mpcsetup.NewPhase1(n)
		if len(files) > 0 {
			p = new(mpcsetup.Phase1)
			if err := readFrom(files[len(files)-1], p); err != nil {
				return "", err
			}
		}
		p.Contribute()
		return c.write(1, len(files)+1, p)
	}
	files, err := c.contributions(2)
	if err != nil {
		return "", err
	}
	p := new(mpcsetup.Phase2)
	if len(files) > 0 {
		if err := readFrom(files[len(files)-1], p); err != nil {
			return "", err
		}
	} else {
		var commons mpcsetup.SrsCommons
		if err := readFrom(filepath.Join(c.Dir, ceremonyCommons), &commons); err != nil {
			return "", err
		}
		p.Initialize(r1cs, &commons)
	}
	p.Contribute()
	return c.write(2, len(files)+1, p)
}

func (c Ceremony) write(phase, i int, v io.WriterTo) (string, error) {
	var buf bytes.Buffer
	if _, err := v.WriteTo(&buf); err != nil {
		return "", fmt.Errorf("cred: ceremony: %w", err)
	}
	path := filepath.Join(c.Dir, fmt.Sprintf("phase%d-%04d.bin", phase, i))
	return path, writeFile(path, buf.Bytes(), 0o644)
}

func readFrom(path string, v io.ReaderFrom) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cred: ceremony: %w", err)
	}
	defer f.Close()
	if _, err := v.ReadFrom(bufio.NewReaderSize(f, 1<<20)); err != nil {
		return fmt.Errorf("cred: ceremony: %s: %w", filepath.Base(path), err)
	}
	return nil
}

// ClosePhase1 verifies every phase 1 contribution and seals the phase
// with beacon, public randomness fixed after the last contribution (a
// future block hash, a drand round).
func (c Ceremony) ClosePhase1(beacon []byte) error {
	n, _, err := c.domain()
	if err != nil {
		return err
	}
	files, err := c.contributions(1)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%w: cred: ceremony: no phase 1 contribution yet", wf.ErrInvalid)
	}
	ps := make([]*mpcsetup.Phase1, len(files))
	for i, f := range files {
		ps[i] = new(mpcsetup.Phase1)
		if err := readFrom(f, ps[i]); err != nil {
			return err
		}
	}
	commons, err := mpcsetup.VerifyPhase1(n, beacon, ps...)
	if err != nil {
		return fmt.Errorf("%w: cred: ceremony: phase 1 does not verify: %v", wf.ErrInvalid, err)
	}
	var buf bytes.Buffer
	if _, err := commons.WriteTo(&buf); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(c.Dir, ceremonyCommons), buf.Bytes(), 0o644); err != nil {
		return err
	}
	return writeFile(filepath.Join(c.Dir, "beacon1.hex"), []byte(hex.EncodeToString(beacon)+"\n"), 0o644)
}

// Finish verifies every phase 2 contribution, seals the phase with beacon,
// saves the setup in Dir/CircuitID() and writes the transcript, returning
// the setup and the transcript's CID.
func (c Ceremony) Finish(beacon []byte) (*Setup, wf.CID, error) {
	_, r1cs, err := c.domain()
	if err != nil {
		return nil, wf.CID{}, err
	}
	var commons mpcsetup.SrsCommons
	if err := readFrom(filepath.Join(c.Dir, ceremonyCommons), &commons); err != nil {
		return nil, wf.CID{}, err
	}
	files, err := c.contributions(2)
	if err != nil {
		return nil, wf.CID{}, err
	}
	if len(files) == 0 {
		return nil, wf.CID{}, fmt.Errorf("%w: cred: ceremony: no phase 2 contribution yet", wf.ErrInvalid)
	}
	ps := make([]*mpcsetup.Phase2, len(files))
	for i, f := range files {
		ps[i] = new(mpcsetup.Phase2)
		if err := readFrom(f, ps[i]); err != nil {
			return nil, wf.CID{}, err
		}
	}
	pk, vk, err := mpcsetup.VerifyPhase2(r1cs, &commons, beacon, ps...)
	if err != nil {
		return nil, wf.CID{}, fmt.Errorf("%w: cred: ceremony: phase 2 does not verify: %v", wf.ErrInvalid, err)
	}
	var vb bytes.Buffer
	if _, err := vk.WriteTo(&vb); err != nil {
		return nil, wf.CID{}, err
	}
	v, err := ParseVerifyingKey(vb.Bytes())
	if err != nil {
		return nil, wf.CID{}, err
	}
	s := &Setup{Proving: &ProvingKey{pk: pk.(*groth16bn254.ProvingKey)}, Verifying: v}
	id, err := CircuitID()
	if err != nil {
		return nil, wf.CID{}, err
	}
	if err := s.Save(filepath.Join(c.Dir, id)); err != nil {
		return nil, wf.CID{}, err
	}
	b1, _ := os.ReadFile(filepath.Join(c.Dir, "beacon1.hex"))
	t := Transcript{Beacon1: strings.TrimSpace(string(b1)), Beacon2: hex.EncodeToString(beacon), Circuit: id, VerifyingKey: v.CID()}
	if t.Commons, err = fileCID(filepath.Join(c.Dir, ceremonyCommons)); err != nil {
		return nil, wf.CID{}, err
	}
	p1, err := c.contributions(1)
	if err != nil {
		return nil, wf.CID{}, err
	}
	for _, f := range p1 {
		id, err := fileCID(f)
		if err != nil {
			return nil, wf.CID{}, err
		}
		t.Phase1 = append(t.Phase1, id)
	}
	for _, f := range files {
		id, err := fileCID(f)
		if err != nil {
			return nil, wf.CID{}, err
		}
		t.Phase2 = append(t.Phase2, id)
	}
	tb, err := wf.EncodeJSON(t)
	if err != nil {
		return nil, wf.CID{}, err
	}
	if err := writeFile(filepath.Join(c.Dir, "transcript.json"), tb, 0o644); err != nil {
		return nil, wf.CID{}, err
	}
	return s, wf.SumCID(wf.CodecRaw, tb), nil
}

// fileCID is a file's CID as a raw block. Contributions are megabytes:
// published as UnixFS their CIDs differ, and the transcript says raw.
func fileCID(path string) (wf.CID, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return wf.CID{}, fmt.Errorf("cred: ceremony: %w", err)
	}
	return wf.SumCID(wf.CodecRaw, b), nil
}
