package node_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// A free node in a data directory, served on loopback: deploy the
// example function to it and call it.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "wf-node-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	srv := httptest.NewUnstartedServer(nil) // a node does not listen: its caller does
	n, err := node.Open(ctx, node.Config{Dir: dir, PublicURL: "http://" + srv.Listener.Addr().String()})
	if err != nil {
		log.Fatal(err)
	}
	srv.Config = n.Server()
	srv.Start()
	defer func() { srv.Close(); n.Close(ctx) }() // the server drains first

	publisher, err := chain.GenerateKey()
	if err != nil {
		log.Fatal(err)
	}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), wf.Spec{
		Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: "2026-01-01T00:00:00Z",
	}, publisher)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.New(srv.URL).Deploy(ctx, pkg); err != nil {
		log.Fatal(err)
	}
	resp, err := http.Get(srv.URL + "/" + pkg.CID.String() + "/?name=node")
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Print(resp.Status, ": ", string(body))
	// Output: 200 OK: Hello, node!
}
