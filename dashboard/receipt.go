package dashboard

import (
	"context"
	"math/big"
	"net/http"
	"strings"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/wf"
)

// Receipts are the payer's: a provider signs one for each charged request
// (X-WF-Receipt) and hands it to the caller, and nobody keeps a copy for
// the dashboard to list. So the payments page checks a receipt the user
// brings: who signed it, for whom, and how it compares with what the
// chain says that provider has redeemed.

// Redeemed reads how much of a payer's vouchers a provider has redeemed
// in total; *chain.Client implements it. Found on Config.Escrow by type
// assertion.
type Redeemed interface {
	Redeemed(ctx context.Context, payer, provider wf.Address) (*big.Int, error)
}

// receiptView is a checked receipt as the page shows it.
type receiptView struct {
	payment.Receipt
	Signer   string     // the dashboard's provider that signed it, "" if none did
	Address  wf.Address // its address
	Yours    bool       // for the signed-in payer
	Redeemed *big.Int   // caller mode: what the chain says that provider redeemed of the payer's vouchers
	Err      string
}

// serveReceipt checks the receipt in the form field receipt.
func (d *Dashboard) serveReceipt(w http.ResponseWriter, r *http.Request) {
	v := d.checkReceipt(r.Context(), strings.TrimSpace(r.PostFormValue("receipt")), sessionOf(r).addr)
	status := http.StatusOK
	if v.Err != "" {
		status = http.StatusBadRequest
	}
	d.render(w, r, status, "receipt", page{Title: "A charge receipt", Nav: "payments", Data: v})
}

func (d *Dashboard) checkReceipt(ctx context.Context, enc string, payer wf.Address) receiptView {
	rc, err := payment.DecodeReceipt(enc)
	if err != nil {
		return receiptView{Err: "That is not a receipt (the value of an " + wf.ReceiptHeader + " header): " + err.Error()}
	}
	v := receiptView{Receipt: rc, Yours: rc.Payer == payer}
	for _, p := range d.cfg.Providers {
		if !p.Address.IsZero() && payment.VerifyReceipt(rc, p.Address) == nil {
			v.Signer, v.Address = p.Name, p.Address
			break
		}
	}
	if v.Signer == "" {
		v.Err = "No provider this dashboard knows signed this receipt: it proves nothing here."
		return v
	}
	if red, ok := d.cfg.Escrow.(Redeemed); ok && rc.Mode == "caller" {
		if n, err := red.Redeemed(ctx, rc.Payer, v.Address); err == nil {
			v.Redeemed = n
		}
	}
	return v
}
