package payment_test

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wf"
	"github.com/webfunctions/wf/wftest"
)

// TestReceiptSigning: with ReceiptEvery 4 a payer's first receipt is
// signed, then one in four; the unsigned ones carry the charge and the
// cumulative and are covered by the next signed one; a request asking
// for a signature gets one; so does the first after ReceiptInterval; and
// each payer has its own count.
func TestReceiptSigning(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	f := newFixture(t, payment.Config{ReceiptEvery: 4, ReceiptInterval: time.Minute, Now: clock})
	owner := f.payer()
	fn := f.deploy(owner, templates.HelloWasm, wftest.Spec())
	f.deposit(owner, 1_000_000)
	f.approve(owner, price, 1_000_000)

	// decode checks what every receipt must hold; signed ones are verified.
	decode := func(r response) payment.Receipt {
		t.Helper()
		if r.status != 200 {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		rc, err := payment.DecodeReceipt(r.header.Get(wf.ReceiptHeader))
		if err != nil {
			t.Fatal(err)
		}
		if rc.Payer != owner.Address() || rc.Amount.Int64() != price || rc.RequestID.String() != r.header.Get(wf.RequestIDHeader) {
			t.Fatalf("receipt %+v", rc)
		}
		err = payment.VerifyReceipt(rc, f.prov.Address())
		switch {
		case rc.Signed() && err != nil:
			t.Fatalf("signed receipt: %v", err)
		case !rc.Signed() && !errors.Is(err, payment.ErrUnsigned):
			t.Fatalf("unsigned receipt verified: %v", err)
		}
		return rc
	}
	var signed []bool
	for i := 1; i <= 9; i++ {
		rc := decode(f.invoke(fn, "/?name=x", nil))
		if rc.Cumulative.Int64() != int64(i)*price {
			t.Fatalf("receipt %d: cumulative %s", i, rc.Cumulative)
		}
		signed = append(signed, rc.Signed())
	}
	want := []bool{true, false, false, false, true, false, false, false, true}
	for i := range want {
		if signed[i] != want[i] {
			t.Fatalf("signed: %v, want %v", signed, want)
		}
	}
	// Asked for, at once.
	if rc := decode(f.invoke(fn, "/?name=x", http.Header{payment.SignReceiptHeader: {"1"}})); !rc.Signed() {
		t.Fatal("a request asking for a signed receipt got an unsigned one")
	}
	if rc := decode(f.invoke(fn, "/?name=x", nil)); rc.Signed() {
		t.Fatal("the receipt after an asked-for signature was signed")
	}
	// The first after ReceiptInterval without one.
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	if rc := decode(f.invoke(fn, "/?name=x", nil)); !rc.Signed() {
		t.Fatal("the first receipt after ReceiptInterval was not signed")
	}
	// Another payer starts with a signed receipt.
	caller := f.payer()
	f.deposit(caller, 1_000_000)
	r := f.invoke(fn, "/?name=x", voucherHeader(f.voucher(caller, f.prov.Address(), 10*price, now.Add(time.Hour))))
	if rc, err := payment.DecodeReceipt(r.header.Get(wf.ReceiptHeader)); err != nil || !rc.Signed() || rc.Payer != caller.Address() {
		t.Fatalf("another payer's first receipt: %+v, %v", rc, err)
	}
	// An unsigned receipt round-trips without a signature.
	rc := decode(f.invoke(fn, "/?name=x", nil))
	if rc.Signed() {
		t.Fatal("expected an unsigned receipt")
	}
	back, err := payment.DecodeReceipt(payment.EncodeReceipt(rc))
	if err != nil || back.Signed() || back.Cumulative.Cmp(rc.Cumulative) != 0 {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
}
