package wf_test

import (
	"net/http"
	"testing"

	"github.com/webfunctions/wf/wf"
)

func TestResponseHash(t *testing.T) {
	base := func() http.Header {
		return http.Header{"Content-Type": {"text/plain"}, "Set-Cookie": {"a=1", "b=2"}}
	}
	h0 := wf.ResponseHash(200, base(), []byte("hi"))
	same := map[string]http.Header{
		"per-provider headers differ": {"Content-Type": {"text/plain"}, "Set-Cookie": {"a=1", "b=2"},
			"Date": {"Mon"}, "Content-Length": {"2"}, "X-Wf-Receipt": {"r"}, "X-Wf-Result": {"x"}, "X-Request-Id": {"1"}, "X-WF-Price": {"3"}},
		"name spelling": {"content-type": {"text/plain"}, "SET-COOKIE": {"a=1", "b=2"}},
	}
	for name, h := range same {
		if got := wf.ResponseHash(200, h, []byte("hi")); got != h0 {
			t.Errorf("%s: hash changed", name)
		}
	}
	differ := map[string]func() wf.Hash{
		"status": func() wf.Hash { return wf.ResponseHash(201, base(), []byte("hi")) },
		"body":   func() wf.Hash { return wf.ResponseHash(200, base(), []byte("ho")) },
		"header value": func() wf.Hash {
			h := base()
			h.Set("Content-Type", "text/html")
			return wf.ResponseHash(200, h, []byte("hi"))
		},
		"value order": func() wf.Hash {
			h := base()
			h["Set-Cookie"] = []string{"b=2", "a=1"}
			return wf.ResponseHash(200, h, []byte("hi"))
		},
		"added header": func() wf.Hash { h := base(); h.Set("Location", "/x"); return wf.ResponseHash(200, h, []byte("hi")) },
		"dropped":      func() wf.Hash { h := base(); h.Del("Set-Cookie"); return wf.ResponseHash(200, h, []byte("hi")) },
		"values joined": func() wf.Hash {
			h := base()
			h["Set-Cookie"] = []string{"a=1b=2"}
			return wf.ResponseHash(200, h, []byte("hi"))
		},
	}
	for name, f := range differ {
		if f() == h0 {
			t.Errorf("%s: same hash", name)
		}
	}
	// Two spellings of one header hash the same whatever the map order.
	two := http.Header{"X-A": {"1"}, "x-a": {"2"}}
	first := wf.ResponseHash(200, two, nil)
	for range 20 {
		if wf.ResponseHash(200, http.Header{"x-a": {"2"}, "X-A": {"1"}}, nil) != first {
			t.Fatal("hash depends on map order")
		}
	}
}

func TestRequestHash(t *testing.T) {
	c := wf.SumCID(wf.CodecJSON, []byte("{}"))
	h0 := wf.RequestHash(c, "GET", "/a", "b=1", nil)
	if wf.RequestHash(c, "GET", "/a", "b=1", []byte{}) != h0 {
		t.Error("nil and empty bodies differ")
	}
	for name, h := range map[string]wf.Hash{
		"function": wf.RequestHash(wf.SumCID(wf.CodecJSON, []byte("[]")), "GET", "/a", "b=1", nil),
		"method":   wf.RequestHash(c, "POST", "/a", "b=1", nil),
		"path":     wf.RequestHash(c, "GET", "/ab", "=1", nil),
		"query":    wf.RequestHash(c, "GET", "/a", "b=2", nil),
		"body":     wf.RequestHash(c, "GET", "/a", "b=1", []byte("x")),
	} {
		if h == h0 {
			t.Errorf("%s: same hash", name)
		}
	}
	var back wf.Hash
	if b, _ := h0.MarshalText(); back.UnmarshalText(b) != nil || back != h0 {
		t.Error("text round trip")
	}
	for _, bad := range []string{"", "0x", "00" + h0.String()[2:], h0.String() + "0", "0x" + string(make([]byte, 64))} {
		if back.UnmarshalText([]byte(bad)) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
