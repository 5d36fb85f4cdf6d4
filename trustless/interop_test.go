package trustless_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/trustless"
	"github.com/webfunctions/wf/wf"
)

// TestInteropKubo fetches a DAG from a real kubo gateway through Fetcher,
// then serves it from our handler and compares the two CAR streams byte for
// byte. It runs only when pointed at a gateway:
//
//	ipfs daemon --offline   # Addresses.Gateway, e.g. 127.0.0.1:48080
//	WF_KUBO_GATEWAY=http://127.0.0.1:48080 WF_KUBO_CID=$(ipfs add -r -Q --cid-version=1 DIR) \
//	    go test ./trustless -run Interop -v
func TestInteropKubo(t *testing.T) {
	gw, cidText := os.Getenv("WF_KUBO_GATEWAY"), os.Getenv("WF_KUBO_CID")
	if gw == "" || cidText == "" {
		t.Skip("set WF_KUBO_GATEWAY and WF_KUBO_CID to run against a kubo gateway")
	}
	ctx := context.Background()
	root, err := wf.ParseCID(cidText)
	if err != nil {
		t.Fatal(err)
	}
	s := memstore.New()
	if err := (&trustless.Fetcher{Gateways: []string{gw}}).Fetch(ctx, root, s); err != nil {
		t.Fatal(err)
	}
	if err := dag.VerifyComplete(ctx, s, root); err != nil {
		t.Fatal(err)
	}
	n, size := s.Len()
	t.Logf("fetched %d blocks, %d bytes from kubo", n, size)

	get := func(base string) []byte {
		req, _ := http.NewRequest("GET", base+"/ipfs/"+root.String()+"?format=car&dag-scope=all", nil)
		req.Header.Set("Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=n")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s, %d bytes", base, resp.Header.Get("Content-Type"), len(b))
		return b
	}
	ours := httptest.NewServer(trustless.NewHandler(s, trustless.Options{}))
	defer ours.Close()
	if !bytes.Equal(get(gw), get(ours.URL)) {
		t.Fatal("our CAR differs from kubo's")
	}
}
