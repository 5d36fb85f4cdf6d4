package cred

import (
	"errors"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// BenchmarkVerify is the provider's check of a first request: decode the
// presentation, build the public inputs, verify the Groth16 proof and the
// session signature, open the session (the target: under 2 ms). The
// session table is emptied before each iteration; the prepared policy
// stays cached, as at a provider. cpu-us/op is the process's CPU time
// per check, which a shared machine disturbs less than the wall clock.
func BenchmarkVerify(b *testing.B) {
	w := newWorld(b, nil)
	w.now = time.Now()
	_, h := w.present(b, fnA, providerA, time.Hour)
	call := &Call{Function: fnA, Spec: w.spec, Method: "GET", Path: "/hello", Header: h}
	if _, err := w.verify.AdmitCall(call); err != nil {
		b.Fatal(err)
	}
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	for b.Loop() {
		w.verify.mu.Lock()
		clear(w.verify.sessions)
		w.verify.mu.Unlock()
		call.Header = http.Header{}
		call.Header.Set(CredentialHeader, h.Get(CredentialHeader))
		call.Header.Set(SessionHeader, w.session.Sign(fnA, "GET", "/hello", "", nil))
		if _, err := w.verify.AdmitCall(call); err != nil {
			b.Fatal(err)
		}
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-us/op")
}

// BenchmarkBogusFlood: one source sends presentations whose proofs do not
// verify (real proof bytes, for another function), with the default
// verify budget and with none. cpu-us/op is the provider's CPU per bogus
// presentation: the budget turns all but a few into a table lookup.
func BenchmarkBogusFlood(b *testing.B) {
	for _, bc := range []struct {
		name  string
		burst int
	}{{"budget", 0}, {"unbounded", 1 << 30}} {
		b.Run(bc.name, func(b *testing.B) {
			w := newWorld(b, nil)
			w.now = time.Now()
			w.verify = NewVerifier(VerifierConfig{Keys: []*VerifyingKey{w.setup.Verifying}, Provider: providerA,
				FailedBurst: bc.burst, FailedProofs: float64(bc.burst)})
			bogus, _ := w.present(b, fnB, providerA, time.Hour)
			enc, err := bogus.Encode()
			if err != nil {
				b.Fatal(err)
			}
			// The proof is checked before the session signature, so one
			// signed header serves every request.
			h := http.Header{}
			h.Set(CredentialHeader, enc)
			h.Set(SessionHeader, w.session.Sign(fnA, "GET", "/hello", "", nil))
			var ru0, ru1 syscall.Rusage
			syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
			verified := 0
			for b.Loop() {
				_, err := w.verify.AdmitCall(&Call{Function: fnA, Spec: w.spec, Method: "GET", Path: "/hello", Header: h, Source: "198.51.100.9:5000"})
				var e *Error
				if !errors.As(err, &e) {
					b.Fatalf("bogus presentation: %v", err)
				}
				if e.Code() == CodeRefused {
					verified++
				}
			}
			syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
			cpu := time.Duration(ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-us/op")
			b.ReportMetric(float64(verified), "pairings")
		})
	}
}
