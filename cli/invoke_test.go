package cli_test

import (
	"strings"
	"testing"

	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// wf invoke prints what curl would: the body, with -i the status line and
// headers first, also for an error answer.
func TestInvokePrints(t *testing.T) {
	env := wftest.New(t, wftest.Options{})
	fn := env.Deploy(t, templates.HelloWasm, wftest.Spec()).String()
	unknown := "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea"
	tests := []struct {
		name    string
		args    []string
		prefix  string   // of stdout
		has     []string // in stdout
		suffix  string   // of stdout
		wantErr string
	}{
		{"body", []string{"invoke", fn, "/?name=you"}, "Hello, you!\n", nil, "", ""},
		{"post", []string{"invoke", fn, "-d", "gopher"}, "Hello, gopher!\n", nil, "", ""},
		{"include", []string{"invoke", fn, "/?name=you", "-i"}, "HTTP/1.1 200 OK\n",
			[]string{"\r\nContent-Type: text/plain; charset=utf-8\r\n", "X-Request-Id: "}, "\r\n\nHello, you!\n", ""},
		{"include, error answer", []string{"invoke", unknown, "-i"}, "HTTP/1.1 404 Not Found\n",
			[]string{"Content-Type: application/json\r\n"}, "\r\n\n", "404 not_found"},
		{"bad header", []string{"invoke", fn, "-H", "no colon"}, "", nil, "", "must be 'Name: value'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := wfIn(t, t.TempDir(), "", append(tc.args, "--provider", env.URL)...)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			if !strings.HasPrefix(out, tc.prefix) || !strings.HasSuffix(out, tc.suffix) {
				t.Errorf("printed %q, want %q ... %q", out, tc.prefix, tc.suffix)
			}
			for _, s := range tc.has {
				if !strings.Contains(out, s) {
					t.Errorf("printed %q, want it to hold %q", out, s)
				}
			}
		})
	}
}
