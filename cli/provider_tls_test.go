package cli_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/wftest"
)

// A provider serves HTTPS itself from certificate files, and says so in
// its public URL.
func TestProviderTLSFromFiles(t *testing.T) {
	dir := t.TempDir()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "node.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)

	env := map[string]string{"WF_HOME": dir}
	logs := &wftest.LogBuffer{}
	runCommand(t, env, logs, "provider", "start", "--listen", "127.0.0.1:0", "--data", filepath.Join(dir, "data"), "--tls-cert", certFile, "--tls-key", keyFile)
	if !strings.Contains(logs.String(), "tls=true") || !strings.Contains(logs.String(), "url=https://127.0.0.1:") {
		t.Fatalf("start:\n%s", logs)
	}
	url := strings.Fields(logs.String()[strings.Index(logs.String(), "url=https://"):])[0][len("url="):]

	pool := x509.NewCertPool()
	cert, _ := x509.ParseCertificate(der)
	pool.AddCert(cert)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := c.Get(url + "/v1/info")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var info map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil || resp.StatusCode != 200 || resp.TLS == nil {
		t.Fatalf("GET /v1/info over TLS: %v %v", resp.Status, err)
	}
	// Plain HTTP to the TLS port gets nowhere.
	if resp, err := http.Get(strings.Replace(url, "https://", "http://", 1) + "/v1/info"); err == nil && resp.StatusCode == 200 {
		t.Fatal("the TLS port answered plain HTTP")
	}
	// Half a pair is refused before anything starts.
	if _, err := wf(t, env, "provider", "start", "--listen", "127.0.0.1:0", "--tls-cert", certFile); err == nil || !strings.Contains(err.Error(), "--tls-cert and --tls-key go together") {
		t.Fatalf("--tls-cert alone: %v", err)
	}
}
