package bench

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/wftest"
)

var (
	heapProfile   = flag.String("heapprofile", "", "TestIdleHeap writes the idle provider's heap profile here")
	heapFunctions = flag.Int("heapfunctions", 1000, "functions TestIdleHeap deploys")
	heapInvoke    = flag.Bool("heapinvoke", false, "TestIdleHeap invokes each function once before profiling")
	heapGo        = flag.Bool("heapgo", false, "TestIdleHeap deploys the Go template instead of the AssemblyScript one")
)

// TestIdleHeap finds where an idle provider's memory goes, which the
// process benchmark only sees as RSS: it deploys distinct AssemblyScript
// (or Go, with -heapgo) functions to an in-process provider set up as `wf provider start` sets
// one up (disk store, disk compile cache), collects garbage and writes a
// heap profile. It runs only with -heapprofile:
//
//	go test -run TestIdleHeap -heapprofile /tmp/heap.pprof ./bench/
//	go tool pprof -top -inuse_space /tmp/heap.pprof
func TestIdleHeap(t *testing.T) {
	if *heapProfile == "" {
		t.Skip("measurement harness; run with -heapprofile FILE")
	}
	dir := t.TempDir()
	st, err := diskstore.New(filepath.Join(dir, "blocks"), diskstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	env := wftest.New(t, wftest.Options{Store: st, Sandbox: sandbox.Config{CacheDir: filepath.Join(dir, "compile-cache")}})
	guest := AssemblyScript()
	if *heapGo {
		if guest, err = BuildGo(context.Background(), filepath.Join(dir, "go"), testWriter{t}); err != nil {
			t.Fatal(err)
		}
	}
	before := liveHeap()
	memBefore := selfMemory(t)
	for i := range *heapFunctions {
		fn := env.Deploy(t, Variant(guest.Wasm, i), wftest.Spec())
		if *heapInvoke {
			if _, err := get(context.Background(), env.URL+"/"+fn.String()+"/"); err != nil {
				t.Fatal(err)
			}
		}
	}
	time.Sleep(time.Second)
	after := liveHeap()
	memAfter := selfMemory(t)
	n := int64(*heapFunctions)
	st2 := env.Sandbox.Stats()
	t.Logf("%d %s functions (invoked: %v); per function: live heap %s, machine code %s, VmRSS %s; totals: live heap %s -> %s, machine code %s -> %s, VmRSS %s -> %s; the sandbox holds %d compiled modules",
		n, guest.Name, *heapInvoke, kib((after-before)/n), kib((memAfter.Code-memBefore.Code)/n), kib((memAfter.RSS-memBefore.RSS)/n),
		mib(before), mib(after), mib(memBefore.Code), mib(memAfter.Code), mib(memBefore.RSS), mib(memAfter.RSS), st2.Modules)
	f, err := os.Create(*heapProfile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		t.Fatal(err)
	}
}

// liveHeap is the Go heap in use after a full collection.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

func selfMemory(t *testing.T) memory {
	m, err := readMemory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	return m
}
