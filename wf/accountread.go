package wf

// AccountRead asks the provider whose address is Provider for what it
// holds of the signer's, under Scope, until Expires (Unix seconds):
//
//	ReadAccount(string scope,address provider,uint64 expires)
//
// ScopePayer reads the signer's own accounts as a payer (what the node
// charged it and has not yet settled); ScopeOperator reads the node's
// operator console and is honoured only when the signer is the
// provider's own key. The scope is signed, so a payer's read never opens
// a console, and Provider binds it to one node, as LogsRequest does.
type AccountRead struct {
	Scope    string
	Provider Address
	Expires  int64
}

// The scopes of an AccountRead.
const (
	ScopePayer    = "payer"
	ScopeOperator = "operator"
)

func (AccountRead) message() {}
