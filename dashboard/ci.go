package dashboard

import (
	"net/http"
	"strings"

	"github.com/webfunctions/wf/ci"
	"github.com/webfunctions/wf/wf"
)

// CISigner is an owner's CI deploy signer (package ci): where CI jobs ask
// it for a delegation, and the policy of trusted CI identities it
// enforces, read on each view (a policy file can change).
type CISigner struct {
	Owner  wf.Address
	URL    string
	Policy func() (*ci.Policy, error)
}

// ciRule is one trusted CI identity as the CI page shows it.
type ciRule struct {
	ci.Rule
	Issuer string // defaulted to the platform's public one
	Scopes []string
}

// ciView is one of the user's signers.
type ciView struct {
	URL   string
	Rules []ciRule
	Err   string
}

// serveCI shows the signed-in owner the CI identities its signers trust:
// which repository, workflow and ref may deploy, name and read logs as
// the owner's delegate. Another owner's signer is not shown.
func (d *Dashboard) serveCI(w http.ResponseWriter, r *http.Request) {
	owner := sessionOf(r).addr
	var views []ciView
	for _, s := range d.cfg.CISigners {
		if s.Owner != owner {
			continue
		}
		v := ciView{URL: s.URL}
		p, err := s.Policy()
		if err != nil {
			v.Err = err.Error()
		} else if p != nil {
			for _, rule := range p.Rules {
				iss := rule.Issuer
				if iss == "" {
					iss = ci.GitHubIssuer
					if rule.Platform == ci.GitLab {
						iss = ci.GitLabIssuer
					}
				}
				v.Rules = append(v.Rules, ciRule{Rule: rule, Issuer: iss, Scopes: strings.Split(rule.Scopes, ",")})
			}
		}
		views = append(views, v)
	}
	d.render(w, r, http.StatusOK, "ci", page{Title: "CI trust", Nav: "ci", Data: map[string]any{"Signers": views}})
}
