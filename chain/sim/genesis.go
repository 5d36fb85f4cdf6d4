package sim

import (
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// todaysForks replaces the simulated backend's genesis rules, which switch
// on every fork go-ethereum knows (including unscheduled ones that reprice
// storage), with mainnet's current rules: everything up to Osaka.
func todaysForks(_ *node.Config, ec *ethconfig.Config) {
	cfg := *params.AllDevChainProtocolChanges
	cfg.AmsterdamTime = nil
	cfg.BogotaTime = nil
	cfg.UBTTime = nil
	ec.Genesis.Config = &cfg
}

// GethDevAccount is the account `geth --dev` signs with when its keystore
// is empty: the address of geth's public developer key.
var GethDevAccount = func() wf.Address {
	k, err := chain.KeyFromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291")
	if err != nil {
		panic(err)
	}
	return k.Address()
}()

// GethGenesis is the genesis file (geth's JSON) of a development chain with
// chain id 1337 that runs today's fork rules, as a Chain does, with alloc's
// balances. `geth --dev` alone switches on every fork geth knows, including
// unscheduled ones that reprice storage; to get today's gas figures from a
// real node, `geth init` this file into a data dir and start `geth --dev
// --datadir DIR` on it (fund GethDevAccount so that the node's own account
// can pay, see chain.FundFromNode).
func GethGenesis(gasLimit uint64, alloc map[wf.Address]*big.Int) ([]byte, error) {
	g := core.DeveloperGenesisBlock(gasLimit, nil)
	ec := ethconfig.Defaults
	ec.Genesis = g
	todaysForks(nil, &ec)
	for a, wei := range alloc {
		g.Alloc[common.Address(a)] = types.Account{Balance: new(big.Int).Set(wei)}
	}
	b, err := json.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("sim: geth genesis: %w", err)
	}
	return b, nil
}
