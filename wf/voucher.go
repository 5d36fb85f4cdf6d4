package wf

// Voucher is a caller-pays voucher: Payer lets Provider redeem from its
// escrow, in all, up to Cumulative (token base units) until Expiry (Unix
// seconds), for requests each signed by the Ed25519 key Session. Unlike
// the other Messages it is signed in the escrow contract's own EIP-712
// domain, which the contract checks:
//
//	domain  EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
//	        = ("WebFunctions Escrow", "1", ChainID, Escrow)
//	message Voucher(address payer,address provider,uint256 cumulativeAmount,uint256 expiry,bytes32 session)
//
// It is a Message so that a Signer (a wallet, the Go client) can sign it
// without linking the chain client. Package payment/voucher carries it on
// requests.
type Voucher struct {
	ChainID    uint64
	Escrow     Address
	Payer      Address // must be the signer
	Provider   Address
	Cumulative Amount
	Expiry     int64
	Session    [32]byte
}

func (Voucher) message() {}
