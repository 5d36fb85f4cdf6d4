package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// nameFlags are the servers a name command talks to and who owns the
// name.
type nameFlags struct {
	providers, gateways []string
	owner               string
	json                bool
	// In a CI job: sign as the owner's delegate (docs/ci.md).
	oidc   bool
	signer string
}

func (a *App) addNameOIDC(fs *pflag.FlagSet, f *nameFlags) {
	fs.BoolVar(&f.oidc, "oidc", false, "in a CI job (a tag's promote): sign with a job key the owner's deploy signer delegates the name scope to, against the job's OIDC token (docs/ci.md)")
	fs.StringVar(&f.signer, "signer", "", "the owner's deploy signer `URL` for --oidc (default $"+ci.EnvSigner+")")
}

// nameSigner is who signs a name's next record: a CI job's key under the
// owner's delegation with --oidc, else --key.
func (a *App) nameSigner(ctx context.Context, f *nameFlags, kf *keyFlags) (wf.Signer, error) {
	if f.oidc {
		return a.ciJob(ctx, f.signer, spec.ScopeName)
	}
	return a.loadKey(kf.key, kf.passwordFile)
}

func (a *App) addNameServers(fs *pflag.FlagSet, f *nameFlags) {
	fs.StringArrayVar(&f.providers, "provider", []string{a.defaultProvider()}, "provider base `URL` (env WF_PROVIDER; repeatable: the record goes to each)")
	fs.StringArrayVar(&f.gateways, "gateway", nil, "gateway base `URL` that also gets the record, for its smart route (repeatable)")
}

func (a *App) addNameOwner(fs *pflag.FlagSet, f *nameFlags) {
	fs.StringVar(&f.owner, "owner", "", "the names' owner `ADDRESS` (default: --key's address)")
}

// servers are where records go and are read from: providers, then
// gateways.
func (f *nameFlags) servers() []string {
	return append(append([]string(nil), f.providers...), f.gateways...)
}

const namesLong = `

A name is a stable address for your functions: an owner-signed record binds
(your address, NAME) to one or more function CIDs with weights that sum to
100 and a sequence number. The highest sequence number wins; older records
are the name's versions. Moving a name is a signature, not a transaction.
Callers use
  PROVIDER/@OWNER/NAME/PATH          on a provider
  https://P.GATEWAY/@OWNER/NAME/     GATEWAY/p/P/@OWNER/NAME/    GATEWAY/@OWNER/NAME/
and each answer's X-WF-Function header says which function served it.
See docs/names.md.`

func (a *App) nameCmd() *cobra.Command {
	return group("name", "point a stable name at functions, split traffic between them (set, ls)",
		"Manage your function names."+namesLong,
		a.nameSetCmd(), a.nameLsCmd())
}

func (a *App) nameSetCmd() *cobra.Command {
	var f nameFlags
	var kf *keyFlags
	var sticky string
	cmd := &cobra.Command{
		Use:   "set NAME CID[=WEIGHT]...",
		Short: "point NAME at one function, or split its traffic between several by weight",
		Long: `Sign a new record for NAME (sequence number: the current one's plus one)
and send it to every --provider and --gateway. Each CID takes WEIGHT
percent of the requests; CIDs without a weight share what is left equally,
so "wf name set app NEW=10 OLD" sends 10% to NEW (a canary) and 90% to OLD.
Weights must sum to 100. With --sticky, a caller that sends the named
cookie or header stays on one function (by a hash of its value).` + namesLong + `

With --json, prints the record:
  name, owner, seq, cid (the record's), created, sticky
  targets  array of {function, weight}`,
		Example: `  wf name set hello bagaaiera... --key dev
  wf name set hello bagaaiera...=10 bagaaiera...=90 --sticky cookie:uid   # a 10% canary
  wf name set hello bagaaiera... --provider http://a:8080 --provider http://b:8080 --gateway http://localhost:8081`,
		Args: argsBetween(2, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			targets, err := parseTargets(args[1:])
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			key, err := a.nameSigner(ctx, &f, kf)
			if err != nil {
				return err
			}
			cur, _, err := a.currentName(ctx, f.servers(), key.Address(), args[0])
			if err != nil {
				return err
			}
			return a.pushName(ctx, &f, key, cur, wf.NameRecord{Name: args[0], Targets: targets, Sticky: sticky})
		},
	}
	fs := cmd.Flags()
	a.addNameServers(fs, &f)
	kf = addKeyFlags(fs, "owner")
	fs.StringVar(&sticky, "sticky", "", "keep each caller on one function by the value of `cookie:NAME` or header:NAME")
	a.addNameOIDC(fs, &f)
	fs.BoolVar(&f.json, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) rollbackCmd() *cobra.Command {
	var f nameFlags
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "rollback NAME",
		Short: "point NAME back at its previous version's functions (a new record)",
		Long: `Roll NAME back: sign a new record (the current sequence number plus one)
with the targets, weights and sticky key of the record before the current
one, and send it to every --provider and --gateway. It takes effect on the
next request. Rolling back twice returns to where you started; wf versions
shows the history.` + namesLong + `

With --json, prints the new record (fields as wf name set --json).`,
		Example: `  wf rollback hello --key dev
  wf versions hello --key dev`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			key, err := a.nameSigner(ctx, &f, kf)
			if err != nil {
				return err
			}
			cur, from, err := a.currentName(ctx, f.servers(), key.Address(), args[0])
			if err != nil {
				return err
			}
			if cur == nil {
				return fmt.Errorf("%s has no name %q: set it first with wf name set", strings.Join(f.servers(), ", "), args[0])
			}
			hist, err := client.New(from).NameHistory(ctx, key.Address(), args[0], chain.Verifier{})
			if err != nil {
				return err
			}
			if len(hist) < 2 {
				return fmt.Errorf("%s has one version (seq %d): there is nothing to roll back to", args[0], cur.Record.Seq)
			}
			prev := hist[1].Record
			fmt.Fprintf(a.Stderr, "rolling %s back to the targets of seq %d\n", args[0], prev.Seq)
			return a.pushName(ctx, &f, key, cur, wf.NameRecord{Name: args[0], Targets: prev.Targets, Sticky: prev.Sticky})
		},
	}
	fs := cmd.Flags()
	a.addNameServers(fs, &f)
	kf = addKeyFlags(fs, "owner")
	fs.BoolVar(&f.json, "json", false, "print the new record as JSON (see wf name set)")
	a.addNameOIDC(fs, &f)
	return cmd
}

func (a *App) versionsCmd() *cobra.Command {
	var f nameFlags
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "versions NAME",
		Short: "list NAME's records, newest first: seq, created, targets, which is current",
		Long: `List every record of NAME the provider holds, newest first: its sequence
number, when it was made, its targets with their weights, and which one is
current (marked *).` + namesLong + `

With --json, prints an array of records (see wf name set), each with
  current  boolean`,
		Example: `  wf versions hello --key dev
  wf versions hello --owner 0xf39F... --provider http://127.0.0.1:8080 --json`,
		Args: argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			owner, err := a.nameOwner(&f, kf)
			if err != nil {
				return err
			}
			hist, err := client.New(f.providers[0]).NameHistory(cmd.Context(), owner, args[0], chain.Verifier{})
			if err != nil {
				return err
			}
			return a.printRecords(hist, f.json, true)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&f.providers, "provider", []string{a.defaultProvider()}, "provider or gateway base `URL` (env WF_PROVIDER)")
	a.addNameOwner(fs, &f)
	kf = addKeyFlags(fs, "owner")
	fs.BoolVar(&f.json, "json", false, "print JSON (fields above)")
	return cmd
}

func (a *App) nameLsCmd() *cobra.Command {
	var f nameFlags
	var kf *keyFlags
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "list your names and where each points now",
		Long: `List the owner's names the provider holds, with each one's current
sequence number and targets.` + namesLong + `

With --json, prints an array of records (see wf name set).`,
		Example: `  wf name ls --key dev
  wf name ls --owner 0xf39F... --json`,
		Args: argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			owner, err := a.nameOwner(&f, kf)
			if err != nil {
				return err
			}
			recs, err := client.New(f.providers[0]).Names(cmd.Context(), owner, chain.Verifier{})
			if err != nil {
				return err
			}
			return a.printRecords(recs, f.json, false)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&f.providers, "provider", []string{a.defaultProvider()}, "provider or gateway base `URL` (env WF_PROVIDER)")
	a.addNameOwner(fs, &f)
	kf = addKeyFlags(fs, "owner")
	fs.BoolVar(&f.json, "json", false, "print JSON (fields above)")
	return cmd
}

// nameOwner is --owner, or the address of --key.
func (a *App) nameOwner(f *nameFlags, kf *keyFlags) (wf.Address, error) {
	if f.owner != "" {
		return wf.ParseAddress(f.owner)
	}
	key, err := a.loadKey(kf.key, kf.passwordFile)
	if err != nil {
		return wf.Address{}, err
	}
	return key.Address(), nil
}

// parseTargets reads CID[=WEIGHT] arguments; CIDs without a weight share
// what the others leave of 100 equally.
func parseTargets(args []string) ([]wf.Target, error) {
	var ts []wf.Target
	var open []int // indexes without a weight
	left := 100
	for _, arg := range args {
		s, w, hasW := strings.Cut(arg, "=")
		c, err := spec.ParseFunction(s)
		if err != nil {
			return nil, usageErr("%q is not FUNCTION or FUNCTION=WEIGHT: %v", arg, err)
		}
		t := wf.Target{Function: c}
		if hasW {
			n, err := strconv.Atoi(w)
			if err != nil || n < 1 || n > 100 {
				return nil, usageErr("%q: WEIGHT must be a whole percentage, 1 to 100", arg)
			}
			t.Weight = uint8(n)
			left -= n
		} else {
			open = append(open, len(ts))
		}
		ts = append(ts, t)
	}
	if len(open) > 0 {
		if left < len(open) {
			return nil, usageErr("the weights given leave %d%% for %d functions without one", max(left, 0), len(open))
		}
		for i, idx := range open {
			w := left / len(open)
			if i < left%len(open) {
				w++
			}
			ts[idx].Weight = uint8(w)
		}
	} else if left != 0 {
		return nil, usageErr("weights sum to %d, not 100", 100-left)
	}
	return ts, nil
}

// currentName finds the newest current record of (owner, name) among the
// servers, and the server that has it; nil when none has the name.
func (a *App) currentName(ctx context.Context, servers []string, owner wf.Address, name string) (*names.Record, string, error) {
	if !names.ValidName(name) {
		return nil, "", usageErr("%q is not a name: use a DNS label (a-z, 0-9 and inner '-', at most 63)", name)
	}
	var cur *names.Record
	from := servers[0]
	var errs []error
	for _, s := range servers {
		rec, err := client.New(s).Name(ctx, owner, name, chain.Verifier{})
		if errors.Is(err, wf.ErrNotFound) {
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", s, err))
			continue
		}
		if cur == nil || rec.Record.Seq > cur.Record.Seq {
			cur, from = rec, s
		}
	}
	if cur == nil && len(errs) == len(servers) {
		return nil, "", errors.Join(errs...)
	}
	return cur, from, nil
}

// nextRecord signs r, made now, as the record after cur (nil for a new
// name) and after sequence number last (what this process last signed):
// with the owner's key, or in a CI job with the job's key under its
// delegation, numbered by the time (names.SignDelegated).
func nextRecord(signer wf.Signer, cur *names.Record, last uint64, r wf.NameRecord) (*wf.SignedNameRecord, error) {
	now := time.Now()
	var c *wf.SignedNameRecord
	if cur != nil {
		c = cur.SignedNameRecord
		last = max(last, cur.Record.Seq)
	}
	if job, ok := signer.(*ci.Job); ok {
		if !job.CI.Delegation.Has(spec.ScopeName) {
			return nil, fmt.Errorf("%w: this job's delegation has the scopes %q, not name: the owner's trust rule must grant it (wf ci trust add ... --scope deploy,name), or deploy with --no-name",
				wf.ErrForbidden, job.CI.Delegation.Scopes)
		}
		if last >= uint64(now.Unix()) {
			return nil, fmt.Errorf("%w: %s's current record (seq %d) is numbered after this job's time (%d): a job's record is numbered by the second it is made, so wait a second or have the owner move it",
				wf.ErrUnavailable, r.Name, last, now.Unix())
		}
		return names.SignDelegated(r, job.Owner, job, &job.CI, now)
	}
	r.Seq = max(names.NextSeq(c, now), last+1)
	r.Created = spec.Now(now)
	return names.Sign(r, signer)
}

// moveName points name wholly at fn with a record after the newest that
// from (or last, the sequence number this process last signed) knows, sends
// it to every server, and returns it. It is how a deploy moves the
// project's name (wf deploy, wf dev --watch); signer is the owner's key
// or a CI job's (see nextRecord).
func (a *App) moveName(ctx context.Context, from, servers []string, signer wf.Signer, name string, fn wf.CID, last uint64) (*wf.SignedNameRecord, error) {
	// Someone may have moved the name meanwhile (wf name set, wf rollback).
	cur, _, err := a.currentName(ctx, from, signer.Address(), name)
	if err != nil {
		cur = nil
	}
	sr, err := nextRecord(signer, cur, last, wf.NameRecord{Name: name, Targets: []wf.Target{{Function: fn, Weight: 100}}})
	if err != nil {
		return nil, err
	}
	for _, u := range servers {
		if _, err := client.New(u).SetName(ctx, sr); err != nil {
			return nil, fmt.Errorf("moving the name %q at %s: %w", name, u, err)
		}
	}
	return sr, nil
}

// pushName signs r as the record after cur and sends it to every server.
func (a *App) pushName(ctx context.Context, f *nameFlags, key wf.Signer, cur *names.Record, r wf.NameRecord) error {
	sr, err := nextRecord(key, cur, 0, r)
	if err != nil {
		return err
	}
	rec, err := names.NewRecord(sr)
	if err != nil {
		return err
	}
	var errs []error
	for _, s := range f.servers() {
		if _, err := client.New(s).SetName(ctx, sr); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", s, err))
			continue
		}
		fmt.Fprintf(a.Stderr, "sent %s seq %d to %s\n", r.Name, sr.Record.Seq, s)
	}
	if len(errs) == len(f.servers()) {
		return errors.Join(errs...)
	}
	if f.json {
		if err := a.printJSON(recordJSON(rec, nil)); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.Stdout, "%s seq %d -> %s\n", r.Name, sr.Record.Seq, targetsText(sr.Record.Targets))
	}
	fmt.Fprintf(a.Stderr, "try: curl %s/@%s/%s/\n", f.servers()[0], key.Address().Checksum(), r.Name)
	return errors.Join(errs...) // some servers did not take it
}

// nameJSON is a record as --json prints it.
type nameJSON struct {
	Name    string      `json:"name"`
	Owner   string      `json:"owner"`
	Seq     uint64      `json:"seq"`
	CID     string      `json:"cid"`
	Created string      `json:"created"`
	Sticky  string      `json:"sticky,omitempty"`
	Targets []wf.Target `json:"targets"`
	Current *bool       `json:"current,omitempty"`
}

func recordJSON(r *names.Record, current *bool) nameJSON {
	return nameJSON{Name: r.Record.Name, Owner: r.Record.Owner.Checksum(), Seq: r.Record.Seq, CID: r.CID.String(),
		Created: r.Record.Created, Sticky: r.Record.Sticky, Targets: r.Record.Targets, Current: current}
}

func targetsText(ts []wf.Target) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf("%s=%d", t.Function, t.Weight)
	}
	return strings.Join(parts, " ")
}

// printRecords prints records one a line (or as JSON); with history, the
// first is the current one.
func (a *App) printRecords(recs []*names.Record, asJSON, history bool) error {
	if asJSON {
		out := make([]nameJSON, len(recs))
		for i, r := range recs {
			var cur *bool
			if history {
				c := i == 0
				cur = &c
			}
			out[i] = recordJSON(r, cur)
		}
		return a.printJSON(out)
	}
	for i, r := range recs {
		line := fmt.Sprintf("seq %d  %s  %s", r.Record.Seq, r.Record.Created, targetsText(r.Record.Targets))
		switch {
		case !history:
			line = r.Record.Name + " " + line
		case i == 0:
			line = "* " + line // the current record
		default:
			line = "  " + line
		}
		if r.Record.Sticky != "" {
			line += "  sticky " + r.Record.Sticky
		}
		fmt.Fprintln(a.Stdout, line)
	}
	return nil
}
