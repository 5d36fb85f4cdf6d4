package provider_test

import (
	"encoding/binary"
	"io"
	"math/rand/v2"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

const junkUploadBytes = 200 << 20

// junkCAR streams up to n bytes of an unsigned upload, made as it is read:
// kind 0 is random bytes; kind 1 a well-formed CAR of distinct 1 MiB raw
// blocks (every hash right) whose root is not among them; kind 2 the same
// after a first block that is its root but not a signed spec. It counts
// what the uploader actually sent.
func junkCAR(kind int, n int64, sent *atomic.Int64) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		w := &countWriter{w: pw, n: sent}
		rnd := rand.NewChaCha8([32]byte{byte(kind)})
		if kind == 0 {
			_, err := io.Copy(w, io.LimitReader(rnd, n))
			pw.CloseWithError(err)
			return
		}
		block := make([]byte, 1<<20)
		fake := []byte(`{"this is":"not a signed spec"}`)
		root := wf.SumCID(wf.CodecRaw, []byte("a root that never comes"))
		if kind == 2 {
			root = wf.SumCID(wf.CodecJSON, fake)
		}
		cw := dag.NewCARWriter(w, root)
		if kind == 2 {
			if err := cw.WriteBlock(root, fake); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		for i := uint64(0); w.written < n; i++ {
			rnd.Read(block[:64])
			binary.BigEndian.PutUint64(block, i)
			if err := cw.WriteBlock(wf.SumCID(wf.CodecRaw, block), block); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(cw.Flush())
	}()
	return pr
}

type countWriter struct {
	w       io.Writer
	n       *atomic.Int64
	written int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	k, err := c.w.Write(p)
	c.written += int64(k)
	c.n.Add(int64(k))
	return k, err
}

// Finding 4: POST /v1/car staged the whole CAR in memory before checking
// that its root was a signed spec, and nothing capped concurrent uploads:
// four 200 MB junk uploads took a provider from 61 MB to over 1 GB. Now the
// spec block comes first and is checked before anything else is read, and
// at most MaxUploads are read at once. Sixteen concurrent 200 MB junk
// uploads must be refused early, and the heap stay within 100 MB of idle.
func TestJunkUploadsAreRefusedEarly(t *testing.T) {
	t.Run("default cap", func(t *testing.T) { junkUploads(t, provider.Config{}) })
	// With room for all sixteen, each is refused at its first block.
	t.Run("no cap", func(t *testing.T) { junkUploads(t, provider.Config{MaxUploads: 16}) })
}

func junkUploads(t *testing.T, cfg provider.Config) {
	env := wftest.New(t, wftest.Options{Provider: cfg})
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	idle := ms.HeapInuse

	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()

	var sent atomic.Int64
	var mu sync.Mutex
	statuses := map[int]int{}
	failed := 0
	var wg sync.WaitGroup
	start := time.Now()
	for i := range 16 {
		wg.Go(func() {
			req, err := http.NewRequest("POST", env.URL+"/v1/car", junkCAR(i%3, junkUploadBytes, &sent))
			if err != nil {
				t.Error(err)
				return
			}
			req.ContentLength = junkUploadBytes
			req.Header.Set("Content-Type", "application/vnd.ipld.car")
			resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed++ // the server closed the connection on a refused upload
				return
			}
			resp.Body.Close()
			statuses[resp.StatusCode]++
		})
	}
	wg.Wait()
	took := time.Since(start)
	close(stop)
	<-sampled
	grew := int64(peak.Load()) - int64(idle)
	t.Logf("16 junk uploads of 200 MB: statuses %v, %d connections closed early; %.1f MB sent in all, in %v; heap in use %.1f MB idle, peak %.1f MB (+%.1f MB)",
		statuses, failed, float64(sent.Load())/1e6, took.Round(time.Millisecond), float64(idle)/1e6, float64(peak.Load())/1e6, float64(grew)/1e6)
	for status := range statuses {
		switch status {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusTooManyRequests:
		default:
			t.Errorf("a junk upload got %d", status)
		}
	}
	if grew > 100<<20 {
		t.Errorf("the heap grew by %d MB during the uploads, want under 100", grew>>20)
	}
	if s := sent.Load(); s > 16*junkUploadBytes/4 {
		t.Errorf("the uploaders sent %d MB before being refused", s>>20)
	}
}
