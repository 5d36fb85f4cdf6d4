package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/jsrt"
	"github.com/webfunctions/wf/jsrt/bundle"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// Deploy by upload, in two steps so that the key stays in the wallet:
// the page sends a module and the providers to deploy to; the server
// packs it into a spec owned by the signed-in address and answers the
// spec's typed data; the wallet signs that and the page posts the
// signature back; the server rebuilds the package around the signature
// (packing is deterministic), checks it is the owner's, and uploads it.

const (
	uploadWindow = 10 * time.Minute
	// maxUploads bounds the modules held between the two steps: anyone
	// who signs in can upload, so memory must not grow with them.
	maxUploads = 8
)

// upload is a packed function waiting for its owner's signature: a new
// module, or a new version of a function (its secrets sealed in the
// browser).
type upload struct {
	owner wf.Address
	spec  wf.Spec // as it will be signed: code and version filled in
	// pack builds the package again around the wallet's signature
	// (packing is deterministic).
	pack      func(wf.Signer) (*client.Package, error)
	providers []int // indexes into Config.Providers
	expires   time.Time
}

// serveDeployPrepare reads the multipart upload (the module and the
// chosen providers) without touching disk, packs it and answers
// {"upload", "cid"?, "typedData"} for the wallet. The CSRF token must be
// in X-CSRF-Token: the body is not parsed before it is checked.
func (d *Dashboard) serveDeployPrepare(w http.ResponseWriter, r *http.Request) {
	owner := sessionOf(r).addr
	form, err := d.readUpload(r)
	module, chosen := form.code, form.providers
	if err != nil {
		status := http.StatusBadRequest
		if errors.As(err, new(*http.MaxBytesError)) {
			status = http.StatusRequestEntityTooLarge
		}
		d.fail(w, r, status, err.Error())
		return
	}
	s := wf.Spec{Runtime: wf.RuntimeWAGI, Created: spec.Now(d.cfg.Now()), Env: form.env, Limits: form.limits}
	if module.script {
		// A worker runs on the engine this binary carries, as wf deploy
		// marks it; providers list the engines they run in /v1/info.
		x, err := spec.JSExtensionFor(jsrt.Builtin().CID)
		if err != nil {
			d.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		s.Extensions = map[string]wf.Extension{spec.JSExtension: x}
	}
	pkg, err := client.Pack(r.Context(), bytes.NewReader(module.code), s, &walletSigner{addr: owner})
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "The module could not be packed: "+err.Error())
		return
	}
	td, err := chain.TypedDataJSON(&pkg.Spec.Spec)
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s = pkg.Spec.Spec
	s.Code = wf.Code{} // Pack fills it in again from the module
	d.awaitSignature(w, r, &upload{owner: owner, spec: pkg.Spec.Spec, providers: chosen, pack: func(k wf.Signer) (*client.Package, error) {
		return client.Pack(context.Background(), bytes.NewReader(module.code), s, k)
	}}, td)
}

// awaitSignature keeps u until its owner's wallet signs it (POST
// /deploy) and answers {"upload", "cid", "typedData"} for the wallet.
func (d *Dashboard) awaitSignature(w http.ResponseWriter, r *http.Request, u *upload, td []byte) {
	id, now := token(), d.cfg.Now()
	u.expires = now.Add(uploadWindow)
	d.mu.Lock()
	for k, old := range d.uploads {
		if !now.Before(old.expires) || old.owner == u.owner { // one upload per owner at a time
			delete(d.uploads, k)
		}
	}
	full := len(d.uploads) >= maxUploads
	if !full {
		d.uploads[id] = u
	}
	d.mu.Unlock()
	if full {
		w.Header().Set("Retry-After", "60")
		d.fail(w, r, http.StatusTooManyRequests, "Too many deploys are waiting for a signature; try again in a minute.")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"upload": id, "typedData": json.RawMessage(td)})
}

// code is what an upload deploys: a WebAssembly module, or a worker
// (JavaScript or TypeScript) bundled into one ES module.
type code struct {
	code   []byte
	script bool
}

// uploadForm is what the deploy form sends.
type uploadForm struct {
	code      code
	providers []int // indexes into Config.Providers
	env       map[string]string
	limits    wf.Limits
}

// maxEnvField bounds the environment the form may send: a spec is small.
const maxEnvField = 16 << 10

// readUpload streams the form: "provider" fields (indexes of the
// providers to deploy to), one "module" file of at most Config.MaxUpload
// bytes (a WebAssembly binary, or a worker script named by its extension
// (.js, .mjs, .ts, .mts), bundled here as wf deploy bundles one), and
// optionally "env" (NAME=value lines, public in the spec), "timeout_ms"
// and "memory_mib".
func (d *Dashboard) readUpload(r *http.Request) (uploadForm, error) {
	var f uploadForm
	mr, err := r.MultipartReader()
	if err != nil {
		return f, errors.New("Send the module as a multipart form.")
	}
	seen := map[int]bool{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return f, fmt.Errorf("The upload could not be read: %w", err)
		}
		switch name := part.FormName(); name {
		case "provider":
			v, err := io.ReadAll(io.LimitReader(part, 16))
			i, err2 := strconv.Atoi(string(v))
			if err != nil || err2 != nil || i < 0 || i >= len(d.cfg.Providers) || seen[i] {
				return f, errors.New("Pick providers from the list.")
			}
			seen[i] = true
			f.providers = append(f.providers, i)
		case "module":
			if f.code.code != nil {
				return f, errors.New("Upload one module.")
			}
			if f.code, err = readModule(part, d.cfg.MaxUpload); err != nil {
				return f, err
			}
		case "env", "timeout_ms", "memory_mib":
			v, err := io.ReadAll(io.LimitReader(part, maxEnvField+1))
			if err != nil {
				return f, fmt.Errorf("The upload could not be read: %w", err)
			}
			if len(v) > maxEnvField {
				return f, fmt.Errorf("The %s field is longer than %d bytes.", name, maxEnvField)
			}
			if err := f.set(name, strings.TrimSpace(string(v))); err != nil {
				return f, err
			}
		}
	}
	switch {
	case f.code.code == nil:
		return f, errors.New("Choose a .wasm module or a worker script (.js, .ts) to deploy.")
	case len(f.providers) == 0:
		return f, errors.New("Pick at least one provider to deploy to.")
	}
	return f, nil
}

// set reads one of the form's optional fields; empty leaves it unset.
func (f *uploadForm) set(name, v string) error {
	if v == "" {
		return nil
	}
	switch name {
	case "env":
		f.env = map[string]string{}
		for i, line := range strings.Split(v, "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			k, val, ok := strings.Cut(line, "=")
			if !ok || k == "" {
				return fmt.Errorf("Environment line %d: write NAME=value.", i+1)
			}
			if _, dup := f.env[k]; dup {
				return fmt.Errorf("Environment line %d: %s is set twice.", i+1, k)
			}
			f.env[k] = val
		}
	case "timeout_ms":
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 || n > 10*60*1000 {
			return errors.New("The timeout is a whole number of milliseconds, from 1 to 600000.")
		}
		f.limits.TimeoutMS = n
	case "memory_mib":
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil || n == 0 || n > 4096 {
			return errors.New("The memory is a whole number of MiB, from 1 to 4096.")
		}
		f.limits.MemoryPages = uint32(n) * 16 // 64 KiB pages
	}
	return nil
}

func readModule(part *multipart.Part, limit int64) (code, error) {
	b, err := io.ReadAll(io.LimitReader(part, limit+1))
	name := path.Base(part.FileName())
	switch {
	case err != nil:
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return code{}, fmt.Errorf("The module is larger than %d bytes: %w", limit, err)
		}
		return code{}, fmt.Errorf("The module could not be read: %w", err)
	case int64(len(b)) > limit:
		return code{}, fmt.Errorf("The module is larger than %d bytes: %w", limit, &http.MaxBytesError{Limit: limit})
	case bytes.HasPrefix(b, []byte("\x00asm")):
		return code{code: b}, nil
	case !bundle.IsScript(name):
		return code{}, errors.New("That file is neither a WebAssembly module (it does not start with \\0asm) nor a worker script (.js, .mjs, .ts, .mts).")
	case !utf8.Valid(b):
		return code{}, errors.New("That script is not UTF-8 text.")
	}
	js, err := bundle.Source(name, b)
	if err != nil {
		return code{}, fmt.Errorf("The worker could not be bundled (upload one file that imports nothing, or deploy a project with wf deploy): %w", err)
	}
	if int64(len(js)) > limit {
		return code{}, fmt.Errorf("The bundled worker is larger than %d bytes: %w", limit, &http.MaxBytesError{Limit: limit})
	}
	return code{code: js, script: true}, nil
}

// serveDeploy takes the wallet's signature over a prepared upload,
// builds the signed package and deploys it to the chosen providers,
// rendering what each answered.
func (d *Dashboard) serveDeploy(w http.ResponseWriter, r *http.Request) {
	owner := sessionOf(r).addr
	id := r.PostFormValue("upload")
	d.mu.Lock()
	u := d.uploads[id]
	if u != nil && u.owner == owner {
		delete(d.uploads, id) // one try, right or wrong
	}
	d.mu.Unlock()
	if u == nil || u.owner != owner || !d.cfg.Now().Before(u.expires) {
		d.fail(w, r, http.StatusNotFound, "That upload is unknown, used or expired: upload the module again.")
		return
	}
	sig, err := parseSig(r.PostFormValue("signature"))
	if err != nil {
		d.fail(w, r, http.StatusBadRequest, "The deploy needs the wallet's signature.")
		return
	}
	if signer, err := d.cfg.Verifier.Recover(&u.spec, sig); err != nil || signer != owner {
		d.fail(w, r, http.StatusForbidden, "The signature is not yours over this function's spec.")
		return
	}
	pkg, err := u.pack(&walletSigner{addr: owner, sig: sig})
	if err == nil {
		err = spec.Verify(pkg.Spec, d.cfg.Verifier)
	}
	if err != nil {
		d.fail(w, r, http.StatusInternalServerError, "The signed package could not be built: "+err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Minute)
	defer cancel()
	results := d.sendTo(u.providers, func(p *Provider) error {
		c := d.client(p)
		c.HTTP = &http.Client{Transport: d.cfg.HTTP.Transport} // a large module takes longer than a page read; ctx bounds it
		_, err := c.Deploy(ctx, pkg)
		return err
	})
	d.cfg.Log.Info("deploy", "owner", owner.Checksum(), "function", pkg.CID, "providers", len(results))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	d.fragment.ExecuteTemplate(w, "deployed", map[string]any{"CID": pkg.CID, "Results": results})
}

// walletSigner is a signer whose signature was made elsewhere (by the
// user's wallet): it hands back sig for whatever it is asked to sign, and
// the caller checks the result (spec.Verify). With a zero sig it serves
// to build the message the wallet is to sign.
type walletSigner struct {
	addr wf.Address
	sig  wf.Signature
}

func (s *walletSigner) Address() wf.Address                   { return s.addr }
func (s *walletSigner) Sign(wf.Message) (wf.Signature, error) { return s.sig, nil }
