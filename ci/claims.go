package ci

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Claims are the identity-token claims the Policy reads, GitHub's and
// GitLab's together (each issuer fills its own). Unknown claims are
// ignored: issuers add claims over time.
type Claims struct {
	Issuer  string     `json:"iss"`
	Subject string     `json:"sub"`
	ID      string     `json:"jti"`
	Expires jsonNumber `json:"exp"`

	// Both
	Ref         string `json:"ref"`
	RefType     string `json:"ref_type"`
	SHA         string `json:"sha"`
	Environment string `json:"environment"`

	// GitHub Actions
	Repository     string     `json:"repository"`
	RepositoryID   string     `json:"repository_id"`
	JobWorkflowRef string     `json:"job_workflow_ref"`
	WorkflowRef    string     `json:"workflow_ref"`
	RunID          string     `json:"run_id"`
	RunAttempt     string     `json:"run_attempt"`
	EventName      string     `json:"event_name"`
	IssuedAt       jsonNumber `json:"iat"`

	// GitLab CI
	ProjectPath     string `json:"project_path"`
	ProjectID       string `json:"project_id"`
	RefProtected    string `json:"ref_protected"`
	CIConfigRefURI  string `json:"ci_config_ref_uri"`
	PipelineID      string `json:"pipeline_id"`
	JobID           string `json:"job_id"`
	NamespacePath   string `json:"namespace_path"`
	EnvironmentProt string `json:"environment_protected"`
}

// jsonNumber reads a number claim (iat) exactly.
type jsonNumber int64

func (n *jsonNumber) UnmarshalJSON(b []byte) error {
	var f json.Number
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	i, err := f.Int64()
	if err != nil {
		// Some issuers write 1.7e9 or fractions; whole seconds suffice.
		fl, ferr := f.Float64()
		if ferr != nil {
			return fmt.Errorf("number claim %s: %v", b, err)
		}
		i = int64(fl)
	}
	*n = jsonNumber(i)
	return nil
}

// fullRef is the claim's git ref in full form (refs/heads/main): GitHub
// sends it so, GitLab sends the short name and its type.
func (c *Claims) fullRef(platform string) string {
	if platform != GitLab || strings.HasPrefix(c.Ref, "refs/") {
		return c.Ref
	}
	switch c.RefType {
	case "branch":
		return "refs/heads/" + c.Ref
	case "tag":
		return "refs/tags/" + c.Ref
	}
	return c.Ref
}
