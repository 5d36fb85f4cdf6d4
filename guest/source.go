package guest

import "embed"

// Source is this package's source, which wf writes into a Go function's
// project (build.WriteGoSDK) so that it builds offline against the guest
// package of the wf that builds it.
//
//go:embed doc.go guest.go
var Source embed.FS
