package chain

import (
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"

	"github.com/webfunctions/wf/wf"
)

// GethDevAccount is the account `geth --dev` signs with when its keystore
// is empty: the address of geth's public developer key.
var GethDevAccount = func() wf.Address {
	k, err := KeyFromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291")
	if err != nil {
		panic(err)
	}
	return k.Address()
}()

// DevGenesis is the genesis file (geth's JSON) of a development chain with
// chain id 1337 that runs today's fork rules, as NewSimulated does, with
// alloc's balances. `geth --dev` alone switches on every fork geth knows,
// including unscheduled ones that reprice storage; to get today's gas
// figures from a real node, `geth init` this file into a data dir and start
// `geth --dev --datadir DIR` on it (fund GethDevAccount so that the node's
// own account can pay, see FundFromNode).
func DevGenesis(gasLimit uint64, alloc map[wf.Address]*big.Int) ([]byte, error) {
	g := core.DeveloperGenesisBlock(gasLimit, nil)
	ec := ethconfig.Defaults
	ec.Genesis = g
	todaysForks(nil, &ec)
	for a, wei := range alloc {
		g.Alloc[common.Address(a)] = types.Account{Balance: new(big.Int).Set(wei)}
	}
	b, err := json.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("chain: dev genesis: %w", err)
	}
	return b, nil
}
