package discovery_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
)

// TestManifestFetchPublicOnly: by default discovery reads manifests only
// from public addresses (anyone can register an endpoint, so a gateway
// must not be made to fetch from its own network); AllowPrivate lets it
// read a loopback provider's.
func TestManifestFetchPublicOnly(t *testing.T) {
	m := manifest.Manifest{Schema: manifest.Schema, Name: "p", Software: "1", Runtimes: []string{wf.RuntimeWAGI},
		Limits: manifest.Limits{MaxMemoryPages: 16, MaxTimeoutMS: 1000}, Region: "eu-west", Price: "0"}.Encode()
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		fmt.Fprintf(w, `{"manifest":%s}`, m)
	}))
	defer srv.Close()
	p := chain.Provider{Name: "p", Endpoint: srv.URL, MetadataCID: manifest.CID(m).String()}
	crit := discovery.Criteria{Region: "eu"}
	ctx := context.Background()
	if c := (&discovery.Source{}).Candidates(ctx, []chain.Provider{p}, crit)[0]; c.Excluded != "no-manifest" || hits != 0 {
		t.Fatalf("a loopback endpoint by default: excluded %q, %d fetches", c.Excluded, hits)
	}
	if c := (&discovery.Source{AllowPrivate: true}).Candidates(ctx, []chain.Provider{p}, crit)[0]; c.Excluded != "" || c.Manifest == nil {
		t.Fatalf("with AllowPrivate: excluded %q", c.Excluded)
	}
}
