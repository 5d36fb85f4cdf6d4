package cli

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/wf"
)

// defaultMinaSettler is where wf mina commands look for the settler
// unless --settler or $WF_MINA_SETTLER says otherwise (wf dev --mina
// starts one there).
const defaultMinaSettler = "http://127.0.0.1:8548"

// minaKeyScryptN is the scrypt cost of Mina keystores the CLI writes.
const minaKeyScryptN = 1 << 17

func (a *App) minaCmd() *cobra.Command {
	return group("mina", "pay for functions in MINA: keys, payment channels, vouchers",
		`Pay providers in MINA through PaymentChannel zkApps (docs/mina.md).

A payer opens a channel to one provider with a deposit (wf mina channel
open); each request then carries an X-WF-Mina-Voucher header (wf mina
voucher prints one), which the provider checks against the channel and
redeems in batches. Channels are opened, topped up and closed through the
MINA settler, a local service running o1js (wf dev --mina starts one with
a local Mina ledger; see mina/zkapp/settler.mjs for devnet and mainnet).

Environment:
  WF_MINA_SETTLER  the settler's URL (default `+defaultMinaSettler+`)
  WF_KEY_PASSWORD  the Mina keystore's password (else --password-file, else a prompt)`,
		a.minaKeysCmd(), a.minaChannelCmd(), a.minaVoucherCmd(), a.minaSponsorCmd())
}

// minaFlags are the flags of wf mina commands.
type minaFlags struct {
	key, passwordFile, settler string
}

func (a *App) addMinaFlags(fs *pflag.FlagSet, withSettler bool) *minaFlags {
	mf := &minaFlags{}
	fs.StringVar(&mf.key, "mina-key", "", "Mina keystore `FILE` (default $WF_HOME/mina-key.json)")
	fs.StringVar(&mf.passwordFile, "password-file", "", "`FILE` holding the keystore password (default: $WF_KEY_PASSWORD or a prompt)")
	if withSettler {
		fs.StringVar(&mf.settler, "settler", "", "the MINA settler's `URL` (default $WF_MINA_SETTLER or "+defaultMinaSettler+")")
	}
	return mf
}

func (a *App) minaKeyPath(mf *minaFlags) string {
	if mf.key != "" {
		return mf.key
	}
	return filepath.Join(a.home(), "mina-key.json")
}

func (a *App) loadMinaKey(path, passwordFile string) (*mina.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no Mina key at %s: make one with wf mina keys new", path)
	}
	if err != nil {
		return nil, err
	}
	pw, err := a.password(passwordFile, false)
	if err != nil {
		return nil, err
	}
	return mina.DecryptKey(b, pw)
}

// minaPayer is the settler client and the MINA key a channel's payer
// sends a transaction with (top up, close).
func (a *App) minaPayer(mf *minaFlags) (*settler.Client, *mina.PrivateKey, error) {
	c, err := a.settlerClient(mf)
	if err != nil {
		return nil, nil, err
	}
	k, err := a.loadMinaKey(a.minaKeyPath(mf), mf.passwordFile)
	if err != nil {
		return nil, nil, err
	}
	return c, k, nil
}

func (a *App) settlerClient(mf *minaFlags) (*settler.Client, error) {
	u := mf.settler
	if u == "" {
		u = cmpOr(a.Getenv("WF_MINA_SETTLER"), defaultMinaSettler)
	}
	return settler.New(u)
}

func cmpOr(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func (a *App) minaKeysCmd() *cobra.Command {
	var mf *minaFlags
	save := func(k *mina.PrivateKey) error {
		path := a.minaKeyPath(mf)
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s exists: remove it first or pass --mina-key FILE", path)
		}
		pw, err := a.password(mf.passwordFile, true)
		if err != nil {
			return err
		}
		b, err := mina.EncryptKey(k, pw, minaKeyScryptN)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return err
		}
		fmt.Fprintln(a.Stdout, k.PublicKey().Base58())
		fmt.Fprintf(a.Stderr, "saved to %s (encrypted, mode 0600)\n", path)
		return nil
	}
	newCmd := &cobra.Command{
		Use:   "new",
		Short: "make a Mina key and print its public key",
		Long: `Make a Mina key (Pallas), save it encrypted under the keystore password
(scrypt and AES-256-GCM, mode 0600) and print its public key (B62...).
The file must not exist yet.`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := mina.GenerateKey(rand.Reader)
			if err != nil {
				return err
			}
			return save(k)
		},
	}
	mf = a.addMinaFlags(newCmd.Flags(), false)
	importCmd := &cobra.Command{
		Use:   "import",
		Short: "save a base58 Mina private key (EK...) read from stdin",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := io.ReadAll(io.LimitReader(a.Stdin, 1024))
			if err != nil {
				return err
			}
			k, err := mina.ParsePrivateKey(strings.TrimSpace(string(b)))
			if err != nil {
				return fmt.Errorf("import: read a base58 Mina private key (EK...) on stdin: %w", err)
			}
			return save(k)
		},
	}
	importCmd.Flags().AddFlagSet(newCmd.Flags())
	showCmd := &cobra.Command{
		Use:   "show",
		Short: "print the public key of your Mina key (no password needed)",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := a.minaKeyPath(mf)
			b, err := os.ReadFile(path)
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("no Mina key at %s: make one with wf mina keys new", path)
			}
			if err != nil {
				return err
			}
			pk, err := mina.KeystorePublicKey(b)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, pk.Base58())
			return nil
		},
	}
	showCmd.Flags().AddFlagSet(newCmd.Flags())
	return group("keys", "make, import and show your Mina key", `Your Mina key pays from channels you open (and, on a provider, is the key
channels pay; wf provider start --mina-key). It is kept encrypted in
$WF_HOME/mina-key.json unless --mina-key names another file.`, newCmd, importCmd, showCmd)
}

// minaChannel is what wf remembers of a channel it opened.
type minaChannel struct {
	Address     string `json:"address"`
	Payer       string `json:"payer"`
	Provider    string `json:"provider"`
	ProviderURL string `json:"providerUrl,omitempty"`
	Network     string `json:"network"`
	ExpirySlot  uint32 `json:"expirySlot"`
}

func (a *App) minaChannelsPath() string { return filepath.Join(a.home(), "mina-channels.json") }

func (a *App) minaChannels() ([]minaChannel, error) {
	b, err := os.ReadFile(a.minaChannelsPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var cs []minaChannel
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("%s: %w", a.minaChannelsPath(), err)
	}
	return cs, nil
}

func (a *App) saveMinaChannel(c minaChannel) error {
	cs, err := a.minaChannels()
	if err != nil {
		return err
	}
	cs = append(cs, c)
	b, _ := json.MarshalIndent(cs, "", "  ")
	if err := os.MkdirAll(a.home(), 0o700); err != nil {
		return err
	}
	return os.WriteFile(a.minaChannelsPath(), b, 0o600)
}

// parseMina reads an amount of MINA ("1.5") as nanomina.
func parseMina(s string) (uint64, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() <= 0 || strings.ContainsAny(s, "eE/") {
		return 0, fmt.Errorf("%q is not an amount of MINA (such as 1.5)", s)
	}
	r.Mul(r, big.NewRat(1_000_000_000, 1))
	if !r.IsInt() || !r.Num().IsUint64() {
		return 0, fmt.Errorf("%q: MINA has 9 decimals at most", s)
	}
	return r.Num().Uint64(), nil
}

func formatMina(n uint64) string {
	s := fmt.Sprintf("%d.%09d", n/1_000_000_000, n%1_000_000_000)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// minaTerms are a provider's MINA terms from its /v1/info.
type minaTerms struct {
	Network  string `json:"network"`
	Provider string `json:"provider"`
	Price    string `json:"price"`
}

func minaTermsOf(ctx context.Context, providerURL string) (*minaTerms, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(providerURL, "/")+"/v1/info", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var info struct {
		Mina *minaTerms `json:"mina"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&info); err != nil {
		return nil, fmt.Errorf("%s/v1/info: %w", providerURL, err)
	}
	if info.Mina == nil {
		return nil, fmt.Errorf("the provider at %s does not take MINA (no \"mina\" in its /v1/info)", providerURL)
	}
	return info.Mina, nil
}

func (a *App) minaChannelCmd() *cobra.Command {
	var mf *minaFlags
	var providerKey, providerURL, deposit string
	var slots uint32
	var priceCap, budget uint64
	openCmd := &cobra.Command{
		Use:   "open",
		Short: "open a payment channel to a provider with a deposit",
		Long: `Open a PaymentChannel zkApp between your Mina key and one provider, with a
deposit in MINA (plus Mina's 1 MINA account creation fee), and print its
address. --provider-url reads the provider's Mina key and network from
its /v1/info; --provider gives the key instead. The channel takes
vouchers until its expiry slot (now + --slots; Mina's slots are 3
minutes), after which wf mina channel close returns what is left.`,
		Example: `  wf mina channel open --provider-url http://127.0.0.1:8080 --deposit 2
  wf mina channel open --provider B62q... --deposit 0.5 --slots 960`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if deposit == "" {
				return usageErr("--deposit is required")
			}
			dep, err := parseMina(deposit)
			if err != nil {
				return usageErr("--deposit: %v", err)
			}
			if (providerKey == "") == (providerURL == "") {
				return usageErr("give one of --provider-url and --provider")
			}
			c, err := a.settlerClient(mf)
			if err != nil {
				return err
			}
			info, err := c.Info(ctx)
			if err != nil {
				return fmt.Errorf("%w (start one with wf dev --mina, or pass --settler URL)", err)
			}
			if providerURL != "" {
				t, err := minaTermsOf(ctx, providerURL)
				if err != nil {
					return err
				}
				if t.Network != info.Network {
					return fmt.Errorf("the provider takes MINA on %s; the settler at %s runs %s", t.Network, c.URL, info.Network)
				}
				providerKey = t.Provider
			}
			prov, err := mina.ParsePublicKey(providerKey)
			if err != nil {
				return usageErr("--provider: %v", err)
			}
			k, err := a.loadMinaKey(a.minaKeyPath(mf), mf.passwordFile)
			if err != nil {
				return err
			}
			expiry := info.Slot + slots
			addr, hash, err := c.Open(ctx, settler.Open{Payer: k, Provider: prov, PriceCap: priceCap, Budget: budget, ExpirySlot: expiry, Deposit: dep})
			if err != nil {
				return err
			}
			if err := a.saveMinaChannel(minaChannel{Address: addr.Base58(), Payer: k.PublicKey().Base58(), Provider: prov.Base58(),
				ProviderURL: providerURL, Network: info.Network, ExpirySlot: expiry}); err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, addr.Base58())
			fmt.Fprintf(a.Stderr, "opened with %s MINA until slot %d (transaction %s); pay with: wf mina voucher URL\n", formatMina(dep), expiry, hash)
			return nil
		},
	}
	fs := openCmd.Flags()
	mf = a.addMinaFlags(fs, true)
	fs.StringVar(&providerURL, "provider-url", "", "the provider's `URL` (its Mina key and network from /v1/info)")
	fs.StringVar(&providerKey, "provider", "", "the provider's Mina public `KEY` (B62...)")
	fs.StringVar(&deposit, "deposit", "", "`MINA` to deposit, such as 1.5")
	fs.Uint32Var(&slots, "slots", 480, "slots until the channel expires (480: a day of 3-minute slots)")
	fs.Uint64Var(&priceCap, "price-cap", 0, "owner-pays settle: most `NANOMINA` per request (0: none)")
	fs.Uint64Var(&budget, "budget", 0, "owner-pays settle: most `NANOMINA` in all (0: none)")

	var asJSON bool
	showCmd := &cobra.Command{
		Use:   "show ADDRESS",
		Short: "print a channel's state: balance, redeemed, expiry",
		Long: `Print a channel's state as the settler reads it: its balance, what was
redeemed, its expiry slot and the current one, and whether the account
runs the PaymentChannel zkApp.

With --json, prints the settler's object: address, parties, networkId,
priceCap, budget, redeemed, settled, settledCount, balance (strings of
nanomina), expiry and slot (numbers), vkHash (string) and code (boolean).`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			addr, err := mina.ParsePublicKey(args[0])
			if err != nil {
				return usageErr("ADDRESS: %v", err)
			}
			c, err := a.settlerClient(mf)
			if err != nil {
				return err
			}
			st, err := c.Channel(cmd.Context(), addr)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(st)
			}
			bal, _ := strconv.ParseUint(st.Balance, 10, 64)
			red, _ := strconv.ParseUint(st.Redeemed, 10, 64)
			fmt.Fprintf(a.Stdout, "channel   %s\nbalance   %s MINA\nredeemed  %s MINA\nexpiry    slot %d (now %d)\nzkApp     %v\n",
				st.Address, formatMina(bal), formatMina(red), st.Expiry, st.Slot, st.Code)
			return nil
		},
	}
	showCmd.Flags().AddFlagSet(fs)
	showCmd.Flags().BoolVar(&asJSON, "json", false, "print the settler's JSON")
	topupCmd := &cobra.Command{
		Use:   "topup ADDRESS MINA",
		Short: "add MINA to a channel",
		Args:  argsBetween(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			addr, err := mina.ParsePublicKey(args[0])
			if err != nil {
				return usageErr("ADDRESS: %v", err)
			}
			amount, err := parseMina(args[1])
			if err != nil {
				return usageErr("MINA: %v", err)
			}
			c, k, err := a.minaPayer(mf)
			if err != nil {
				return err
			}
			hash, err := c.TopUp(cmd.Context(), addr, k, amount)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "%s\n", hash)
			return nil
		},
	}
	topupCmd.Flags().AddFlagSet(fs)
	closeCmd := &cobra.Command{
		Use:   "close ADDRESS",
		Short: "return what is left in an expired channel to you",
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			addr, err := mina.ParsePublicKey(args[0])
			if err != nil {
				return usageErr("ADDRESS: %v", err)
			}
			if providerKey == "" {
				cs, err := a.minaChannels()
				if err != nil {
					return err
				}
				for _, c := range cs {
					if c.Address == addr.Base58() {
						providerKey = c.Provider
					}
				}
				if providerKey == "" {
					return usageErr("channel %s was not opened here: pass --provider KEY", addr.Base58())
				}
			}
			prov, err := mina.ParsePublicKey(providerKey)
			if err != nil {
				return usageErr("--provider: %v", err)
			}
			c, k, err := a.minaPayer(mf)
			if err != nil {
				return err
			}
			hash, err := c.Close(cmd.Context(), addr, k, prov)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "%s\n", hash)
			return nil
		},
	}
	closeCmd.Flags().AddFlagSet(fs)
	return group("channel", "open, show, top up and close MINA payment channels",
		`A channel is a PaymentChannel zkApp holding your MINA for one provider.`,
		openCmd, showCmd, topupCmd, closeCmd)
}

func (a *App) minaVoucherCmd() *cobra.Command {
	var mf *minaFlags
	var channel, method, data, amount string
	var life time.Duration
	var curl bool
	cmd := &cobra.Command{
		Use:   "voucher URL",
		Short: "print the X-WF-Mina-Voucher header that pays for one request",
		Long: `Print the X-WF-Mina-Voucher header that pays for one request to URL
(PROVIDER/CID/path?query) with --method and --data: your Mina key signs a
voucher for the channel (a cumulative ceiling; default the channel's whole
deposit) naming a new session key, which signs this one request. A header
pays once: make one per request. --curl prints the whole curl command.`,
		Example: `  wf mina voucher http://127.0.0.1:8080/bafy.../ --curl
  curl -H "$(wf mina voucher http://127.0.0.1:8080/bafy.../ --data hi)" --data hi http://127.0.0.1:8080/bafy.../`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			u, err := url.Parse(args[0])
			if err != nil || u.Host == "" {
				return usageErr("URL: want PROVIDER/CID/path")
			}
			rest := strings.TrimPrefix(u.EscapedPath(), "/")
			cidText, path, _ := strings.Cut(rest, "/")
			fn, err := wf.ParseCID(cidText)
			if err != nil {
				return usageErr("URL: the path must start with the function's CID: %v", err)
			}
			if path != "" || strings.HasSuffix(rest, "/") {
				path = "/" + path
			}
			base := u.Scheme + "://" + u.Host
			terms, err := minaTermsOf(ctx, base)
			if err != nil {
				return err
			}
			prov, err := mina.ParsePublicKey(terms.Provider)
			if err != nil {
				return fmt.Errorf("the provider's Mina key: %w", err)
			}
			network, err := mina.ParseNetwork(terms.Network)
			if err != nil {
				return err
			}
			if channel == "" {
				cs, err := a.minaChannels()
				if err != nil {
					return err
				}
				for _, c := range cs {
					if c.Provider == prov.Base58() {
						channel = c.Address // the latest opened
					}
				}
				if channel == "" {
					return fmt.Errorf("no channel to %s here: open one with wf mina channel open --provider-url %s --deposit MINA", prov.Base58(), base)
				}
			}
			ch, err := mina.ParsePublicKey(channel)
			if err != nil {
				return usageErr("--channel: %v", err)
			}
			var cumulative uint64
			if amount != "" {
				if cumulative, err = strconv.ParseUint(amount, 10, 64); err != nil {
					return usageErr("--amount: nanomina, a whole number")
				}
			} else {
				c, err := a.settlerClient(mf)
				if err != nil {
					return err
				}
				st, err := c.Channel(ctx, ch)
				if err != nil {
					return fmt.Errorf("%w (or pass --amount NANOMINA)", err)
				}
				bal, _ := strconv.ParseUint(st.Balance, 10, 64)
				red, _ := strconv.ParseUint(st.Redeemed, 10, 64)
				cumulative = bal + red
			}
			k, err := a.loadMinaKey(a.minaKeyPath(mf), mf.passwordFile)
			if err != nil {
				return err
			}
			_, session, err := ed25519.GenerateKey(rand.Reader)
			if err != nil {
				return err
			}
			h, err := minapay.Pay(k, mina.Voucher{Network: network, Channel: ch, Cumulative: cumulative, Expiry: uint64(time.Now().Add(life).Unix())}, session,
				minapay.Request{Provider: prov, Function: fn, Method: method, Path: path, RawQuery: u.RawQuery, BodyHash: sha256.Sum256([]byte(data)), Seq: 1})
			if err != nil {
				return err
			}
			line := minapay.HeaderName + ": " + h
			if !curl {
				fmt.Fprintln(a.Stdout, line)
				return nil
			}
			c := "curl -H '" + line + "'"
			if method != http.MethodGet {
				c += " -X " + method
			}
			if data != "" {
				c += " --data-binary " + shellQuote(data)
			}
			fmt.Fprintln(a.Stdout, c+" "+shellQuote(args[0]))
			return nil
		},
	}
	fs := cmd.Flags()
	mf = a.addMinaFlags(fs, true)
	fs.StringVar(&channel, "channel", "", "the channel's `ADDRESS` (default: the latest opened here to the URL's provider)")
	fs.StringVar(&method, "method", "", "the request's `METHOD` (default GET, POST with --data)")
	fs.StringVar(&data, "data", "", "the request's `BODY`")
	fs.StringVar(&amount, "amount", "", "the voucher's cumulative ceiling in `NANOMINA` (default the channel's whole deposit)")
	fs.DurationVar(&life, "life", time.Hour, "how long the voucher is valid (providers take 10m to 24h)")
	fs.BoolVar(&curl, "curl", false, "print the whole curl command")
	cmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		if method == "" {
			method = http.MethodGet
			if data != "" {
				method = http.MethodPost
			}
		}
		return nil
	}
	return cmd
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// minaNodeFlags are wf provider start's MINA rail flags.
type minaNodeFlags struct {
	dev                          bool   // wf dev --mina
	zkapp                        string // wf dev --mina-zkapp
	settler, key, network, price string
	settleCount                  int
	settleInterval               time.Duration
}

func (a *App) addMinaNodeFlags(fs *pflag.FlagSet) *minaNodeFlags {
	f := &minaNodeFlags{}
	fs.StringVar(&f.settler, "mina-settler", "", "also take MINA: the MINA settler's `URL` (mina/zkapp/settler.mjs; docs/mina.md)")
	fs.StringVar(&f.key, "mina-key", "", "the provider's Mina keystore `FILE` (default $WF_HOME/provider/mina-key.json; make it with wf mina keys new --mina-key FILE)")
	fs.StringVar(&f.network, "mina-network", "testnet", "the Mina `NETWORK` channels must be on: testnet (devnet) or mainnet")
	fs.StringVar(&f.price, "mina-price", "", "`MINA` per request, such as 0.001 (required with --mina-settler)")
	fs.IntVar(&f.settleCount, "mina-settle-count", 0, "redeem a channel once this many charges are pending (default 1000)")
	fs.DurationVar(&f.settleInterval, "mina-settle-interval", 0, "redeem a channel once its oldest charge waited this long (default 1h)")
	return f
}

// minaNode is the node's MINA rail the flags ask for, or nil.
func (a *App) minaNode(f *minaNodeFlags, passwordFile string) (*node.Mina, error) {
	if f == nil || f.settler == "" {
		return nil, nil
	}
	if f.price == "" {
		return nil, usageErr("--mina-price is required with --mina-settler")
	}
	price, err := parseMina(f.price)
	if err != nil {
		return nil, usageErr("--mina-price: %v", err)
	}
	n, err := mina.ParseNetwork(f.network)
	if err != nil {
		return nil, usageErr("--mina-network: %v", err)
	}
	path := cmpOr(f.key, filepath.Join(a.home(), "provider", "mina-key.json"))
	k, err := a.loadMinaKey(path, passwordFile)
	if err != nil {
		return nil, err
	}
	return &node.Mina{SettlerURL: f.settler, Key: k, Network: n, Price: price, SettleCount: f.settleCount, SettleInterval: f.settleInterval}, nil
}
