package wf

// Delegation is an owner's short-lived grant to a key a CI job generated
// (docs/ci.md): Delegate may act for Owner within Scopes (comma-separated,
// sorted: deploy, grant, logs, name) for specs created between NotBefore
// and NotAfter (Unix seconds), and only for the CI run Provenance names,
// which the owner's deploy signer read from the run's verified OIDC token.
// The owner signs it as
//
//	CIDelegation(address owner,address delegate,string scopes,uint64 notBefore,uint64 notAfter,string issuer,string repository,string workflow,string ref,string commit,string run)
//
// so a wallet shows every field, and a spec cannot claim another run's
// provenance than the one the owner's signer saw.
type Delegation struct {
	Owner, Delegate     Address
	Scopes              string
	NotBefore, NotAfter int64
	Provenance          Provenance
}

func (Delegation) message() {}

// Provenance is where a CI-built function came from, as its CI's identity
// token said: the token's issuer, the repository, the workflow file (GitHub
// job_workflow_ref, GitLab ci_config_ref_uri), the git ref, the commit and
// the run (GitHub run_id/run_attempt, GitLab pipeline_id/job_id).
type Provenance struct {
	Commit     string `json:"commit"`
	Issuer     string `json:"issuer"`
	Ref        string `json:"ref"`
	Repository string `json:"repository"`
	Run        string `json:"run"`
	Workflow   string `json:"workflow"`
}

// KeyProof is a CI job's proof that it holds the key it asks a delegation
// for: the key signs the SHA-256 of the job's OIDC token, for the owner
// whose signer it asks, so a proof is good for one token and one owner:
//
//	CIKeyProof(address owner,bytes32 token)
type KeyProof struct {
	Owner Address
	Token [32]byte
}

func (KeyProof) message() {}
