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
	// DefaultWriteTimeout is the most a function's answer may take to be
	// read: 30 s, as for a request body.
	DefaultWriteTimeout = 30 * time.Second
)

// errBodyTimeout answers a body that came too slowly.
var errBodyTimeout = &httperr.Error{Status: http.StatusRequestTimeout, Code: "request_timeout",
	Message: "the request body arrived too slowly or not at all"}

// readBody reads r's body whole, at most max bytes, under the deadlines
// of Config.BodyTimeout, MinBodyRate and BodyGrace (see newBodyReader), and
// returns it and how long it took.
func (p *Provider) readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, time.Duration, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, 0, nil
	}
	br := p.newBodyReader(w, r, max, p.cfg.BodyTimeout)
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(min(r.ContentLength, max)))
	}
	_, err := buf.ReadFrom(br)
	br.done()
	if err != nil {
		return nil, br.took(), err
	}
	return buf.Bytes(), br.took(), nil
}

// bodyReader reads a request body under connection read deadlines: after n
// bytes the next must come by start + BodyGrace + n/MinBodyRate, and all by
// start + the reader's timeout. Its errors are the client's: 413 over max,
// 408 too slow, 400 truncated or badly framed; after one the connection is
// closed rather than drained. Where the connection has no deadlines
// (ResponseController reports ErrNotSupported), it reads without them.
type bodyReader struct {
	r       io.Reader
	w       http.ResponseWriter
	rc      *http.ResponseController
	timed   bool
	start   time.Time
	timeout time.Duration
	rate    int64
	grace   time.Duration
	max     int64
	n       int64
	failed  bool
}

func (p *Provider) newBodyReader(w http.ResponseWriter, r *http.Request, max int64, timeout time.Duration) *bodyReader {
	b := &bodyReader{
		r: http.MaxBytesReader(w, r.Body, max), w: w, rc: http.NewResponseController(w),
		start:   time.Now(), // connection deadlines are wall-clock, not Config.Now
		timeout: timeout, rate: p.cfg.MinBodyRate, grace: p.cfg.BodyGrace, max: max,
	}
	b.timed = b.rc.SetReadDeadline(b.deadline()) == nil
	return b
}

func (b *bodyReader) deadline() time.Time {
	d := b.timeout
	if b.rate > 0 {
		d = min(d, b.grace+time.Duration(float64(b.n)/float64(b.rate)*float64(time.Second)))
	}
	return b.start.Add(d)
}

func (b *bodyReader) took() time.Duration { return time.Since(b.start) }

func (b *bodyReader) Read(p []byte) (int, error) {
	k, err := b.r.Read(p)
	b.n += int64(k)
	if k > 0 && b.timed && err == nil {
		b.rc.SetReadDeadline(b.deadline())
	}
	if err != nil && err != io.EOF {
		err = b.fail(err)
	}
	return k, err
}

// fail classifies a read error and has the connection closed.
func (b *bodyReader) fail(err error) error {
	b.failed = true
	b.w.Header().Set("Connection", "close")
	if b.timed {
		b.rc.SetReadDeadline(time.Now())
	}
	var mbe *http.MaxBytesError
	var ne net.Error
	switch {
	case errors.As(err, &mbe):
		return fmt.Errorf("%w: request body over %d bytes", wf.ErrTooLarge, b.max)
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("provider: read body: %d bytes in %v: %w", b.n, b.took().Round(time.Millisecond), errBodyTimeout)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: the request body ended before its declared length", wf.ErrInvalid)
	default:
		// net/http's own framing errors ("malformed chunked encoding"),
		// or the client went away.
		return fmt.Errorf("%w: the request body could not be read: %v", wf.ErrInvalid, err)
	}
}

// done ends reading. After a whole body it clears the read deadline: one
// passing in the server's background read would cancel the request's
// context, and so the function or the deploy.
func (b *bodyReader) done() {
	if b.timed && !b.failed {
		b.rc.SetReadDeadline(time.Time{})
	}
}

// writeAnswer writes an answer's body under a write deadline (see
// Config.WriteTimeout) and flushes it, so that the deadline covers the
// whole body, then clears the deadline for the connection's next request.
// A caller that does not read finds its connection closed. Where the
// connection has no deadlines, it writes without one.
func (p *Provider) writeAnswer(w http.ResponseWriter, body []byte) {
	d := p.cfg.WriteTimeout
	if p.cfg.MinBodyRate > 0 {
		d = min(d, p.cfg.BodyGrace+time.Duration(float64(len(body))/float64(p.cfg.MinBodyRate)*float64(time.Second)))
	}
	rc := http.NewResponseController(w)
	if rc.SetWriteDeadline(time.Now().Add(d)) != nil {
		w.Write(body)
		return
	}
	if _, err := w.Write(body); err == nil {
		rc.Flush()
	}
	rc.SetWriteDeadline(time.Time{})
}
