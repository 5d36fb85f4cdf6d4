package provider_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// Finding 6, CPU: compiled wasm is not preempted, so with the default
// caps (half the slots per owner) owner A's busy loops filled both cores
// and an innocent function of owner B fell from 23,280 to 34 answers in
// 3 s. Guests now run on CPU tokens (one per core, at most half per
// owner) and each request has a CPU time budget: with 16 or 64 callers of
// A's loop, B keeps at least half its idle throughput and never gets 429,
// and every loop is stopped at its budget with 504.
//
// WF_CPU_BASELINE=1 first runs the attack as before (tokens as many as
// slots, GOMAXPROCS as the process started, no budget), for the figures;
// run it alone (-run), since the other runs raise GOMAXPROCS for good.
func TestCPUBurnersUnderFlood(t *testing.T) {
	type run struct {
		name   string
		cpu    *sandbox.CPU
		budget time.Duration
		fair   bool
	}
	var runs []run
	if os.Getenv("WF_CPU_BASELINE") != "" {
		runs = append(runs, run{"no tokens, 16 callers", sandbox.NewCPU(64, 64), 30 * time.Second, false})
	}
	runs = append(runs,
		run{"16 callers", nil, 300 * time.Millisecond, true},
		run{"64 callers", nil, 300 * time.Millisecond, true})
	for _, tt := range runs {
		t.Run(tt.name, func(t *testing.T) {
			env := wftest.New(t, wftest.Options{
				Sandbox:  sandbox.Config{MaxTimeout: 2 * time.Second, CPU: tt.cpu},
				Provider: provider.Config{MaxConcurrent: 8, CPUTime: tt.budget},
			})
			burner := env.Deploy(t, wftest.GoGuest(t, guestDir), wftest.Spec()) // owner A
			keyB, err := chain.GenerateKey()
			if err != nil {
				t.Fatal(err)
			}
			env.Key = keyB
			innocent := env.Deploy(t, templates.HelloWasm, wftest.Spec()) // owner B
			url := env.URL + "/" + innocent.String() + "/?name=x"

			hammer(t, url, 200*time.Millisecond) // warm up
			const window = 3 * time.Second
			idle, _ := hammer(t, url, window)

			callers := 16
			if strings.Contains(tt.name, "64") {
				callers = 64
			}
			stop := flood(env.URL+"/"+burner.String()+"/loop", callers)
			defer stop()
			time.Sleep(500 * time.Millisecond)
			loaded, slowest := hammer(t, url, window)
			if tt.fair && loaded[http.StatusOK]*2 < idle[http.StatusOK] {
				// The machine is shared (CI, other tests): a second window
				// tells a burst of someone else's load from a starved
				// function. Every answer of both must be a 200.
				t.Logf("innocent function: %v in the first window under the flood; measuring again", loaded)
				again, s := hammer(t, url, window)
				for code, n := range loaded {
					if code != http.StatusOK {
						again[code] += n
					}
				}
				loaded, slowest = again, max(slowest, s)
			}
			attackers := stop()
			// Idle again after the flood: the machine is shared, and a
			// rise in others' load during the run is not the flood's.
			if after, _ := hammer(t, url, window); after[http.StatusOK] < idle[http.StatusOK] {
				idle = after
			}
			t.Logf("innocent function: idle %v, under %d callers of a busy loop %v (slowest %v); the callers saw %v",
				idle, callers, loaded, slowest, attackers)
			if !tt.fair {
				return
			}
			if loaded[http.StatusTooManyRequests] > 0 || len(loaded) != 1 || loaded[http.StatusOK] == 0 {
				t.Errorf("innocent function answered %v under the flood, want only 200s", loaded)
			}
			if loaded[http.StatusOK]*2 < idle[http.StatusOK] {
				t.Errorf("innocent function served %d in %v under the flood, less than half its idle %d", loaded[http.StatusOK], window, idle[http.StatusOK])
			}
			if attackers[http.StatusGatewayTimeout] == 0 || attackers[http.StatusOK] > 0 {
				t.Errorf("the busy loops answered %v, want 504s", attackers)
			}

			// Alone, a loop is stopped at its budget, not at its wall time
			// limit, and says so.
			start := time.Now()
			resp, err := http.Get(env.URL + "/" + burner.String() + "/loop")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			elapsed := time.Since(start)
			var body struct {
				Error struct{ Code, Message string }
			}
			json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&body)
			t.Logf("a loop alone: %d %+v after %v", resp.StatusCode, body.Error, elapsed)
			if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(body.Error.Message, "CPU time budget") {
				t.Errorf("a loop alone answered %d %+v, want 504 naming the CPU time budget", resp.StatusCode, body.Error)
			}
			if elapsed < tt.budget || elapsed > tt.budget+time.Second {
				t.Errorf("a loop alone was stopped after %v, budget %v", elapsed, tt.budget)
			}
		})
	}
}

// /v1/info shows the CPU time budget and its maximum; a default over the
// maximum is refused.
func TestCPUTimeInInfo(t *testing.T) {
	env := wftest.New(t, wftest.Options{Provider: provider.Config{CPUTime: 2 * time.Second, MaxCPUTime: 5 * time.Second}})
	info, err := env.Client.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if info.Limits.CPUTimeMS != 2000 || info.Limits.MaxCPUTimeMS != 5000 {
		t.Errorf("info limits %+v, want cpuTimeMs 2000 and maxCpuTimeMs 5000", info.Limits)
	}
	cfg := provider.Config{Store: memstore.New(), Sandbox: env.Sandbox, CPUTime: 2 * time.Second, MaxCPUTime: time.Second}
	if _, err := provider.New(cfg); err == nil || !strings.Contains(err.Error(), "MaxCPUTime") {
		t.Errorf("a CPU time default over its maximum: %v, want refused", err)
	}
}

// The owner's CPU budget (extension wf.cpu) replaces the provider's
// default, capped at the provider's maximum; every node understands it.
func TestOwnerCPUBudget(t *testing.T) {
	env := wftest.New(t, wftest.Options{
		Sandbox:  sandbox.Config{MaxTimeout: 10 * time.Second},
		Provider: provider.Config{CPUTime: 5 * time.Second, MaxCPUTime: 5 * time.Second},
	})
	info, err := env.Client.Info(t.Context())
	if err != nil || !slices.Contains(info.Extensions, spec.CPUExtension) {
		t.Fatalf("/v1/info extensions %v (%v), want %s", info.Extensions, err, spec.CPUExtension)
	}
	loop := func(budgetMS int64) time.Duration {
		t.Helper()
		s := wftest.Spec()
		s.Extensions = map[string]wf.Extension{spec.CPUExtension: {Required: true, Data: json.RawMessage(fmt.Sprintf(`{"budgetMs":%d}`, budgetMS))}}
		fn := env.Deploy(t, wftest.GoGuest(t, guestDir), s)
		start := time.Now()
		resp, err := http.Get(env.URL + "/" + fn.String() + "/loop")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusGatewayTimeout {
			t.Fatalf("a loop with a %d ms budget answered %d, want 504", budgetMS, resp.StatusCode)
		}
		return time.Since(start)
	}
	if d := loop(200); d < 200*time.Millisecond || d > 2*time.Second {
		t.Errorf("a loop with the owner's 200 ms budget ran %v (provider default 5 s)", d)
	}
	s := wftest.Spec()
	s.Extensions = map[string]wf.Extension{spec.CPUExtension: {Data: json.RawMessage(`{"budgetMs":0}`)}}
	pkg, err := client.Pack(t.Context(), bytes.NewReader(templates.HelloWasm), s, env.Key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.Deploy(t.Context(), pkg); !errors.Is(err, wf.ErrInvalid) || !strings.Contains(err.Error(), "budgetMs") {
		t.Errorf("a zero budget: %v, want 400 naming budgetMs", err)
	}
}
