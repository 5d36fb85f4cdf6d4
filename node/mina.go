package node

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

// MinaLedgerFile is the MINA rail's ledger in the node's directory: a
// ledger of its own, bound to the Mina network and the provider's Mina key
// (the EVM meter's is bound to its chain and escrow).
const MinaLedgerFile = "mina-ledger.db"

// MinaSponsorsFile keeps the owner-pays sponsorships the MINA rail took
// (minarail.Sponsorship).
const MinaSponsorsFile = "mina-sponsors.json"

// Mina is the node's MINA payment rail (issue 18, package mina/minarail):
// requests carrying X-WF-Mina-Voucher are paid from PaymentChannel zkApps,
// read and redeemed through the settler at SettlerURL; other requests go to
// the node's Payments (or, without them, get a 402 saying how to pay in MINA).
type Mina struct {
	SettlerURL string
	// Key is the provider's Mina key (wf mina keys new); Price is in
	// nanomina per request.
	Key     *mina.PrivateKey
	Network mina.Network
	Price   uint64
	// SettleCount and SettleInterval: see minarail.Config (defaults 1,000
	// and one hour).
	SettleCount    int
	SettleInterval time.Duration
	// FreshLedger discards the rail's ledger left in the directory (wf
	// dev, whose local Mina ledger is new on every run).
	FreshLedger bool
}

type minaRail struct {
	rail   *minarail.Rail
	ledger *ledger.Ledger
	cancel context.CancelFunc
	done   chan struct{}
}

func startMina(ctx context.Context, log *slog.Logger, dir string, m Mina, next wf.Payments, manifestBlock []byte) (*minaRail, error) {
	c, err := settler.New(m.SettlerURL)
	if err != nil {
		return nil, fmt.Errorf("node: mina: %w", err)
	}
	if m.Key == nil {
		return nil, fmt.Errorf("%w: node: mina: no key", wf.ErrInvalid)
	}
	if err := checkMinaTerms(manifestBlock, m); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, MinaLedgerFile)
	if m.FreshLedger {
		if err := ledger.Remove(path); err != nil {
			return nil, fmt.Errorf("node: mina: discard the old ledger: %w", err)
		}
	}
	led, err := ledger.Open(path, ledger.Options{})
	if err != nil {
		return nil, fmt.Errorf("node: mina ledger: %w", err)
	}
	sponsors := filepath.Join(dir, MinaSponsorsFile)
	if m.FreshLedger {
		if err := os.Remove(sponsors); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("node: mina: %w", err)
		}
	}
	r, err := minarail.New(minarail.Config{Next: next, Key: m.Key, Network: m.Network, Price: m.Price, Ledger: led, Settler: c,
		SettleCount: m.SettleCount, SettleInterval: m.SettleInterval, Sponsors: sponsors, Log: log.With("component", "mina")})
	if err != nil {
		led.Close()
		return nil, fmt.Errorf("node: mina: %w", err)
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	mr := &minaRail{rail: r, ledger: led, cancel: cancel, done: make(chan struct{})}
	go func() { defer close(mr.done); r.Run(runCtx) }()
	log.Info("MINA payments on", "provider", r.Provider().Base58(), "network", m.Network.String(),
		"price", fmt.Sprintf("%d nanomina", m.Price), "settler", m.SettlerURL)
	return mr, nil
}

// checkMinaTerms refuses a manifest whose MINA terms are not the rail's:
// it would promise callers a price or key the node does not take.
func checkMinaTerms(block []byte, m Mina) error {
	if block == nil {
		return nil
	}
	mf, err := manifest.Parse(block)
	if err != nil || mf.Mina == nil {
		return err // a bad manifest is the provider's to refuse; none: nothing claimed
	}
	want := manifest.MinaTerms{Network: m.Network.String(), Provider: m.Key.PublicKey().Base58(), Price: strconv.FormatUint(m.Price, 10)}
	if n, _ := mina.ParseNetwork(mf.Mina.Network); *mf.Mina != want && (n != m.Network || mf.Mina.Provider != want.Provider || mf.Mina.Price != want.Price) {
		return fmt.Errorf("%w: node: the manifest's MINA terms %+v are not the node's %+v", wf.ErrInvalid, *mf.Mina, want)
	}
	return nil
}

// stop ends the settlement loop and closes the ledger. What was charged
// and not redeemed is redeemed by the next start (Mina's transactions take
// minutes: not at shutdown).
func (m *minaRail) stop() error {
	m.cancel()
	<-m.done
	return m.ledger.Close()
}

// MinaRail is the node's MINA rail, or nil.
func (n *Node) MinaRail() *minarail.Rail {
	if n.mina == nil {
		return nil
	}
	return n.mina.rail
}
