package gcfloor_test

import (
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/webfunctions/wf/gcfloor"
)

func TestPercent(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		floor, live, roots uint64
		want               int
	}{
		{64 * mib, 0, 0, 10000},
		{64 * mib, 1024, 0, 10000},           // a tiny heap: capped
		{64 * mib, 5 * mib, 0, 1150},         // (64-5)/5 = 11.8: 1180, down to a multiple of 50
		{64 * mib, 5 * mib, 3 * mib, 700},    // roots count in the goal's growth: 59/8
		{64 * mib, 16 * mib, 0, 300},         // grows to 64 MiB: 4x
		{64 * mib, 31 * mib, 0, 100},         // 33/31: the default already
		{64 * mib, 40 * mib, 0, 100},         // past half the floor: the default
		{64 * mib, 1024 * mib, 0, 100},       // far past it
		{64 * mib, 64 * mib / 50, 0, 4900},   // (64-1.28)/1.28 = 49
		{64 * mib, 0, 64 * mib / 200, 10000}, // roots only
	} {
		if got := gcfloor.Percent(c.floor, c.live, c.roots); got != c.want {
			t.Errorf("Percent(%d, %d, %d) = %d, want %d", c.floor, c.live, c.roots, got, c.want)
		}
	}
}

func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestStart runs collections with this test's small live heap: Start
// raises GOGC towards the floor, stop puts back what was in force, and a
// GOGC in the environment is left alone.
func TestStart(t *testing.T) {
	old, had := os.LookupEnv("GOGC")
	os.Unsetenv("GOGC")
	t.Cleanup(func() {
		if had {
			os.Setenv("GOGC", old)
		}
	})
	before := gogc()
	stop := gcfloor.Start(gcfloor.DefaultFloor)
	deadline := time.Now().Add(10 * time.Second)
	for gogc() <= 100 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the cleanup runs on its own goroutine
	}
	if p := gogc(); p <= 100 {
		t.Fatalf("GOGC is %d after collections with a live heap far below the floor", p)
	}
	stop()
	if p := gogc(); p != before {
		t.Errorf("after stop GOGC is %d, want %d", p, before)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p := gogc(); p != before {
		t.Errorf("a collection after stop changed GOGC to %d", p)
	}

	os.Setenv("GOGC", "100")
	defer os.Unsetenv("GOGC")
	stop = gcfloor.Start(gcfloor.DefaultFloor)
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p := gogc(); p != before {
		t.Errorf("with GOGC in the environment, GOGC became %d", p)
	}
	stop()
}
