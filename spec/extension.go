package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// MaxExtensions bounds the extensions of one spec.
const MaxExtensions = 32

// extensionName is a dotted name of lowercase labels: "wf." for the
// project's own extensions, a reverse domain the author controls for
// anyone else's, "test." for tests.
var extensionName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+$`)

// maxExtensionName bounds an extension's name.
const maxExtensionName = 64

// canonicalInt is the one form of a number in extension data: an integer
// with no sign on zero, no leading zeros, no fraction and no exponent.
var canonicalInt = regexp.MustCompile(`^(0|-?[1-9][0-9]{0,15})$`)

// maxSafeInt keeps numbers exact in every JSON implementation (2^53 - 1).
const maxSafeInt = 1<<53 - 1

// VersionFor returns the version s's content calls for: 3 with
// extensions, else 2 with sealed parts, else 1. One spec has one version,
// so it has one encoding and one CID.
func VersionFor(s *wf.Spec) int {
	switch {
	case len(s.Extensions) > 0:
		return wf.SpecVersionExtended
	case s.Sealed != nil:
		return wf.SpecVersionSealed
	}
	return wf.SpecVersion
}

// validateExtensions checks what every node checks of every extension,
// known or not: its name, and that its data is canonical JSON, so an
// extension a node ignores still has exactly one encoding.
func validateExtensions(s *wf.Spec) error {
	if s.Extensions != nil && len(s.Extensions) == 0 {
		return fmt.Errorf("%w: spec: extensions is empty; omit it", wf.ErrInvalid)
	}
	if len(s.Extensions) > MaxExtensions {
		return fmt.Errorf("%w: spec: %d extensions, limit %d", wf.ErrInvalid, len(s.Extensions), MaxExtensions)
	}
	for name, x := range s.Extensions {
		if len(name) > maxExtensionName || !extensionName.MatchString(name) {
			return fmt.Errorf("%w: spec: extension name %q must be dotted lowercase labels (like wf.access or com.example.tag), at most %d bytes", wf.ErrInvalid, truncate(name), maxExtensionName)
		}
		if x.Data == nil {
			continue
		}
		if err := checkCanonicalJSON(x.Data); err != nil {
			return fmt.Errorf("%w: spec: extension %s: data: %v", wf.ErrInvalid, name, err)
		}
	}
	return nil
}

// checkCanonicalJSON accepts b only if it is one JSON value other than
// null in the form canonical re-encoding gives it (object keys sorted and
// unique, no whitespace, no HTML escaping) with integers only.
func checkCanonicalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the JSON value")
	}
	if v == nil {
		return errors.New("null; omit data instead")
	}
	if err := checkNumbers(v); err != nil {
		return err
	}
	again, err := wf.EncodeJSON(v)
	if err != nil {
		return err
	}
	if !bytes.Equal(again, b) {
		return errors.New("not in canonical form (sorted keys, no duplicate keys, no whitespace, no HTML escaping)")
	}
	return nil
}

// checkNumbers refuses numbers that have more than one spelling or lose
// precision outside Go.
func checkNumbers(v any) error {
	switch v := v.(type) {
	case json.Number:
		if !canonicalInt.MatchString(string(v)) {
			return fmt.Errorf("number %s: only integers without exponent, fraction or leading zeros; put other numbers in strings", truncate(string(v)))
		}
		if n, err := v.Int64(); err != nil || n > maxSafeInt || n < -maxSafeInt {
			return fmt.Errorf("number %s is outside ±(2^53-1)", v)
		}
	case []any:
		for _, e := range v {
			if err := checkNumbers(e); err != nil {
				return err
			}
		}
	case map[string]any:
		for _, e := range v {
			if err := checkNumbers(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// ExtensionType is an extension a node understands.
type ExtensionType struct {
	// Name is the extension's name in specs.
	Name string
	// Check validates the extension's data (nil when the spec carries none)
	// strictly, typically with DecodeExtension; nil accepts any data.
	// Errors should wrap wf.ErrInvalid.
	Check func(data json.RawMessage) error
}

// Registry is the set of extensions a node understands, by name. The nil
// Registry understands none: it runs only specs whose extensions all only
// inform.
type Registry map[string]ExtensionType

// NewRegistry returns the registry of types; a name given twice panics,
// as a wiring mistake.
func NewRegistry(types ...ExtensionType) Registry {
	r := make(Registry, len(types))
	for _, t := range types {
		if _, dup := r[t.Name]; dup || !extensionName.MatchString(t.Name) {
			panic(fmt.Sprintf("spec: extension type %q registered twice or badly named", t.Name))
		}
		r[t.Name] = t
	}
	return r
}

// Names lists the understood extensions, sorted and never nil (for
// /v1/info).
func (r Registry) Names() []string { return append([]string{}, slices.Sorted(maps.Keys(r))...) }

// UnsupportedError is a spec's required extension that a node does not
// understand. It wraps wf.ErrInvalid: the node must not run the function
// without it.
type UnsupportedError struct {
	Name      string   // the extension
	Supported []string // what the node understands instead
}

func (e *UnsupportedError) Error() string {
	have := "none"
	if len(e.Supported) > 0 {
		have = strings.Join(e.Supported, ", ")
	}
	return fmt.Sprintf("spec: extension %s is required and this node does not support it (it supports: %s); deploy to a provider that lists it in /v1/info", e.Name, have)
}

func (e *UnsupportedError) Unwrap() error { return wf.ErrInvalid }

// Admit decides whether a node that understands r may run s: every
// required extension must be understood, and every understood one (required
// or not) must pass its Check. Extensions that only inform and are not
// understood are ignored. Extensions are visited in name order, so the
// error names the same extension every time.
func (r Registry) Admit(s *wf.Spec) error {
	for _, name := range slices.Sorted(maps.Keys(s.Extensions)) {
		x := s.Extensions[name]
		t, ok := r[name]
		switch {
		case !ok && x.Required:
			return &UnsupportedError{Name: name, Supported: r.Names()}
		case !ok || t.Check == nil:
			continue
		}
		if err := t.Check(x.Data); err != nil {
			return fmt.Errorf("spec: extension %s: %w", name, err)
		}
	}
	return nil
}

// DecodeExtension decodes an extension's data into v strictly (unknown
// fields refused) and checks that v re-encodes to exactly data, so a typed
// extension has one encoding too. Errors wrap wf.ErrInvalid.
func DecodeExtension(data json.RawMessage, v any) error {
	if data == nil {
		return fmt.Errorf("%w: data is missing", wf.ErrInvalid)
	}
	if err := wf.DecodeJSON(data, v); err != nil {
		return fmt.Errorf("%w: %v", wf.ErrInvalid, err)
	}
	again, err := wf.EncodeJSON(v)
	if err != nil {
		return fmt.Errorf("%w: %v", wf.ErrInvalid, err)
	}
	if !bytes.Equal(again, data) {
		return fmt.Errorf("%w: data is not in its canonical form %s", wf.ErrInvalid, truncate(string(again)))
	}
	return nil
}

// truncate shortens s for an error message.
func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
