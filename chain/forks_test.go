package chain

import (
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/params"
)

// paramsForTest is the chain config NewSimulated uses.
func paramsForTest() *params.ChainConfig {
	ec := ethconfig.Defaults
	ec.Genesis = &core.Genesis{Config: params.AllDevChainProtocolChanges}
	todaysForks(nil, &ec)
	return ec.Genesis.Config
}
