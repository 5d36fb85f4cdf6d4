package wf

// DashboardLogin signs a user in to a dashboard (package dashboard): the
// dashboard at Origin (scheme://host[:port], as the browser shows it)
// issued Nonce once, and the login is good until Expires (Unix seconds).
// Origin binds the signature to one dashboard, the nonce to one attempt:
// a signature captured at another site, or used twice, signs nobody in.
//
//	DashboardLogin(string origin,bytes32 nonce,uint64 expires)
type DashboardLogin struct {
	Origin  string
	Nonce   Nonce
	Expires int64
}

func (DashboardLogin) message() {}
