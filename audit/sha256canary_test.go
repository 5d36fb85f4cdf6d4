package audit

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"io"
	"net/http"
	"testing"

	"github.com/webfunctions/wf/wftest"
)

// The sha256 canary runs in the real sandbox and answers SHA-256 of the
// body for every length around the padding's edges and across many
// reads; another nonce is another CID.
func TestSHA256CanaryAnswers(t *testing.T) {
	e := wftest.New(t, wftest.Options{})
	mod := sha256CanaryModule([]byte("nonce-1"))
	t.Logf("sha256 canary module: %d bytes", len(mod))
	c := e.Deploy(t, mod, wftest.Spec())
	big := make([]byte, 200_000)
	rand.Read(big)
	for _, n := range []int{0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4097, len(big)} {
		body := big[:n]
		res, err := http.Post(e.URL+"/"+c.String()+"/", "application/octet-stream", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want := sha256.Sum256(body)
		if res.StatusCode != 200 || !bytes.Equal(got, want[:]) {
			t.Fatalf("%d bytes: status %d answer %x, want %x", n, res.StatusCode, got, want)
		}
	}
	if c2 := e.Deploy(t, sha256CanaryModule([]byte("nonce-2")), wftest.Spec()); c2 == c {
		t.Fatal("same CID for another nonce")
	}
}
