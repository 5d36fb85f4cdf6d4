package project

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/spec"
)

// Size is a number of bytes, written in wf.toml as an integer (bytes) or a
// string with a unit: "64MiB", "512KiB", "1MB", "100B". Binary units (KiB,
// MiB, GiB) are powers of 1024, decimal ones (KB, MB, GB) of 1000; the
// number is a whole one, so every size maps exactly to the spec's bytes or
// pages.
type Size int64

var units = []struct {
	name string
	n    int64
}{
	{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10},
	{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1},
}

// ParseSize parses a size as wf.toml writes it.
func ParseSize(s string) (Size, error) {
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '_') })
	if i < 0 {
		i = len(s)
	}
	num, unit := s[:i], strings.TrimPrefix(s[i:], " ")
	notSize := fmt.Errorf("%q is not a size: a whole number of bytes, or one with a unit like \"64MiB\"", s)
	if strings.IndexFunc(unit, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') }) >= 0 {
		return 0, notSize
	}
	mult := int64(1)
	if unit != "" {
		mult = 0
		for _, u := range units {
			if u.name == unit {
				mult = u.n
			}
		}
		if mult == 0 {
			return 0, fmt.Errorf("%q: unknown unit %q (use B, KiB, MiB, GiB, KB, MB or GB)", s, unit)
		}
	}
	// TOML integers may have underscores between digits.
	digits := strings.ReplaceAll(num, "_", "")
	if digits == "" || strings.Trim(digits, "0123456789") != "" || strings.HasPrefix(num, "_") || strings.HasSuffix(num, "_") || strings.Contains(num, "__") {
		return 0, notSize
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return Size(n * mult), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for strings (go-toml
// sets an integer directly; Parse checks its sign).
func (z *Size) UnmarshalText(b []byte) error {
	s, err := ParseSize(string(b))
	if err != nil {
		return err
	}
	*z = s
	return nil
}

// MarshalText writes the size in the largest binary unit that divides it.
func (z Size) MarshalText() ([]byte, error) { return []byte(z.String()), nil }

func (z Size) String() string {
	for _, u := range units[:3] {
		if z != 0 && int64(z)%u.n == 0 {
			return strconv.FormatInt(int64(z)/u.n, 10) + u.name
		}
	}
	return strconv.FormatInt(int64(z), 10) + "B"
}

// Duration is a time.Duration written in wf.toml as Go writes durations:
// "5s", "1500ms", "1m30s".
type Duration struct{ time.Duration }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	s := string(b)
	if strings.Trim(s, "0123456789_") == "" {
		return &unitError{s, `"5s" or "500ms"`}
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%q is not a duration like \"5s\" or \"500ms\"", s)
	}
	if v < 0 {
		return errors.New("a duration must not be negative")
	}
	d.Duration = v
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// unitError is a Duration written as a bare number.
type unitError struct{ text, like string }

func (e *unitError) Error() string {
	return fmt.Sprintf("%s has no unit: write a string like %s", e.text, e.like)
}

// Rate is a count per window, written "60/1m" or "1000/24h": requests,
// a slash and a Go duration of whole seconds.
type Rate struct {
	Requests int64
	Per      time.Duration
}

// ParseRate reads a Rate; its ranges are checked with the spec's
// (spec.Rate.Check).
func ParseRate(s string) (Rate, error) {
	n, per, ok := strings.Cut(s, "/")
	if strings.Trim(s, "0123456789_") == "" {
		return Rate{}, &unitError{s, `"60/1m" (requests per duration)`}
	}
	if !ok {
		return Rate{}, fmt.Errorf("%q is not a rate like \"60/1m\" (requests per duration)", s)
	}
	r, err := strconv.ParseInt(n, 10, 64)
	if err != nil || r < 1 {
		return Rate{}, fmt.Errorf("%q: %q is not a count of requests, at least 1", s, n)
	}
	d, err := time.ParseDuration(per)
	if err != nil || d < time.Second || d%time.Second != 0 {
		return Rate{}, fmt.Errorf("%q: %q is not a whole number of seconds, at least 1s, like \"1m\" or \"24h\"", s, per)
	}
	return Rate{Requests: r, Per: d}, nil
}

func (r Rate) String() string { return fmt.Sprintf("%d/%s", r.Requests, r.Per) }

// IsZero reports whether r sets no rate.
func (r Rate) IsZero() bool { return r == Rate{} }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rate) UnmarshalText(b []byte) (err error) {
	*r, err = ParseRate(string(b))
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Spec is r in the spec's form, nil for the zero Rate.
func (r Rate) Spec() *spec.Rate {
	if r.IsZero() {
		return nil
	}
	return &spec.Rate{Requests: r.Requests, Seconds: int64(r.Per / time.Second)}
}
