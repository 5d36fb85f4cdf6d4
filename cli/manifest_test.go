package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/webfunctions/wf/manifest"
)

const testManifest = `{
  "name": "alpha", "software": "dev", "runtimes": ["wagi"], "features": ["sealed"],
  "limits": {"maxMemoryPages": 256, "maxTimeoutMs": 30000},
  "region": "eu-west", "country": "IE", "price": "1000", "contact": "ops@example.com"
}`

// wf provider update --manifest publishes the manifest's CID as the
// registry entry's metadata; a bad manifest changes nothing.
func TestProviderUpdateManifest(t *testing.T) {
	d := newDevChain(t)
	env := d.env
	mustWF(t, env, "provider", "register", "alpha", "--endpoint", "https://alpha.example.com", "--price", "0.001", "--key", "dev:1")
	file := filepath.Join(t.TempDir(), "manifest.json")
	if err := os.WriteFile(file, []byte(testManifest), 0o644); err != nil {
		t.Fatal(err)
	}
	mustWF(t, env, "provider", "update", "alpha", "--manifest", file, "--key", "dev:1")
	m, err := manifest.Parse([]byte(testManifest))
	if err != nil {
		t.Fatal(err)
	}
	want := manifest.CID(m.Encode()).String()
	p, err := d.as(0).LookupProvider(context.Background(), "alpha")
	if err != nil || p.MetadataCID != want || p.PricePerRequest.Int64() != 1000 {
		t.Fatalf("after update: %+v %v, want metadata %s", p, err, want)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(strings.Replace(testManifest, "eu-west", "atlantis", 1)), 0o644)
	_, err = wf(t, env, "provider", "update", "alpha", "--manifest", bad, "--key", "dev:1")
	wantErr(t, err, `region "atlantis"`)
	_, err = wf(t, env, "provider", "update", "alpha", "--manifest", file, "--metadata", want, "--key", "dev:1")
	wantErr(t, err, "one of --manifest and --metadata")
	if p, _ := d.as(0).LookupProvider(context.Background(), "alpha"); p.MetadataCID != want {
		t.Fatalf("a refused update changed the entry: %+v", p)
	}
}
