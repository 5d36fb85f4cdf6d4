package provider_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/wftest"
)

// A caller that never reads its answer held the handler's goroutine, the
// answer's memory (up to 32 MiB) and its connection for as long as it
// liked. The answer now has a write deadline: the caller below asks for
// an answer of about 8 MiB, more than the socket buffers hold, and reads
// nothing; the provider closes the connection at the deadline, so when
// the caller reads afterwards the answer is cut off.
func TestSlowReaderIsCutOff(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{WriteTimeout: time.Second}})
	echo := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec())

	body := bytes.Repeat([]byte("x"), 8<<20)
	c, err := net.Dial("tcp", strings.TrimPrefix(env.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /%s/echo HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", echo, len(body))
	if _, err := c.Write(body); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second) // the function answers, the write stalls, the deadline passes
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	got, err := io.Copy(io.Discard, c)
	t.Logf("read %d bytes after the deadline, then %v", got, err)
	if got >= int64(len(body)) {
		t.Errorf("read %d bytes, the whole answer: the provider waited for the reader", got)
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Errorf("the connection is still open %v after the deadline", 14*time.Second)
	}
}
