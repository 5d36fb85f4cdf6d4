package wf

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// DecodeJSON decodes the one JSON value in b into v strictly: an unknown
// object field or anything after the value is an error, so a header or
// file carrying extra data is refused rather than half read.
// (json.Decoder.More is false before a stray '}' or ']': only io.EOF from
// the next Token proves that nothing follows.)
func DecodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// EncodeJSON is the canonical JSON encoding of v that signed blocks use
// (specs, name records): encoding/json's output (fields in declaration
// order, map keys sorted) without HTML escaping and without the trailing
// newline.
func EncodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
