package provider_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// testExtension is an extension only this test's first node understands.
var testExtension = spec.ExtensionType{Name: "test.must-understand", Check: func(data json.RawMessage) error {
	var v struct {
		Level int `json:"level"`
	}
	return spec.DecodeExtension(data, &v)
}}

// TestRequiredExtensions: a spec requiring an extension runs on a node that
// understands it and is refused, naming the extension, by one that does
// not, whether deployed there or fetched from a peer on first call; an
// extension that only informs runs everywhere.
func TestRequiredExtensions(t *testing.T) {
	ctx := context.Background()
	knows := wftest.New(t, wftest.Options{Provider: provider.Config{Extensions: spec.NewRegistry(testExtension)}})
	lacks := wftest.New(t, wftest.Options{Peers: []string{knows.URL}})

	required := wftest.Spec()
	required.Extensions = map[string]wf.Extension{"test.must-understand": {Required: true, Data: json.RawMessage(`{"level":2}`)}}
	fn := knows.Deploy(t, templates.HelloWasm, required)
	if got := statusOf(t, knows.Client, fn); got != http.StatusOK {
		t.Fatalf("the node that understands the extension answered %d", got)
	}

	refused := func(err error) {
		t.Helper()
		var re *client.ResponseError
		if !errors.As(err, &re) || re.StatusCode != http.StatusBadRequest || re.Code != "unsupported_extension" || !strings.Contains(re.Message, "test.must-understand") {
			t.Fatalf("got %v, want 400 unsupported_extension naming test.must-understand", err)
		}
	}
	// Fetched from the peer on first call.
	_, err := lacks.Client.Invoke(ctx, fn, client.Request{})
	refused(err)
	// Deployed directly.
	pkg, err := client.Pack(ctx, strings.NewReader(string(templates.HelloWasm)), required, knows.Key)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lacks.Client.Deploy(ctx, pkg)
	refused(err)
	_, err = lacks.Client.Invoke(ctx, fn, client.Request{})
	refused(err)

	// Bad data in an understood extension is refused as invalid.
	bad := wftest.Spec()
	bad.Extensions = map[string]wf.Extension{"test.must-understand": {Required: true, Data: json.RawMessage(`{"level":2,"more":1}`)}}
	pkg, err = client.Pack(ctx, strings.NewReader(string(templates.HelloWasm)), bad, knows.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := knows.Client.Deploy(ctx, pkg); !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), "unknown field") {
		t.Fatalf("bad extension data: %v, want 400 naming the unknown field", err)
	}

	informs := wftest.Spec()
	informs.Extensions = map[string]wf.Extension{"com.example.note": {Data: json.RawMessage(`"deployed by a test"`)}}
	fn2 := lacks.Deploy(t, templates.HelloWasm, informs)
	if got := statusOf(t, lacks.Client, fn2); got != http.StatusOK {
		t.Fatalf("an informing extension stopped the function: %d", got)
	}
	ss, err := lacks.Client.Spec(ctx, fn2, nil)
	if err != nil || ss.Spec.Version != wf.SpecVersionExtended {
		t.Fatalf("spec %+v, %v: want version 3", ss, err)
	}
}

func statusOf(t *testing.T, c *client.Client, fn wf.CID) int {
	t.Helper()
	resp, err := c.Invoke(context.Background(), fn, client.Request{})
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}
