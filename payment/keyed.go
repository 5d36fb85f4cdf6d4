package payment

import (
	"net/http"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/payment/voucher"
	"github.com/webfunctions/wf/wf"
)

// Keyed sessions (package voucher, mac.go; RATIONALE.md, "Caller-pays
// without a signature per request"): a caller's signed request that
// carries an exchange key opens one, and the answer carries the Meter's
// voucher.AcceptHeader; the session's later requests carry a MAC instead
// of a signature and the voucher, which the Meter checks against the
// voucher it kept from the open. The keys live in memory only: after a
// restart, or when its session was evicted to keep at most maxKeyed, a
// keyed request gets 402 session_unknown and the caller signs again.

// keyedSession is an open keyed session: the voucher its signed request
// carried (checked then) and the key.
type keyedSession struct {
	header voucher.Header // Voucher and Signature; Seq and RequestSig unused
	kx     [32]byte
	mac    *voucher.MACKey
	// The voucher as a charge and the ledger take it, made once at the
	// open, not per request (a big.Int copy and two structs each); never
	// changed, as the ledger never changes a voucher it is given.
	signed *chain.SignedVoucher
	logged *ledger.SignedVoucher
}

// maxKeyed bounds the keyed sessions held; past it one, chosen at random,
// is evicted per open, and its caller opens again (one signed request).
const maxKeyed = 1 << 14

// proveKeyed checks a keyed-session header: the session is open here and
// its key made the tag over r. The Header returned carries the session's
// voucher and the request's sequence number.
func (m *Meter) proveKeyed(r *wf.PaidRequest, value string) (voucher.Header, *keyedSession, error) {
	req, fix := m.callerRequired, m.callerFix()
	h, err := voucher.DecodeMAC(value)
	if err != nil {
		return voucher.Header{}, nil, req("malformed_voucher", "the voucher header is malformed: "+err.Error(), wf.Address{}, map[string]any{"fix": fix})
	}
	m.mu.Lock()
	ks := m.keyed[h.Session]
	m.mu.Unlock()
	if ks == nil {
		return voucher.Header{}, nil, req("session_unknown", "this provider holds no key for the session (it restarted, or forgot it): send the request signed, with the voucher, to open the session again",
			wf.Address{}, map[string]any{"fix": fix})
	}
	v := ks.header.Voucher
	rq := voucher.Request{Provider: m.provider, Payer: v.Payer, Function: r.Function, Method: r.Method, Path: r.Path, RawQuery: r.RawQuery,
		BodyHash: voucher.BodyHash(r.Body), Seq: h.Seq}
	if !ks.mac.Verify(rq, h.Tag) {
		return voucher.Header{}, nil, req("bad_request_mac", "the session's key did not authenticate this request (method, function, path, query, body and sequence number): a voucher header pays only for the request it was made for",
			v.Payer, map[string]any{"fix": fix})
	}
	out := ks.header
	out.Seq, out.KX = h.Seq, [32]byte{}
	return out, ks, nil
}

// keyedOpen is what a charge that opened a keyed session keeps until its
// commit: the session's voucher and exchange key.
type keyedOpen struct {
	header voucher.Header
}

// accept records the keyed session o opened, if it is not open already,
// and sets its AcceptHeader in h. An exchange key that is not a valid
// X25519 key opens nothing (the request was paid and served all the same).
func (m *Meter) accept(o *keyedOpen, h http.Header) {
	s := o.header.Voucher.Session
	m.mu.Lock()
	ks := m.keyed[s]
	m.mu.Unlock()
	if ks == nil || ks.kx != o.header.KX {
		mac, err := m.acceptor.MACKey(s, o.header.KX, m.provider, o.header.Voucher.Payer)
		if err != nil {
			m.log.Debug("keyed session not opened", "payer", o.header.Voucher.Payer.Checksum(), "err", err)
			return
		}
		ks = &keyedSession{header: o.header, kx: o.header.KX, mac: mac}
		ks.header.Seq, ks.header.RequestSig = 0, [64]byte{}
		sv := chain.SignedVoucher{Voucher: chain.FromMessage(o.header.Voucher), Signature: o.header.Signature}
		ks.signed, ks.logged = &sv, ledgerVoucher(&sv)
		m.mu.Lock()
		if len(m.keyed) >= maxKeyed {
			// Evict one session, not all: map order is random, so someone
			// paying for many opens pushes out others' sessions one at a
			// time, each costing that payer an open (and its owner only a
			// signature on its next request).
			for k := range m.keyed {
				delete(m.keyed, k)
				break
			}
		}
		m.keyed[s] = ks
		m.mu.Unlock()
	}
	h[acceptKey] = []string{m.acceptHeader}
}
