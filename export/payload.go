package export

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// The trailer after an embedded function: the CAR's length (uint64,
// little-endian), then magic. A runner without one has no function.
const (
	magic      = "WFEXPRT1"
	trailerLen = 8 + len(magic)
)

// MaxPayload bounds an embedded function (spec and code): Lambda's zip
// limit is 50 MB, and a bigger function is better served where it is.
const MaxPayload = 48 << 20

// ErrNoFunction is Extract's error for an executable with no function
// appended: a runner as built, before wf export.
var ErrNoFunction = errors.New("export: no function embedded in this runner (wf export makes one)")

// Pack reads function fn's spec block and its whole code DAG from g and
// returns them as a CAR v1 whose one root is fn, as Embed takes it. It
// refuses a function with sealed parts (its secrets open only on the
// providers they were sealed to) and one whose spec does not decode; the
// signature is the runner's to check, at every start.
func Pack(ctx context.Context, g wf.BlockGetter, fn wf.CID) ([]byte, error) {
	if !spec.IsBlockCID(fn) {
		return nil, wf.E(wf.ErrInvalid, spec.NotFunction(fn), nil)
	}
	b, err := g.Get(ctx, fn)
	if err != nil {
		return nil, fmt.Errorf("export: spec %s: %w", fn, err)
	}
	ss, err := spec.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("export: spec %s: %w", fn, err)
	}
	if err := exportable(&ss.Spec); err != nil {
		return nil, err
	}
	var car bytes.Buffer
	cw := dag.NewCARWriter(&car, fn)
	if err := cw.WriteBlock(fn, b); err != nil {
		return nil, err
	}
	if err := dag.ForEach(ctx, g, ss.Spec.Code.CID, func(c wf.CID, data []byte) error {
		if car.Len() > MaxPayload {
			return fmt.Errorf("%w: function %s is over %d MB", wf.ErrTooLarge, fn, MaxPayload>>20)
		}
		return cw.WriteBlock(c, data)
	}); err != nil {
		return nil, fmt.Errorf("export: code %s: %w", ss.Spec.Code.CID, err)
	}
	if err := cw.Flush(); err != nil {
		return nil, err
	}
	return car.Bytes(), nil
}

// exportable refuses what a runner could not run as its owner meant: a
// sealed function, or one requiring an extension a runner does not honour.
func exportable(s *wf.Spec) error {
	if err := registry().Admit(s); err != nil {
		return err
	}
	if s.Sealed != nil {
		return wf.E(wf.ErrInvalid, "a function with sealed secrets or encrypted code cannot be exported: "+
			"they open only on the providers they were sealed to; deploy it without --secrets and give the cloud its environment instead", nil)
	}
	return nil
}

// Embed returns runner with car (from Pack) appended after it, and the
// trailer that Extract finds. An executable's loader ignores what follows
// its last segment, so the result runs as runner did.
func Embed(runner, car []byte) ([]byte, error) {
	if len(car) > MaxPayload {
		return nil, fmt.Errorf("%w: function is %d bytes, the limit %d", wf.ErrTooLarge, len(car), MaxPayload)
	}
	if _, err := Extract(bytes.NewReader(runner), int64(len(runner))); err == nil {
		return nil, fmt.Errorf("%w: the runner already holds a function (wf export needs the runner as built)", wf.ErrInvalid)
	}
	out := make([]byte, 0, len(runner)+len(car)+trailerLen)
	out = append(out, runner...)
	out = append(out, car...)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(car)))
	return append(out, magic...), nil
}

// Extract returns the CAR Embed appended to the executable r (size bytes),
// or ErrNoFunction.
func Extract(r io.ReaderAt, size int64) ([]byte, error) {
	if size < int64(trailerLen) {
		return nil, ErrNoFunction
	}
	var t [trailerLen]byte
	if _, err := r.ReadAt(t[:], size-int64(trailerLen)); err != nil {
		return nil, fmt.Errorf("export: read trailer: %w", err)
	}
	if string(t[8:]) != magic {
		return nil, ErrNoFunction
	}
	n := binary.LittleEndian.Uint64(t[:8])
	if n > MaxPayload || int64(n) > size-int64(trailerLen) {
		return nil, fmt.Errorf("%w: export: the trailer names %d bytes of function, the file holds less", wf.ErrInvalid, n)
	}
	car := make([]byte, n)
	if _, err := r.ReadAt(car, size-int64(trailerLen)-int64(n)); err != nil {
		return nil, fmt.Errorf("export: read function: %w", err)
	}
	return car, nil
}

// ExtractFile is Extract of the file at path (the runner's os.Executable).
func ExtractFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Extract(f, st.Size())
}
