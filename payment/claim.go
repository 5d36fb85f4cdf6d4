package payment

import (
	"fmt"
	"net/http"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
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
	vs := r.Header[voucherHeaderKey]
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

// Claim uses h's sequence number (h from Prove) in its session's replay
// window, as Authorize does: from then on neither Authorize nor Claim
// accepts it, and a number already used, by a charge or a claim, is
// refused with Authorize's 402 (replayed, session_retired). A session
// first seen in this process starts from what the ledger charged, so a
// header charged before a restart is refused too. The Meter keeps a
// claim in memory only: whoever served the request without a charge
// remembers it across a restart (rewards' credits record).
func (m *Meter) Claim(h voucher.Header) error {
	req, fix := m.callerRequired, m.callerFix()
	v := h.Voucher
	a := m.cfg.Ledger.Account(ledger.Key{Mode: ledger.Caller, Payer: v.Payer})
	res := seqRetired
	if v.Expiry > a.SessionFloor {
		res = m.useSeq(v.Payer, v.Session, v.Expiry, h.Seq, a.Sessions[ledger.SessionKey(v.Session)])
	}
	switch res {
	case seqRetired:
		return req("session_retired", "this provider no longer remembers the voucher's session; sign a new voucher with a new session key",
			v.Payer, map[string]any{"fix": fix})
	case seqUsed:
		return req("replayed", fmt.Sprintf("sequence number %d of this session was already used: a voucher header pays for one request, once", h.Seq),
			v.Payer, map[string]any{"seq": h.Seq, "fix": fix})
	}
	return nil
}
