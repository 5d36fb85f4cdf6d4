package cli

import (
	"log/slog"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/wf"
)

// addCreditsFlag adds wf provider start's --credits.
func addCreditsFlag(fs *pflag.FlagSet, v *string) {
	fs.StringVar(v, "credits", "", "with --price, serve payers on the trial credits you granted them (wf credits grant) before charging their allowance, from the credits contract at `ADDRESS` (default $WF_CREDITS, else the one saved for this chain, else none); off turns them off")
}

// providerCredits is the node's trial credits for wf provider start's
// --credits (flag): the contract named, found, or none.
func (a *App) providerCredits(o *chainOpts, flag string, log *slog.Logger) (*node.Credits, error) {
	if flag == "off" {
		return nil, nil
	}
	addr, err := a.extraContract(o, flag, "credits", "WF_CREDITS", func(d deployment) wf.Address { return d.Credits })
	if err != nil {
		if flag != "" || a.Getenv("WF_CREDITS") != "" {
			return nil, err
		}
		log.Debug("no trial credits: no credits contract known for this chain")
		return nil, nil
	}
	return &node.Credits{Contract: addr}, nil
}
