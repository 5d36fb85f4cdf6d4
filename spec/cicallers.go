package spec

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/webfunctions/wf/wf"
)

// CICallersExtension makes a function callable only by CI jobs whose
// identity token matches one of its rules (docs/ci.md, "CI jobs as
// callers"). It must be required: a node that ignored it would run the
// function for anyone.
const CICallersExtension = "wf.ci.callers"

// MaxCICallers bounds the rules of one function.
const MaxCICallers = 16

// CICallers is the data of a wf.ci.callers extension: a caller is
// admitted when its token matches any rule. Fields are in JSON key order,
// so the encoding is canonical.
type CICallers struct {
	Rules []CICaller `json:"rules"`
}

// CICaller is one rule: which issuer's jobs, of which repository, on
// which refs (a path.Match pattern in full form), and optionally in which
// environment, on a protected ref, running which workflow file.
type CICaller struct {
	Environment  string `json:"environment,omitempty"`
	Issuer       string `json:"issuer,omitempty"` // default: the platform's public issuer
	Platform     string `json:"platform"`         // "github" or "gitlab"
	Protected    bool   `json:"protected,omitempty"`
	Ref          string `json:"ref"`
	Repository   string `json:"repository"`
	RepositoryID string `json:"repositoryId,omitempty"`
	Workflow     string `json:"workflow,omitempty"`
}

// Check validates c's form.
func (c *CICallers) Check() error {
	if len(c.Rules) == 0 || len(c.Rules) > MaxCICallers {
		return fmt.Errorf("%w: %d rules; give 1 to %d", wf.ErrInvalid, len(c.Rules), MaxCICallers)
	}
	for i, r := range c.Rules {
		if err := r.check(); err != nil {
			return fmt.Errorf("rule %d: %w", i, err)
		}
	}
	return nil
}

func (r *CICaller) check() error {
	if r.Platform != "github" && r.Platform != "gitlab" {
		return fmt.Errorf("%w: platform %q: give github or gitlab", wf.ErrInvalid, truncate(r.Platform))
	}
	for _, f := range []struct{ name, v string }{
		{"environment", r.Environment}, {"issuer", r.Issuer}, {"ref", r.Ref}, {"repository", r.Repository},
		{"repositoryId", r.RepositoryID}, {"workflow", r.Workflow},
	} {
		if len(f.v) > maxProvenanceField || !utf8.ValidString(f.v) || strings.ContainsFunc(f.v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			return fmt.Errorf("%w: %s must be at most %d bytes of printable UTF-8", wf.ErrInvalid, f.name, maxProvenanceField)
		}
	}
	if strings.Count(r.Repository, "/") < 1 || strings.ContainsAny(r.Repository, " @:*") {
		return fmt.Errorf("%w: repository %q: give OWNER/NAME (GitHub) or GROUP/PROJECT (GitLab)", wf.ErrInvalid, truncate(r.Repository))
	}
	if !strings.HasPrefix(r.Ref, "refs/") {
		return fmt.Errorf("%w: ref %q must be a full ref pattern like refs/heads/main or refs/tags/v*", wf.ErrInvalid, truncate(r.Ref))
	}
	if _, err := path.Match(r.Ref, "refs/x"); err != nil {
		return fmt.Errorf("%w: ref pattern %q: %v", wf.ErrInvalid, truncate(r.Ref), err)
	}
	if r.Issuer != "" && !strings.HasPrefix(r.Issuer, "https://") && !strings.HasPrefix(r.Issuer, "http://127.0.0.1:") && !strings.HasPrefix(r.Issuer, "http://localhost:") {
		return fmt.Errorf("%w: issuer %q must be an https URL (http only on loopback)", wf.ErrInvalid, truncate(r.Issuer))
	}
	return nil
}

// DecodeCICallers decodes and checks wf.ci.callers data strictly.
func DecodeCICallers(data json.RawMessage) (*CICallers, error) {
	var c CICallers
	if err := DecodeExtension(data, &c); err != nil {
		return nil, err
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Extension is c as a spec extension, required.
func (c *CICallers) Extension() (wf.Extension, error) {
	if err := c.Check(); err != nil {
		return wf.Extension{}, fmt.Errorf("spec: %s: %w", CICallersExtension, err)
	}
	b, err := wf.EncodeJSON(c)
	if err != nil {
		return wf.Extension{}, err
	}
	return wf.Extension{Required: true, Data: b}, nil
}

// CICallersType is wf.ci.callers for a node's Registry.
var CICallersType = ExtensionType{Name: CICallersExtension, Check: func(data json.RawMessage) error {
	_, err := DecodeCICallers(data)
	return err
}}

// CICallersOf returns s's wf.ci.callers data, or nil when it has none.
func CICallersOf(s *wf.Spec) (*CICallers, error) {
	x, ok := s.Extensions[CICallersExtension]
	if !ok {
		return nil, nil
	}
	if !x.Required {
		return nil, fmt.Errorf("%w: spec: extension %s must be required", wf.ErrInvalid, CICallersExtension)
	}
	c, err := DecodeCICallers(x.Data)
	if err != nil {
		return nil, fmt.Errorf("spec: extension %s: %w", CICallersExtension, err)
	}
	return c, nil
}
