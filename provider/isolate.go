package provider

import (
	"net/http"
	"strings"
)

// Functions on a provider share its origin, and through a gateway's smart
// route every provider's functions share the gateway's. The provider keeps
// them apart in browsers with what it adds to responses; see "Functions
// share an origin" in RATIONALE.md.

// sandboxCSP is the policy a function's response gets when it sets none of
// its own: its pages run scripts, submit forms and open windows, but in an
// opaque origin, so they cannot read other functions' responses or cookies,
// nor its own storage. Without allow-same-origin on purpose.
const sandboxCSP = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads"

// prefixHeader names the path a proxy in front of the provider serves it
// under (a gateway's "/p/<name>"); the function's cookies are scoped below it.
const prefixHeader = "X-Forwarded-Prefix"

// isolate adds the default isolation headers to a function's response
// header h and scopes its cookies to scope, the function's own path.
// A function that sets its own Content-Security-Policy keeps it: that is
// how an owner opts out of the sandbox until the spec has a field for it.
func isolate(h http.Header, scope string) {
	if cs := h.Values("Set-Cookie"); len(cs) > 0 {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = scopeCookie(c, scope)
		}
		h["Set-Cookie"] = out
	}
	if len(h.Values("Content-Security-Policy")) == 0 {
		h.Set("Content-Security-Policy", sandboxCSP)
	}
	if h.Get("X-Content-Type-Options") == "" {
		h.Set("X-Content-Type-Options", "nosniff")
	}
}

// scopeCookie rewrites a Set-Cookie value so the browser sends the cookie
// only to path: its Path becomes path and its Domain goes (a function may
// not set cookies for a parent domain, nor for other hosts of this one).
// The name, value and other attributes are kept as the function wrote them.
func scopeCookie(c, path string) string {
	parts := strings.Split(c, ";")
	var b strings.Builder
	b.WriteString(strings.TrimSpace(parts[0]))
	for _, a := range parts[1:] {
		a = strings.TrimSpace(a)
		name, _, _ := strings.Cut(a, "=")
		switch name = strings.TrimSpace(name); {
		case a == "", strings.EqualFold(name, "Path"), strings.EqualFold(name, "Domain"):
			continue
		}
		b.WriteString("; ")
		b.WriteString(a)
	}
	b.WriteString("; Path=")
	b.WriteString(path)
	return b.String()
}

// cookiePath is the path the caller's browser addressed the function by:
// "/<cid>/" as spelled in the request, below the prefix a proxy says it serves the provider under.
// Whatever the prefix, the path ends in the function's own CID segment, so
// a forged prefix can only scope a cookie to a path that reaches the same
// function or nothing; a malformed one is ignored.
func cookiePath(r *http.Request) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	prefix := strings.TrimSuffix(r.Header.Get(prefixHeader), "/")
	if !validPrefix(prefix) {
		prefix = ""
	}
	return prefix + "/" + seg + "/"
}

func validPrefix(p string) bool {
	if p == "" || p[0] != '/' || len(p) > 256 {
		return false
	}
	for _, c := range []byte(p) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("/-._~%", c) >= 0:
		default:
			return false
		}
	}
	return !strings.Contains(p, "//") && !strings.Contains(p, "/.")
}
