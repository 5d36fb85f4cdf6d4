package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/wf"
)

// payFlags are `wf invoke`'s flags for paying as the caller.
type payFlags struct {
	provider string // --pay NAME|ADDRESS
	headroom string
	o        *chainOpts
}

func addPayFlags(fs *pflag.FlagSet) *payFlags {
	p := &payFlags{}
	fs.StringVar(&p.provider, "pay", "", "pay for the request yourself, from your escrow, to the provider `NAME|ADDRESS` (its registered name or address; the running total, session keys and sequence numbers are kept in $WF_HOME/pay)")
	fs.StringVar(&p.headroom, "pay-headroom", "", "with --pay: how far past what you owe a session's voucher reaches, in `USDC`: the most the provider could take without serving (default 100 requests at its price)")
	p.o = addChainFlags(fs, payerKeyHelp)
	return p
}

// payer returns the Payer for --pay, its state in $WF_HOME/pay, and a
// function that closes the chain connection; nil without --pay.
func (a *App) payer(ctx context.Context, f *payFlags) (*client.Payer, func(), error) {
	if f == nil || f.provider == "" {
		return nil, func() {}, nil
	}
	var head wf.Amount
	if f.headroom != "" {
		h, err := positiveUSDC("pay-headroom", f.headroom)
		if err != nil {
			return nil, nil, err
		}
		head = wf.NewAmount(h)
	}
	c, key, err := a.connect(ctx, f.o, a.payerKeyPath())
	if err != nil {
		return nil, nil, err
	}
	prov, reg, err := resolveProvider(ctx, c, f.provider)
	if err != nil {
		c.Close()
		return nil, nil, err
	}
	if !c.ChainID().IsUint64() {
		c.Close()
		return nil, nil, fmt.Errorf("chain id %s does not fit 64 bits", c.ChainID())
	}
	chainID, escrow := c.ChainID().Uint64(), c.Contracts().Escrow
	name := fmt.Sprintf("%d-%s-%s-%s.json", chainID, strings.ToLower(escrow.String()), strings.ToLower(prov.String()), strings.ToLower(key.Address().String()))
	st := &filePayStore{path: filepath.Join(a.home(), "pay", name)}
	// A fresh state (this machine never paid this provider) starts from
	// what the escrow already paid it: vouchers' ceilings are cumulative.
	if err := st.Update(func(s *client.PayState) error {
		if s.Owed.Sign() == 0 {
			r, err := c.Redeemed(ctx, key.Address(), prov)
			if err != nil {
				return err
			}
			s.Owed = wf.NewAmount(r)
		}
		if s.Price.Sign() == 0 && reg != nil && reg.PricePerRequest != nil {
			s.Price = wf.NewAmount(reg.PricePerRequest) // the answers correct it
		}
		return nil
	}); err != nil {
		c.Close()
		return nil, nil, err
	}
	return &client.Payer{Signer: key, ChainID: chainID, Escrow: escrow, Provider: prov, Headroom: head, Store: st}, func() { c.Close() }, nil
}

// filePayStore is a client.PayStore in one JSON file, locked across
// processes (lockFile) so concurrent `wf invoke --pay` runs share the
// running total and never reuse a sequence number.
type filePayStore struct{ path string }

func (s *filePayStore) Update(f func(*client.PayState) error) error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	unlock, err := lockFile(s.path + ".lock")
	if err != nil {
		return fmt.Errorf("lock %s: %w", s.path, err)
	}
	defer unlock()
	var st client.PayState
	switch b, err := os.ReadFile(s.path); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		if err := json.Unmarshal(b, &st); err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
	}
	if err := f(&st); err != nil {
		return err
	}
	b, err := json.MarshalIndent(&st, "", "  ")
	if err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}
