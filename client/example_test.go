package client_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
)

// Publish a function and call it.
func Example() {
	ctx := context.Background()
	provider, stop := startProvider(false)
	defer stop()

	// The publisher signs with a key (any wf.Signer) and owns the function.
	key, err := chain.GenerateKey()
	if err != nil {
		log.Fatal(err)
	}
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(time.Now())}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, key)
	if err != nil {
		log.Fatal(err)
	}
	c := client.New(provider)
	if _, err := c.Deploy(ctx, pkg); err != nil {
		log.Fatal(err)
	}

	// Anyone calls it by its CID.
	resp, err := c.Invoke(ctx, pkg.CID, client.Request{Query: url.Values{"name": {"gopher"}}})
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
	// Output: Hello, gopher!
}

func ExampleClient_Invoke() {
	ctx := context.Background()
	provider, stop := startProvider(false)
	defer stop()
	fn, _ := deployHello(ctx, provider)

	// A body makes it a POST; the function reads it from stdin.
	resp, err := client.New(provider).Invoke(ctx, fn, client.Request{
		Path:   "/",
		Header: http.Header{"Content-Type": {"text/plain"}},
		Body:   strings.NewReader("WebFunctions"),
	})
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	io.Copy(os.Stdout, resp.Body)
	// Output:
	// 200 OK text/plain; charset=utf-8
	// Hello, WebFunctions!
}

// A caller pays for its own requests from its escrow: the Payer signs a
// voucher per session and each request with the session's key, and keeps
// the running total; the answer says the price and carries the provider's
// receipt. (It needs a provider that charges, so this example is not run.)
func ExampleClient_Invoke_pay() {
	ctx := context.Background()
	fn, _ := wf.ParseCID("bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea")
	var payer wf.Signer         // the caller's account, e.g. a *chain.Key
	var escrow, prov wf.Address // the escrow contract; the provider's registered address
	c := client.New("https://provider.example")
	c.Pay = &client.Payer{Signer: payer, ChainID: 8453, Escrow: escrow, Provider: prov}

	resp, err := c.Invoke(ctx, fn, client.Request{})
	var re *client.ResponseError
	if errors.As(err, &re) && errors.Is(err, wf.ErrPaymentRequired) {
		fmt.Println("not paid for:", re.Message, re.Details)
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if price, ok := resp.Price(); ok {
		fmt.Println("price:", price.USDC(), "USDC")
	}
	fmt.Println("receipt:", resp.Receipt()) // payment.DecodeReceipt and VerifyReceipt check it
}

// The provider's own error answers, such as an unknown function's, are
// *ResponseError.
func ExampleResponseError() {
	provider, stop := startProvider(false)
	defer stop()
	unknown := wf.SumCID(wf.CodecJSON, []byte(`{}`))

	_, err := client.New(provider).Invoke(context.Background(), unknown, client.Request{})
	var re *client.ResponseError
	if errors.As(err, &re) {
		fmt.Println(re.StatusCode, re.Code, errors.Is(err, wf.ErrNotFound))
	}
	// Output: 404 not_found true
}

func ExampleClient_Info() {
	provider, stop := startProvider(true)
	defer stop()

	info, err := client.New(provider).Info(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Runtimes, info.SealingKey != nil, slices.Contains(info.SpecVersions, wf.SpecVersionSealed))
	// Output: [wagi] true true
}

// Read a function's spec from a provider, checked against its CID and
// signed by its owner.
func ExampleClient_Spec() {
	ctx := context.Background()
	provider, stop := startProvider(false)
	defer stop()
	fn, owner := deployHello(ctx, provider)

	ss, err := client.New(provider).Spec(ctx, fn, chain.Verifier{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ss.Spec.Runtime, ss.Spec.Owner == owner)
	// Output: wagi true
}

// Deploy a function with sealed secrets to one provider, then let a
// second provider run it too.
func ExampleGrant() {
	ctx := context.Background()
	first, stop1 := startProvider(true)
	defer stop1()
	second, stop2 := startProvider(true, first) // fetches blocks it lacks from first
	defer stop2()

	owner, err := chain.GenerateKey()
	if err != nil {
		log.Fatal(err)
	}
	// The publisher's own sealing keyring: every sealed deploy grants it
	// too, so that it can make grants later.
	publisher, err := seal.NewKeyring(seal.SuiteHybrid, time.Now())
	if err != nil {
		log.Fatal(err)
	}
	secrets, dk, err := seal.Seal(map[string]string{"API_TOKEN": "tok-1f0e9d8c7b6a"})
	if err != nil {
		log.Fatal(err)
	}
	defer dk.Destroy()
	firstKey, err := client.New(first).SealingKey(ctx)
	if err != nil {
		log.Fatal(err)
	}
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(time.Now())}
	pkg, err := client.PackSealed(ctx, bytes.NewReader(templates.HelloWasm), s, owner,
		&client.Sealing{DataKey: dk, Secrets: secrets, To: []*seal.PublicKey{firstKey, publisher.Current()}})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.New(first).Deploy(ctx, pkg); err != nil {
		log.Fatal(err)
	}

	// Later, from the CID alone: grant the second provider's key.
	ss, err := client.New(first).Spec(ctx, pkg.CID, chain.Verifier{})
	if err != nil {
		log.Fatal(err)
	}
	secondKey, err := client.New(second).SealingKey(ctx)
	if err != nil {
		log.Fatal(err)
	}
	granted, err := client.Grant(ss, owner, publisher, secondKey)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.New(first).Deploy(ctx, granted); err != nil { // the spec block alone
		log.Fatal(err)
	}

	_, err = client.New(second).Invoke(ctx, pkg.CID, client.Request{})
	fmt.Println("the old version on the second provider:", errors.Is(err, wf.ErrForbidden))
	resp, err := client.New(second).Invoke(ctx, granted.CID, client.Request{})
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println("the new version:", resp.Status)
	// Output:
	// the old version on the second provider: true
	// the new version: 200 OK
}

// startProvider runs a provider node on loopback, as package wftest does
// for tests: with a sealing keyring if sealing is set, fetching blocks it
// lacks from peers. stop shuts it down.
func startProvider(sealing bool, peers ...string) (url string, stop func()) {
	dir, err := os.MkdirTemp("", "client-example-*")
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	n, err := node.Open(context.Background(), node.Config{
		Dir: dir, PublicURL: "http://" + srv.Listener.Addr().String(),
		Store: memstore.New(), CreateSealing: sealing, Peers: peers,
	})
	if err != nil {
		log.Fatal(err)
	}
	srv.Config.Handler = n.Handler()
	srv.Start()
	return srv.URL, func() {
		srv.Close()
		n.Close(context.Background())
		os.RemoveAll(dir)
	}
}

// deployHello deploys the hello function to provider, signed by a new
// key, and returns its CID and owner.
func deployHello(ctx context.Context, provider string) (wf.CID, wf.Address) {
	key, err := chain.GenerateKey()
	if err != nil {
		log.Fatal(err)
	}
	s := wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(time.Now())}
	pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, key)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.New(provider).Deploy(ctx, pkg); err != nil {
		log.Fatal(err)
	}
	return pkg.CID, key.Address()
}
