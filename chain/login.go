package chain

import (
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// A dashboard signs a user in by the user's wallet signing
//
//	DashboardLogin(string origin,bytes32 nonce,uint64 expires)
//
// in the project's domain: origin names the dashboard, so a login signed
// for one site is worthless at another; nonce is the dashboard's one-time
// challenge. It is its own type so that no other statement (a spec, a log
// read, a tunnel login) can be passed off as a login.
var loginTypes = apitypes.Types{
	"EIP712Domain": specTypes["EIP712Domain"],
	"DashboardLogin": {
		{Name: "origin", Type: "string"},
		{Name: "nonce", Type: "bytes32"},
		{Name: "expires", Type: "uint64"},
	},
}

// maxOrigin bounds a login's origin, as browsers bound host names.
const maxOrigin = 512

func loginDigest(m wf.DashboardLogin) ([32]byte, error) {
	td, err := loginTyped(m)
	if err != nil {
		return [32]byte{}, err
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return [32]byte{}, fmt.Errorf("chain: login digest: %w", err)
	}
	return [32]byte(h), nil
}

func loginTyped(m wf.DashboardLogin) (apitypes.TypedData, error) {
	if m.Origin == "" || len(m.Origin) > maxOrigin {
		return apitypes.TypedData{}, fmt.Errorf("%w: login origin must be 1 to %d bytes", wf.ErrInvalid, maxOrigin)
	}
	if m.Expires < 0 {
		return apitypes.TypedData{}, fmt.Errorf("%w: login expiry is negative", wf.ErrInvalid)
	}
	return apitypes.TypedData{
		Types:       loginTypes,
		PrimaryType: "DashboardLogin",
		Domain:      domain,
		Message: apitypes.TypedDataMessage{
			"origin":  m.Origin,
			"nonce":   hexutil.Encode(m.Nonce[:]),
			"expires": fmt.Sprint(m.Expires),
		},
	}, nil
}

// TypedDataJSON is m as the JSON a browser wallet signs with
// eth_signTypedData_v4 (EIP-1193): types, primaryType, domain and
// message. The wallet's signature over it is a signature over Digest(m),
// so pages ask the user's wallet to sign what the server then verifies.
// Only DashboardLogin, LogsRequest, AccountRead, *Spec and *NameRecord are offered: the
// statements a dashboard asks a wallet for. Errors wrap wf.ErrInvalid.
func TypedDataJSON(m wf.Message) ([]byte, error) {
	var (
		types   apitypes.Types
		primary string
		msg     map[string]any
	)
	switch m := m.(type) {
	case wf.DashboardLogin:
		if _, err := loginTyped(m); err != nil {
			return nil, err
		}
		types, primary = loginTypes, "DashboardLogin"
		msg = map[string]any{"origin": m.Origin, "nonce": hexutil.Encode(m.Nonce[:]), "expires": m.Expires}
	case wf.LogsRequest:
		types, primary = logsTypes, "ReadLogs"
		msg = map[string]any{"function": m.Function.String(), "provider": common.Address(m.Provider).Hex(), "expires": m.Expires}
	case wf.AccountRead:
		types, primary = accountReadTypes, "ReadAccount"
		msg = map[string]any{"scope": m.Scope, "provider": common.Address(m.Provider).Hex(), "expires": m.Expires}
	case *wf.Spec:
		if m == nil {
			return nil, fmt.Errorf("%w: chain: a nil spec", wf.ErrInvalid)
		}
		canon, err := spec.Canonical(m)
		if err != nil {
			return nil, fmt.Errorf("chain: spec typed data: %w", err)
		}
		types, primary = specTypes, "FunctionSpec"
		msg = map[string]any{"owner": common.Address(m.Owner).Hex(), "specHash": hexutil.Encode(crypto.Keccak256(canon))}
	case *wf.NameRecord:
		if m == nil {
			return nil, fmt.Errorf("%w: chain: a nil name record", wf.ErrInvalid)
		}
		targets := make([]map[string]any, len(m.Targets))
		for i, t := range m.Targets {
			targets[i] = map[string]any{"function": t.Function.String(), "weight": t.Weight}
		}
		types, primary = nameTypes, "NameRecord"
		msg = map[string]any{"name": m.Name, "owner": common.Address(m.Owner).Hex(), "seq": m.Seq,
			"targets": targets, "sticky": m.Sticky, "created": m.Created}
	default:
		return nil, fmt.Errorf("%w: chain: no wallet typed data for %T", wf.ErrInvalid, m)
	}
	return json.Marshal(map[string]any{
		"types":       types,
		"primaryType": primary,
		"domain":      map[string]string{"name": "WebFunctions", "version": "1"},
		"message":     msg,
	})
}

// SignTypedData signs EIP-712 typed data given as eth_signTypedData_v4's
// JSON, as a browser wallet does: whatever it declares, hashed by the
// standard rules. Tests put it behind an injected EIP-1193 wallet; the
// project's own code signs wf.Messages with Sign.
func (k *Key) SignTypedData(js []byte) (wf.Signature, error) {
	var td apitypes.TypedData
	if err := json.Unmarshal(js, &td); err != nil {
		return wf.Signature{}, fmt.Errorf("%w: typed data: %v", wf.ErrInvalid, err)
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return wf.Signature{}, fmt.Errorf("%w: typed data: %v", wf.ErrInvalid, err)
	}
	return k.SignDigest([32]byte(h))
}
