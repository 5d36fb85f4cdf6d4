// Package ledger is a provider's durable record of what it charged and what
// it settled, in a bbolt file.
//
// Per payer and payment mode an Account holds all-time totals: Charged
// (every charge recorded), Settled (confirmed on-chain), and InFlight (a
// settlement batch prepared or sent, outcome not yet known). Pending =
// Charged - Settled - InFlight is what the next batch takes. A settlement
// goes through Prepare (the intent, durable before anything is sent),
// RecordTx (the signed transaction, durable before it is sent; again for
// each replacement with higher fees, all of which the batch keeps), then
// Confirm or Abort; a process that dies in between finds the batch in
// InFlightBatches on restart and resolves it against the chain.
//
// Charge is group-committed to a write-ahead log beside the bbolt file
// (see wal.go): concurrent charges share one write and one flush, and each
// returns only once its own charge is on disk, or, with
// Options.SyncInterval, once it is written to the log, which is flushed in
// the background. Settlement steps are synced bbolt transactions written
// without holding up charges; the log is checkpointed into the bbolt file
// when half full and on Close. A Ledger is safe for concurrent use; one
// process opens a file at a time (bbolt locks it).
//
// Vouchers, transactions and hashes are stored as types of this package
// (SignedVoucher, Tx, Hash), not the chain client's, so a change there
// cannot change what is on disk; the caller converts.
package ledger
