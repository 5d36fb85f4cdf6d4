package provider_test

import (
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/webfunctions/wf/wftest"
)

const cookieGuestDir = "provider/testdata/cookie"

// Finding 5: functions on a provider share its origin. Before, a function
// that set "Path=/" (or was called without a trailing slash, which makes
// the browser's default path "/") had its cookies sent to every other
// function, which read them in HTTP_COOKIE.
func TestCookiesStayWithTheirFunction(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	guest := wftest.GoGuest(t, cookieGuestDir)
	deploy := func(who string) string {
		s := wftest.Spec()
		s.Env = map[string]string{"WHO": who}
		return env.Deploy(t, guest, s).String()
	}
	a, b := deploy("a"), deploy("b")

	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar}
	call := func(cid, path string, headers ...string) (*http.Response, map[string]string) {
		t.Helper()
		q := url.Values{"h": headers}
		resp, err := c.Get(env.URL + "/" + cid + path + "?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]string
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	host := strings.TrimPrefix(env.URL, "http://")
	host, _, _ = strings.Cut(host, ":")
	resp, _ := call(a, "/login",
		"Set-Cookie: session=a-secret; Path=/; Domain="+host+"; HttpOnly",
		"Set-Cookie: plain=a")
	want := []string{
		"session=a-secret; HttpOnly; Path=/" + a + "/",
		"plain=a; Path=/" + a + "/",
	}
	if got := resp.Header.Values("Set-Cookie"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("A's Set-Cookie = %q, want %q", got, want)
	}

	// The path form without a trailing slash: a browser's default cookie
	// path would be "/", every function's.
	if resp, err := c.Get(env.URL + "/" + a + "?h=Set-Cookie:+bare%3Da"); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
		if got := resp.Header.Get("Set-Cookie"); got != "bare=a; Path=/"+a+"/" {
			t.Errorf("A's Set-Cookie at /<cid> = %q", got)
		}
	}

	if _, body := call(a, "/again"); !strings.Contains(body["cookie"], "session=a-secret") {
		t.Errorf("A was not given its own cookie back: %q", body["cookie"])
	}
	if _, body := call(b, "/"); body["cookie"] != "" {
		t.Errorf("B was given cookies %q; want none", body["cookie"])
	}

	// Through a proxy that serves the provider under a prefix, the cookie
	// is scoped to the path the browser sees.
	req, _ := http.NewRequest("GET", env.URL+"/"+a+"/?h=Set-Cookie:+p%3D1", nil)
	req.Header.Set("X-Forwarded-Prefix", "/p/alice")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
		if got := resp.Header.Get("Set-Cookie"); got != "p=1; Path=/p/alice/"+a+"/" {
			t.Errorf("Set-Cookie behind a prefix = %q", got)
		}
	}
}

func TestFunctionPagesAreSandboxed(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, wftest.GoGuest(t, cookieGuestDir), wftest.Spec()).String()
	const sandbox = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads"
	for _, tc := range []struct {
		name, header string
		csp          []string
		nosniff      string
	}{
		{"default", "", []string{sandbox}, "nosniff"},
		// A function may add a policy (browsers enforce both) but not
		// drop the sandbox: in the shared origin it could read every other
		// function's responses.
		{"own policy", "Content-Security-Policy: default-src 'self'", []string{"default-src 'self'", sandbox}, "nosniff"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := env.URL + "/" + fn + "/"
			if tc.header != "" {
				u += "?" + url.Values{"h": {tc.header}}.Encode()
			}
			resp, err := http.Get(u)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if got := resp.Header.Values("Content-Security-Policy"); !slices.Equal(got, tc.csp) {
				t.Errorf("Content-Security-Policy = %q, want %q", got, tc.csp)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != tc.nosniff {
				t.Errorf("X-Content-Type-Options = %q, want %q", got, tc.nosniff)
			}
		})
	}
}
