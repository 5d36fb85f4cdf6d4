package sandbox

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
)

// maxHeaderBlock bounds the CGI header block so a function cannot make the
// host build a huge header map out of a response that is otherwise in limits.
const maxHeaderBlock = 64 << 10

// Headers a function may not set: framing and hop-by-hop headers belong to
// the host's HTTP server, which computes them for the body it sends.
var droppedResponseHeaders = map[string]bool{
	"Connection":        true,
	"Content-Length":    true,
	"Keep-Alive":        true,
	"Proxy-Connection":  true,
	"Te":                true,
	"Trailer":           true,
	"Transfer-Encoding": true,
	"Upgrade":           true,
}

// ParseCGIResponse parses a CGI response (RFC 3875 section 6) as a WAGI
// function writes it to stdout: header lines ending in LF or CRLF, a blank
// line, then the body.
//
// The header block must hold at least one of Content-Type, Location or
// Status. Status is "NNN" or "NNN reason" with NNN in 200..599 (1xx would be
// taken by Go's HTTP server as an interim response). Without Status, a
// Location answers 302 and anything else 200. A Location that is a local
// path is sent to the client as a redirect too: the host does not re-run the
// request internally. Content-Type, Location and Status are single-valued
// (the last one wins, as in WAGI); other headers keep every value in order.
// Connection, Content-Length, Keep-Alive, Proxy-Connection, TE, Trailer,
// Transfer-Encoding and Upgrade are dropped. Status itself is not in hdr.
//
// A missing blank line, a line without a colon, a continuation line, an
// invalid header name, a control character in a value, a bad Status or a
// header block over 64 KiB is an error. body aliases b.
func ParseCGIResponse(b []byte) (status int, hdr http.Header, body []byte, err error) {
	hdr = http.Header{}
	var sawStatus, sawCGIField bool
	rest := b
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return 0, nil, nil, errors.New("cgi: no blank line ends the header block")
		}
		if len(b)-len(rest)+i+1 > maxHeaderBlock {
			return 0, nil, nil, errors.New("cgi: header block over 64 KiB")
		}
		line := rest[:i]
		rest = rest[i+1:]
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			body = rest
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			return 0, nil, nil, errors.New("cgi: continuation lines are not supported")
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, nil, nil, fmt.Errorf("cgi: header line without a colon: %.40q", line)
		}
		name = bytes.TrimRight(name, " \t")
		if !validHeaderName(name) {
			return 0, nil, nil, fmt.Errorf("cgi: invalid header name %.40q", name)
		}
		value = bytes.Trim(value, " \t")
		if !validHeaderValue(value) {
			return 0, nil, nil, fmt.Errorf("cgi: control character in the value of %s", name)
		}
		key := http.CanonicalHeaderKey(string(name))
		switch key {
		case "Status":
			code, err := parseStatus(value)
			if err != nil {
				return 0, nil, nil, err
			}
			status, sawStatus, sawCGIField = code, true, true
		case "Content-Type", "Location":
			hdr.Set(key, string(value))
			sawCGIField = true
		default:
			if !droppedResponseHeaders[key] {
				hdr.Add(key, string(value))
			}
		}
	}
	if !sawCGIField {
		return 0, nil, nil, errors.New("cgi: header block has none of Content-Type, Location or Status")
	}
	switch {
	case sawStatus:
	case hdr.Get("Location") != "":
		status = http.StatusFound
	default:
		status = http.StatusOK
	}
	return status, hdr, body, nil
}

// parseStatus reads "NNN" or "NNN reason-phrase".
func parseStatus(v []byte) (int, error) {
	if len(v) < 3 || (len(v) > 3 && v[3] != ' ' && v[3] != '\t') {
		return 0, fmt.Errorf("cgi: bad Status %.40q", v)
	}
	code := 0
	for _, c := range v[:3] {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("cgi: bad Status %.40q", v)
		}
		code = code*10 + int(c-'0')
	}
	if code < 200 || code > 599 {
		return 0, fmt.Errorf("cgi: Status %d out of range 200..599", code)
	}
	return code, nil
}

// validHeaderName reports whether b is an RFC 9110 token.
func validHeaderName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !isTokenChar(c) {
			return false
		}
	}
	return true
}

func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return bytes.IndexByte([]byte("!#$%&'*+-.^_`|~"), c) >= 0
}

// validHeaderValue rejects control characters other than tab, which would
// let a function split or smuggle a response.
func validHeaderValue(b []byte) bool {
	for _, c := range b {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}
