// Package credtest gives tests of other packages a credential world: the
// dev setup (cached on disk across test runs, since making one takes tens
// of seconds on a busy machine), an issuer and a holder. For tests only.
package credtest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/webfunctions/wf/cred"
)

// Dir is where tests keep the dev setup: $WF_CRED_TEST_SETUP, or
// wf-cred-setup under the user's cache directory (the temporary directory
// without one).
func Dir() string {
	if d := os.Getenv("WF_CRED_TEST_SETUP"); d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "wf-cred-setup")
}

var (
	once  sync.Once
	setup *cred.Setup
	err   error
)

// Setup returns the dev setup, made or loaded once per test binary.
func Setup(t testing.TB) *cred.Setup {
	t.Helper()
	once.Do(func() { setup, err = cred.DevSetupIn(Dir()) })
	if err != nil {
		t.Fatal(err)
	}
	return setup
}
