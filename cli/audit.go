package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/audit"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/discovery"
	"github.com/webfunctions/wf/gateway"
	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/wf"
)

// attestationsHelp documents where the Attestations contract is found.
const attestationsHelp = "Attestations contract `ADDRESS` (default $WF_ATTESTATIONS; wf dev prints it)"

// attestations opens the Attestations contract named by flag or
// $WF_ATTESTATIONS on c's chain.
func (a *App) attestations(ctx context.Context, c *chain.Client, flag string) (*chain.Attestations, error) {
	s := flag
	if s == "" {
		s = a.Getenv("WF_ATTESTATIONS")
	}
	if s == "" {
		// The one saved with this chain's contracts (wf dev saves it).
		if m, err := a.loadStore(); err == nil {
			for _, d := range m {
				if d.Registry == c.Contracts().Registry && !d.Attestations.IsZero() {
					return c.Attestations(ctx, d.Attestations)
				}
			}
		}
		return nil, usageErr("no Attestations contract: pass --attestations 0xADDR or set WF_ATTESTATIONS")
	}
	addr, err := addressFlag("attestations", s)
	if err != nil {
		return nil, err
	}
	return c.Attestations(ctx, addr)
}

// trustFlags are discovery's criteria as flags (wf providers search, wf
// gateway start).
type trustFlags struct {
	attestations     string
	auditors         []string
	allOf            bool
	minScore         float64
	ratings          string // a ratings index URL (wf ratings serve)
	runtime, region  string
	maxPrice, minVer string
	features         []string
	staked           bool   // --staked (cli/stake_discovery.go)
	stake            string // --stake
}

// addTrustFlags adds the criteria flags; search adds those about
// manifests and price, which a gateway does not take.
func addTrustFlags(fs *pflag.FlagSet, trustName string, search bool) *trustFlags {
	t := &trustFlags{}
	fs.StringVar(&t.attestations, "attestations", "", attestationsHelp)
	fs.StringArrayVar(&t.auditors, trustName, nil, "auditor `ADDRESS` whose attestations count (repeatable; any of them, or all with --all-of)")
	fs.BoolVar(&t.allOf, "all-of", false, "require an attestation from every auditor given, not any")
	fs.Float64Var(&t.minScore, "min-score", 0, "least attested `SCORE`, 0 to 1")
	fs.StringVar(&t.ratings, "ratings-index", "", "weigh attested scores by paying users' ratings from this index `URL` (wf ratings serve)")
	t.addStakeFlags(fs)
	if search {
		fs.StringVar(&t.runtime, "runtime", "", "`RUNTIME` the provider must run, e.g. wagi")
		fs.StringArrayVar(&t.features, "feature", nil, "`FEATURE` the manifest must list, e.g. sealed (repeatable)")
		fs.StringVar(&t.region, "region", "", "`REGION` or prefix, e.g. eu or eu-west ("+strings.Join(manifest.RegionNames(), ", ")+")")
		fs.StringVar(&t.maxPrice, "max-price", "", "highest price per request in `USDC`, e.g. 0.001")
		fs.StringVar(&t.minVer, "version", "", "least software `VERSION`, e.g. 1.4")
	}
	return t
}

func (t *trustFlags) criteria() (discovery.Criteria, error) {
	c := discovery.Criteria{AllOf: t.allOf, MinScore: t.minScore, Runtime: t.runtime, Features: t.features,
		Region: t.region, MinVersion: t.minVer, Staked: t.staked}
	for _, s := range t.auditors {
		addr, err := addressFlag("auditor", s)
		if err != nil {
			return c, err
		}
		c.AttestedBy = append(c.AttestedBy, addr)
	}
	if t.maxPrice != "" {
		n, err := wf.ParseUSDC(t.maxPrice)
		if err != nil {
			return c, fmt.Errorf("--max-price: %w", err)
		}
		c.MaxPrice = n.Big()
	}
	if err := c.Validate(); err != nil {
		return c, usageErr("%s", strings.TrimPrefix(err.Error(), wf.ErrInvalid.Error()+": discovery: "))
	}
	return c, nil
}

// source is discovery's view on c's chain; the contract is needed only
// when auditors are trusted. allowPrivate lets it read manifests from
// private addresses (the command line; a gateway only when told).
func (a *App) source(ctx context.Context, c *chain.Client, t *trustFlags, crit discovery.Criteria, allowPrivate bool) (*discovery.Source, error) {
	s := &discovery.Source{AllowPrivate: allowPrivate}
	if t.ratings != "" {
		s.Ratings = rewards.RatingWeights(strings.TrimRight(t.ratings, "/"), nil, 0)
	}
	if len(crit.AttestedBy) > 0 {
		att, err := a.attestations(ctx, c, t.attestations)
		if err != nil {
			return nil, err
		}
		s.Attestations = att
	}
	st, err := a.discoveryStake(ctx, c, t.stake, crit.Staked || t.stake != "")
	if err != nil {
		return nil, err
	}
	s.Stake = st
	return s, nil
}

// gatewayFilter is `wf gateway start`'s smart-routing filter; nil when
// no auditor is trusted.
func (a *App) gatewayFilter(ctx context.Context, c *chain.Client, t *trustFlags, allowPrivate bool) (gateway.Filter, error) {
	if len(t.auditors) == 0 && !t.staked {
		if t.minScore > 0 || t.allOf {
			return nil, usageErr("--min-score and --all-of need --trust-auditor ADDRESS")
		}
		return nil, nil
	}
	crit, err := t.criteria()
	if err != nil {
		return nil, err
	}
	s, err := a.source(ctx, c, t, crit, allowPrivate)
	if err != nil {
		return nil, err
	}
	return &discovery.Filter{Source: s, Criteria: crit}, nil
}

// placementFilter judges functions' own wf.placement for wf gateway
// start: with the routing filter's source, else with the Attestations
// contract if one is known (without it, a placement naming auditors
// admits nobody, and its requests get 503).
func (a *App) placementFilter(ctx context.Context, c *chain.Client, t *trustFlags, f gateway.Filter, allowPrivate bool, log *slog.Logger) gateway.PlacementFilter {
	if df, ok := f.(*discovery.Filter); ok {
		return &discovery.Filter{Source: df.Source}
	}
	s := &discovery.Source{AllowPrivate: allowPrivate}
	if att, err := a.attestations(ctx, c, t.attestations); err == nil {
		s.Attestations = att
	} else {
		log.Info("no Attestations contract: functions whose placement names auditors will not be routed", "err", err)
	}
	return &discovery.Filter{Source: s}
}

// searchJSON is one provider as `wf providers search --json` prints it.
type searchJSON struct {
	providerJSON
	Region   string  `json:"region"`
	Software string  `json:"software"`
	Score    float64 `json:"score"`
	Attested int     `json:"attested"`
	Staked   bool    `json:"staked"`
	Eligible bool    `json:"eligible"`
	Excluded string  `json:"excluded,omitempty"`
}

func (a *App) providersSearchCmd() *cobra.Command {
	var o *chainOpts
	var t *trustFlags
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "search",
		Short: "find providers by region, price, features and auditors' attestations",
		Long: `List the registered providers that meet every criterion given, best
attested score first, then lowest price. A manifest claim (region, runtime,
feature, version) counts only as the provider's registered manifest states
it; with --attested-by, only providers an auditor attested for that very
manifest, unexpired, are eligible. --all also lists the others, with why.

With --json, prints an array of objects: the fields of wf providers --json
and region, software, score (-1: not attested), attested (how many trusted
auditors), staked (a bond in the stake contract, when one is known:
--stake, $WF_STAKE or saved), eligible and excluded (the reason).`,
		Example: `  wf providers search --region eu --max-price 0.001 --attested-by 0xAUDITOR --min-score 0.9
  wf providers search --staked
  wf providers search --feature sealed --json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			crit, err := t.criteria()
			if err != nil {
				return err
			}
			c, err := a.dial(ctx, o, nil)
			if err != nil {
				return err
			}
			defer c.Close()
			src, err := a.source(ctx, c, t, crit, true)
			if err != nil {
				return err
			}
			cs, err := discovery.Search(ctx, discovery.ClientLister{Client: c}, src, crit)
			if err != nil {
				return chain.Explain(err)
			}
			if !all {
				n := 0
				for n < len(cs) && cs[n].Excluded == "" {
					n++
				}
				cs = cs[:n]
			}
			if asJSON {
				out := make([]searchJSON, len(cs))
				for i, x := range cs {
					out[i] = searchJSON{providerJSON: toProviderJSON(x.Provider), Score: x.Score, Attested: len(x.Attested), Staked: x.Staked,
						Eligible: x.Excluded == "", Excluded: x.Excluded}
					if x.Manifest != nil {
						out[i].Region, out[i].Software = x.Manifest.Region, x.Manifest.Software
					}
				}
				return a.printJSON(out)
			}
			if len(cs) == 0 {
				fmt.Fprintln(a.Stdout, "no provider meets the criteria (--all lists the others, with why)")
				return nil
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSCORE\tSTAKED\tPRICE (USDC)\tREGION\tENDPOINT\tEXCLUDED")
			for _, x := range cs {
				score, region := "-", "-"
				if x.Score >= 0 {
					score = fmt.Sprintf("%.2f", x.Score)
				}
				if x.Manifest != nil && x.Manifest.Region != "" {
					region = x.Manifest.Region
				}
				staked := "-"
				if src.Stake != nil {
					staked = strconv.FormatBool(x.Staked)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.Provider.Name, score, staked, wf.NewAmount(x.Provider.PricePerRequest).USDC(),
					region, x.Provider.Endpoint, x.Excluded)
			}
			return tw.Flush()
		},
	}
	o = addChainFlags(cmd.Flags(), "")
	t = addTrustFlags(cmd.Flags(), "attested-by", true)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields above)")
	cmd.Flags().BoolVar(&all, "all", false, "also list the providers that fail the criteria, with the reason")
	return cmd
}

func (a *App) auditCmd() *cobra.Command {
	return group("audit", "audit providers and attest on-chain, or deploy the Attestations contract",
		`An auditor checks every registered provider continuously (ownership,
manifest, canary functions with known answers, prices and receipts, latency,
region) and records a score per provider in the Attestations contract.
Gateways and wf providers search choose which auditors they trust.`,
		a.auditServeCmd(), a.auditDeployCmd())
}

func (a *App) auditDeployCmd() *cobra.Command {
	var o *chainOpts
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "deploy an Attestations contract and print its address",
		Args:  argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, _, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			addr, err := c.DeployAttestations(ctx)
			if err != nil {
				return chain.Explain(err)
			}
			fmt.Fprintf(a.Stdout, "Attestations deployed at %s (export WF_ATTESTATIONS=%s)\n", addr.Checksum(), addr.Checksum())
			return nil
		},
	}
	o = addChainFlags(cmd.Flags(), "$WF_HOME/key.json")
	return cmd
}

func (a *App) auditServeCmd() *cobra.Command {
	var (
		o            *chainOpts
		att, listen  string
		region, name string
		logLevel     string
		interval     time.Duration
		samples      int
		once         bool
		stake        string
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "sweep every registered provider, attest on-chain, serve the signed reports",
		Long: `Audit every registered provider every --interval (randomised by 20%),
attest each result in the Attestations contract as the --key account, and
serve the signed reports at --listen: GET /v1/reports (the latest of each
provider) and GET /v1/reports/CID. On paid providers the canaries are paid
from the key's escrow, so approve the providers (wf escrow approve) first.

With a stake contract whose governor is the key (--stake, $WF_STAKE, or
saved with the chain's contracts), it also registers a sha256 canary there
and asks every paid provider for one hash; a provider that answers wrongly
under a receipt it signed is slashed with that receipt, by the auditor,
which gets the slash (as reporter and payer); the report says so.`,
		Example: `  wf audit serve --key auditor.json --attestations 0xATT --region eu-west --listen :8090
  wf audit serve --key dev --once`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log, err := a.logger(logLevel, "text")
			if err != nil {
				return err
			}
			c, key, err := a.connect(ctx, o, a.payerKeyPath())
			if err != nil {
				return err
			}
			defer c.Close()
			at, err := a.attestations(ctx, c, att)
			if err != nil {
				return err
			}
			st, err := a.discoveryStake(ctx, c, stake, stake != "")
			if err != nil {
				return err
			}
			if st == nil {
				log.Info("no stake contract: no sha256 canary, no slashing (--stake)")
			}
			aud, err := audit.New(audit.Config{Registry: c, Key: key, Attestations: at, Name: name, Region: region,
				Interval: interval, Samples: samples, Log: log, Stake: st})
			if err != nil {
				return err
			}
			if once {
				rs, err := aud.Sweep(ctx)
				if err != nil {
					return err
				}
				return a.printSweep(rs)
			}
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return err
			}
			srv := &http.Server{Handler: aud.Handler(), ReadHeaderTimeout: 10 * time.Second}
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			bg, stop := context.WithCancel(ctx)
			defer stop()
			go aud.Run(bg)
			log.Info("auditor serving", "address", key.Address().Checksum(), "reports", "http://"+ln.Addr().String()+"/v1/reports")
			if a.Ready != nil {
				a.Ready("http://" + ln.Addr().String())
			}
			return awaitShutdown(ctx, srv, errc, 5*time.Second, nil)
		},
	}
	fs := cmd.Flags()
	o = addChainFlags(fs, "$WF_HOME/key.json")
	fs.StringVar(&att, "attestations", "", attestationsHelp)
	fs.StringVar(&listen, "listen", "127.0.0.1:8090", "serve the reports on this `ADDR`")
	fs.StringVar(&region, "region", "", "the auditor's own `REGION`, to check providers' claimed regions against latency")
	fs.StringVar(&name, "name", "auditor", "`NAME` the endpoint challenges are signed for")
	fs.DurationVar(&interval, "interval", 10*time.Minute, "time between sweeps")
	fs.IntVar(&samples, "samples", 5, "keyed-hash requests per provider per sweep (latency)")
	fs.BoolVar(&once, "once", false, "sweep once, print the results and exit")
	fs.StringVar(&stake, "stake", "", stakeHelp)
	addLogFlags(fs, &logLevel, nil)
	return cmd
}

// printSweep prints one line per provider of a sweep.
func (a *App) printSweep(rs []audit.Result) error {
	tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVIDER\tSCORE\tP50 MS\tREQUESTS\tGAS\tFAILED\tREPORT")
	var errs []error
	var slashes []string
	for _, r := range rs {
		failed := strings.Join(r.Report.Failed(), ",")
		if failed == "" {
			failed = "-"
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.1f\t%d\t%d\t%s\t%s\n", r.Report.Provider, float64(r.Report.Score)/chain.MaxScore,
			r.Report.LatencyP50MS, r.Report.Requests, r.Gas, failed, r.CID)
		if r.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.Report.Provider, r.Err))
		}
		if s := r.Report.Slashed; s != nil {
			slashes = append(slashes, fmt.Sprintf("slashed %s: %s base units of its bond for a wrong sha256 canary answer (tx %s, gas %d)",
				r.Report.Provider, s.Amount, s.Tx, s.Gas))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, l := range slashes {
		fmt.Fprintln(a.Stdout, l)
	}
	return errors.Join(errs...)
}
