package payment

import (
	"net/http"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// A request paid some other way than the payer's escrow (trial credits,
// package rewards) still carries the payer's voucher header: the Meter
// says who sent it (Prove), uses its sequence number (Claim), so that no
// header is served twice, once each way, and keeps the keyed session it
// opens (Open). None of them reserves or charges anything.

// Prove authenticates r's voucher header as Authorize does: the session
// key's signature of r (of r and its exchange key, for a request opening
// a keyed session) or its keyed session's MAC, and the payer's signature
// of a voucher for this provider with a life Authorize accepts. It
// neither reserves, charges nor uses the sequence number. The Header
// returned names the payer, the session, its expiry and the sequence
// number, and KX when r opens a keyed session. The error is the 402
// Authorize would answer.
func (m *Meter) Prove(r *wf.PaidRequest) (voucher.Header, error) {
	vs := http.Header(r.Header).Values(wf.VoucherHeader)
	h, err := m.proveCaller(r, vs)
	if err != nil {
		return voucher.Header{}, err
	}
	if err := m.checkLife(chain.SignedVoucher{Voucher: chain.FromMessage(h.Voucher), Signature: h.Signature}); err != nil {
		return voucher.Header{}, err
	}
	return h, nil
}

// Open keeps the keyed session h (from Prove) opens and sets its
// voucher.AcceptHeader in answer, as the commit of a charge does. A
// header that opens none, or a Meter with Config.SignedOnly, sets nothing.
func (m *Meter) Open(h voucher.Header, answer http.Header) {
	if h.KX == ([32]byte{}) || m.acceptor == nil {
		return
	}
	m.accept(&keyedOpen{header: h}, answer)
}
