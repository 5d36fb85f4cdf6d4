package node

import "github.com/webfunctions/wf/payment/ledger"

// Ledger is the paid node's ledger of charges and settlements, for an
// operator's console (package dashboard) in the same process; nil on a
// free node. It is the node's: read it, do not close it.
func (n *Node) Ledger() *ledger.Ledger {
	if n.payments == nil {
		return nil
	}
	return n.payments.ledger
}
