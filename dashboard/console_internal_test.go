package dashboard

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

type fixedLedger map[ledger.Key]ledger.Account

func (l fixedLedger) Accounts() map[ledger.Key]ledger.Account { return l }

// A MINA channel in a node's ledger is listed by its channel key, in
// MINA, and kept out of the USDC earnings.
func TestConsoleMinaChannel(t *testing.T) {
	var ch ledger.WideKey
	ch[0], ch[32] = 0x02, 0xab
	usdc := func(n int64) ledger.Totals { return ledger.Totals{Count: 1, Amount: big.NewInt(n)} }
	l := fixedLedger{
		{Mode: ledger.Owner, Payer: wf.Address{7}}: {Charged: usdc(1000)},
		{Mode: ledger.Mina, Channel: ch}:           {Charged: ledger.Totals{Count: 3, Amount: big.NewInt(1_500_000_000)}},
	}
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	v := d.localConsoleView(&Provider{Name: "alpha", Ledger: l})
	if v.Earnings.Pending.Amount.Int64() != 1000 || v.Payers != 2 {
		t.Fatalf("earnings %+v, payers %d: MINA must not count as USDC", v.Earnings, v.Payers)
	}
	var buf bytes.Buffer
	if err := d.fragment.ExecuteTemplate(&buf, "console", v); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MINA channel", ch.String(), "3 · 1.500000000 MINA", "1 · 0.001000 USDC", "0.001000 USDC for 1 request(s)"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the console lacks %q:\n%s", want, buf.String())
		}
	}
}
