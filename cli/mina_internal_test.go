package cli

import "testing"

func TestParseMina(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"1", 1_000_000_000, true}, {"1.5", 1_500_000_000, true}, {"0.000000001", 1, true}, {"0.001", 1_000_000, true},
		{"0", 0, false}, {"-1", 0, false}, {"0.0000000001", 0, false}, {"1e3", 0, false}, {"1/2", 0, false}, {"x", 0, false},
		{"18446744074", 0, false}, // above 2^64 nanomina
	} {
		got, err := parseMina(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseMina(%q) = %d, %v", tc.in, got, err)
		}
		if tc.ok && formatMina(got) != tc.in {
			t.Errorf("formatMina(%d) = %q, want %q", got, formatMina(got), tc.in)
		}
	}
}
