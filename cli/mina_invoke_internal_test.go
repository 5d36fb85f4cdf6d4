package cli

import (
	"testing"

	"github.com/webfunctions/wf/wf"
)

// wireTarget gives the path and query the provider sees (escaped as on the
// wire, after /{cid}), which the request's session signature covers.
func TestWireTarget(t *testing.T) {
	fn, err := wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ base, path, wantPath, wantQuery string }{
		{"http://p:8080", "/", "/", ""},
		{"http://p:8080/", "/?name=you", "/", "name=you"},
		{"http://p:8080", "a%20b/c%2Fd?x=1&y=%20", "/a%20b/c%2Fd", "x=1&y=%20"},
		{"http://p:8080", "a b/c%2Fd", "/a%20b/c/d", ""}, // not a valid escaping: net/http sends Path escaped again
		{"https://gw.example/p/alpha", "/hello?q=go", "/hello", "q=go"},
	} {
		p, q, err := wireTarget(tc.base, fn, tc.path)
		if err != nil || p != tc.wantPath || q != tc.wantQuery {
			t.Errorf("wireTarget(%q, %q) = %q, %q, %v; want %q, %q", tc.base, tc.path, p, q, err, tc.wantPath, tc.wantQuery)
		}
	}
}
