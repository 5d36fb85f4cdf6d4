package cli

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/wf"
)

// devMinaPrice is what a request costs in MINA on wf dev --mina.
const devMinaPrice = "0.001"

// addDevMinaFlags adds wf dev's --mina and --mina-zkapp.
func addDevMinaFlags(fs *pflag.FlagSet) *minaNodeFlags {
	f := &minaNodeFlags{price: devMinaPrice, network: "testnet"}
	fs.BoolVar(&f.dev, "mina", false, "also take MINA: start the MINA settler with a local Mina ledger (o1js, Node 20; mina/zkapp/install.sh), open a channel and print a curl line paid in MINA")
	fs.StringVar(&f.zkapp, "mina-zkapp", "", "the zkApp's `DIR` with settler.mjs (default: mina/zkapp above the working directory)")
	return f
}

// devMina is wf dev's MINA rail: a local settler, the dev provider's
// Mina key (in memory) and a dev payer with a channel.
type devMina struct {
	proc     *settler.Process
	provider *mina.PrivateKey
	node     *node.Mina
}

// findZkapp looks for mina/zkapp/settler.mjs in the working directory and
// its parents.
func findZkapp() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		d := filepath.Join(dir, "mina", "zkapp")
		if _, err := os.Stat(filepath.Join(d, "settler.mjs")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("wf dev --mina: no mina/zkapp/settler.mjs above the working directory: run it from the WebFunctions checkout or pass --mina-zkapp DIR")
		}
		dir = parent
	}
}

// startDevMina starts a local settler (on 127.0.0.1:8548, or a free port
// if taken) and funds a new provider key.
func (a *App) startDevMina(ctx context.Context, f *minaNodeFlags, log *slog.Logger) (*devMina, error) {
	dir := f.zkapp
	if dir == "" {
		var err error
		if dir, err = findZkapp(); err != nil {
			return nil, err
		}
	}
	price, err := parseMina(f.price)
	if err != nil {
		return nil, err
	}
	sctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	opts := settler.Options{Dir: dir, Listen: strings.TrimPrefix(defaultMinaSettler, "http://"), Log: logWriter{log}}
	p, err := settler.Exec(sctx, opts)
	if err != nil && strings.Contains(err.Error(), "EADDRINUSE") {
		opts.Listen = "127.0.0.1:0"
		p, err = settler.Exec(sctx, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("dev: MINA settler: %w", err)
	}
	k, err := mina.GenerateKey(rand.Reader)
	if err == nil {
		err = p.Fund(sctx, k.PublicKey(), 1_000_000_000) // an account to be paid into
	}
	if err != nil {
		p.Stop()
		return nil, fmt.Errorf("dev: MINA settler: %w", err)
	}
	log.Info("MINA settler", "url", p.URL, "mode", "local ledger (o1js LocalBlockchain, proofs off)")
	return &devMina{proc: p, provider: k, node: &node.Mina{SettlerURL: p.URL, Key: k, Network: mina.Testnet, Price: price,
		SettleCount: 10, SettleInterval: time.Minute, FreshLedger: true}}, nil
}

func (m *devMina) stop() { m.proc.Stop() }

// banner opens a channel from a dev payer to the dev provider and prints
// a curl line for fnURL (PROVIDER/CID/) paid from it, and how to pay with
// the user's own Mina key (funded, when there is one).
func (a *App) devMinaBanner(ctx context.Context, m *devMina, providerURL, fnURL string, log *slog.Logger) error {
	payer, err := mina.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	c := m.proc.Client
	if err := c.Fund(ctx, payer.PublicKey(), 5_000_000_000); err != nil {
		return err
	}
	ch, _, err := c.Open(ctx, settler.Open{Payer: payer, Provider: m.provider.PublicKey(), ExpirySlot: 10_000, Deposit: 1_000_000_000})
	if err != nil {
		return err
	}
	u, err := url.Parse(fnURL + "?name=you")
	if err != nil {
		return err
	}
	cidText, path, _ := strings.Cut(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
	fn, err := wf.ParseCID(cidText)
	if err != nil {
		return err
	}
	_, session, _ := ed25519.GenerateKey(rand.Reader)
	h, err := minapay.Pay(payer, mina.Voucher{Network: mina.Testnet, Channel: ch, Cumulative: 1_000_000_000, Expiry: uint64(time.Now().Add(time.Hour).Unix())}, session,
		minapay.Request{Provider: m.provider.PublicKey(), Function: fn, Method: "GET", Path: "/" + path, RawQuery: u.RawQuery, BodyHash: sha256.Sum256(nil), Seq: 1})
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, `
MINA (a local Mina ledger in the settler at %[1]s: o1js's LocalBlockchain,
proofs off; the zkApp, its signatures and channel logic are real, a Mina
node's fees and slots are not): each request costs %[2]s MINA, from a
payment channel redeemed every 10 requests or every minute.
A dev payer opened channel %[3]s with 1 MINA; this request is paid from it
(the header pays once; X-WF-Mina-Receipt is the provider's signed receipt):
  curl -i -H '%[4]s: %[5]s' '%[6]s'
`, c.URL, formatMina(m.node.Price), ch.Base58(), minapay.HeaderName, h, u.String())
	if b, err := os.ReadFile(filepath.Join(a.home(), "mina-key.json")); err == nil {
		if pk, err := mina.KeystorePublicKey(b); err == nil && c.Fund(ctx, pk, 10_000_000_000) == nil {
			fmt.Fprintf(a.Stdout, `Your own Mina key %[1]s got 10 MINA on it. Pay with it:
  export WF_MINA_SETTLER=%[2]s
  wf mina channel open --provider-url %[3]s --deposit 1
  wf mina voucher '%[4]s' --curl
  wf invoke %[5]s '/?name=you' --provider %[3]s --mina CHANNEL   # CHANNEL: what open printed; pays every call
`, pk.Base58(), c.URL, providerURL, u.String(), fn)
			return nil
		}
	}
	fmt.Fprintf(a.Stdout, `Pay with your own key: wf mina keys new, then restart wf dev --mina (it funds it).
`)
	return nil
}

// logWriter sends the settler's output lines to the log at debug level.
type logWriter struct{ log *slog.Logger }

func (w logWriter) Write(b []byte) (int, error) {
	w.log.Debug("mina settler", "out", strings.TrimSpace(string(b)))
	return len(b), nil
}

var _ io.Writer = logWriter{}
