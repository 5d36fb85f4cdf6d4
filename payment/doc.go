// Package payment makes a provider paid per request without trusting the
// publisher or the caller, and lets payers bound what it takes.
//
// A Meter is the provider's wf.Payments. Before a function runs it
// decides who pays and reserves the price:
//
//   - Caller-pays, when the request carries an X-WF-Voucher header
//     (package payment/voucher): the payer is the recovered signer of the
//     EIP-712 voucher, which must name this provider, chain and escrow, be
//     valid for at least Config.MinVoucherLife more and at most
//     Config.MaxVoucherLife, and have a cumulative
//     ceiling covering everything this provider charged the payer so far
//     plus this request; the request itself must be signed by the
//     voucher's session key with a sequence number not used before in
//     that session (kept in the ledger with the charge), so a copied
//     header pays for nothing. A signed request that carries an exchange
//     key opens a keyed session (unless Config.SignedOnly): its answer
//     carries voucher.AcceptHeader, and the session's later requests carry
//     an HMAC over the request instead of the signature and the voucher
//     (voucher.MACHeader), checked against the voucher kept from the open.
//   - Owner-pays otherwise: the payer is the signed spec's owner, whose
//     on-chain allowance for this provider must allow the price
//     (maxPricePerRequest) and whose remaining budget and escrow balance,
//     less the charges not yet settled and the requests running now, must
//     cover it. If the allowance caps spend per period, what is left of the
//     period must cover them too (else 429 period_cap with Retry-After); if
//     it names a metering key, the request must carry a count that key
//     signed (chain.MeterHeader) covering every unsettled charge and this
//     one (else 402 meter_required, bad_meter or meter_count_low).
//
// The payer is never taken from an unauthenticated header. A request that
// is not covered gets a payment error (402) whose Details say what is
// missing and how to fix it. A charged request is recorded in the
// ledger (package payment/ledger) before its response leaves (fsync'd
// then, or within the ledger's SyncInterval), and the response carries a
// receipt (X-WF-Receipt, see Receipt) with the payer's running total,
// signed by the provider on one in Config.ReceiptEvery of a payer's
// responses and whenever the request carries SignReceiptHeader.
//
// Meter.Run settles: per payer, one Escrow.settle (owner-pays; with a
// metering key, Escrow.settleMetered with the best count kept, for at most
// the requests it counts; under a period cap, at most what is left of the
// period, the rest waiting for the next) or one
// Escrow.redeemVoucher up to what was charged (caller-pays; with the
// unexpired voucher that covers it and lasts longest) covers
// every pending charge, when SettleCount charges are pending or the oldest
// has waited SettleInterval. The batch and its signed transaction are
// recorded before the transaction is sent. A transaction still unmined
// after BumpAfter, or at once when the base fee rose above its fee cap, is
// replaced by one with the same nonce and higher fees (never above
// MaxFeeCap), itself recorded before it is sent: the batch keeps every
// transaction it signed, since any of them may be the one mined, and they
// share a nonce, so at most one is. After a crash or a wait that timed
// out, Run resolves recorded batches against the chain first (the receipts
// of all the batch's transactions; the latest is sent again if the chain
// does not have it), so a batch is settled at most once and no charge is
// lost.
package payment
