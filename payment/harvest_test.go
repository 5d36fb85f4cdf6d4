package payment_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/wftest"
)

// Issue 10, finding 2: the function a caller pays must not see the
// caller's voucher, or its owner could spend the voucher's headroom on
// other functions at the same provider.
func TestFunctionCannotHarvestVouchers(t *testing.T) {
	f := newFixture(t, payment.Config{})
	fn := f.deploy(f.payer(), wftest.GoGuest(t, "sandbox/testdata/guest"), wftest.Spec())
	c := f.payer()
	f.deposit(c, 1_000_000)
	v := f.voucher(c, f.prov.Address(), 10*price, time.Now().Add(time.Hour))
	r := f.invoke(fn, "/env", voucherHeader(v))
	if r.status != 200 {
		t.Fatalf("paid call: %d %s", r.status, r.body)
	}
	f.receipt(r)
	var got struct{ Env []string }
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	for _, kv := range got.Env {
		if strings.HasPrefix(kv, "HTTP_X_WF_") || strings.Contains(kv, v) {
			t.Errorf("the function saw %.60q", kv)
		}
	}
}
