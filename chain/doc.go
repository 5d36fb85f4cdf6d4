// Package chain is WebFunctions' client for its on-chain contracts: the
// provider Registry, the payment Escrow and the USDC-like token it holds.
// It and the packages below it are the only ones that import go-ethereum;
// the generated contract bindings live in chain/bindings, the embedded
// development chain in chain/sim, and the Solidity sources in contracts/.
// chain itself links only go-ethereum's client side, not a node: provider
// nodes and gateways talking to a real chain carry no simulated backend.
//
// A Client talks to any Ethereum JSON-RPC endpoint (Dial) or to any Backend
// (New), such as the embedded development chain of chain/sim, signs with
// one Key, and offers one typed method per contract function. Transaction
// methods return once the transaction is mined and fail if it reverted.
// A Client is safe for concurrent use: transactions from one key get
// consecutive nonces whatever the number of goroutines sending them. Gas is
// estimated against the latest block, so a transaction that depends on
// another must be sent after that one returned (it has then been mined).
//
// Contract reverts come back as *RevertError, whose Name is the Solidity
// custom error (NameTaken, BudgetExceeded, ...) and which matches the wf
// sentinels with errors.Is: wf.ErrNotFound for an unknown provider,
// wf.ErrForbidden for changing another's entry, wf.ErrPaymentRequired for
// settlements and vouchers the payer's escrow does not cover, wf.ErrInvalid
// for bad input. See RevertError. Explain (and Client.Explain) turns the
// reverts people commonly cause into one sentence for them, still wrapping
// the *RevertError.
//
// Amounts are *big.Int in the token's base units (USDC: 6 decimals, so 1 USDC
// is 1_000_000). Addresses at the API are wf.Address.
package chain
