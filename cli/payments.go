package cli

import (
	"fmt"
	"math/big"
	"time"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment"
)

// settleFlags are how a paid provider prices and settles.
type settleFlags struct {
	price          string
	settleCount    uint64
	settleInterval time.Duration
	cacheTTL       time.Duration
	bumpAfter      time.Duration
	maxFee         string
	receiptEvery   int
	signedOnly     bool
	ledgerSync     time.Duration // wf provider start and wf dev: addLedgerSyncFlag
	ledgerSumOwner bool          // likewise
}

// addLedgerSyncFlag adds --ledger-sync (node.Payments.LedgerSync) to s.
func (s *settleFlags) addLedgerSyncFlag(fs *pflag.FlagSet) {
	fs.DurationVar(&s.ledgerSync, "ledger-sync", DefaultLedgerSync, "with --price, write each charge to the ledger's log before its response and flush the log to disk at most this long after; 0 flushes before each response (a machine crash then loses no charge, at a fdatasync per group of responses)")
	fs.BoolVar(&s.ledgerSumOwner, "ledger-sum-owner", false, "with --ledger-sync, log each function owner's charges summed once per sync rather than one record each (about 0.7 us less per owner-paid request); a killed process then loses the owner-paid charges of the last --ledger-sync, which the provider bears")
}

func addSettleFlags(fs *pflag.FlagSet, defaultPrice string, defaultInterval time.Duration) *settleFlags {
	s := &settleFlags{}
	gwei := new(big.Int).Div(chain.DefaultMaxFeeCap, big.NewInt(1_000_000_000))
	fs.StringVar(&s.price, "price", defaultPrice, "price per request in `USDC` (e.g. 0.0001); set, the node charges every request and needs a chain")
	fs.Uint64Var(&s.settleCount, "settle-count", payment.DefaultSettleCount, "settle a payer's charges on-chain once `N` are pending")
	fs.DurationVar(&s.settleInterval, "settle-interval", defaultInterval, "settle pending charges at the latest this long after the first")
	fs.DurationVar(&s.cacheTTL, "allowance-ttl", payment.DefaultCacheTTL, "how long a payer's on-chain allowance and balance are reused before reading them again")
	fs.DurationVar(&s.bumpAfter, "settle-bump-after", chain.DefaultBumpAfter, "replace a settlement transaction still unmined after this long with one paying higher fees (same nonce)")
	fs.IntVar(&s.receiptEvery, "receipt-every", payment.DefaultReceiptEvery, "sign one in `N` of a payer's receipts (and the first after a second without one); the others go unsigned, covered by the next signed cumulative; 1 signs every receipt")
	fs.BoolVar(&s.signedOnly, "signed-only", false, "caller-pays: never key a session, so every request carries its session key's signature (50-100 us each to check) instead of a MAC after the first")
	fs.StringVar(&s.maxFee, "max-fee", gwei.String(), "the most a settlement transaction pays per unit of gas, in `GWEI` (fee cap); replacing stops there")
	return s
}

// meter is the meter configuration the flags describe; the caller adds
// the chain client.
func (sf *settleFlags) meter() (payment.Config, error) {
	price, err := positiveUSDC("price", sf.price)
	if err != nil {
		return payment.Config{}, err
	}
	if sf.settleCount == 0 || sf.settleInterval <= 0 {
		return payment.Config{}, usageErr("--settle-count and --settle-interval must be positive")
	}
	maxFee, err := parseGwei(sf.maxFee)
	if err != nil {
		return payment.Config{}, fmt.Errorf("--max-fee: %w", err)
	}
	if sf.ledgerSync < 0 {
		return payment.Config{}, usageErr("--ledger-sync must not be negative")
	}
	if sf.ledgerSumOwner && sf.ledgerSync == 0 {
		return payment.Config{}, usageErr("--ledger-sum-owner logs the sums at each sync: it needs --ledger-sync above zero")
	}
	if sf.receiptEvery < 1 {
		return payment.Config{}, usageErr("--receipt-every must be at least 1")
	}
	if maxFee.Sign() == 0 || sf.bumpAfter <= 0 {
		return payment.Config{}, usageErr("--max-fee and --settle-bump-after must be positive")
	}
	return payment.Config{
		Price: price, CacheTTL: sf.cacheTTL, SettleCount: sf.settleCount, SettleInterval: sf.settleInterval,
		BumpAfter: sf.bumpAfter, MaxFeeCap: maxFee, ReceiptEvery: sf.receiptEvery, SignedOnly: sf.signedOnly,
	}, nil
}

// DefaultLedgerSync is --ledger-sync's default: a machine crash may cost
// the provider the charges of the last 50ms, never a payer anything
// (RATIONALE.md, "What a charge costs").
const DefaultLedgerSync = 50 * time.Millisecond

// devPrice is what a request costs on `wf dev`: 0.0001 USDC, and
// devSettleInterval how soon its charges settle, so they show.
const (
	devPrice          = "0.0001"
	devSettleInterval = 10 * time.Second
)
