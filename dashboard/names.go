package dashboard

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	d.render(w, r, http.StatusOK, "names", page{Title: "Names", Nav: "names",
		Data: map[string]any{"Rows": rows, "Unreachable": bad}})
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

// rollback is the record that points the name back at version from's
// targets: the current sequence number plus one, made now. The wallet
// signs it; the server rebuilds the same record from the same inputs to
// check the signature.
func (d *Dashboard) rollback(r *http.Request, name string) (*wf.NameRecord, error) {
	from, err1 := strconv.ParseUint(r.PostFormValue("from"), 10, 64)
	hist, err := d.history(r, name)
	if err1 != nil || err != nil {
		return nil, errNoName
	}
	i := slices.IndexFunc(hist, func(rec *names.Record) bool { return rec.Record.Seq == from })
	if i <= 0 { // unknown, or the current one already
		return nil, errNoName
	}
	created := r.PostFormValue("created")
	if created == "" {
		created = spec.Now(d.cfg.Now())
	}
	rec := &wf.NameRecord{Name: name, Owner: sessionOf(r).addr, Seq: hist[0].Record.Seq + 1,
		Targets: append([]wf.Target(nil), hist[i].Record.Targets...), Sticky: hist[i].Record.Sticky, Created: created}
	names.Sort(rec)
	if err := names.Validate(rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// serveRollbackRequest answers the typed data of the rollback record for
// the wallet to sign, and the creation time to post back with it.
func (d *Dashboard) serveRollbackRequest(w http.ResponseWriter, r *http.Request) {
	rec, err := d.rollback(r, r.PathValue("name"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "Say which earlier version of one of your names to return to.")
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

// serveRollback checks the wallet's signature over the rollback record
// and sends the signed record to every provider; it renders what each
// answered, as a fragment the page inserts.
func (d *Dashboard) serveRollback(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("created") == "" {
		d.fail(w, r, http.StatusBadRequest, "The rollback needs the time it was made.")
		return
	}
	rec, err := d.rollback(r, r.PathValue("name"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "Say which earlier version of one of your names to return to.")
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
	type result struct{ Provider, Err string }
	results := make([]result, len(d.cfg.Providers))
	var wg sync.WaitGroup
	for i := range d.cfg.Providers {
		p := &d.cfg.Providers[i]
		wg.Go(func() {
			results[i] = result{Provider: p.Name}
			if _, err := d.client(p).SetName(r.Context(), sr); err != nil {
				results[i].Err = err.Error()
			}
		})
	}
	wg.Wait()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	d.fragment.ExecuteTemplate(w, "rollback", map[string]any{"Record": rec, "Results": results})
}
