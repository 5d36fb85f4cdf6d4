package cli

import (
	"fmt"
	"math/big"
	"time"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// devAuditInterval is how often wf dev's auditor sweeps its providers.
const devAuditInterval = 30 * time.Second

// devAuditor is wf dev's auditor: in the background, every 30 s, as its
// own funded dev key (devnet.AuditorKey), attesting on the dev chain. Few
// samples and a 100 ms sleeper keep a sweep's CPU small on a laptop.
func devAuditor() *devnet.AuditorConfig {
	return &devnet.AuditorConfig{Interval: devAuditInterval, Audit: audit.Config{Samples: 3, CPURounds: 200_000, CanaryTimeout: 100 * time.Millisecond}}
}

// devAuditBanner tells where the dev auditor's attestations are and how to
// search by them.
func (a *App) devAuditBanner(net *devnet.Net) {
	if net.Auditor == nil {
		return
	}
	fmt.Fprintf(a.Stdout, `
Auditor %[1]s checks every provider every %[2]s (canaries, prices, receipts,
  latency) and attests in the Attestations contract at %[3]s; the gateway
  auto-routes only to providers it attested. Scores:
  wf providers search --attested-by %[1]s --attestations %[3]s --rpc %[4]s --all
`, net.Auditor.Address().Checksum(), devAuditInterval, net.Attestations.Checksum(), net.RPC)
}

// devManifest is a wf dev node's provider manifest: what its /v1/info
// says (software, runtimes, limits, sealing), its price, and the region
// given (wf dev claims none), so the dev auditor's manifest checks pass
// and placement by manifest can be tried locally.
func devManifest(name string, nc node.Config, price *big.Int, tunnel bool) []byte {
	pages, timeout := nc.Sandbox.MaxMemoryPages, nc.Sandbox.MaxTimeout
	if pages == 0 {
		pages = sandbox.DefaultMaxMemoryPages
	}
	if timeout == 0 {
		timeout = sandbox.DefaultMaxTimeout
	}
	features := []string{"payments", "sealed"}
	if tunnel {
		features = append(features, "tunnel")
	}
	if price == nil {
		price = new(big.Int)
	}
	return manifest.Manifest{
		Schema: manifest.Schema, Name: name, Software: version(), Runtimes: []string{wf.RuntimeWAGI},
		Features: features, Limits: manifest.Limits{MaxMemoryPages: pages, MaxTimeoutMS: timeout.Milliseconds()},
		Price: price.String(), Contact: "wf dev",
	}.Encode()
}
