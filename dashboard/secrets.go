package dashboard

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Secrets set from the browser are sealed in the page: static/seal.wasm
// is package seal compiled for the browser (./sealwasm), so a value never
// reaches the dashboard's server, and the page seals exactly as wf secrets
// does. The page asks it for a new data key, the sealed secrets block and
// the data key wrapped to each holder's sealing key, bound to the owner;
// the server checks the block and the grants (never able to open them),
// builds the function's next spec around them, and the wallet signs that
// spec as a deploy's: the function gets a new CID, like wf secrets grant.

// maxSecretsBody bounds what the page posts: a sealed block of at most
// seal.MaxSecretsBytes (base64) and a grant per provider.
const maxSecretsBody = 2*seal.MaxSecretsBytes + 64<<10

// sealTarget is a provider holding a function and the key it seals to.
type sealTarget struct {
	holder
	Key          *seal.PublicKey // nil when its /v1/info publishes none, or one the registry does not hold for it
	Mismatch     bool            // its /v1/info key is not the one registered
	Unregistered bool            // it came from the registry, which holds no sealing key for it
}

// sealTargets reads the sealing key each holder's /v1/info publishes,
// refused when the registry holds another for it (Provider.SealingKey) or
// holds none for a provider listed from it; a provider configured by URL
// is trusted as for everything else the dashboard shows of it.
func (d *Dashboard) sealTargets(r *http.Request, hs []holder) []sealTarget {
	ts := make([]sealTarget, len(hs))
	var wg sync.WaitGroup
	for i := range hs {
		ts[i].holder = hs[i]
		wg.Go(func() {
			p := &d.cfg.Providers[hs[i].Index]
			if p.Registered && len(p.SealingKey) == 0 {
				ts[i].Unregistered = true // the registry is the authority: nothing to check a key against
				return
			}
			if info, err := d.client(p).Info(r.Context()); err == nil && info.SealingKey != nil {
				if len(p.SealingKey) > 0 && !bytes.Equal(p.SealingKey, info.SealingKey.Bytes()) {
					ts[i].Mismatch = true // sealed to nobody: the registry is the authority
					return
				}
				ts[i].Key = info.SealingKey
			}
		})
	}
	wg.Wait()
	return ts
}

// serveSecrets is the page that seals a function's secrets in the browser.
func (d *Dashboard) serveSecrets(w http.ResponseWriter, r *http.Request) {
	ss, hs, ok := d.function(w, r)
	if !ok {
		return
	}
	ts := d.sealTargets(r, hs)
	var keys []string
	for _, t := range ts {
		if t.Key != nil {
			keys = append(keys, t.Key.String())
		}
	}
	env := make([]string, 0, len(ss.Spec.Env))
	for k := range ss.Spec.Env {
		env = append(env, k)
	}
	slices.Sort(env)
	cfg, _ := json.Marshal(map[string]any{"owner": ss.Spec.Owner.Checksum(), "keys": keys, "env": env})
	// The page compiles WebAssembly: allowed here alone.
	w.Header().Set("Content-Security-Policy", strings.Replace(csp, "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1))
	d.render(w, r, http.StatusOK, "secrets", page{Title: "Secrets of " + r.PathValue("cid"), Nav: "functions",
		Data: map[string]any{"CID": r.PathValue("cid"), "Spec": &ss.Spec, "Targets": ts, "Sealable": len(keys) > 0, "Rows": []int{1, 2, 3, 4},
			"SealConfig": string(cfg)}})
}

// sealedSecrets is what the page posts: the block and grants sealed in
// the browser, never a value.
type sealedSecrets struct {
	Block  []byte     `json:"block"`
	Grants []wf.Grant `json:"grants"`
}

// serveSecretsPrepare checks what the page sealed and answers the typed
// data of the function's next spec (POST /deploy takes its signature).
// The CSRF token comes in X-CSRF-Token.
func (d *Dashboard) serveSecretsPrepare(w http.ResponseWriter, r *http.Request) {
	ss, hs, ok := d.function(w, r)
	if !ok {
		return
	}
	owner := ss.Spec.Owner
	var in sealedSecrets
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		status := http.StatusBadRequest
		if errors.As(err, new(*http.MaxBytesError)) {
			status = http.StatusRequestEntityTooLarge
		}
		d.fail(w, r, status, "The sealed secrets could not be read: "+err.Error())
		return
	}
	if ss.Spec.Code.Encrypted {
		d.fail(w, r, http.StatusConflict, "This function's code is sealed under its data key, which only your wf secrets keyring holds: change its secrets with wf secrets set and wf deploy --secrets.")
		return
	}
	if e, err := seal.ParseEnvelope(in.Block); err != nil || e.Kind != seal.KindSecrets {
		d.fail(w, r, http.StatusBadRequest, "That is not a sealed secrets block.")
		return
	}
	// Every holder with a sealing key gets a grant, and nothing else
	// does: the page sealed to the keys this page gave it.
	want := map[wf.KeyID]bool{}
	var to []int
	for _, t := range d.sealTargets(r, hs) {
		if t.Key != nil {
			want[t.Key.ID()] = true
			to = append(to, t.Index)
		}
	}
	sealed := &wf.Sealed{Format: seal.FormatVersion, Secrets: wf.SumCID(wf.CodecRaw, in.Block)}
	for _, g := range in.Grants {
		if err := seal.ParseGrant(g.Wrapped); err != nil || !want[g.Key] {
			d.fail(w, r, http.StatusBadRequest, "A grant is malformed or for a key no provider holding this function publishes: reload the page and seal again.")
			return
		}
		seal.SetGrant(sealed, g)
	}
	if len(to) == 0 || len(sealed.Grants) != len(want) {
		d.fail(w, r, http.StatusBadRequest, fmt.Sprintf("The secrets must be sealed to each of the %d sealing keys of the providers holding this function: reload the page and seal again.", len(want)))
		return
	}
	s := ss.Spec
	s.Sealed = sealed
	s.Created = spec.Now(d.cfg.Now())
	// The owner signs this spec itself: a CI delegation's claim would not
	// hold for it.
	if _, ok := s.Extensions[spec.CIExtension]; ok {
		s.Extensions = maps.Clone(s.Extensions) // not the one read from a provider
		delete(s.Extensions, spec.CIExtension)
	}
	block := in.Block
	pack := func(k wf.Signer) (*client.Package, error) { return client.PackSpec(s, k, block) }
	pkg, err := pack(&walletSigner{addr: owner})
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "The new spec could not be built: "+err.Error())
		return
	}
	td, err := chain.TypedDataJSON(&pkg.Spec.Spec)
	if err != nil {
		d.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	s = pkg.Spec.Spec
	d.awaitSignature(w, r, &upload{owner: owner, spec: s, providers: to, pack: pack}, td)
}

// serveSealWasm serves static/seal.wasm.gz as application/wasm,
// compressed when the browser takes gzip (all do).
func serveSealWasm(w http.ResponseWriter, r *http.Request) {
	b, err := staticFS.ReadFile("static/seal.wasm.gz")
	if err != nil {
		http.Error(w, "no sealing code in this build", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("Vary", "Accept-Encoding")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		w.Write(b)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		http.Error(w, "the sealing code is damaged", http.StatusInternalServerError)
		return
	}
	io.Copy(w, zr)
}
