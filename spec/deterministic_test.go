package spec_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

func TestDeterministic(t *testing.T) {
	for _, c := range []struct {
		data string
		ok   bool
		max  int
	}{
		{`{}`, true, spec.DefaultMaxVerify},
		{`{"verify":2}`, true, spec.DefaultMaxVerify},
		{`{"verify":5}`, true, 5},
		{`{"maxVerify":1}`, true, 1},
		{`{"maxVerify":4,"verify":2}`, true, 4},
		{`{"maxVerify":8,"verify":8}`, true, 8},
		{`{"verify":1}`, false, 0},
		{`{"verify":9}`, false, 0},
		{`{"verify":-2}`, false, 0},
		{`{"maxVerify":9}`, false, 0},
		{`{"maxVerify":2,"verify":3}`, false, 0},
		{`{"verify":2,"maxVerify":4}`, false, 0}, // not canonical
		{`{"verify":0}`, false, 0},               // not canonical: omit it
		{`{"k":2}`, false, 0},
		{`null`, false, 0},
	} {
		d, err := spec.DecodeDeterministic(json.RawMessage(c.data))
		if c.ok != (err == nil) {
			t.Errorf("%s: %v", c.data, err)
			continue
		}
		if err != nil {
			if !errors.Is(err, wf.ErrInvalid) {
				t.Errorf("%s: %v is not ErrInvalid", c.data, err)
			}
			continue
		}
		if d.Max() != c.max {
			t.Errorf("%s: Max %d, want %d", c.data, d.Max(), c.max)
		}
		x, err := d.Extension()
		if err != nil || string(x.Data) != c.data || x.Required {
			t.Errorf("%s: Extension %s %v %v", c.data, x.Data, x.Required, err)
		}
	}
	// Every node checks it, and a spec with bad levels is refused.
	s := wf.Spec{Extensions: map[string]wf.Extension{spec.DeterministicExtension: {Data: json.RawMessage(`{"verify":1}`)}}}
	if err := spec.WithBuiltin().Admit(&s); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("Admit bad levels: %v", err)
	}
	s.Extensions[spec.DeterministicExtension] = wf.Extension{Data: json.RawMessage(`{"verify":2}`)}
	if err := spec.WithBuiltin().Admit(&s); err != nil {
		t.Errorf("Admit: %v", err)
	}
	if d, ok := spec.DeterministicOf(&s); !ok || d.Verify != 2 {
		t.Errorf("DeterministicOf: %+v %v", d, ok)
	}
	if _, ok := spec.DeterministicOf(&wf.Spec{}); ok {
		t.Error("DeterministicOf a spec without it")
	}
}
