package export_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/export"
	"github.com/webfunctions/wf/export/lambdaapi"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// pack signs module under s with a new key and returns the function's CAR
// as export.Pack makes it from a store holding its blocks.
func pack(t testing.TB, module []byte, s wf.Spec) (wf.CID, []byte) {
	t.Helper()
	key, err := chain.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := client.Pack(context.Background(), bytes.NewReader(module), s, key)
	if err != nil {
		t.Fatal(err)
	}
	st := memstore.New()
	if _, err := dag.ImportCAR(context.Background(), bytes.NewReader(pkg.CAR), st, dag.Limits{}); err != nil {
		t.Fatal(err)
	}
	car, err := export.Pack(context.Background(), st, pkg.CID)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.CID, car
}

func jsSpec(t testing.TB) wf.Spec {
	s := wftest.Spec()
	x, err := spec.JSExtensionFor(jsrt.Builtin().CID)
	if err != nil {
		t.Fatal(err)
	}
	s.Extensions = map[string]wf.Extension{spec.JSExtension: x}
	return s
}

func withEnv(s wf.Spec, env map[string]string) wf.Spec {
	s.Env = env
	return s
}

func TestEmbedExtract(t *testing.T) {
	runner := []byte("\x7fELF pretend runner")
	car := []byte("a CAR")
	exe, err := export.Embed(runner, car)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(exe, runner) {
		t.Fatal("the runner's bytes changed")
	}
	got, err := export.Extract(bytes.NewReader(exe), int64(len(exe)))
	if err != nil || !bytes.Equal(got, car) {
		t.Fatalf("Extract = %q, %v", got, err)
	}
	if _, err := export.Extract(bytes.NewReader(runner), int64(len(runner))); !errors.Is(err, export.ErrNoFunction) {
		t.Fatalf("plain runner: %v", err)
	}
	if _, err := export.Embed(exe, car); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("embedding twice: %v", err)
	}
	// A trailer that claims more than the file holds.
	bad := bytes.Clone(exe)
	bad[len(bad)-16] = 0xff
	if _, err := export.Extract(bytes.NewReader(bad), int64(len(bad))); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("lying trailer: %v", err)
	}
}

func TestLoadVerifies(t *testing.T) {
	ctx := context.Background()
	c, car := pack(t, templates.HelloWasm, wftest.Spec())
	f, err := export.Load(ctx, car, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	if f.CID != c || !bytes.Equal(f.Wasm, templates.HelloWasm) || f.Prelude != nil {
		t.Fatalf("loaded %s, %d bytes", f.CID, len(f.Wasm))
	}

	t.Run("forged signature", func(t *testing.T) {
		ss, err := spec.Decode(specBlock(t, car))
		if err != nil {
			t.Fatal(err)
		}
		other, _ := chain.GenerateKey()
		ss.Spec.Owner = other.Address() // signed by the first key, claiming another owner
		if _, err := export.Load(ctx, withSpec(t, car, ss), chain.Verifier{}); err == nil {
			t.Fatal("a spec whose signature is not its owner's loaded")
		}
	})
	t.Run("corrupt block", func(t *testing.T) {
		bad := bytes.Clone(car)
		i := bytes.Index(bad, templates.HelloWasm[100:140])
		if i < 0 {
			t.Fatal("code not found in the CAR")
		}
		bad[i] ^= 1
		if _, err := export.Load(ctx, bad, chain.Verifier{}); !errors.Is(err, wf.ErrInvalid) {
			t.Fatalf("corrupt code: %v", err)
		}
	})
	t.Run("missing code", func(t *testing.T) {
		ss, err := spec.Decode(specBlock(t, car))
		if err != nil {
			t.Fatal(err)
		}
		b, sc, _ := spec.Encode(ss)
		var only bytes.Buffer
		cw := dag.NewCARWriter(&only, sc)
		cw.WriteBlock(sc, b)
		cw.Flush()
		if _, err := export.Load(ctx, only.Bytes(), chain.Verifier{}); err == nil || !strings.Contains(err.Error(), "code") {
			t.Fatalf("spec without code: %v", err)
		}
	})
	t.Run("required extension not honoured", func(t *testing.T) {
		// An access policy the runner cannot check (as wf.ci.callers):
		// exporting would run the function for anyone.
		s := wftest.Spec()
		s.Extensions = map[string]wf.Extension{"org.example.acl": {Required: true, Data: json.RawMessage(`{"allow":["alice"]}`)}}
		key, _ := chain.GenerateKey()
		pkg, err := client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, key)
		if err != nil {
			t.Fatal(err)
		}
		var un *spec.UnsupportedError
		if _, err := export.Load(ctx, pkg.CAR, chain.Verifier{}); !errors.As(err, &un) || un.Name != "org.example.acl" {
			t.Fatalf("Load: %v", err)
		}
		st := memstore.New()
		dag.ImportCAR(ctx, bytes.NewReader(pkg.CAR), st, dag.Limits{})
		if _, err := export.Pack(ctx, st, pkg.CID); !errors.As(err, &un) {
			t.Fatalf("Pack: %v", err)
		}
		// One that only informs is ignored.
		s.Extensions = map[string]wf.Extension{"org.example.note": {Data: json.RawMessage(`{"hi":1}`)}}
		pkg, err = client.Pack(ctx, bytes.NewReader(templates.HelloWasm), s, key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := export.Load(ctx, pkg.CAR, chain.Verifier{}); err != nil {
			t.Fatalf("informing extension: %v", err)
		}
	})
	t.Run("sealed", func(t *testing.T) {
		key, _ := chain.GenerateKey()
		sk, err := seal.GenerateKey(seal.SuiteX25519)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := client.PackSealed(ctx, bytes.NewReader(templates.HelloWasm), wftest.Spec(), key,
			&client.Sealing{DataKey: seal.NewDataKey(), EncryptCode: true, To: []*seal.PublicKey{sk.Public()}})
		if err != nil {
			t.Fatal(err)
		}
		st := memstore.New()
		if _, err := dag.ImportCAR(ctx, bytes.NewReader(pkg.CAR), st, dag.Limits{}); err != nil {
			t.Fatal(err)
		}
		if _, err := export.Pack(ctx, st, pkg.CID); !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), "sealed") {
			t.Fatalf("sealed function packed: %v", err)
		}
	})
}

// specBlock returns the first block of car, the spec.
func specBlock(t testing.TB, car []byte) []byte {
	r, err := dag.NewCARReader(bytes.NewReader(car), dag.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	_, b, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withSpec is car with its spec replaced by ss (the code blocks kept).
func withSpec(t testing.TB, car []byte, ss *wf.SignedSpec) []byte {
	b, sc, err := spec.Encode(ss)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := dag.NewCARReader(bytes.NewReader(car), dag.Limits{})
	var out bytes.Buffer
	cw := dag.NewCARWriter(&out, sc)
	cw.WriteBlock(sc, b)
	r.Next()
	for {
		c, data, err := r.Next()
		if err != nil {
			break
		}
		cw.WriteBlock(c, data)
	}
	cw.Flush()
	return out.Bytes()
}

// lambdaRig serves the function in car through the Runtime API loop, in
// this process, against the in-memory Runtime API.
func lambdaRig(t *testing.T, car []byte, environ ...string) *lambdaapi.Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	f, err := export.Load(ctx, car, chain.Verifier{})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.AddEnv(export.EnvFrom(environ)); err != nil {
		t.Fatal(err)
	}
	sb, err := sandbox.New(ctx, export.SandboxConfig(f))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := export.NewServer(ctx, sb, f, nil)
	if err != nil {
		t.Fatal(err)
	}
	api := lambdaapi.New()
	hs := httptest.NewServer(api.Handler())
	done := make(chan error, 1)
	go func() {
		done <- (&export.Lambda{API: strings.TrimPrefix(hs.URL, "http://"), Handler: srv}).Serve(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		hs.Close()
		sb.Close(context.Background())
	})
	return api
}

// V2Response is an API Gateway HTTP API 2.0 response event.
type v2Response struct {
	StatusCode      int               `json:"statusCode"`
	Headers         map[string]string `json:"headers"`
	Cookies         []string          `json:"cookies"`
	Body            string            `json:"body"`
	IsBase64Encoded bool              `json:"isBase64Encoded"`
}

func v2Event(method, path, query, body string, b64 bool) []byte {
	e := map[string]any{
		"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": query,
		"headers": map[string]string{"host": "abc.lambda-url.us-east-1.on.aws", "x-test": "yes", "x-wf-voucher": "not for the function"},
		"cookies": []string{"a=1", "b=2"},
		"requestContext": map[string]any{
			"domainName": "abc.lambda-url.us-east-1.on.aws", "requestId": "r1",
			"http": map[string]string{"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.9", "userAgent": "curl"},
		},
		"body": body, "isBase64Encoded": b64,
	}
	b, _ := json.Marshal(e)
	return b
}

func invokeV2(t *testing.T, api *lambdaapi.Server, event []byte, timeout time.Duration) v2Response {
	t.Helper()
	res, err := api.Invoke(context.Background(), event, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if res.ErrorType != "" {
		t.Fatalf("invocation error %s: %s", res.ErrorType, res.Payload)
	}
	var r v2Response
	if err := json.Unmarshal(res.Payload, &r); err != nil {
		t.Fatalf("%v: %s", err, res.Payload)
	}
	return r
}

func TestLambdaEvents(t *testing.T) {
	c, car := pack(t, templates.HelloWasm, wftest.Spec())
	api := lambdaRig(t, car)

	r := invokeV2(t, api, v2Event("GET", "/", "name=you", "", false), 10*time.Second)
	if r.StatusCode != 200 || r.Body != "Hello, you!\n" || r.IsBase64Encoded || r.Headers["Content-Type"] != "text/plain; charset=utf-8" ||
		r.Headers["X-Wf-Function"] != c.String() {
		t.Fatalf("GET: %+v", r)
	}
	r = invokeV2(t, api, v2Event("POST", "/", "", base64.StdEncoding.EncodeToString([]byte("bytes")), true), 10*time.Second)
	if r.StatusCode != 200 || r.Body != "Hello, bytes!\n" {
		t.Fatalf("POST base64: %+v", r)
	}

	// An event that is not HTTP is an invocation error, and the runtime
	// goes on to the next one.
	res, err := api.Invoke(context.Background(), []byte(`{"Records":[{"eventSource":"aws:s3"}]}`), 10*time.Second)
	if err != nil || res.ErrorType != "Runtime.BadEvent" || !bytes.Contains(res.Payload, []byte("unsupported event")) {
		t.Fatalf("S3 event: %+v %v", res, err)
	}

	// A REST API (payload 1.0) event, multi-value headers and query.
	res, err = api.Invoke(context.Background(), []byte(`{"resource":"/{proxy+}","path":"/","httpMethod":"GET",
		"headers":{"Host":"api.example.com"},"multiValueQueryStringParameters":{"name":["rest api"]},
		"requestContext":{"identity":{"sourceIp":"192.0.2.1"}},"body":null,"isBase64Encoded":false}`), 10*time.Second)
	var v1 struct {
		StatusCode        int                 `json:"statusCode"`
		MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
		Body              string              `json:"body"`
	}
	if err != nil || res.ErrorType != "" || json.Unmarshal(res.Payload, &v1) != nil || v1.StatusCode != 200 ||
		v1.Body != "Hello, rest+api!\n" || v1.MultiValueHeaders["X-Wf-Function"][0] != c.String() {
		t.Fatalf("REST API event: %v %+v %s", err, res, res.Payload)
	}

	// Vercel's proxy event: the request as JSON in body, headers as
	// strings or arrays; the answer in base64.
	req, _ := json.Marshal(map[string]any{"method": "POST", "path": "/x?y=1", "host": "app.vercel.app",
		"headers": map[string]any{"x-forwarded-for": "198.51.100.7", "accept": []string{"text/plain", "*/*"}},
		"body":    base64.StdEncoding.EncodeToString([]byte("vercel")), "encoding": "base64"})
	ev, _ := json.Marshal(map[string]any{"Action": "Invoke", "body": string(req)})
	res, err = api.Invoke(context.Background(), ev, 10*time.Second)
	if err != nil || res.ErrorType != "" {
		t.Fatalf("Vercel: %+v %v", res, err)
	}
	var vr struct {
		StatusCode int                 `json:"statusCode"`
		Headers    map[string][]string `json:"headers"`
		Encoding   string              `json:"encoding"`
		Body       string              `json:"body"`
	}
	if err := json.Unmarshal(res.Payload, &vr); err != nil {
		t.Fatal(err)
	}
	body, _ := base64.StdEncoding.DecodeString(vr.Body)
	if vr.StatusCode != 200 || vr.Encoding != "base64" || string(body) != "Hello, vercel!\n" || vr.Headers["X-Wf-Function"][0] != c.String() {
		t.Fatalf("Vercel: %+v %q", vr, body)
	}
}

// TestLambdaDeadline: the invocation's deadline is the function's time
// limit, less export.Margin, so a runaway function answers 504 before
// Lambda would kill the runtime; binary answers go back in base64.
func TestLambdaDeadline(t *testing.T) {
	_, car := pack(t, []byte(`export default { fetch(req, env, ctx) {
		if (new URL(req.url).pathname === "/echo") return Response.json({url: req.url, script: ctx.wf.scriptName, greeting: env.GREETING, secret: env.SECRET,
			test: req.headers.get("x-test"), voucher: req.headers.get("x-wf-voucher"), cookie: req.headers.get("cookie")});
		if (new URL(req.url).pathname === "/bin") return new Response(new Uint8Array([0, 255, 1, 254]));
		if (new URL(req.url).pathname === "/big") return new Response("x".repeat(7 << 20));
		for (;;) {}
	} }`), withEnv(jsSpec(t), map[string]string{"GREETING": "from the spec"}))
	// The cloud's WF_ENV_* variables reach the function; the spec's win.
	api := lambdaRig(t, car, "WF_ENV_SECRET=s3cret", "WF_ENV_GREETING=from the cloud", "SECRET=not this", "PATH=/bin")
	start := time.Now()
	r := invokeV2(t, api, v2Event("GET", "/loop", "", "", false), 1500*time.Millisecond)
	took := time.Since(start)
	if r.StatusCode != http.StatusGatewayTimeout || !strings.Contains(r.Body, "timeout") || took > 1500*time.Millisecond {
		t.Fatalf("runaway function after %s: %+v", took, r)
	}
	// The function sees the request as on a provider, mounted at the root:
	// the protocol's headers dropped, cookies joined, https.
	r = invokeV2(t, api, v2Event("GET", "/echo", "q=1", "", false), 10*time.Second)
	var echo map[string]any
	if err := json.Unmarshal([]byte(r.Body), &echo); err != nil || echo["url"] != "https://abc.lambda-url.us-east-1.on.aws/echo?q=1" ||
		echo["script"] != "" || echo["test"] != "yes" || echo["voucher"] != nil || echo["cookie"] != "a=1; b=2" ||
		echo["secret"] != "s3cret" || echo["greeting"] != "from the spec" {
		t.Fatalf("the function saw %s (%v)", r.Body, err)
	}
	// An answer over Lambda's 6 MB fails its invocation, not the runtime.
	res, err := api.Invoke(context.Background(), v2Event("GET", "/big", "", "", false), 10*time.Second)
	if err != nil || res.ErrorType != "Function.ResponseSizeTooLarge" {
		t.Fatalf("7 MB answer: %v %s %.200s", err, res.ErrorType, res.Payload)
	}
	r = invokeV2(t, api, v2Event("GET", "/bin", "", "", false), 10*time.Second)
	if b, _ := base64.StdEncoding.DecodeString(r.Body); r.StatusCode != 200 || !r.IsBase64Encoded || !bytes.Equal(b, []byte{0, 255, 1, 254}) {
		t.Fatalf("binary body: %+v", r)
	}
}
