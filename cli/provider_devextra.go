package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/wf"
)

// ownKeyBanner tells the user that their own key was funded on wf dev's
// chain and how to pay for their functions with it.
// No --rpc: the key is $WF_HOME's, and commands with that WF_HOME find
// wf dev's chain wherever it moved (recordDevChain).
func (a *App) ownKeyBanner(own string, kept bool) {
	got := fmt.Sprintf("got %s ETH for gas and %s USDC on\nthis chain", devFundEther, devFundUSDC)
	pay := "To pay for functions you deploy with it (once: the chain is kept)"
	if kept {
		got = "keeps on this chain what it had\nwhen wf dev last stopped (wf whoami shows it)"
		pay = "If wf whoami shows no escrow and no approval yet, to pay for functions you deploy with it"
	}
	fmt.Fprintf(a.Stdout, `
Your own key %[1]s ($WF_HOME/key.json) %[2]s. %[3]s:
  wf escrow deposit 100 && wf escrow approve dev --budget 10
`, own, got, pay)
}

// devKeyPoll is how often wf dev looks for a key made after it started.
const devKeyPoll = 500 * time.Millisecond

// fundNewKeys funds a key made while wf dev runs (`wf keys new` in
// another terminal), or one that replaced the key funded at start, as
// fundOwnKey does at start, and says so: otherwise a newcomer who follows
// the README's order (wf dev, then wf keys new) has a key with no gas and
// no USDC on the dev chain until wf dev restarts. funded is the address
// funded at start ("" for none). It returns when ctx ends.
func (a *App) fundNewKeys(ctx context.Context, net *devnet.Net, log *slog.Logger, funded string) {
	t := time.NewTicker(devKeyPoll)
	defer t.Stop()
	var seen time.Time // the key file's modification time last looked at
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fi, err := os.Stat(a.payerKeyPath())
		if err != nil || fi.ModTime().Equal(seen) {
			continue
		}
		seen = fi.ModTime()
		addr, err := keystoreAddress(a.payerKeyPath())
		if err != nil || strings.EqualFold(addr.Checksum(), funded) {
			continue // half-written, or the key funded already
		}
		if own, now := a.fundOwnKey(ctx, net, log); own != "" {
			funded = own
			a.ownKeyBanner(own, !now)
		}
	}
}

// canaryQuiet is wf dev's log handler: it logs the auditor's own
// deploys and invocations at debug level. The dev auditor's canaries fail
// on purpose (an endless loop answers 504, a memory bomb is refused), and
// at info level every sweep printed lines that looked like the user's
// functions failing. Functions are told apart by their owner, which the
// provider logs at deploy; the provider itself cannot tell canaries apart
// (it must not be able to). --log-level debug shows them again.
type canaryQuiet struct {
	slog.Handler
	auditor string    // the auditor's address, lower-case hex
	fns     *sync.Map // function CIDs the auditor deployed
}

func newCanaryQuiet(h slog.Handler, auditor wf.Address) *canaryQuiet {
	return &canaryQuiet{Handler: h, auditor: strings.ToLower(auditor.Checksum()), fns: new(sync.Map)}
}

func (h *canaryQuiet) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelInfo && (r.Message == "deploy" || r.Message == "invoke") {
		var fn, owner string
		r.Attrs(func(a slog.Attr) bool {
			switch a.Key {
			case "function":
				fn = a.Value.String()
			case "owner":
				owner = strings.ToLower(a.Value.String())
			}
			return true
		})
		canary := false
		if r.Message == "deploy" && owner == h.auditor && fn != "" {
			h.fns.Store(fn, true)
			canary = true
		} else if _, ok := h.fns.Load(fn); ok {
			canary = true
		}
		if canary {
			if !h.Handler.Enabled(ctx, slog.LevelDebug) {
				return nil
			}
			r = r.Clone()
			r.Level = slog.LevelDebug
			r.AddAttrs(slog.Bool("auditor_canary", true))
		}
	}
	return h.Handler.Handle(ctx, r)
}

func (h *canaryQuiet) WithAttrs(as []slog.Attr) slog.Handler {
	return &canaryQuiet{Handler: h.Handler.WithAttrs(as), auditor: h.auditor, fns: h.fns}
}

func (h *canaryQuiet) WithGroup(name string) slog.Handler {
	return &canaryQuiet{Handler: h.Handler.WithGroup(name), auditor: h.auditor, fns: h.fns}
}

// devChainDir is where in wf dev's data directory its chain is kept.
const devChainDir = "chain"

// devData is wf dev's data directory when --data is not given: the
// project's, like its secrets (DIR/.wf), for --watch DIR or a project
// file in the working directory, so that each project has its own chain
// and functions; else $WF_HOME/dev.
func (a *App) devData(watchDir string) string {
	if watchDir != "" {
		return filepath.Join(watchDir, ".wf", "dev")
	}
	if _, err := os.Stat(project.FileName); err == nil {
		if abs, err := filepath.Abs(filepath.Join(".wf", "dev")); err == nil {
			return abs
		}
	}
	return filepath.Join(a.home(), "dev")
}

// resumedLine is the banner's note that the network is a project's own
// (devData), and that the chain is the one an earlier run left, or "".
func (a *App) resumedLine(net *devnet.Net, data string) string {
	line := ""
	if shared := filepath.Join(a.home(), "dev"); filepath.Clean(data) != filepath.Clean(shared) && filepath.Base(filepath.Dir(data)) == ".wf" {
		line = fmt.Sprintf("\nThis is the project's own network (kept in its .wf/dev), not the one wf dev runs outside projects (%s); --data %s shares that one.", shared, shared)
	}
	if !net.Chain.Resumed() {
		return line
	}
	line += fmt.Sprintf("\nChain resumed from %s: deposits, approvals and names are as the last run left them (--reset-chain for a new one).", filepath.Join(data, devChainDir))
	if n := net.Chain.LostBlocks(); n > 0 {
		line += fmt.Sprintf("\n  The last run was killed, not stopped: its last %d blocks were not written and are gone,\n  and with them perhaps settlements: the providers' ledgers start anew.", n)
	}
	return line
}
