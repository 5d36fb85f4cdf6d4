package provider

import (
	"net/http"
	"strings"
)

// Functions on a provider share its origin, and through a gateway's smart
// route every provider's functions share the gateway's. The provider keeps
// them apart in browsers with what it adds to responses; see "Functions
// share an origin" in RATIONALE.md.

// sandboxCSP is the policy every function's response gets: its pages run
// scripts, submit forms and open windows, but in an opaque origin, so they
// cannot read other functions' responses or cookies, nor its own storage.
// Without allow-same-origin on purpose.
const sandboxCSP = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads"

// prefixHeader names the path a proxy in front of the provider serves it
// under (a gateway's "/p/<name>"); the function's cookies are scoped below it.
const prefixHeader = "X-Forwarded-Prefix"

// isolate adds the isolation headers to a function's response header h
// and scopes its cookies to scope, the function's own path. The sandbox
// policy is added beside any policy the function sets: browsers enforce
// every Content-Security-Policy header, so a function can tighten its
// policy but not drop the sandbox (one that could would run in the shared
// origin and read every other function's responses and cookies).
func isolate(h http.Header, scope string) {
	if cs := h.Values("Set-Cookie"); len(cs) > 0 {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = scopeCookie(c, scope)
		}
		h["Set-Cookie"] = out
	}
	if csp := h["Content-Security-Policy"]; len(csp) > 0 {
		h["Content-Security-Policy"] = append(csp[:len(csp):len(csp)], sandboxCSP)
	} else {
		h["Content-Security-Policy"] = sandboxCSPValues
	}
	if h.Get("X-Content-Type-Options") == "" {
		h["X-Content-Type-Options"] = nosniffValues
	}
}

// The values isolate sets, shared by every response (no allocation per
// request). Their capacity is their length, so an Add to the header
// copies them; nothing writes into a response header's values in place,
// and net/http copies the header before sending it.
var (
	sandboxCSPValues = []string{sandboxCSP}[:1:1]
	nosniffValues    = []string{"nosniff"}[:1:1]
)

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
// "/<cid>/" as spelled in the request, below the prefix a gateway says it
// serves the provider under. Only the gateway's own form, "/p/<name>" with
// a DNS label for name, is believed: any other prefix could place the
// cookie under another function's path ("/<victim>/<cid>/" routes to the
// victim), so it is ignored.
func cookiePath(r *http.Request) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	prefix := strings.TrimSuffix(r.Header.Get(prefixHeader), "/")
	if !validPrefix(prefix) {
		prefix = ""
	}
	return prefix + "/" + seg + "/"
}

// validPrefix reports whether p is "/p/<name>" with name a DNS label (what
// the gateway sends on its path route).
func validPrefix(p string) bool {
	name, ok := strings.CutPrefix(p, "/p/")
	if !ok || name == "" || len(name) > 63 || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
