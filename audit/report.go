package audit

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/wf"
)

// ReportSchema is the Schema of reports.
const ReportSchema = "wf-audit-report-1"

// Report is what one audit of one provider found. Its JSON encoding,
// signed, is a block whose CID the attestation names.
type Report struct {
	Schema   string     `json:"schema"`
	Auditor  wf.Address `json:"auditor"`
	Provider string     `json:"provider"`
	Owner    wf.Address `json:"owner"`
	Endpoint string     `json:"endpoint"`
	Time     string     `json:"time"` // RFC 3339
	// ManifestCID is the registry's metadata CID; ManifestHash the hex
	// SHA-256 it names, which the attestation carries (of the empty
	// block when the provider registered no manifest).
	ManifestCID  string  `json:"manifestCID,omitempty"`
	ManifestHash string  `json:"manifestHash"`
	Checks       []Check `json:"checks"`
	// Requests is how many HTTP requests the audit sent the provider.
	Requests int `json:"requests"`
	// LatencyP50MS and LatencyP95MS are of the canary's keyed-hash
	// requests; Success is the share of canary requests answered right.
	LatencyP50MS float64 `json:"latencyP50Ms"`
	LatencyP95MS float64 `json:"latencyP95Ms"`
	Success      float64 `json:"success"`
	// Score is in basis points (0 to chain.MaxScore): the share of checks
	// passed times Success; 0 when the endpoint is not the owner's.
	Score uint16 `json:"score"`
	// Slashed is the slash this audit made with the provider's receipt
	// for a wrong answer to the sha256 canary, if it made one.
	Slashed   *Slash        `json:"slashed,omitempty"`
	Signature *wf.Signature `json:"signature,omitempty"`
}

// Check is one check's outcome.
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// Failed names the checks that failed.
func (r *Report) Failed() []string {
	var out []string
	for _, c := range r.Checks {
		if !c.OK {
			out = append(out, c.Name)
		}
	}
	return out
}

// Passed reports whether the check called name ran and passed.
func (r *Report) Passed(name string) bool {
	for _, c := range r.Checks {
		if c.Name == name {
			return c.OK
		}
	}
	return false
}

func (r *Report) add(name string, ok bool, detail string, a ...any) {
	if len(a) > 0 {
		detail = fmt.Sprintf(detail, a...)
	}
	r.Checks = append(r.Checks, Check{Name: name, OK: ok, Detail: detail})
}

// reportDigest is what the auditor signs: SHA-256 of a domain string and
// the report without its signature.
func reportDigest(r Report) [32]byte {
	r.Signature = nil
	b, _ := json.Marshal(r)
	return sha256.Sum256(append([]byte(ReportSchema+"\n"), b...))
}

func (a *Auditor) signReport(r *Report) error {
	sig, err := a.cfg.Key.SignDigest(reportDigest(*r))
	if err != nil {
		return fmt.Errorf("audit: sign report: %w", err)
	}
	r.Signature = &sig
	return nil
}

// VerifyReport parses a report block and checks that its auditor signed
// it. Errors wrap wf.ErrInvalid.
func VerifyReport(block []byte) (*Report, error) {
	var r Report
	if err := json.Unmarshal(block, &r); err != nil {
		return nil, fmt.Errorf("%w: audit report: %v", wf.ErrInvalid, err)
	}
	if r.Schema != ReportSchema || r.Signature == nil {
		return nil, fmt.Errorf("%w: audit report: not a signed %s", wf.ErrInvalid, ReportSchema)
	}
	signer, err := chain.RecoverSigner(reportDigest(r), *r.Signature)
	if err != nil {
		return nil, err
	}
	if signer != r.Auditor {
		return nil, fmt.Errorf("%w: audit report: signed by %s, not its auditor %s", wf.ErrInvalid, signer.Checksum(), r.Auditor.Checksum())
	}
	return &r, nil
}
