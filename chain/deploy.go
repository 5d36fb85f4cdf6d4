package chain

import (
	"cmp"
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// DeployOptions configures Deploy.
type DeployOptions struct {
	// Token is the ERC-20 the escrow holds. Zero deploys a MockUSDC, for
	// development.
	Token wf.Address
	// WithdrawDelay is how long a payer's withdrawal waits so providers can
	// settle first. Default 24 hours.
	WithdrawDelay time.Duration
	// Registry's terms for names: the bond in wei (nil: DefaultBond; zero:
	// no bond), the lease (default DefaultLease) and the grace after it
	// (default DefaultGrace). See Terms.
	Bond         *big.Int
	Lease, Grace time.Duration
	// FeeBps is the escrow's protocol fee in basis points of each payment
	// to a provider (0, the default: none; at most 1000), paid to FeeSink
	// and counted in the escrow's feesPaid, which caps what the rewards
	// pool pays (see rewards.go).
	FeeBps  uint16
	FeeSink wf.Address
	// Rewards, if set, deploys a RewardsPool right after the escrow, and
	// the escrow's fees go to it (FeeSink must then be zero and FeeBps
	// not): the fees providers pay fund the rewards of good providers.
	// Its address is Contracts.Rewards.
	Rewards *RewardsConfig
	// Credits deploys a Credits contract (trial credits) too, whose spent
	// credits go to the rewards pool, else to FeeSink (one must be set).
	// Its address is Contracts.Credits.
	Credits bool
}

// Deploy deploys the Registry and the Escrow (and a MockUSDC unless
// o.Token is set) from key's account and returns their addresses.
func Deploy(ctx context.Context, backend Backend, key *Key, o DeployOptions) (Contracts, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return Contracts{}, fmt.Errorf("chain: chain id: %w", err)
	}
	return newClient(backend, id, key, Config{}).deploy(ctx, o)
}

// DeployAt deploys the contracts (see Deploy) to the chain at rpcURL from
// key's account and returns their addresses and the chain's id.
func DeployAt(ctx context.Context, rpcURL string, key *Key, o DeployOptions) (Contracts, *big.Int, error) {
	ec, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return Contracts{}, nil, fmt.Errorf("chain: dial %s: %w", rpcURL, err)
	}
	defer ec.Close()
	id, err := ec.ChainID(ctx)
	if err != nil {
		return Contracts{}, nil, fmt.Errorf("chain: chain id: %w", err)
	}
	if !o.Token.IsZero() {
		code, err := ec.CodeAt(ctx, common.Address(o.Token), nil)
		if err != nil {
			return Contracts{}, nil, fmt.Errorf("chain: check token: %w", err)
		}
		if len(code) == 0 {
			return Contracts{}, nil, fmt.Errorf("%w: chain: no token contract at %s on chain %s", wf.ErrInvalid, o.Token.Checksum(), id)
		}
	}
	c, err := newClient(ec, id, key, Config{}).deploy(ctx, o)
	return c, id, err
}

func (c *Client) deploy(ctx context.Context, o DeployOptions) (Contracts, error) {
	if o.WithdrawDelay == 0 {
		o.WithdrawDelay = 24 * time.Hour
	}
	if o.WithdrawDelay < 0 {
		return Contracts{}, fmt.Errorf("%w: negative withdraw delay", wf.ErrInvalid)
	}
	var out Contracts
	var err error
	out.Token = o.Token
	if out.Token.IsZero() {
		if out.Token, err = c.create(ctx, "MockUSDC", bindings.MockUSDCMetaData.Bin, nil); err != nil {
			return Contracts{}, err
		}
	}
	regArgs, err := registryArgs(o)
	if err != nil {
		return Contracts{}, err
	}
	if out.Registry, err = c.create(ctx, "Registry", bindings.RegistryMetaData.Bin, regArgs); err != nil {
		return Contracts{}, err
	}
	if o.Rewards != nil {
		if o.FeeBps == 0 || !o.FeeSink.IsZero() {
			return Contracts{}, fmt.Errorf("%w: chain: a rewards pool deployed with the escrow is its fee sink: give a fee and no sink", wf.ErrInvalid)
		}
		// The pool is created by the transaction after the escrow's, so its
		// address is known before either exists (CREATE: sender and nonce).
		nonce, err := c.backend.PendingNonceAt(ctx, common.Address(c.Address()))
		if err != nil {
			return Contracts{}, fmt.Errorf("chain: deploy: nonce: %w", err)
		}
		o.FeeSink = wf.Address(crypto.CreateAddress(common.Address(c.Address()), nonce+1))
	}
	escrowABI := bindings.NewEscrow().GetABI()
	args, err := escrowABI.Pack("", common.Address(out.Token), big.NewInt(int64(o.WithdrawDelay/time.Second)), o.FeeBps, common.Address(o.FeeSink))
	if err != nil {
		return Contracts{}, fmt.Errorf("chain: deploy Escrow: %w", err)
	}
	if out.Escrow, err = c.create(ctx, "Escrow", bindings.EscrowMetaData.Bin, args); err != nil {
		return Contracts{}, err
	}
	if o.Rewards != nil {
		args, err := rewardsArgs(out, *o.Rewards)
		if err != nil {
			return Contracts{}, err
		}
		if out.Rewards, err = c.create(ctx, "RewardsPool", bindings.RewardsPoolMetaData.Bin, args); err != nil {
			return Contracts{}, err
		}
		if out.Rewards != o.FeeSink {
			// Another transaction from this key came between: the escrow's fees go elsewhere.
			return Contracts{}, fmt.Errorf("chain: deploy: the rewards pool landed at %s, not at the escrow's fee sink %s (was the deploying key used meanwhile?)",
				out.Rewards.Checksum(), o.FeeSink.Checksum())
		}
	}
	if o.Credits {
		sink := cmp.Or(out.Rewards, o.FeeSink)
		if sink.IsZero() {
			return Contracts{}, fmt.Errorf("%w: chain: credits need a sink: a rewards pool or a fee sink", wf.ErrInvalid)
		}
		args, err := bindings.NewCredits().GetABI().Pack("", common.Address(out.Token), common.Address(sink))
		if err != nil {
			return Contracts{}, fmt.Errorf("chain: deploy Credits: %w", err)
		}
		if out.Credits, err = c.create(ctx, "Credits", bindings.CreditsMetaData.Bin, args); err != nil {
			return Contracts{}, err
		}
	}
	c.contracts = out
	return out, nil
}

func (c *Client) create(ctx context.Context, name, bin string, args []byte) (wf.Address, error) {
	code := append(common.FromHex(bin), args...)
	r, err := c.sendAndWait(ctx, nil, nil, code, "deploy "+name)
	if err != nil {
		return wf.Address{}, err
	}
	return wf.Address(r.ContractAddress), nil
}

// registryArgs packs the Registry's constructor arguments from o's terms.
func registryArgs(o DeployOptions) ([]byte, error) {
	bond, lease, grace := o.Bond, o.Lease, o.Grace
	if bond == nil {
		bond = DefaultBond
	}
	if lease == 0 {
		lease = DefaultLease
	}
	if grace == 0 {
		grace = DefaultGrace
	}
	if bond.Sign() < 0 || lease < time.Hour || grace < 0 {
		return nil, fmt.Errorf("%w: registry terms: bond %s wei, lease %s (at least 1h), grace %s", wf.ErrInvalid, bond, lease, grace)
	}
	args, err := bindings.NewRegistry().GetABI().Pack("", bond, uint64(lease/time.Second), uint64(grace/time.Second))
	if err != nil {
		return nil, fmt.Errorf("chain: deploy Registry: %w", err)
	}
	return args, nil
}
