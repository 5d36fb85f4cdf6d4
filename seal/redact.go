package seal

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// MinRedactLen is the shortest secret value Redactor removes. Shorter
// values would turn every log line into noise, and redacting them would
// itself reveal them (the pattern of what was removed); such values are
// not secrets worth the name, and `wf secrets set` warns about them.
const MinRedactLen = 4

// Redacted replaces a secret value in redacted text.
const Redacted = "[redacted]"

// Redactor removes secret values from text bound for logs and error
// bodies. The zero and nil Redactors change nothing. It is safe for
// concurrent use.
type Redactor struct {
	r *strings.Replacer
}

// NewRedactor returns a Redactor for the values of secrets.
func NewRedactor(secrets map[string]string) *Redactor {
	vals := make([]string, 0, len(secrets))
	for _, v := range secrets {
		if len(v) >= MinRedactLen {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return &Redactor{}
	}
	// Longest first: strings.Replacer tries its pairs in order, so a value
	// that contains another is removed whole.
	slices.SortFunc(vals, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	pairs := make([]string, 0, 2*len(vals))
	for _, v := range slices.Compact(vals) {
		pairs = append(pairs, v, Redacted)
	}
	return &Redactor{r: strings.NewReplacer(pairs...)}
}

// Redact returns s with every secret value replaced by Redacted.
func (r *Redactor) Redact(s string) string {
	if r == nil || r.r == nil {
		return s
	}
	return r.r.Replace(s)
}

// RedactBytes is Redact for a byte slice, such as a function's stderr.
func (r *Redactor) RedactBytes(b []byte) []byte {
	if r == nil || r.r == nil {
		return b
	}
	return []byte(r.r.Replace(string(b)))
}

// Err returns err with secret values removed from its text, for logs and
// error bodies. errors.Is and errors.As on the result still find err's
// sentinels, and a *wf.Error keeps its kind with a redacted public message.
func (r *Redactor) Err(err error) error {
	if err == nil || r == nil || r.r == nil {
		return err
	}
	msg := r.Redact(err.Error())
	var pub *wf.Error
	if errors.As(err, &pub) {
		return &wf.Error{Kind: pub.Kind, Public: r.Redact(pub.Public), Err: &redactedError{msg, err}}
	}
	return &redactedError{msg, err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// Redact returns s with the values of secrets removed; for repeated use
// build a Redactor once.
func Redact(s string, secrets map[string]string) string {
	return NewRedactor(secrets).Redact(s)
}
