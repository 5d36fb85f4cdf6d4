package cli

import (
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// TestSettleFlagsSignedOnly: --signed-only reaches the meter's
// configuration (keyed caller-pays sessions off), and is off by default.
func TestSettleFlagsSignedOnly(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{{nil, false}, {[]string{"--signed-only"}, true}} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		sf := addSettleFlags(fs, "0.0001", time.Minute)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		mc, err := sf.meter()
		if err != nil {
			t.Fatal(err)
		}
		if mc.SignedOnly != tc.want {
			t.Errorf("%v: SignedOnly %v, want %v", tc.args, mc.SignedOnly, tc.want)
		}
	}
}
