package cli

import "testing"

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		parse    func(string) (interface{ String() string }, error)
		want     string // "" = an error
	}{
		{"usdc whole", "12", usdc, "12000000"},
		{"usdc smallest", "0.000001", usdc, "1"},
		{"usdc too precise", "0.0000001", usdc, ""},
		{"gwei whole", "500", gwei, "500000000000"},
		{"gwei fraction", "1.5", gwei, "1500000000"},
		{"gwei one wei", "0.000000001", gwei, "1"},
		{"gwei too precise", "0.0000000001", gwei, ""},
		{"sign", "-1", gwei, ""},
		{"exponent", "1e9", gwei, ""},
		{"empty fraction", "1.", gwei, ""},
		{"empty", "", gwei, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.parse(tc.in)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("%q parsed as %v, want an error", tc.in, got)
				}
				return
			}
			if err != nil || got.String() != tc.want {
				t.Fatalf("%q = %v, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
}

func usdc(s string) (interface{ String() string }, error) { return parseUSDC(s) }
func gwei(s string) (interface{ String() string }, error) { return parseGwei(s) }
