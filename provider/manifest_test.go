package provider_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/wftest"
)

// /v1/info carries the manifest block verbatim and its CID, so anyone can
// compare it with the registry's metadata CID.
func TestInfoServesManifest(t *testing.T) {
	m := manifest.Manifest{Schema: manifest.Schema, Name: "alpha", Software: "dev", Runtimes: []string{"wagi"},
		Limits: manifest.Limits{MaxMemoryPages: 64, MaxTimeoutMS: 1000}, Region: "eu-west", Price: "0"}
	block := m.Encode()
	e := wftest.New(t, wftest.Options{Provider: provider.Config{Manifest: block}})
	res, err := http.Get(e.URL + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var info struct {
		Manifest    json.RawMessage `json:"manifest"`
		ManifestCID string          `json:"manifestCID"`
	}
	if err := json.NewDecoder(res.Body).Decode(&info); err != nil {
		t.Fatal(err)
	}
	if string(info.Manifest) != string(block) || info.ManifestCID != manifest.CID(block).String() {
		t.Fatalf("info manifest %s (%s), want %s", info.Manifest, info.ManifestCID, block)
	}
}

func TestManifestRefused(t *testing.T) {
	for name, b := range map[string][]byte{
		"invalid":       []byte(`{"name":""}`),
		"not canonical": []byte(`{"schema":"wf-manifest-1", "name":"a","software":"","runtimes":["wagi"],"limits":{"maxMemoryPages":1,"maxTimeoutMs":1},"capacity":{},"price":""}`),
	} {
		t.Run(name, func(t *testing.T) {
			e := wftest.New(t, wftest.Options{})
			if _, err := provider.New(provider.Config{Store: e.Store, Sandbox: e.Sandbox, Manifest: b}); err == nil {
				t.Fatal("New accepted the manifest")
			}
		})
	}
}
