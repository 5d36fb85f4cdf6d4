package sandbox_test

import (
	"bytes"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/webfunctions/wf/sandbox"
)

func TestParseCGIResponse(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		wantStatus int
		wantHeader http.Header
		wantBody   string
		wantErr    string // substring; "" means no error
	}{
		{
			name:       "WAGI minimal, LF",
			in:         "Content-Type: text/plain\n\nhello world\n",
			wantStatus: 200,
			wantHeader: http.Header{"Content-Type": {"text/plain"}},
			wantBody:   "hello world\n",
		},
		{
			name:       "CRLF with Status and reason",
			in:         "Status: 404 Not Found\r\nContent-Type: text/html\r\n\r\n<h1>nope</h1>",
			wantStatus: 404,
			wantHeader: http.Header{"Content-Type": {"text/html"}},
			wantBody:   "<h1>nope</h1>",
		},
		{
			name:       "mixed line ends, lower-case names, no space",
			in:         "content-type:text/plain\r\nx-a:  1 \n\r\nbody\r\n\r\nmore",
			wantStatus: 200,
			wantHeader: http.Header{"Content-Type": {"text/plain"}, "X-A": {"1"}},
			wantBody:   "body\r\n\r\nmore",
		},
		{
			name:       "Location alone is a 302",
			in:         "Location: https://example.com/\n\n",
			wantStatus: 302,
			wantHeader: http.Header{"Location": {"https://example.com/"}},
		},
		{
			name:       "local Location alone is a 302 too",
			in:         "Location: /other\n\n",
			wantStatus: 302,
			wantHeader: http.Header{"Location": {"/other"}},
		},
		{
			name:       "Location with Status keeps the Status",
			in:         "Location: /x\nStatus: 301\n\n",
			wantStatus: 301,
			wantHeader: http.Header{"Location": {"/x"}},
		},
		{
			name:       "Status alone, empty body",
			in:         "Status: 204\n\n",
			wantStatus: 204,
			wantHeader: http.Header{},
		},
		{
			name:       "repeated headers kept in order, framing dropped",
			in:         "Content-Type: a\nSet-Cookie: 1\nSet-Cookie: 2\nContent-Length: 999\nTransfer-Encoding: chunked\nConnection: close\nContent-Type: b\n\n",
			wantStatus: 200,
			wantHeader: http.Header{"Content-Type": {"b"}, "Set-Cookie": {"1", "2"}},
		},
		{name: "empty", in: "", wantErr: "no blank line"},
		{name: "no header block", in: "hello world\n", wantErr: "without a colon"},
		{name: "headers without blank line", in: "Content-Type: text/plain\n", wantErr: "no blank line"},
		{name: "body first", in: "hello world\n\nbody", wantErr: "without a colon"},
		{name: "blank line only", in: "\nbody", wantErr: "none of Content-Type"},
		{name: "no CGI field", in: "X-Foo: bar\n\n", wantErr: "none of Content-Type"},
		{name: "continuation", in: "Content-Type: a\n b\n\n", wantErr: "continuation"},
		{name: "space in name", in: "Content Type: a\n\n", wantErr: "invalid header name"},
		{name: "empty name", in: ": a\n\n", wantErr: "invalid header name"},
		{name: "control char", in: "Content-Type: a\x00b\n\n", wantErr: "control character"},
		{name: "bare CR in value", in: "Content-Type: a\rX-Evil: 1\n\n", wantErr: "control character"},
		{name: "status not a number", in: "Status: OK\n\n", wantErr: "bad Status"},
		{name: "status too long", in: "Status: 2000\n\n", wantErr: "bad Status"},
		{name: "status 1xx", in: "Status: 101 Switching Protocols\n\n", wantErr: "out of range"},
		{name: "status 600", in: "Status: 600\n\n", wantErr: "out of range"},
		{name: "header block over 64 KiB", in: "Content-Type: a\nX: " + strings.Repeat("a", 70000) + "\n\n", wantErr: "over 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, hdr, body, err := sandbox.ParseCGIResponse([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if status != tt.wantStatus || !reflect.DeepEqual(hdr, tt.wantHeader) || string(body) != tt.wantBody {
				t.Errorf("got %d %v %q, want %d %v %q", status, hdr, body, tt.wantStatus, tt.wantHeader, tt.wantBody)
			}
		})
	}
}

// formatCGI writes a parsed response back as CGI output, never longer than
// the output it was parsed from, so the 64 KiB header bound cannot make a
// valid input's re-parse fail. Status is written only where it is not
// implied.
func formatCGI(status int, hdr http.Header, body []byte) []byte {
	var b bytes.Buffer
	implied := 200
	if hdr.Get("Location") != "" {
		implied = 302
	}
	_, hasType := hdr["Content-Type"]
	_, hasLocation := hdr["Location"]
	if status != implied || (!hasType && !hasLocation) {
		fmt.Fprintf(&b, "Status:%d\n", status)
	}
	for _, k := range slices.Sorted(maps.Keys(hdr)) {
		for _, v := range hdr[k] {
			fmt.Fprintf(&b, "%s:%s\n", k, v)
		}
	}
	b.WriteString("\n")
	b.Write(body)
	return b.Bytes()
}

func FuzzParseCGIResponse(f *testing.F) {
	for _, s := range []string{
		"Content-Type: text/plain\n\nhello world\n",
		"Status: 404 Not Found\r\nContent-Type: text/html\r\n\r\n<h1>nope</h1>",
		"Location: /x\n\n",
		"Location: https://example.com/\nStatus: 301 Moved\n\n",
		"Status: 204\n\n",
		"content-type:a\r\nSet-Cookie: 1\nSet-Cookie: 2\n\r\nbody",
		"hello\n",
		"\n\n",
		"Content-Type: a\n b\n\n",
		"Status: 1000\n\n",
		"X: \xff\nStatus: 200\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		status, hdr, body, err := sandbox.ParseCGIResponse(in)
		if err != nil {
			return
		}
		if status < 100 || status > 999 {
			t.Fatalf("status %d", status)
		}
		if !bytes.HasSuffix(in, body) {
			t.Fatalf("body %q is not the tail of the input", body)
		}
		status2, hdr2, body2, err := sandbox.ParseCGIResponse(formatCGI(status, hdr, body))
		if err != nil {
			t.Fatalf("re-parse: %v", err)
		}
		if status2 != status || !reflect.DeepEqual(hdr2, hdr) || !bytes.Equal(body2, body) {
			t.Fatalf("re-parse gave %d %v %q, first %d %v %q", status2, hdr2, body2, status, hdr, body)
		}
	})
}
