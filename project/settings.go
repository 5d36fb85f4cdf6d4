package project

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// Setting is one key of a flat settings file: the provider's config file
// (`wf provider start --config FILE`), whose keys are the command's flag
// names. Values are a scalar's text, or each element of an array.
type Setting struct {
	Key    string
	Values []string
	Line   int
}

// ParseSettings decodes a flat TOML file of scalars and arrays of scalars
// (no tables): the shape of a command's flags. file names it in errors,
// which are *Errors with the key's line. Keys keep the file's order.
func ParseSettings(file string, data []byte) ([]Setting, error) {
	if len(data) > MaxSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("larger than %d bytes", MaxSize)}
	}
	var m map[string]any
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil {
		return nil, decodeError(file, data, err)
	}
	lines := keyLines(data)
	var out []Setting
	for k, v := range m {
		s := Setting{Key: k, Line: lines.of(k)}
		bad := func(what string) error {
			return &Error{File: file, Line: s.Line, Key: k, Msg: k + ": " + what}
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				t, ok := scalarText(e)
				if !ok {
					return nil, bad("an array holds strings, numbers or booleans only")
				}
				s.Values = append(s.Values, t)
			}
		case map[string]any:
			return nil, bad("a table is not a setting here: the file is flat, one key per flag")
		default:
			t, ok := scalarText(v)
			if !ok {
				return nil, bad("want a string, number or boolean")
			}
			s.Values = []string{t}
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Setting) int { return a.Line - b.Line })
	return out, nil
}

// scalarText is a TOML scalar as a flag's text.
func scalarText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case time.Duration:
		return v.String(), true
	}
	return "", false
}
