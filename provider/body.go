package provider

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// Defaults for reading request bodies (Config.BodyTimeout, MinBodyRate and
// BodyGrace). A body is read whole, before its request takes a slot or
// reserves a payment, so a slow sender costs the node a connection and a
// goroutine, never a slot; these bound how long even that lasts.
const (
	// DefaultBodyTimeout is the most any body may take: 30 s, the
	// function's own default maximum run time. At the default 16 MiB
	// request limit that asks for about 560 KB/s on the largest bodies.
	DefaultBodyTimeout = 30 * time.Second
	// DefaultMinBodyRate is 8 KiB/s (64 kbit/s, slower than any mobile
	// uplink still in use): after the grace, a body must have arrived at
	// least this fast on average since the request began.
	DefaultMinBodyRate = 8 << 10
	// DefaultBodyGrace is 2 s: time for a first byte (and a 100-continue
	// round trip) before the minimum rate applies.
	DefaultBodyGrace = 2 * time.Second
)

// errBodyTimeout answers a body that came too slowly.
var errBodyTimeout = &httperr.Error{Status: http.StatusRequestTimeout, Code: "request_timeout",
	Message: "the request body arrived too slowly or not at all"}

// readBody reads r's body, at most max bytes, under the connection read
// deadlines of Config.BodyTimeout, MinBodyRate and BodyGrace: after n
// bytes the next must come by start + BodyGrace + n/MinBodyRate, and all by
// start + BodyTimeout. It returns the body and how long it took.
//
// Errors are the client's: 413 over max, 408 too slow, 400 truncated or
// badly framed. After an error the connection is closed rather than
// drained. Where the connection has no deadlines (ResponseController
// reports ErrNotSupported), the body is read without them.
func (p *Provider) readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, time.Duration, error) {
	start := time.Now() // connection deadlines are wall-clock, not Config.Now
	if r.Body == nil || r.Body == http.NoBody {
		return nil, 0, nil
	}
	rc := http.NewResponseController(w)
	deadline := func(n int64) time.Time {
		d := p.cfg.BodyTimeout
		if p.cfg.MinBodyRate > 0 {
			d = min(d, p.cfg.BodyGrace+time.Duration(float64(n)/float64(p.cfg.MinBodyRate)*float64(time.Second)))
		}
		return start.Add(d)
	}
	timed := rc.SetReadDeadline(deadline(0)) == nil
	br := &deadlineReader{r: http.MaxBytesReader(w, r.Body, max)}
	if timed {
		br.after = func(n int64) { rc.SetReadDeadline(deadline(n)) }
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(min(r.ContentLength, max)))
	}
	_, err := buf.ReadFrom(br)
	took := time.Since(start)
	if err == nil {
		if timed {
			// No deadline once the body is in: a deadline passing in the
			// server's background read would cancel the request's
			// context, and so the function.
			rc.SetReadDeadline(time.Time{})
		}
		return buf.Bytes(), took, nil
	}
	// Close the connection instead of draining what is left of a body
	// that is too slow, too big or broken.
	w.Header().Set("Connection", "close")
	if timed {
		rc.SetReadDeadline(time.Now())
	}
	var mbe *http.MaxBytesError
	var ne net.Error
	switch {
	case errors.As(err, &mbe):
		return nil, took, fmt.Errorf("%w: request body over %d bytes", wf.ErrTooLarge, max)
	case errors.As(err, &ne) && ne.Timeout():
		return nil, took, fmt.Errorf("provider: read body: %d bytes in %v: %w", br.n, took.Round(time.Millisecond), errBodyTimeout)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, took, fmt.Errorf("%w: the request body ended before its declared length", wf.ErrInvalid)
	default:
		// net/http's own framing errors ("malformed chunked encoding"),
		// or the client went away.
		return nil, took, fmt.Errorf("%w: the request body could not be read: %v", wf.ErrInvalid, err)
	}
}

// deadlineReader counts what it reads and moves the read deadline on.
type deadlineReader struct {
	r     io.Reader
	n     int64
	after func(n int64)
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	k, err := d.r.Read(p)
	d.n += int64(k)
	if k > 0 && d.after != nil {
		d.after(d.n)
	}
	return k, err
}
