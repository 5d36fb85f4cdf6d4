package provider

import (
	"net/http/httptest"
	"testing"
)

func TestScopeCookie(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"bare", "a=1", "a=1; Path=/f/"},
		{"path and domain", "a=1; Path=/; Domain=.example.com; Secure", "a=1; Secure; Path=/f/"},
		{"case and spacing", "a=1 ;path = /x;DOMAIN=example.com;  HttpOnly ;", "a=1; HttpOnly; Path=/f/"},
		{"value like an attribute", "a=Path=/; Max-Age=60", "a=Path=/; Max-Age=60; Path=/f/"},
		{"two paths", "a=1; Path=/; Path=/other", "a=1; Path=/f/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scopeCookie(tc.in, "/f/"); got != tc.want {
				t.Errorf("scopeCookie(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCookiePath(t *testing.T) {
	for _, tc := range []struct{ name, path, prefix, want string }{
		{"no prefix", "/bafyx/a/b", "", "/bafyx/"},
		{"cid only", "/bafyx", "", "/bafyx/"},
		{"escaped as sent", "/%62afyx/a", "", "/%62afyx/"},
		{"gateway prefix", "/bafyx/a", "/p/alice", "/p/alice/bafyx/"},
		{"trailing slash", "/bafyx/a", "/p/alice/", "/p/alice/bafyx/"},
		{"attribute smuggling", "/bafyx/a", "/p; Domain=evil", "/bafyx/"},
		{"relative", "/bafyx/a", "p/alice", "/bafyx/"},
		{"dot segment", "/bafyx/a", "/p/../x", "/bafyx/"},
		{"root", "/bafyx/a", "/", "/bafyx/"},
		// Only the gateway's /p/<name> is believed: another function's
		// CID as a prefix would place the cookie under the victim's path.
		{"another function", "/bafyx/a", "/bafyvictim", "/bafyx/"},
		{"below a name", "/bafyx/a", "/p/alice/bafyvictim", "/bafyx/"},
		{"name with a dot", "/bafyx/a", "/p/a.b", "/bafyx/"},
		{"name starting with a hyphen", "/bafyx/a", "/p/-x", "/bafyx/"},
		{"empty name", "/bafyx/a", "/p/", "/bafyx/"},
		{"hyphenated name", "/bafyx/a", "/p/a-1", "/p/a-1/bafyx/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.path, nil)
			if tc.prefix != "" {
				r.Header.Set(prefixHeader, tc.prefix)
			}
			if got := cookiePath(r); got != tc.want {
				t.Errorf("cookiePath = %q, want %q", got, tc.want)
			}
		})
	}
}
