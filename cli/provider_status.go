package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/provider"
	"github.com/webfunctions/wf/seal"
)

// statusFlags are `wf provider status`'s own flags; the chain's come from
// addChainFlags, and a config file may set any of them (keys of wf
// provider start it does not use are ignored).
type statusFlags struct {
	config, data, name, publicURL string
	asJSON                        bool
}

func (a *App) providerStatusCmd() *cobra.Command {
	var sf statusFlags
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "status",
		Short: "the node's registry entry against the running node, its charges, settlements, gas and earnings",
		Long: `Show a provider as operators check it: the registry entry (endpoint, price,
sealing key, lease) beside what the running node says of itself, every
disagreement named with its fix; the charges it holds (pending and
settled), its settlements (last one, failures, fee bumps, gas used), the
key's gas left and what it earned (settled, and the wallet's USDC).

It reads the node's config file like wf provider start (--config, else
DATA/provider.toml), the running node at its public URL (/v1/info and
/metrics), and the chain. It needs no password: the key's address is read
from its keystore.

With --json, prints one object with the fields shown.`,
		Example: `  wf provider status
  wf provider status --config /etc/wf/provider.toml --json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			cf := sf.config
			if cf == "" {
				if p := defaultConfigPath(sf.data); fileExists(p) {
					cf = p
				}
			}
			if cf != "" {
				if err := applyConfig(cmd.Flags(), cf, true); err != nil {
					return err
				}
			}
			return a.providerStatus(cmd.Context(), &sf, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&sf.config, "config", "", "the node's config `FILE` (default DATA/"+ConfigFileName+" when it exists)")
	fs.StringVar(&sf.data, "data", filepath.Join(a.home(), "provider"), "provider data `DIR` (its sealing keys are compared with the registry)")
	fs.StringVar(&sf.name, "name", "", "registry `NAME` (default: every name the key holds)")
	fs.StringVar(&sf.publicURL, "public-url", "", "the running node's `URL` (default http://"+defaultListen+")")
	fs.BoolVar(&sf.asJSON, "json", false, "print JSON")
	o = addChainFlags(fs, "$WF_HOME/provider/key.json")
	return cmd
}

// nodeStatus is what `wf provider status` prints.
type nodeStatus struct {
	URL      string         `json:"url"`
	Running  bool           `json:"running"`
	Error    string         `json:"error,omitempty"`
	Version  string         `json:"version,omitempty"`
	Address  string         `json:"address"`
	Price    string         `json:"price,omitempty"` // USDC the running node charges
	Entries  []entryStatus  `json:"registry"`
	Gas      string         `json:"gasEther,omitempty"`
	Wallet   string         `json:"walletUSDC,omitempty"`
	Payments *paymentStatus `json:"payments,omitempty"`
	Problems []string       `json:"problems"`
}

type entryStatus struct {
	Name       string `json:"name"`
	Endpoint   string `json:"endpoint"`
	Price      string `json:"price"`
	SealingKey string `json:"sealingKey"`
	Expires    string `json:"expires"`
}

type paymentStatus struct {
	Charged, Pending, Settled, Stranded tallyStatus
	Settlements                         uint64 `json:"settlements"`
	Failures                            uint64 `json:"failures"`
	FeeBumps                            uint64 `json:"feeBumps"`
	GasUsed                             uint64 `json:"gasUsed"`
	LastSettled                         string `json:"lastSettled,omitempty"`
	// FromLedger: read from the stopped node's ledger, not its /metrics.
	FromLedger bool `json:"fromLedger,omitempty"`
}

// paymentStatusOf is how status shows a node's payment figures.
func paymentStatusOf(s provider.PaymentStats) *paymentStatus {
	t := func(x provider.Tally) tallyStatus {
		return tallyStatus{Requests: x.Count, USDC: usdc(orZero(x.Amount))}
	}
	ps := &paymentStatus{Charged: t(s.Charged), Pending: t(s.Pending), Settled: t(s.Settled), Stranded: t(s.Stranded),
		Settlements: s.Settlements, Failures: s.Failures, FeeBumps: s.FeeBumps, GasUsed: s.GasUsed}
	if !s.LastSettled.IsZero() {
		ps.LastSettled = s.LastSettled.UTC().Format(time.RFC3339)
	}
	return ps
}

type tallyStatus struct {
	Requests uint64 `json:"requests"`
	USDC     string `json:"usdc"`
}

func (a *App) providerStatus(ctx context.Context, sf *statusFlags, o *chainOpts) error {
	if o.key == "" {
		o.key = filepath.Join(sf.data, "key.json")
		if !fileExists(o.key) {
			o.key = a.providerKeyPath()
		}
	}
	addr, _, err := a.ownAddress(o)
	if err != nil {
		return err
	}
	st := nodeStatus{URL: sf.publicURL, Address: addr.Checksum(), Problems: []string{}}
	if st.URL == "" {
		st.URL = "http://" + defaultListen
	}
	ictx, cancel := context.WithTimeout(ctx, 5*time.Second)
	info, err := client.New(st.URL).Info(ictx)
	cancel()
	if err != nil {
		st.Error = err.Error()
		st.Problems = append(st.Problems, fmt.Sprintf("the node does not answer at %s: %v (start it: wf provider start; or give its --public-url)", st.URL, err))
		// Stopped: its ledger can be read directly (not while it runs).
		if snap, err := node.ReadLedger(sf.data); err == nil {
			st.Payments = paymentStatusOf(node.LedgerStats(snap.Accounts, snap.Batches))
			st.Payments.FromLedger = true
		}
	} else {
		st.Running, st.Version = true, info.Version
		if info.Price.Sign() > 0 {
			st.Price = info.Price.USDC()
		}
		if info.Address != addr {
			st.Problems = append(st.Problems, fmt.Sprintf("the node at %s runs key %s, not %s", st.URL, info.Address.Checksum(), addr.Checksum()))
		}
		if ps, err := scrapePayments(ctx, st.URL); err == nil {
			st.Payments = ps
		}
	}

	c, err := a.dial(ctx, o, nil)
	if err != nil {
		st.Problems = append(st.Problems, fmt.Sprintf("cannot read the chain: %v", err))
		return a.printStatus(&st, sf.asJSON)
	}
	defer c.Close()
	var entries []chain.Provider
	if sf.name != "" {
		p, err := c.LookupProvider(ctx, sf.name)
		if err != nil {
			st.Problems = append(st.Problems, fmt.Sprintf("%q: %v", sf.name, chain.Explain(err)))
		} else {
			entries = append(entries, p)
		}
	} else if all, err := c.ListProviders(ctx); err == nil {
		for _, p := range all {
			if p.Owner == addr {
				entries = append(entries, p)
			}
		}
	}
	if len(entries) == 0 {
		st.Problems = append(st.Problems, fmt.Sprintf("key %s holds no registry name: wf provider register NAME --endpoint URL --price USDC --sealing-key $(wf provider init --hex)", addr.Checksum()))
	}
	for _, p := range entries {
		st.Entries = append(st.Entries, entryStatus{Name: p.Name, Endpoint: p.Endpoint, Price: usdc(orZero(p.PricePerRequest)),
			SealingKey: sealingKeyID(p.SealingKey), Expires: p.Expires.UTC().Format(time.RFC3339)})
		if p.Owner != addr {
			st.Problems = append(st.Problems, fmt.Sprintf("%q belongs to %s, not to this key", p.Name, p.Owner.Checksum()))
			continue
		}
		if !st.Running {
			continue
		}
		// The running node as the registry should describe it.
		in := checkInput{addr: addr, publicURL: sf.publicURL, data: sf.data, renew: true}
		if info.Price.Sign() > 0 {
			in.price = info.Price.Big()
		}
		if kr, err := seal.LoadKeyring(filepath.Join(sf.data, "sealing-keys.json")); err == nil {
			in.sealing = kr
		} else if info.SealingKey != nil {
			in.sealing = nil
			if !equalBytes(info.SealingKey.Bytes(), p.SealingKey) {
				st.Problems = append(st.Problems, fmt.Sprintf("registry sealing key of %q is not the node's current one (%s)", p.Name, info.SealingKey.ID()))
			}
		}
		for _, f := range checkEntry(p, in) {
			st.Problems = append(st.Problems, f.String())
		}
	}
	if bal, err := c.EtherBalance(ctx, addr); err == nil {
		st.Gas = chain.Ether(bal)
		if gp, err := c.GasPrice(ctx); err == nil && gp.Sign() > 0 {
			if n := new(big.Int).Div(bal, new(big.Int).Mul(gp, big.NewInt(settleGas))); n.Cmp(big.NewInt(lowGasSettlements)) < 0 {
				st.Problems = append(st.Problems, fmt.Sprintf("gas for about %s settlements left: wf send 0.01 ETH %s --key YOURS", n, addr.Checksum()))
			}
		}
	}
	if tb, err := c.TokenBalance(ctx, addr); err == nil {
		st.Wallet = usdc(tb)
	}
	return a.printStatus(&st, sf.asJSON)
}

func (a *App) printStatus(st *nodeStatus, asJSON bool) error {
	if asJSON {
		return a.printJSON(st)
	}
	w := a.Stdout
	if st.Running {
		fmt.Fprintf(w, "node      %s: running, version %s", st.URL, st.Version)
		if st.Price != "" {
			fmt.Fprintf(w, ", %s USDC a request", st.Price)
		} else {
			fmt.Fprintf(w, ", free")
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprintf(w, "node      %s: not answering\n", st.URL)
	}
	fmt.Fprintf(w, "key       %s", st.Address)
	if st.Gas != "" {
		fmt.Fprintf(w, ", gas %s ETH", st.Gas)
	}
	if st.Wallet != "" {
		fmt.Fprintf(w, ", wallet %s USDC", st.Wallet)
	}
	fmt.Fprintln(w)
	for _, e := range st.Entries {
		fmt.Fprintf(w, "registry  %s: %s, %s USDC a request, sealing key %s, lease until %s\n", e.Name, e.Endpoint, e.Price, e.SealingKey, e.Expires)
	}
	if p := st.Payments; p != nil {
		if p.FromLedger {
			fmt.Fprintf(w, "ledger    read from %s (the node is stopped)\n", "the data directory")
		}
		fmt.Fprintf(w, "charges   %d charged (%s USDC), %d pending (%s USDC), %d settled (%s USDC)", p.Charged.Requests, p.Charged.USDC,
			p.Pending.Requests, p.Pending.USDC, p.Settled.Requests, p.Settled.USDC)
		if p.Stranded.Requests > 0 {
			fmt.Fprintf(w, ", %d stranded (%s USDC)", p.Stranded.Requests, p.Stranded.USDC)
		}
		fmt.Fprintln(w)
		last := "none yet"
		if p.LastSettled != "" {
			last = "last " + p.LastSettled
		}
		fmt.Fprintf(w, "settled   %d settlement(s), %s; %d failed, %d fee bump(s), %d gas used\n", p.Settlements, last, p.Failures, p.FeeBumps, p.GasUsed)
		fmt.Fprintf(w, "earnings  %s USDC settled to this key", p.Settled.USDC)
		if p.Pending.Requests > 0 {
			fmt.Fprintf(w, ", %s USDC more to settle", p.Pending.USDC)
		}
		fmt.Fprintln(w)
	}
	if len(st.Problems) == 0 {
		fmt.Fprintln(w, "ok        the registry agrees with the running node")
		return nil
	}
	for _, p := range st.Problems {
		fmt.Fprintf(w, "PROBLEM   %s\n", p)
	}
	return nil
}

// scrapePayments reads the payment metrics of the node at url.
func scrapePayments(ctx context.Context, url string) (*paymentStatus, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(url, "/")+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("/metrics: %s", resp.Status)
	}
	m := map[string]float64{}
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 8<<20))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "wf_payment_") && !strings.HasPrefix(line, "wf_settlement") && !strings.HasPrefix(line, "wf_last_settlement") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			continue
		}
		m[line[:i]] = v
	}
	if _, ok := m["wf_payment_stats_up"]; !ok {
		return nil, fmt.Errorf("no payment metrics: a free node")
	}
	t := func(state string) tallyStatus {
		n := m[`wf_payment_requests{state="`+state+`"}`]
		amt := m[`wf_payment_amount_base_units{state="`+state+`"}`]
		return tallyStatus{Requests: uint64(n), USDC: usdc(new(big.Int).SetUint64(uint64(amt)))}
	}
	ps := &paymentStatus{Charged: t("charged"), Pending: t("pending"), Settled: t("settled"), Stranded: t("stranded"),
		Settlements: uint64(m[`wf_settlements_total{outcome="mined"}`]), Failures: uint64(m[`wf_settlements_total{outcome="failed"}`]),
		FeeBumps: uint64(m[`wf_settlements_total{outcome="fee_bump"}`]), GasUsed: uint64(m["wf_settlement_gas_used_total"])}
	if ts := m["wf_last_settlement_timestamp_seconds"]; ts > 0 {
		ps.LastSettled = time.Unix(int64(ts), 0).UTC().Format(time.RFC3339)
	}
	return ps, nil
}

func sealingKeyID(b []byte) string {
	if len(b) == 0 || equalBytes(b, noSealingKey) {
		return "none"
	}
	if pk, err := seal.ParsePublicKey(b); err == nil {
		return pk.ID().String()
	}
	return fmt.Sprintf("(%d bytes, not a key this version reads)", len(b))
}

func orZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

func equalBytes(a, b []byte) bool { return string(a) == string(b) }
