// Package sim is WebFunctions' development chain: go-ethereum's simulated
// backend running the real contracts in-process (Chain), with the tools
// tests need to steer it (Commit, AdjustTime, Congest), and the genesis that
// gives a geth --dev node the same rules (GethGenesis).
//
// It is kept apart from package chain, which it builds on, so that programs
// talking to a real chain (provider nodes, gateways) carry only the client:
// the simulated backend brings a whole Ethereum node (eth, miner, node,
// txpool) with it. devnet, `wf dev`, `wf chain start` and the tests use it.
//
// The dev accounts' keys are public (chain.DevKey): whatever a Chain holds
// has no value, and its JSON-RPC handler belongs on loopback.
package sim
