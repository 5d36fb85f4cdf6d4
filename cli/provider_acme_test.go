package cli_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/letsencrypt/challtestsrv"
	"github.com/letsencrypt/pebble/v2/ca"
	"github.com/letsencrypt/pebble/v2/db"
	"github.com/letsencrypt/pebble/v2/va"
	"github.com/letsencrypt/pebble/v2/wfe"

	"github.com/webfunctions/wf/wftest"
)

// A provider gets its certificate from an ACME CA on its own: a real
// one, Let's Encrypt's test CA pebble, run here on loopback with a DNS
// server that answers 127.0.0.1 for every name. The CA validates the
// provider's control of its name through the provider's own listener
// (TLS-ALPN-01) or its --acme-http server (HTTP-01), issues, and the
// provider serves HTTPS with a certificate that chains to the CA's root.
func TestProviderTLSFromACME(t *testing.T) {
	t.Setenv("PEBBLE_VA_NOSLEEP", "1")      // no random waits before validating
	t.Setenv("PEBBLE_WFE_NONCEREJECT", "0") // no deliberate bad nonces
	quiet := log.New(io.Discard, "", 0)

	dnsAddr, httpAddr := freeAddr(t), freeAddr(t)
	port, _ := strconv.Atoi(freePort(t))
	dns, err := challtestsrv.New(challtestsrv.Config{DNSAddrs: []string{dnsAddr}, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	dns.SetDefaultDNSIPv4("127.0.0.1")
	dns.SetDefaultDNSIPv6("")
	go dns.Run()
	defer dns.Shutdown()

	_, httpPort, _ := net.SplitHostPort(httpAddr)
	hp, _ := strconv.Atoi(httpPort)
	store := db.NewMemoryStore()
	authority := ca.New(quiet, store, "", "ecdsa", 0, 1, map[string]ca.Profile{"default": {Description: "default"}})
	validator := va.New(quiet, hp, port, false, dnsAddr, store)
	front := wfe.New(quiet, store, validator, authority, []string{"pebble.letsencrypt.org"}, false, false, 3, 5)
	// x/crypto/acme polls the order at the finalize answer's Location,
	// which pebble leaves out (RFC 8555 does not require it; Let's
	// Encrypt sends it): added here, pointing at the order pebble names.
	pebble := front.Handler()
	withLocation := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if id, ok := strings.CutPrefix(r.URL.Path, "/finalize-order/"); ok && w.Header().Get("Location") == "" {
			w.Header().Set("Location", "https://"+r.Host+"/my-order/"+id)
		}
		pebble.ServeHTTP(w, r)
	})
	acmeSrv := httptest.NewUnstartedServer(withLocation)
	acmeSrv.Config.ErrorLog = quiet
	acmeSrv.StartTLS() // ACME is HTTPS only
	defer acmeSrv.Close()
	caRoots := filepath.Join(t.TempDir(), "acme-ca.pem")
	os.WriteFile(caRoots, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: acmeSrv.Certificate().Raw}), 0o644)

	const host = "node.wf.test"
	dir := t.TempDir()
	logs := &wftest.LogBuffer{}
	runCommand(t, map[string]string{"WF_HOME": dir}, logs, "provider", "start",
		"--listen", "127.0.0.1:"+strconv.Itoa(port), "--public-url", "https://"+host+":"+strconv.Itoa(port),
		"--data", filepath.Join(dir, "data"), "--acme-email", "ops@wf.test",
		"--acme-directory", acmeSrv.URL+wfe.DirectoryPath, "--acme-ca-roots", caRoots, "--acme-http", httpAddr)
	if !strings.Contains(logs.String(), "tls=true") {
		t.Fatalf("start:\n%s", logs)
	}

	roots := x509.NewCertPool()
	roots.AddCert(authority.GetRootCert(0).Cert)
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: roots, ServerName: host},
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, "127.0.0.1:"+strconv.Itoa(port))
		},
	}}
	// The first handshake asks the CA: account, order, validation,
	// issuance; then the same certificate, from the cache.
	resp, err := client.Get("https://" + host + ":" + strconv.Itoa(port) + "/v1/info")
	if err != nil {
		t.Fatalf("HTTPS with a certificate from the ACME CA: %v\n%s", err, logs)
	}
	defer resp.Body.Close()
	var info map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /v1/info: %s %v", resp.Status, err)
	}
	leaf := resp.TLS.PeerCertificates[0]
	if len(leaf.DNSNames) != 1 || leaf.DNSNames[0] != host {
		t.Fatalf("certificate for %v, want %s", leaf.DNSNames, host)
	}
	// The account and certificate are kept (DATA/acme): a restart does
	// not ask the CA again.
	if matches, _ := filepath.Glob(filepath.Join(dir, "data", "acme", "*")); len(matches) < 2 {
		t.Errorf("ACME cache holds %v", matches)
	}
	// --acme-http redirects plain HTTP to https.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", "http://"+httpAddr+"/v1/info", nil)
	req.Host = host
	if r, err := noRedirect.Do(req); err != nil || r.StatusCode/100 != 3 || !strings.HasPrefix(r.Header.Get("Location"), "https://"+host) {
		t.Errorf("plain HTTP on --acme-http: %v %+v", err, r)
	}
}
