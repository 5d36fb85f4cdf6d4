package client

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// Package is a function ready to upload: its signed spec, the spec's CID
// (the function's address) and a CAR v1 holding the spec block followed by
// the code DAG.
type Package struct {
	CID  wf.CID
	Spec *wf.SignedSpec
	CAR  []byte
}

// Pack chunks the module into a kubo-identical UnixFS DAG, points s at it,
// signs s with key (which becomes the owner; a *chain.Key, or any other
// wf.Signer) and builds the deploy CAR.
func Pack(ctx context.Context, module io.Reader, s wf.Spec, key wf.Signer) (*Package, error) {
	return PackSealed(ctx, module, s, key, nil)
}

// Sealing says what PackSealed seals and to whom (see package seal).
type Sealing struct {
	// DataKey encrypts the code (with EncryptCode) and is granted to To.
	DataKey *seal.DataKey
	// Secrets is a sealed secrets block made under DataKey, or nil.
	Secrets     []byte
	EncryptCode bool
	// To are the sealing keys granted the data key: the providers that
	// will run the function and, so that grants can be added later
	// without re-entering secrets, the publisher's own.
	To []*seal.PublicKey
}

// PackSealed is Pack for a function with sealed parts (spec version 2);
// with a nil Sealing it is Pack. The CAR holds the spec, the code DAG and
// the sealed secrets block.
func PackSealed(ctx context.Context, module io.Reader, s wf.Spec, key wf.Signer, sl *Sealing) (*Package, error) {
	if sl != nil {
		wasm, err := io.ReadAll(module)
		if err != nil {
			return nil, fmt.Errorf("client: pack: %w", err)
		}
		if sl.EncryptCode {
			if wasm, err = seal.SealCode(sl.DataKey, wasm); err != nil {
				return nil, fmt.Errorf("client: pack: %w", err)
			}
		}
		module = bytes.NewReader(wasm)
	}
	st := memstore.New()
	code, err := dag.AddFile(ctx, st, module)
	if err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	s.Code = wf.Code{CID: code, Layout: wf.KuboLayout}
	if sl != nil {
		s.Code.Encrypted = sl.EncryptCode
		s.Sealed = &wf.Sealed{Format: seal.FormatVersion}
		if sl.Secrets != nil {
			s.Sealed.Secrets = wf.SumCID(wf.CodecRaw, sl.Secrets)
		}
		for _, to := range sl.To {
			g, err := seal.Grant(sl.DataKey, to, key.Address())
			if err != nil {
				return nil, fmt.Errorf("client: pack: %w", err)
			}
			seal.SetGrant(s.Sealed, g)
		}
	}
	return signedCAR(s, key, func(cw *dag.CARWriter) error {
		if err := dag.ForEach(ctx, st, code, cw.WriteBlock); err != nil {
			return err
		}
		if sl != nil && sl.Secrets != nil {
			return cw.WriteBlock(s.Sealed.Secrets, sl.Secrets)
		}
		return nil
	})
}

// PackSpec signs s, whose code already exists, and builds a CAR of the
// spec block and the raw blocks given (each stored under
// wf.SumCID(wf.CodecRaw, b)): for a new version of a function whose
// blocks the provider holds, such as one with another grant, or with new
// sealed secrets (their block in raw).
func PackSpec(s wf.Spec, key wf.Signer, raw ...[]byte) (*Package, error) {
	return signedCAR(s, key, func(cw *dag.CARWriter) error {
		for _, b := range raw {
			if err := cw.WriteBlock(wf.SumCID(wf.CodecRaw, b), b); err != nil {
				return err
			}
		}
		return nil
	})
}

// signedCAR signs s with key and writes a CAR rooted at the spec block:
// the spec first, then what rest writes.
func signedCAR(s wf.Spec, key wf.Signer, rest func(*dag.CARWriter) error) (*Package, error) {
	s.Version = spec.VersionFor(&s) // what the content calls for: sealed parts, extensions
	ss, err := spec.Sign(s, key)
	if err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	b, c, err := spec.Encode(ss)
	if err != nil {
		return nil, err
	}
	var car bytes.Buffer
	cw := dag.NewCARWriter(&car, c)
	if err := cw.WriteBlock(c, b); err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	if err := rest(cw); err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	if err := cw.Flush(); err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	return &Package{CID: c, Spec: ss, CAR: car.Bytes()}, nil
}
