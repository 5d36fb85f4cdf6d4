package seal_test

import (
	"testing"

	"github.com/webfunctions/wf/seal"
)

// BenchmarkOpen is a provider's cost per function load without the cache:
// unwrap the grant and decrypt the secrets.
func BenchmarkOpen(b *testing.B) {
	for _, suite := range []seal.Suite{seal.SuiteHybrid, seal.SuiteX25519} {
		b.Run(suite.String(), func(b *testing.B) {
			kr := keyring(b, suite)
			block, dk, _ := seal.Seal(secrets)
			g, err := seal.Grant(dk, kr.Current(), owner)
			dk.Destroy()
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := seal.Open(kr, g, owner, block); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
