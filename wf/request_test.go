package wf_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

func TestRequestID(t *testing.T) {
	id := wf.NewRequestID()
	if id.IsZero() || wf.NewRequestID() == id {
		t.Fatal("request ids are not random")
	}
	s := id.String()
	if len(s) != 16 || strings.ToLower(s) != s {
		t.Fatalf("String() = %q, want 16 lower-case hex digits", s)
	}
	for _, tc := range []struct {
		name, in string
		ok       bool
	}{
		{"canonical", "0123456789abcdef", true},
		{"upper case", "0123456789ABCDEF", false},
		{"mixed case", "0123456789abcdeF", false},
		{"zero padded", "000123456789abcdef", false},
		{"short", "0123456789abcde", false},
		{"prefixed", "0x0123456789abcd", false},
		{"not hex", "0123456789abcdeg", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := wf.ParseRequestID(tc.in)
			if tc.ok != (err == nil) || tc.ok && got.String() != tc.in {
				t.Fatalf("ParseRequestID(%q) = %v, %v", tc.in, got, err)
			}
			if !tc.ok && !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
	j, err := json.Marshal(wf.LogEntry{RequestID: id})
	if err != nil || !strings.Contains(string(j), `"requestId":"`+s+`"`) {
		t.Fatalf("log entry JSON %s, %v", j, err)
	}
	var back wf.LogEntry
	if err := json.Unmarshal(j, &back); err != nil || back.RequestID != id {
		t.Fatalf("log entry round trip: %v", err)
	}
}
