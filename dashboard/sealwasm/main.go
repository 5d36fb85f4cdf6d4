//go:build js && wasm

// Command sealwasm is package seal compiled for the browser (GOOS=js
// GOARCH=wasm): the dashboard's secrets page seals a function's secrets
// in the page with it, so the dashboard's server never sees a value, and
// the browser runs the same sealing code as wf secrets and the providers
// that open it. The build is embedded in the dashboard as
// static/seal.wasm.gz; TestSealWasmUpToDate rebuilds it and fails when
// the embedded copy differs (WF_UPDATE_SEALWASM=1 rewrites it).
//
// It defines one function, wfSealSecrets(request JSON) -> answer JSON:
//
//	request {"owner": "0x...", "keys": [sealing public key, base64],
//	         "env": [public env names], "secrets": {"NAME": "value"}}
//	answer  {"block": base64 sealed secrets, "grants": [wf.Grant]}
//	        or {"error": "what is wrong"}
//
// A new data key seals the secrets and is wrapped to each key, bound to
// the owner; it is destroyed before the answer returns and never leaves
// this module.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/wf"
)

type request struct {
	Owner   string            `json:"owner"`
	Keys    []string          `json:"keys"`
	Env     []string          `json:"env"`
	Secrets map[string]string `json:"secrets"`
}

type answer struct {
	Block  []byte     `json:"block,omitempty"`
	Grants []wf.Grant `json:"grants,omitempty"`
	Error  string     `json:"error,omitempty"`
}

func main() {
	js.Global().Set("wfSealSecrets", js.FuncOf(func(_ js.Value, args []js.Value) any {
		var a answer
		if len(args) != 1 || args[0].Type() != js.TypeString {
			a.Error = "wfSealSecrets takes one JSON string"
		} else if b, g, err := sealSecrets(args[0].String()); err != nil {
			a.Error = err.Error()
		} else {
			a.Block, a.Grants = b, g
		}
		out, _ := json.Marshal(a)
		return string(out)
	}))
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("wfseal"))
	select {}
}

func sealSecrets(reqJSON string) ([]byte, []wf.Grant, error) {
	var req request
	if err := json.Unmarshal([]byte(reqJSON), &req); err != nil {
		return nil, nil, fmt.Errorf("the request: %v", err)
	}
	defer clear(req.Secrets)
	owner, err := wf.ParseAddress(req.Owner)
	if err != nil {
		return nil, nil, fmt.Errorf("owner: %v", err)
	}
	if len(req.Keys) == 0 {
		return nil, nil, fmt.Errorf("no provider holding this function has a sealing key")
	}
	for name := range req.Secrets {
		if !seal.ValidSecretName(name) {
			return nil, nil, fmt.Errorf("secret name %q must match [A-Za-z_][A-Za-z0-9_]* (at most %d bytes)", name, seal.MaxSecretName)
		}
	}
	public := map[string]string{}
	for _, n := range req.Env {
		public[n] = ""
	}
	if _, err := seal.MergeEnv(public, req.Secrets); err != nil {
		return nil, nil, err
	}
	block, dk, err := seal.Seal(req.Secrets)
	if err != nil {
		return nil, nil, err
	}
	defer dk.Destroy()
	var s wf.Sealed
	for _, k := range req.Keys {
		pk, err := seal.ParsePublicKeyText(k)
		if err != nil {
			return nil, nil, fmt.Errorf("a provider's sealing key: %v", err)
		}
		g, err := seal.Grant(dk, pk, owner)
		if err != nil {
			return nil, nil, err
		}
		seal.SetGrant(&s, g)
	}
	return block, s.Grants, nil
}
