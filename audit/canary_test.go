package audit

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wftest"
)

// The canary runs in the real sandbox and answers what the auditor
// expects; memory beyond the provider's maximum is refused.
func TestCanaryAnswers(t *testing.T) {
	e := wftest.New(t, wftest.Options{Sandbox: sandbox.Config{MaxMemoryPages: 32}})
	key := [canaryKeyLen]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	s := wftest.Spec()
	s.Limits.MemoryPages = 32
	s.Limits.TimeoutMS = 300
	t.Logf("canary module: %d bytes", len(canaryModule(key)))
	c := e.Deploy(t, canaryModule(key), s)
	call := func(body []byte) (int, string) {
		res, err := http.Post(e.URL+"/"+c.String()+"/", "application/octet-stream", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, strings.TrimSpace(string(b))
	}
	hb := append([]byte("H"), bytes.Repeat([]byte("nonce-"), 3000)...) // several reads
	for name, tc := range map[string]struct {
		body []byte
		want string
	}{
		"hash":        {hb, canaryHash(key, hb)},
		"short hash":  {[]byte("H"), canaryHash(key, []byte("H"))},
		"cpu":         {canaryBody('C', 1_000_000), canaryCPU(1_000_000)},
		"memory max":  {canaryBody('M', 32), canaryGrown},
		"memory over": {canaryBody('M', 33), canaryOOM},
		"unknown":     {[]byte("?"), "ffffffffffffffff"},
		"sleeper":     {[]byte("S"), "timeout"},
	} {
		t.Run(name, func(t *testing.T) {
			st, got := call(tc.body)
			if tc.want == "timeout" {
				if st != http.StatusGatewayTimeout {
					t.Fatalf("sleeper: status %d %q, want 504", st, got)
				}
				return
			}
			if st != 200 || got != tc.want {
				t.Fatalf("status %d answer %q, want %q", st, got, tc.want)
			}
		})
	}
	// A fresh key is a fresh module, hence a fresh CID.
	key[0]++
	if c2 := e.Deploy(t, canaryModule(key), s); c2 == c {
		t.Fatal("same CID for another key")
	}
}
