// Package project reads and writes wf.toml, the project file of a function:
// what `wf build` compiles and what `wf deploy` puts in the spec (env,
// limits, sealed secrets by name, providers, the name to move). The schema
// is in docs/project.md.
//
// Parse refuses what it does not know: an unknown key, a value of the
// wrong type or a bad unit is an *Error naming the file, the line and the
// key, so a typo never silently deploys the default. It is the only
// package that imports go-toml (wftest/deps_test.go).
//
// Parsing is separate from use: a File is plain data, and a zero File is
// a valid project with every setting left to its default.
package project

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/webfunctions/wf/spec"

	"github.com/webfunctions/wf/wf"
)

// FileName is the project file's name in a function's directory.
const FileName = "wf.toml"

// MaxSize bounds a project file; a real one is a few hundred bytes.
const MaxSize = 1 << 20

// Languages the default build knows (package build).
const (
	LangGo             = "go"
	LangAssemblyScript = "assemblyscript"
	LangJS             = "js" // JavaScript or TypeScript, bundled (docs/js.md)
)

// File is wf.toml. Every field is optional; the zero value leaves each
// setting to the command line's defaults.
type File struct {
	// Name is the function's name (a DNS label: a-z, 0-9, inner hyphens,
	// at most 63 bytes) that a deploy moves to the new version.
	Name string `toml:"name,omitempty"`
	// Secrets are names of environment variables sealed to the providers
	// at deploy time. Their values are never in wf.toml: each is taken
	// from the deploying process's environment ($NAME, else the file
	// $NAME_FILE names), else from the function's sealed store
	// (`wf secrets set`).
	Secrets []string `toml:"secrets,omitempty"`
	// Providers are where deploy uploads: base URLs (http or https) or
	// names in the on-chain registry.
	Providers []string `toml:"providers,omitempty"`
	// EncryptCode seals the module too, so public storage holds only
	// ciphertext.
	EncryptCode bool `toml:"encrypt_code,omitempty"`

	// Deterministic declares that the function answers the same request
	// alike wherever it runs, so gateways may verify it on several
	// providers (the spec's wf.deterministic extension,
	// docs/verification.md). Verify is the level every request gets
	// (0: only when a caller asks, else 2 to 8); MaxVerify caps what a
	// caller may ask for (0: 3, or Verify if higher).
	Deterministic bool `toml:"deterministic,omitempty"`
	Verify        int  `toml:"verify,omitempty"`
	MaxVerify     int  `toml:"max_verify,omitempty"`

	Build   Build             `toml:"build,omitempty"`
	Env     map[string]string `toml:"env,omitempty"`
	Limits  Limits            `toml:"limits,omitempty"`
	Callers Callers           `toml:"callers,omitempty"`
	// CICallers, when given, admits only CI jobs whose identity token
	// matches one of them (the spec's wf.ci.callers extension,
	// docs/ci.md): [[ci_callers]] tables.
	CICallers []CICaller `toml:"ci_callers,omitempty"`
	// Placement is the owner's requirements on the providers that serve
	// the function, which gateways honour (the spec's wf.placement
	// extension), and how many wf deploy places it on.
	Placement Placement `toml:"placement,omitempty"`
	// Access, when given, admits only callers proving a credential it
	// accepts (the spec's wf.access extension, docs/credentials.md).
	Access *Access `toml:"access,omitempty"`
}

// Placement chooses providers by auditors' attestations, price and
// region (docs/audit.md, "Placement"); the zero value requires nothing.
type Placement struct {
	AttestedBy []string `toml:"attested_by,omitempty"` // auditor addresses
	AllOf      bool     `toml:"all_of,omitempty"`
	MinScore   float64  `toml:"min_score,omitempty"` // 0 to 1
	Region     string   `toml:"region,omitempty"`
	MaxPrice   string   `toml:"max_price,omitempty"` // USDC per request, "0.001"
	// Replicas is how many providers wf deploy chooses by the rest and
	// uploads to, when no provider is named.
	Replicas int `toml:"replicas,omitempty"`
}

// CICaller admits the jobs of one repository on refs matching Ref.
type CICaller struct {
	Platform     string `toml:"platform"` // github or gitlab
	Repository   string `toml:"repository"`
	Ref          string `toml:"ref"` // refs/heads/main, refs/tags/v*
	Issuer       string `toml:"issuer,omitempty"`
	RepositoryID string `toml:"repository_id,omitempty"`
	Workflow     string `toml:"workflow,omitempty"`
	Environment  string `toml:"environment,omitempty"`
	Protected    bool   `toml:"protected,omitempty"`
}

// CICallersSpec is f's wf.ci.callers data, nil when f admits any caller.
func (f *File) CICallersSpec() *spec.CICallers {
	if len(f.CICallers) == 0 {
		return nil
	}
	c := &spec.CICallers{}
	for _, r := range f.CICallers {
		c.Rules = append(c.Rules, spec.CICaller{Platform: r.Platform, Repository: r.Repository, Ref: r.Ref, Issuer: r.Issuer,
			RepositoryID: r.RepositoryID, Workflow: r.Workflow, Environment: r.Environment, Protected: r.Protected})
	}
	return c
}

// Callers are the owner's limits on the function's callers, which
// providers enforce (the spec's wf.callers extension, docs/spec.md); the
// zero value sets none.
type Callers struct {
	// Rate is each caller's most requests per window: "60/1m".
	Rate Rate `toml:"rate,omitzero"`
	// OwnerPays is the most requests per window the owner pays for, from
	// all callers together: "1000/24h".
	OwnerPays Rate `toml:"owner_pays,omitzero"`
	// CallerPaysOnly has every caller pay with a voucher: the owner pays
	// for none.
	CallerPaysOnly bool `toml:"caller_pays_only,omitempty"`
}

// Spec is c as the spec's wf.callers data, nil when c sets nothing.
func (c Callers) Spec() *spec.Callers {
	if c == (Callers{}) {
		return nil
	}
	s := &spec.Callers{PerCaller: c.Rate.Spec(), OwnerPays: c.OwnerPays.Spec()}
	if c.CallerPaysOnly {
		s.CallerPays = spec.CallerPaysRequired
	}
	return s
}

// DeterministicSpec is f's wf.deterministic data, nil when f does not
// declare determinism.
func (f *File) DeterministicSpec() *spec.Deterministic {
	if !f.Deterministic {
		return nil
	}
	return &spec.Deterministic{Verify: f.Verify, MaxVerify: f.MaxVerify}
}

// Build says how `wf build` makes the module.
type Build struct {
	// Language is LangGo or LangAssemblyScript; empty: detected from the
	// directory (a go.mod, or a package.json using assemblyscript).
	Language string `toml:"language,omitempty"`
	// Command, if set, replaces the language's build: a shell command run
	// in the project directory that must write Output.
	Command string `toml:"command,omitempty"`
	// Entry is the Go package the Go build compiles (default "."),
	// relative to the project directory.
	Entry string `toml:"entry,omitempty"`
	// Output is the module the build writes and deploy uploads, relative
	// to the project directory (default main.wasm).
	Output string `toml:"output,omitempty"`
}

// Limits are the function's limits, each within the provider's maxima;
// zero leaves one to the provider.
type Limits struct {
	// Memory is the linear memory limit: a whole number of 64 KiB
	// WebAssembly pages.
	Memory Size `toml:"memory,omitzero"`
	// Timeout is the wall time per request, whole milliseconds.
	Timeout Duration `toml:"timeout,omitzero"`
	// RequestBytes bounds a request's body.
	RequestBytes Size `toml:"request_bytes,omitzero"`
	// ResponseBytes bounds a response (what the function writes to
	// stdout, headers included).
	ResponseBytes Size `toml:"response_bytes,omitzero"`
}

// Spec returns l as the spec's limits. Parse has checked that each maps
// exactly.
func (l Limits) Spec() wf.Limits {
	return wf.Limits{
		MemoryPages:      uint32(l.Memory / PageSize),
		TimeoutMS:        l.Timeout.Milliseconds(),
		MaxRequestBytes:  int64(l.RequestBytes),
		MaxResponseBytes: int64(l.ResponseBytes),
	}
}

// PageSize is the WebAssembly page, the unit of the spec's memory limit.
const PageSize = 64 << 10

// maxPages is the most pages a 32-bit WebAssembly memory has.
const maxPages = 1 << 16

// Error is a problem at one place in a project file.
type Error struct {
	File string // as given to Parse
	Line int    // 1-based; 0 when the problem has no one line
	Key  string // dotted, e.g. "limits.timeout"; empty for a syntax error
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Is makes every Error a wf.ErrInvalid.
func (e *Error) Is(target error) bool { return target == wf.ErrInvalid }

// Parse decodes and validates a project file; file names it in errors.
// Every problem found is reported, one *Error each (errors.Join).
func Parse(file string, data []byte) (*File, error) {
	if len(data) > MaxSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("larger than %d bytes", MaxSize)}
	}
	var f File
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, decodeError(file, data, err)
	}
	lines := keyLines(data)
	if err := f.validate(func(key, format string, args ...any) error {
		return &Error{File: file, Line: lines.of(key), Key: key, Msg: key + ": " + fmt.Sprintf(format, args...)}
	}); err != nil {
		return nil, err
	}
	return &f, nil
}

// Marshal encodes f as TOML (without comments; `wf init` writes a
// commented file from its template).
func Marshal(f *File) ([]byte, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(f); err != nil {
		return nil, fmt.Errorf("project: %w", err)
	}
	return b.Bytes(), nil
}

// decodeError turns go-toml's errors into *Errors with the key's line.
func decodeError(file string, data []byte, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs []error
		lines := keyLines(data)
		for i := range strict.Errors {
			e := &strict.Errors[i]
			line, _ := e.Position()
			path := lines.inline(line, e.Key())
			key := strings.Join(path, ".")
			msg := fmt.Sprintf("unknown key %q", key)
			switch s, moved := suggest(path); {
			case moved && !strings.Contains(s, "."):
				msg += fmt.Sprintf(" (did you mean the top-level %q? Keys below a [table] header belong to it: put %s above the first table)", s, s)
			case s != "":
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs = append(errs, &Error{File: file, Line: line, Key: key, Msg: msg})
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		key := strings.Join(de.Key(), ".")
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if key != "" {
			msg = key + ": " + msg
		}
		return &Error{File: file, Line: line, Key: key, Msg: msg}
	}
	// go-toml reports a TextUnmarshaler's error on an integer without its
	// place; only a Duration refuses an integer, so find the one set so.
	var ue *unitError
	if errors.As(err, &ue) {
		lines := keyLines(data)
		for _, k := range durationKeys {
			if at, ok := lines[k]; ok && at.kind == unstable.Integer {
				return &Error{File: file, Line: at.line, Key: k, Msg: k + ": " + err.Error()}
			}
		}
	}
	return &Error{File: file, Msg: err.Error()}
}

// validate checks values; bad builds the error for a key.
func (f *File) validate(bad func(key, format string, args ...any) error) error {
	var errs []error
	add := func(err error) { errs = append(errs, err) }
	if f.Name != "" && !ValidName(f.Name) {
		add(bad("name", "%q is not a DNS label (1 to 63 of a-z, 0-9 and inner hyphens)", f.Name))
	}
	for i, s := range f.Secrets {
		switch {
		case !validEnvName(s):
			add(bad("secrets", "%q is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*, at most %d bytes)", s, maxEnvName))
		case slices.Contains(f.Secrets[:i], s):
			add(bad("secrets", "%s is listed twice", s))
		case hasKey(f.Env, s):
			add(bad("secrets", "%s is also set in [env]; a name is either a plain variable or a secret", s))
		}
	}
	for i, p := range f.Providers {
		if err := validProvider(p); err != nil {
			add(bad("providers", "%q: %v", p, err))
		} else if slices.Contains(f.Providers[:i], p) {
			add(bad("providers", "%q is listed twice", p))
		}
	}
	b := f.Build
	switch b.Language {
	case "", LangGo, LangAssemblyScript, LangJS:
	default:
		add(bad("build.language", "%q is not one of %q, %q, %q", b.Language, LangGo, LangAssemblyScript, LangJS))
	}
	if b.Entry != "" {
		switch {
		case b.Command != "":
			add(bad("build.entry", "is for the Go and js builds; build.command builds what it names itself"))
		case b.Language == LangAssemblyScript:
			add(bad("build.entry", "is for the Go and js builds; AssemblyScript compiles what package.json's build script names"))
		}
		if err := relPath(b.Entry); err != nil {
			add(bad("build.entry", "%v", err))
		}
	}
	if b.Output != "" {
		if err := relPath(b.Output); err != nil {
			add(bad("build.output", "%v", err))
		}
	}
	if b.Command != "" && strings.TrimSpace(b.Command) == "" {
		add(bad("build.command", "is blank"))
	}
	for _, k := range sortedKeys(f.Env) {
		if !validEnvName(k) {
			add(bad("env."+k, "%q is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*, at most %d bytes)", k, maxEnvName))
		} else if strings.ContainsRune(f.Env[k], 0) {
			add(bad("env."+k, "contains a NUL byte"))
		}
	}
	l := f.Limits
	for key, z := range map[string]Size{"limits.memory": l.Memory, "limits.request_bytes": l.RequestBytes, "limits.response_bytes": l.ResponseBytes} {
		if z < 0 {
			add(bad(key, "must not be negative"))
		}
	}
	switch {
	case l.Memory < 0:
	case l.Memory%PageSize != 0:
		hint := fmt.Sprintf("try %s", (l.Memory/PageSize+1)*PageSize)
		if l.Memory%1e6 == 0 && l.Memory/1e6*(1<<20)%PageSize == 0 {
			hint = fmt.Sprintf("MB are 1000-based: did you mean \"%dMiB\"?", l.Memory/1e6)
		}
		add(bad("limits.memory", "%s is not a whole number of 64KiB WebAssembly pages (%s)", l.Memory, hint))
	case l.Memory/PageSize > maxPages:
		add(bad("limits.memory", "%s is more than a 32-bit WebAssembly memory (4GiB)", l.Memory))
	}
	if l.Timeout.Duration%1e6 != 0 {
		add(bad("limits.timeout", "%s is not a whole number of milliseconds", l.Timeout))
	}
	if c := f.Callers.Spec(); c != nil {
		if err := c.Check(); err != nil {
			add(bad("callers", "%s", strings.ReplaceAll(err.Error(), wf.ErrInvalid.Error()+": ", "")))
		}
	}
	if c := f.CICallersSpec(); c != nil {
		if err := c.Check(); err != nil {
			add(bad("ci_callers", "%s", strings.ReplaceAll(err.Error(), wf.ErrInvalid.Error()+": ", "")))
		}
	}
	f.checkAccess(add, bad)
	if d := f.DeterministicSpec(); d != nil {
		if err := d.Check(); err != nil {
			add(bad("verify", "%s", strings.ReplaceAll(err.Error(), wf.ErrInvalid.Error()+": ", "")))
		}
	} else if f.Verify != 0 || f.MaxVerify != 0 {
		add(bad("verify", "verify and max_verify need deterministic = true"))
	}
	return errors.Join(errs...)
}

// ValidName reports whether s can be a function's name: a DNS label of
// a-z, 0-9 and inner hyphens, at most 63 bytes.
func ValidName(s string) bool { return wf.IsLabel(s) }

// maxEnvName is seal's bound on a secret's name, kept for every name so
// that a variable can become a secret.
const maxEnvName = 128

// validEnvName is spec's rule for env names: [A-Za-z_][A-Za-z0-9_]*.
func validEnvName(s string) bool {
	if s == "" || len(s) > maxEnvName {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// IsURL reports whether a provider is given by URL rather than by
// registry name.
func IsURL(p string) bool { return strings.Contains(p, "://") }

func validProvider(p string) error {
	if !IsURL(p) {
		if !ValidName(p) {
			return errors.New("neither an http(s) URL nor a registry name (a DNS label)")
		}
		return nil
	}
	u, err := url.Parse(p)
	switch {
	case err != nil:
		return errors.New("not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New("the URL's scheme must be http or https")
	case u.Host == "":
		return errors.New("the URL has no host")
	case u.User != nil:
		return errors.New("the URL must not carry credentials")
	case u.RawQuery != "" || u.Fragment != "":
		return errors.New("a provider URL is a base URL, without query or fragment")
	}
	return nil
}

// relPath checks a path relative to the project directory, written with
// slashes so that the file works on every system.
func relPath(p string) error {
	if strings.Contains(p, `\`) || filepath.IsAbs(p) || path.IsAbs(p) {
		return errors.New("must be a relative path with forward slashes (relative to wf.toml's directory)")
	}
	return nil
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
