package client_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/url"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// Give two versions of a function one name, move it, and roll it back.
func ExampleClient_SetName() {
	ctx := context.Background()
	provider, stop := startProvider(false)
	defer stop()
	c := client.New(provider)
	key, err := chain.GenerateKey()
	if err != nil {
		log.Fatal(err)
	}
	version := func(v string) wf.CID {
		s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Env: map[string]string{"V": v}, Created: spec.Now(time.Now())}
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, key)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := c.Deploy(ctx, pkg); err != nil {
			log.Fatal(err)
		}
		return pkg.CID
	}
	v1, v2 := version("1"), version("2")
	set := func(seq uint64, fn wf.CID) {
		sr, err := names.Sign(wf.NameRecord{Name: "hello", Seq: seq, Created: spec.Now(time.Now()),
			Targets: []wf.Target{{Function: fn, Weight: 100}}}, key)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := c.SetName(ctx, sr); err != nil {
			log.Fatal(err)
		}
	}
	call := func() {
		resp, err := c.InvokeName(ctx, key.Address(), "hello", client.Request{Query: url.Values{"name": {"gopher"}}})
		if err != nil {
			log.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		fn, _ := resp.Function()
		fmt.Printf("%s (version %s)\n", bytes.TrimSpace(body), map[wf.CID]string{v1: "1", v2: "2"}[fn])
	}
	set(1, v1)
	call()
	set(2, v2)
	call()
	set(3, v1) // a rollback is a new record with old targets
	call()
	hist, err := c.NameHistory(ctx, key.Address(), "hello", chain.Verifier{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(hist), "versions, current seq", hist[0].Record.Seq)
	// Output:
	// Hello, gopher! (version 1)
	// Hello, gopher! (version 2)
	// Hello, gopher! (version 1)
	// 3 versions, current seq 3
}
