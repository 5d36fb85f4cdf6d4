package chain_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

func TestResultReceipt(t *testing.T) {
	k := chain.DevKey(1)
	fn := wf.SumCID(wf.CodecJSON, []byte("{}"))
	r := chain.ResultReceipt{Function: fn, Request: wf.RequestHash(fn, "GET", "/", "", nil), Response: wf.ResponseHash(200, nil, []byte("ok"))}
	sig, err := chain.SignResult(k, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.VerifyResult(r, sig, k.Address()); err != nil {
		t.Fatal(err)
	}
	back, bsig, err := chain.ParseResultHeader(fn, chain.FormatResultHeader(r, sig))
	if err != nil || back != r || bsig != sig {
		t.Fatalf("header round trip: %+v %v", back, err)
	}
	tampered := map[string]chain.ResultReceipt{
		"response": {Function: fn, Request: r.Request, Response: wf.ResponseHash(200, nil, []byte("no"))},
		"request":  {Function: fn, Request: wf.RequestHash(fn, "GET", "/x", "", nil), Response: r.Response},
		"function": {Function: wf.SumCID(wf.CodecJSON, []byte("[]")), Request: r.Request, Response: r.Response},
	}
	for name, x := range tampered {
		if err := chain.VerifyResult(x, sig, k.Address()); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s changed: %v", name, err)
		}
	}
	if err := chain.VerifyResult(r, sig, chain.DevKey(2).Address()); !errors.Is(err, wf.ErrInvalid) {
		t.Errorf("another signer: %v", err)
	}
	good := chain.FormatResultHeader(r, sig)
	for _, bad := range []string{"", "req=1", strings.Replace(good, "req=", "rq=", 1), strings.Replace(good, "; sig=0x", "; sig=", 1),
		good + "; x=1", strings.Repeat("a", 600), strings.Replace(good, "resp=0x", "resp=0xzz", 1)} {
		if _, _, err := chain.ParseResultHeader(fn, bad); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("ParseResultHeader(%.40q): %v", bad, err)
		}
	}
}

// What attesting costs a provider per answer, and checking the gateway.
func BenchmarkResultReceipt(b *testing.B) {
	k := chain.DevKey(1)
	fn := wf.SumCID(wf.CodecJSON, []byte("{}"))
	r := chain.ResultReceipt{Function: fn, Request: wf.RequestHash(fn, "GET", "/", "", nil), Response: wf.ResponseHash(200, nil, []byte("ok"))}
	sig, _ := chain.SignResult(k, r)
	b.Run("sign", func(b *testing.B) {
		for b.Loop() {
			chain.SignResult(k, r)
		}
	})
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			chain.VerifyResult(r, sig, k.Address())
		}
	})
}
