package bench

import (
	"fmt"
	"time"
)

// Issue 19's targets, each read against this run's own figures: a section
// adds a verdict for each target it measured, and Run prints them last.
const (
	goalVsWorkerd   = 1.2  // small guest, unpaid: req/s over workerd's
	goalVsNative    = 0.35 // small guest, unpaid: req/s over the native handler's
	goalPaidRPS     = 0.9  // paid req/s over unpaid
	goalPaidP99     = 1.5  // paid p99 over unpaid
	goalPaidCPU     = 1.1  // paid server CPU per request over unpaid
	goalGoRPS       = 8000 // Go guest, req/s on one core at 16 connections
	goalGoP50       = 300 * time.Microsecond
	goalColdStart   = 50 * time.Millisecond
	goalDensityN    = 10000
	goalDensityRSS  = 200e6 // bytes
	goalTunnel      = 0.8   // tunnel's 1 MiB download over direct
	issueNativeRPS  = 82000 // the native handler when the issue set goalGoRPS
	goalGoVsNative  = float64(goalGoRPS) / issueNativeRPS
	verdictMet      = "met"
	verdictNotMet   = "**not met**"
	verdictUnproven = "not measured"
)

// verdict is one target, what this run measured for it and whether that
// meets it.
type verdict struct {
	target, measured, result string
}

// judge records a target's verdict.
func (r *runner) judge(target, measured string, met bool) {
	res := verdictNotMet
	if met {
		res = verdictMet
	}
	r.verdicts = append(r.verdicts, verdict{target, measured, res})
}

// judgeRatio records a verdict on ratio v, or that the run has none (ok
// false: no round measured both figures).
func (r *runner) judgeRatio(target string, v float64, ok, met bool) {
	if !ok {
		r.unjudged(target, "no figures to compare")
		return
	}
	r.judge(target, fmt.Sprintf("%.3fx", v), met)
}

// unjudged records a target this run could not read, and why.
func (r *runner) unjudged(target, why string) {
	r.verdicts = append(r.verdicts, verdict{target, why, verdictUnproven})
}

// printTargets writes the verdicts, if any section gave one.
func (r *runner) printTargets() {
	if len(r.verdicts) == 0 {
		return
	}
	fmt.Fprintf(r.out, "\n## Targets\n\n")
	fmt.Fprintf(r.out, "Issue 19's targets, each judged against this run's figures above (machine speed varies between runs: the ratios are what carries over).\n\n")
	fmt.Fprintf(r.out, "| target | this run | verdict |\n|---|---|---|\n")
	for _, v := range r.verdicts {
		fmt.Fprintf(r.out, "| %s | %s | %s |\n", v.target, v.measured, v.result)
	}
}

// medianRatio is the median over i of num(i) / den(i), skipping a zero
// denominator; ok is false when every one was.
func medianRatio(n int, num, den func(i int) float64) (v float64, ok bool) {
	var vs []float64
	for i := range n {
		if d := den(i); d > 0 {
			vs = append(vs, num(i)/d)
		}
	}
	return median(vs), len(vs) > 0
}
