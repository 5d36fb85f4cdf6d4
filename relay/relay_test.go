package relay_test

import (
	"bufio"
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/relay"
	"github.com/webfunctions/wf/wf"
)

func TestReadMessage(t *testing.T) {
	const login = `{"name":"alice","address":"0x1111111111111111111111111111111111111111","signature":"0x` +
		"1111111111111111111111111111111111111111111111111111111111111111" +
		"1111111111111111111111111111111111111111111111111111111111111111" + `1b"}`
	tests := []struct {
		name, line string
		ok         bool
	}{
		{"login", login + "\n", true},
		{"CRLF", login + "\r\n", true},
		{"trailing garbage", login + ` trailing garbage {"name":"mallory"}` + "\n", false},
		{"second object", login + `{"name":"mallory"}` + "\n", false},
		{"trailing brace", login + "}\n", false},
		{"unknown field", strings.Replace(login, `"name"`, `"names":[],"name"`, 1) + "\n", false},
		{"not json", "hello\n", false},
		{"too long", strings.Repeat(" ", relay.MaxLine) + login + "\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rest := "GET / HTTP/1.1\r\n"
			r := bufio.NewReader(strings.NewReader(tc.line + rest))
			var l relay.Login
			err := relay.ReadMessage(r, &l)
			if !tc.ok {
				if !errors.Is(err, wf.ErrInvalid) {
					t.Fatalf("ReadMessage = %v (name %q), want wf.ErrInvalid", err, l.Name)
				}
				return
			}
			if err != nil || l.Name != "alice" {
				t.Fatalf("ReadMessage = %v, name %q", err, l.Name)
			}
			// What follows the line is left for HTTP.
			if after, _ := r.ReadString('\n'); after != rest {
				t.Errorf("after the message: %q, want %q", after, rest)
			}
		})
	}
}
