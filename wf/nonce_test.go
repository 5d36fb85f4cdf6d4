package wf_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wf"
)

func TestNonce(t *testing.T) {
	n := wf.NewNonce()
	if n == (wf.Nonce{}) || wf.NewNonce() == n {
		t.Fatal("nonces are not random")
	}
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"plain", n.String(), true},
		{"prefixed", "0x" + n.String(), true},
		{"upper", strings.ToUpper(n.String()), true},
		{"short", n.String()[2:], false},
		{"long", n.String() + "00", false},
		{"not hex", "zz" + n.String()[2:], false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wf.ParseNonce(tt.in)
			if tt.ok != (err == nil) || tt.ok && got != n {
				t.Fatalf("ParseNonce(%q) = %v, %v", tt.in, got, err)
			}
			if !tt.ok && !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
	var back wf.Nonce
	if b, err := n.MarshalText(); err != nil || back.UnmarshalText(b) != nil || back != n {
		t.Fatalf("text round trip: %s, %v", b, err)
	}
}
