package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

func (a *App) whoamiCmd() *cobra.Command {
	var (
		o      *chainOpts
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "whoami",
		Short: "your address and, on the chain, its gas, USDC, escrow and approvals",
		Long: `Show the address of your key (--key; no password needed: only its address
is read) and, on the chain (--rpc; wf dev's by default), the ether it has
for gas, the USDC in its wallet, its escrow balance and pending
withdrawal, and the registered providers it has approved: the budget
left, the price cap and any cap per period or metering key.

With --json, prints one object:
  address, key, rpc     strings
  ether, usdc, escrow   decimal strings (ether absent when unknown)
  pendingWithdrawal     decimal string
  approvals             array of {provider, address, budget, maxPrice, perPeriod?, meter?}`,
		Example: `  wf whoami
  wf whoami --key dev --json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.whoami(cmd.Context(), o, asJSON)
		},
	}
	o = addChainFlags(cmd.Flags(), payerKeyHelp)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	return cmd
}

type approvalView struct {
	Provider  string `json:"provider"`
	Address   string `json:"address"`
	Budget    string `json:"budget"`
	MaxPrice  string `json:"maxPrice"`
	PerPeriod string `json:"perPeriod,omitempty"`
	Meter     string `json:"meter,omitempty"`
}

func (a *App) whoami(ctx context.Context, o *chainOpts, asJSON bool) error {
	addr, keyName, err := a.ownAddress(o)
	if err != nil {
		return err
	}
	c, err := a.dial(ctx, o, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	out := struct {
		Address           string         `json:"address"`
		Key               string         `json:"key"`
		RPC               string         `json:"rpc"`
		Ether             string         `json:"ether,omitempty"`
		USDC              string         `json:"usdc"`
		Escrow            string         `json:"escrow"`
		PendingWithdrawal string         `json:"pendingWithdrawal"`
		Approvals         []approvalView `json:"approvals"`
	}{Address: addr.Checksum(), Key: keyName, RPC: strings.Join(a.rpcURLs(o), ","), Approvals: []approvalView{}}
	if eth, err := c.EtherBalance(ctx, addr); err == nil {
		out.Ether = chain.Ether(eth)
	}
	usdc, err := c.TokenBalance(ctx, addr)
	if err != nil {
		return chain.Explain(err)
	}
	out.USDC = wf.NewAmount(usdc).USDC()
	acct, err := c.Account(ctx, addr)
	if err != nil {
		return chain.Explain(err)
	}
	out.Escrow, out.PendingWithdrawal = wf.NewAmount(acct.Balance).USDC(), wf.NewAmount(acct.PendingWithdrawal).USDC()
	ps, err := c.ListProviders(ctx)
	if err != nil {
		return chain.Explain(err)
	}
	for _, p := range ps {
		al, err := c.Allowance(ctx, addr, p.Owner)
		if err != nil {
			return chain.Explain(err)
		}
		if al.Budget == nil || al.Budget.Sign() == 0 {
			continue
		}
		v := approvalView{Provider: p.Name, Address: p.Owner.Checksum(), Budget: wf.NewAmount(al.Budget).USDC(), MaxPrice: wf.NewAmount(al.MaxPricePerRequest).USDC()}
		if l := al.Limits; l.MaxPerPeriod != nil && l.MaxPerPeriod.Sign() > 0 {
			v.PerPeriod = fmt.Sprintf("%s/%s", wf.NewAmount(l.MaxPerPeriod).USDC(), l.Period)
		}
		if !al.Limits.Meter.IsZero() {
			v.Meter = al.Limits.Meter.Checksum()
		}
		out.Approvals = append(out.Approvals, v)
	}
	if asJSON {
		return a.printJSON(out)
	}
	fmt.Fprintf(a.Stdout, "address  %s (%s)\nchain    %s\n", out.Address, out.Key, out.RPC)
	if out.Ether != "" {
		fmt.Fprintf(a.Stdout, "gas      %s ETH\n", out.Ether)
		if eth, err := c.EtherBalance(ctx, addr); err == nil && eth.Sign() == 0 && a.devChainRPC() != "" {
			// wf dev funds $WF_HOME/key.json when it starts.
			fmt.Fprintf(a.Stdout, "         no gas to send anything: wf dev funds your key when it starts (restart it), or wf send 1 ETH %s --key dev\n", out.Address)
		}
	} else {
		fmt.Fprintf(a.Stdout, "gas      unknown through several endpoints\n")
	}
	fmt.Fprintf(a.Stdout, "wallet   %s USDC\nescrow   %s USDC (pending withdrawal %s)\n", out.USDC, out.Escrow, out.PendingWithdrawal)
	if len(out.Approvals) == 0 {
		fmt.Fprintf(a.Stdout, "approvals: none (wf escrow approve PROVIDER --budget USDC)\n")
	}
	for _, v := range out.Approvals {
		fmt.Fprintf(a.Stdout, "approved %s (%s): %s USDC left, at most %s a request", v.Provider, v.Address, v.Budget, v.MaxPrice)
		if v.PerPeriod != "" {
			fmt.Fprintf(a.Stdout, ", at most %s", v.PerPeriod)
		}
		if v.Meter != "" {
			fmt.Fprintf(a.Stdout, ", metered by %s", v.Meter)
		}
		fmt.Fprintln(a.Stdout)
	}
	return nil
}

// ownAddress is the address of the key --key names, without its
// password: dev and dev:N are public, and a keystore states its address
// in the clear.
func (a *App) ownAddress(o *chainOpts) (wf.Address, string, error) {
	if k, ok, err := devKey(o.key); ok || err != nil {
		if err != nil {
			return wf.Address{}, "", err
		}
		return k.Address(), o.key, nil
	}
	path := o.key
	if path == "" {
		path = a.payerKeyPath()
	}
	addr, err := keystoreAddress(path)
	return addr, path, err
}

// keystoreAddress reads the address a v3 keystore states in the clear.
func keystoreAddress(path string) (wf.Address, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return wf.Address{}, fmt.Errorf("no key at %s: create one with `wf keys new`, or pass --key dev", path)
	}
	var ks struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(b, &ks); err != nil {
		return wf.Address{}, fmt.Errorf("%s is not a keystore: %w", path, err)
	}
	addr, err := wf.ParseAddress("0x" + strings.TrimPrefix(ks.Address, "0x"))
	if err != nil {
		return wf.Address{}, fmt.Errorf("%s states no address: %w", path, err)
	}
	return addr, nil
}
