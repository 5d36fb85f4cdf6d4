package dashboard

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// nameRow is one of the owner's names: its newest record any provider
// holds, and which providers hold that one.
type nameRow struct {
	Record    *names.Record
	Providers []string
	Behind    []string // providers holding an older record
}

func (d *Dashboard) serveNames(w http.ResponseWriter, r *http.Request) {
	rows, bad := d.ownerNames(r)
	d.render(w, r, http.StatusOK, "names", page{Title: "Names", Nav: "names",
		Data: map[string]any{"Rows": rows, "Unreachable": bad}})
}

// ownerNames reads the session owner's names across the providers, by
// name, each at its newest record.
func (d *Dashboard) ownerNames(r *http.Request) ([]*nameRow, []unreachable) {
	owner := sessionOf(r).addr
	lists := make([][]*names.Record, len(d.cfg.Providers))
	bad := d.each(r.Context(), func(i int, p *Provider) error {
		recs, err := d.client(p).Names(r.Context(), owner, d.cfg.Verifier)
		lists[i] = recs
		return err
	})
	byName := map[string]*nameRow{}
	for _, recs := range lists {
		for _, rec := range recs {
			if rec.Record.Owner != owner {
				continue
			}
			if row := byName[rec.Record.Name]; row == nil || rec.Record.Seq > row.Record.Record.Seq {
				byName[rec.Record.Name] = &nameRow{Record: rec}
			}
		}
	}
	for i, recs := range lists {
		for _, rec := range recs {
			if row := byName[rec.Record.Name]; row != nil && rec.Record.Owner == owner {
				if rec.Record.Seq == row.Record.Record.Seq {
					row.Providers = append(row.Providers, d.cfg.Providers[i].Name)
				} else {
					row.Behind = append(row.Behind, d.cfg.Providers[i].Name)
				}
			}
		}
	}
	rows := make([]*nameRow, 0, len(byName))
	for _, row := range byName {
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b *nameRow) int { return strings.Compare(a.Record.Record.Name, b.Record.Record.Name) })
	return rows, bad
}

// history reads the versions of the session owner's name from the
// provider that holds its newest record: newest first, verified.
func (d *Dashboard) history(r *http.Request, name string) ([]*names.Record, error) {
	owner := sessionOf(r).addr
	hists := make([][]*names.Record, len(d.cfg.Providers))
	d.each(r.Context(), func(i int, p *Provider) error {
		h, err := d.client(p).NameHistory(r.Context(), owner, name, d.cfg.Verifier)
		hists[i] = h
		return err
	})
	var best []*names.Record
	for _, h := range hists {
		if len(h) > 0 && (len(best) == 0 || h[0].Record.Seq > best[0].Record.Seq) {
			best = h
		}
	}
	if len(best) == 0 {
		return nil, errNoName
	}
	for _, rec := range best {
		if rec.Record.Owner != owner || rec.Record.Name != name {
			return nil, errNoName // a provider's answer about someone else
		}
	}
	return best, nil
}

var errNoName = errors.New("no such name")

// recordError is what the page says when a name's next record cannot be
// made: the form's fault, or the reason names.Validate gave.
func recordError(err error) string {
	switch {
	case errors.Is(err, errNoName):
		return "That is not a name."
	case errors.Is(err, errNoVersion), errors.Is(err, errNoTarget), errors.Is(err, errNewSplit):
		return err.Error()
	}
	return "The record cannot be made: " + err.Error()
}

func (d *Dashboard) serveName(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !names.ValidName(name) {
		d.fail(w, r, http.StatusNotFound, "That is not a name.")
		return
	}
	hist, err := d.history(r, name)
	if err != nil {
		d.fail(w, r, http.StatusNotFound, "None of these providers holds a name "+name+" of yours.")
		return
	}
	d.render(w, r, http.StatusOK, "name", page{Title: "Name " + name, Nav: "names",
		Data: map[string]any{"Name": name, "Versions": hist}})
}

// nextRecord is the record a change of the session owner's name signs:
// the current sequence number plus one (1 for a new name; after a CI
// delegate's record, at least its creation time's Unix second), made now.
// The form says which change:
//   - from=SEQ: back to that earlier version's targets (a rollback);
//   - function=CID, percent=P (default 100): P% of requests to that
//     function, the rest shared among the current targets in proportion
//     (a split; 100 points the whole name at it).
//
// The wallet signs it; the server rebuilds the same record from the same
// inputs, with the creation time the page posts back, to check the
// signature.
func (d *Dashboard) nextRecord(r *http.Request, name string) (*wf.NameRecord, error) {
	if !names.ValidName(name) {
		return nil, errNoName
	}
	hist, err := d.history(r, name)
	if err != nil && !errors.Is(err, errNoName) {
		return nil, err
	}
	var targets []wf.Target
	if f := r.PostFormValue("from"); f != "" {
		from, err := strconv.ParseUint(f, 10, 64)
		i := slices.IndexFunc(hist, func(rec *names.Record) bool { return rec.Record.Seq == from })
		if err != nil || i <= 0 { // unknown, or the current one already
			return nil, errNoVersion
		}
		targets = append([]wf.Target(nil), hist[i].Record.Targets...)
	} else {
		fn, err := wf.ParseCID(r.PostFormValue("function"))
		if err != nil {
			return nil, errNoTarget
		}
		pct := 100
		if p := r.PostFormValue("percent"); p != "" {
			if pct, err = strconv.Atoi(p); err != nil || pct < 1 || pct > 100 {
				return nil, errNoTarget
			}
		}
		var current []wf.Target
		if len(hist) > 0 {
			current = hist[0].Record.Targets
		}
		if targets = split(fn, pct, current); targets == nil {
			return nil, errNewSplit
		}
	}
	created := r.PostFormValue("created")
	if created == "" {
		created = spec.Now(d.cfg.Now())
	}
	at, err := time.Parse(time.RFC3339, created)
	if err != nil {
		return nil, fmt.Errorf("%w: created %q", errNoTime, created)
	}
	rec := &wf.NameRecord{Name: name, Owner: sessionOf(r).addr, Seq: 1, Targets: targets, Created: created}
	if len(hist) > 0 {
		// After a CI delegate's record, at least the creation time's
		// second: the owner's record then outranks all that delegation's
		// key could sign (names.NextSeq).
		rec.Seq, rec.Sticky = names.NextSeq(hist[0].SignedNameRecord, at), hist[0].Record.Sticky
	}
	names.Sort(rec)
	if err := names.Validate(rec); err != nil {
		return nil, err
	}
	return rec, nil
}

var (
	errNoVersion = errors.New("Say which earlier version of one of your names to return to.")
	errNoTarget  = errors.New("Say which function the name is to send requests to, and what percentage (1 to 100).")
	errNewSplit  = errors.New("A new name sends all its requests to one function: point it at 100%, then split.")
	errNoTime    = errors.New("The record's creation time is not RFC 3339")
)

// split gives fn pct percent of the requests and shares the rest among
// current's other targets in proportion to their weights (largest
// remainders first, so the weights sum to 100). It is nil when pct is
// under 100 and there is nothing to share the rest with.
func split(fn wf.CID, pct int, current []wf.Target) []wf.Target {
	var rest []wf.Target
	total := 0
	for _, t := range current {
		if t.Function != fn {
			rest = append(rest, t)
			total += int(t.Weight)
		}
	}
	if pct == 100 {
		return []wf.Target{{Function: fn, Weight: 100}}
	}
	if total == 0 {
		return nil
	}
	left := 100 - pct
	out := []wf.Target{{Function: fn, Weight: uint8(pct)}}
	type share struct{ i, rem int }
	var shares []share
	given := 0
	for _, t := range rest {
		w := left * int(t.Weight) / total
		given += w
		shares = append(shares, share{len(out), left * int(t.Weight) % total})
		out = append(out, wf.Target{Function: t.Function, Weight: uint8(w)})
	}
	slices.SortStableFunc(shares, func(a, b share) int { return b.rem - a.rem })
	for k := 0; given < left; k++ {
		out[shares[k%len(shares)].i].Weight++
		given++
	}
	return slices.DeleteFunc(out, func(t wf.Target) bool { return t.Weight == 0 })
}

// serveRecordRequest answers the typed data of the name's next record
// (see nextRecord) for the wallet to sign, and the creation time to post
// back with it.
func (d *Dashboard) serveRecordRequest(w http.ResponseWriter, r *http.Request) {
	rec, err := d.nextRecord(r, r.PathValue("name"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, recordError(err))
		return
	}
	td, err := chain.TypedDataJSON(rec)
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"created": rec.Created, "seq": rec.Seq, "typedData": json.RawMessage(td)})
}

// serveRecord checks the wallet's signature over the name's next record
// and sends the signed record to every provider; it renders what each
// answered, as a fragment the page inserts.
func (d *Dashboard) serveRecord(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("created") == "" {
		d.fail(w, r, http.StatusBadRequest, "The change needs the time it was made.")
		return
	}
	rec, err := d.nextRecord(r, r.PathValue("name"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, recordError(err))
		return
	}
	if seq, err := strconv.ParseUint(r.PostFormValue("seq"), 10, 64); err != nil || seq != rec.Seq {
		d.fail(w, r, http.StatusConflict, "The name changed since the wallet signed: reload and roll back again.")
		return
	}
	sig, err := parseSig(r.PostFormValue("signature"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "The rollback needs the wallet's signature.")
		return
	}
	if signer, err := d.cfg.Verifier.Recover(rec, sig); err != nil || signer != sessionOf(r).addr {
		d.fail(w, r, http.StatusForbidden, "The signature is not yours over this record.")
		return
	}
	sr := &wf.SignedNameRecord{Record: *rec, Signature: sig}
	results := d.sendTo(nil, func(p *Provider) error {
		_, err := d.client(p).SetName(r.Context(), sr)
		return err
	})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	d.fragment.ExecuteTemplate(w, "record", map[string]any{"Record": rec, "Results": results})
}
