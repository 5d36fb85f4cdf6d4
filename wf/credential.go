package wf

// CredentialRequest is a holder's request to a credential issuer (package
// cred): the account that signs it asks Issuer (the issuer's key, its text
// form) to sign a credential over Commitment (the holder's secret
// commitment), and the request is good until Expires (unix seconds), so
// the issuer can check what it knows of the account (an allow-list, the
// chain) without learning anything that links the credential to later
// calls:
//
//	CredentialRequest(string issuer,bytes32 commitment,uint64 expires)
type CredentialRequest struct {
	Issuer     string
	Commitment [32]byte
	Expires    int64
}

func (CredentialRequest) message() {}
