package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/webfunctions/wf/chain/bindings"
	"github.com/webfunctions/wf/wf"
)

// Credits calls a Credits contract (contracts/src/Credits.sol): trial
// credits a provider grants a user, usable only with that provider and
// never withdrawable. It is safe for concurrent use.
type Credits struct {
	c    *Client
	addr wf.Address
	abi  *bindings.Credits
}

// DeployCredits deploys a Credits contract for the client's token; spent
// credits go to sink.
func (c *Client) DeployCredits(ctx context.Context, sink wf.Address) (wf.Address, error) {
	if sink.IsZero() {
		return wf.Address{}, fmt.Errorf("%w: chain: credits need a sink for spent credits", wf.ErrInvalid)
	}
	args, err := bindings.NewCredits().GetABI().Pack("", common.Address(c.contracts.Token), common.Address(sink))
	if err != nil {
		return wf.Address{}, fmt.Errorf("chain: deploy Credits: %w", err)
	}
	return c.create(ctx, "Credits", bindings.CreditsMetaData.Bin, args)
}

// Credits returns the Credits contract at addr, checking that code is deployed there.
func (c *Client) Credits(ctx context.Context, addr wf.Address) (*Credits, error) {
	if err := c.hasCode(ctx, addr, "credits"); err != nil {
		return nil, err
	}
	return &Credits{c: c, addr: addr, abi: bindings.NewCredits()}, nil
}

// Address is the contract's address.
func (cr *Credits) Address() wf.Address { return cr.addr }

// As returns the contract called as c.
func (cr *Credits) As(c *Client) *Credits { return &Credits{c: c, addr: cr.addr, abi: cr.abi} }

// Grant gives user amt of the client's tokens as credits with the client
// (a provider), approving the transfer first if needed.
func (cr *Credits) Grant(ctx context.Context, user wf.Address, amt *big.Int) (Receipt, error) {
	if err := amount("credits", amt, 256); err != nil {
		return Receipt{}, err
	}
	if cr.c.key == nil {
		return Receipt{}, fmt.Errorf("chain: grant credits: %w", ErrNoKey)
	}
	if err := cr.c.approveToken(ctx, cr.addr, amt); err != nil {
		return Receipt{}, err
	}
	return cr.c.transact(ctx, cr.addr, cr.abi.PackGrant(common.Address(user), amt), "grant credits to "+user.Checksum())
}

// Spend records that user used amt of the client's credits.
func (cr *Credits) Spend(ctx context.Context, user wf.Address, amt *big.Int) (Receipt, error) {
	if err := amount("credits", amt, 256); err != nil {
		return Receipt{}, err
	}
	return cr.c.transact(ctx, cr.addr, cr.abi.PackSpend(common.Address(user), amt), "spend credits of "+user.Checksum())
}

// Of is what provider granted user: what is left and what was spent.
func (cr *Credits) Of(ctx context.Context, provider, user wf.Address) (left, spent *big.Int, err error) {
	p, u := common.Address(provider), common.Address(user)
	err = cr.c.readAll(ctx, cr.addr, "credits",
		readOne(cr.abi.PackCredits(p, u), cr.abi.UnpackCredits, &left),
		readOne(cr.abi.PackSpent(p, u), cr.abi.UnpackSpent, &spent))
	return left, spent, err
}
