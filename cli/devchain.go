package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// devChainFile is where wf dev records its chain while it runs, so that wf
// commands with the same WF_HOME find it without --rpc, also when the
// default port was taken and the chain moved.
func (a *App) devChainFile() string { return filepath.Join(a.home(), "dev-chain.json") }

type devChainRecord struct {
	RPC      string `json:"rpc"`
	Provider string `json:"provider,omitempty"` // the dev provider's URL
	PID      int    `json:"pid"`
}

// recordDevChain writes the record; the returned function removes it.
func (a *App) recordDevChain(rpc, provider string) (func(), error) {
	b, err := json.Marshal(devChainRecord{RPC: rpc, Provider: provider, PID: os.Getpid()})
	if err != nil {
		return nil, err
	}
	path := a.devChainFile()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return nil, err
	}
	return func() { os.Remove(path) }, nil
}

// devChainRPC is the chain of a wf dev running with this WF_HOME, or "".
func (a *App) devChainRPC() string { return a.devRecord().RPC }

// devProvider is the provider of a wf dev running with this WF_HOME, or
// "": commands default to it, also when the default port was taken.
func (a *App) devProvider() string { return a.devRecord().Provider }

func (a *App) devRecord() devChainRecord {
	b, err := os.ReadFile(a.devChainFile())
	if err != nil {
		return devChainRecord{}
	}
	var r devChainRecord
	if json.Unmarshal(b, &r) != nil || r.RPC == "" || !processAlive(r.PID) {
		return devChainRecord{} // a wf dev that did not stop cleanly left it
	}
	return r
}
