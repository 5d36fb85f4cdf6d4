package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

// EndpointSealingKey takes a URL's /v1/info key only when nothing the
// registry holds for that URL (its gateway name, its endpoint, the
// address it states) says otherwise.
func TestEndpointSealingKey(t *testing.T) {
	newKey := func() *seal.PublicKey {
		kr, err := seal.NewKeyring(seal.SuiteX25519, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		return kr.Current()
	}
	published, other := newKey(), newKey()
	me, someone := chain.DevKey(1).Address(), chain.DevKey(2).Address()
	// A real server answering /v1/info as told; its path prefix plays a
	// gateway's /p/NAME.
	serve := func(addr wf.Address, key *seal.PublicKey) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			info := map[string]any{"name": "wf"}
			if !addr.IsZero() {
				info["address"] = addr.Checksum()
			}
			if key != nil {
				info["sealingKey"] = key.String()
			}
			json.NewEncoder(w).Encode(info)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	url, noAddr := serve(me, published), serve(wf.Address{}, published)
	tests := []struct {
		name string
		url  string // default url
		reg  []client.Registered
		want error // nil: published is returned
	}{
		{"unregistered", "", []client.Registered{{Name: "x", Owner: someone, Endpoint: "https://x.example", SealingKey: other.Bytes()}}, nil},
		{"no registry", "", nil, nil},
		{"registered to its address with its key", "", []client.Registered{{Name: "me", Owner: me, Endpoint: "https://me.example", SealingKey: published.Bytes()}}, nil},
		{"its address registered another key", "", []client.Registered{{Name: "me", Owner: me, SealingKey: other.Bytes()}}, client.ErrKeyMismatch},
		{"its address registered no key", "", []client.Registered{{Name: "me", Owner: me, SealingKey: []byte{0}}}, client.ErrKeyMismatch},
		{"its endpoint registered another key", "", []client.Registered{{Name: "ep", Owner: someone, Endpoint: url + "/", SealingKey: other.Bytes()}}, client.ErrKeyMismatch},
		{"its endpoint registered to another address", "", []client.Registered{{Name: "ep", Owner: someone, Endpoint: url, SealingKey: published.Bytes()}}, client.ErrKeyMismatch},
		{"the gateway name registered another key", url + "/p/beta", []client.Registered{{Name: "beta", Owner: me, SealingKey: other.Bytes()}}, client.ErrKeyMismatch},
		{"the gateway name registered to another address", url + "/p/beta", []client.Registered{{Name: "beta", Owner: someone, SealingKey: published.Bytes()}}, client.ErrKeyMismatch},
		{"the gateway name matches", url + "/p/beta", []client.Registered{{Name: "beta", Owner: me, SealingKey: published.Bytes()}}, nil},
		{"no key published", serve(me, nil), nil, wf.ErrNotFound},
		{"no address, its endpoint registered its key", noAddr, []client.Registered{{Name: "ep", Owner: someone, Endpoint: noAddr, SealingKey: published.Bytes()}}, nil},
		{"no address, its endpoint registered another key", noAddr, []client.Registered{{Name: "ep", Owner: someone, Endpoint: noAddr, SealingKey: other.Bytes()}}, client.ErrKeyMismatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.url
			if u == "" {
				u = url
			}
			pk, err := client.New(u).EndpointSealingKey(context.Background(), tc.reg)
			if tc.want != nil {
				if !errors.Is(err, tc.want) {
					t.Fatalf("got %v, want %v", err, tc.want)
				}
				return
			}
			if err != nil || pk.ID() != published.ID() {
				t.Fatalf("got %v, %v; want the published key", pk, err)
			}
		})
	}
}

func TestGatewayName(t *testing.T) {
	for in, want := range map[string]string{
		"https://gw.example/p/beta":  "beta",
		"https://gw.example/p/beta/": "beta",
		"https://gw.example":         "",
		"https://gw.example/x/p/b":   "",
		"https://gw.example/p/":      "",
		"https://gw.example/p/a/b":   "",
		"beta":                       "",
	} {
		if got, ok := client.GatewayName(in); got != want || ok != (want != "") {
			t.Errorf("GatewayName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
