// Package issuer is a local OpenID Connect issuer shaped like GitHub
// Actions' and GitLab CI's: a discovery document, a JWKS, RS256 identity
// tokens with their claims, and key rotation. Tests and wf dev use it to
// run the CI flow exactly as a runner does, on loopback.
package issuer

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// Issuer signs identity tokens. It does not listen on its own: serve
// Handler and set URL to where it is served.
type Issuer struct {
	mu   sync.Mutex
	url  string
	keys []key // the last is current; the JWKS publishes them all
}

type key struct {
	id   string
	priv *rsa.PrivateKey
}

// New returns an issuer with one fresh 2048-bit RSA key, to be served at
// url (no trailing slash).
func New(url string) (*Issuer, error) {
	i := &Issuer{url: strings.TrimSuffix(url, "/")}
	if err := i.Rotate(false); err != nil {
		return nil, err
	}
	return i, nil
}

// URL is the issuer's identifier (the tokens' iss).
func (i *Issuer) URL() string {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.url
}

// SetURL changes the issuer's URL (once its listener's address is known).
func (i *Issuer) SetURL(url string) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.url = strings.TrimSuffix(url, "/")
}

// Rotate adds a new current key; with retire, the old keys leave the
// JWKS, so tokens they signed stop verifying.
func (i *Issuer) Rotate(retire bool) error {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	var id [8]byte
	rand.Read(id[:])
	i.mu.Lock()
	defer i.mu.Unlock()
	if retire {
		i.keys = nil
	}
	i.keys = append(i.keys, key{id: hex.EncodeToString(id[:]), priv: priv})
	return nil
}

// PublicKey is the current key's public half (tests use it to forge
// tokens: HS256 keyed with it).
func (i *Issuer) PublicKey() *rsa.PublicKey {
	i.mu.Lock()
	defer i.mu.Unlock()
	return &i.keys[len(i.keys)-1].priv.PublicKey
}

// Handler serves /.well-known/openid-configuration and /jwks.
func (i *Issuer) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		u := i.URL()
		writeJSON(w, map[string]any{
			"issuer":                                u,
			"jwks_uri":                              u + "/jwks",
			"response_types_supported":              []string{"id_token"},
			"subject_types_supported":               []string{"public"},
			"id_token_signing_alg_values_supported": []string{"RS256"},
			"claims_supported":                      []string{"sub", "aud", "exp", "iat", "iss", "jti", "repository", "job_workflow_ref", "ref", "sha"},
		})
	})
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, r *http.Request) {
		i.mu.Lock()
		var set jose.JSONWebKeySet
		for _, k := range i.keys {
			set.Keys = append(set.Keys, jose.JSONWebKey{Key: &k.priv.PublicKey, KeyID: k.id, Algorithm: "RS256", Use: "sig"})
		}
		i.mu.Unlock()
		writeJSON(w, set)
	})
	return mux
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// Sign returns claims as an RS256 JWT under the current key; iss is set
// to the issuer's URL unless claims has one.
func (i *Issuer) Sign(claims map[string]any) (string, error) {
	i.mu.Lock()
	k := i.keys[len(i.keys)-1]
	url := i.url
	i.mu.Unlock()
	if _, ok := claims["iss"]; !ok {
		claims["iss"] = url
	}
	return SignJWT(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: k.priv, KeyID: k.id}}, claims)
}

// SignJWT signs claims with any key go-jose takes (tests forge tokens
// with it).
func SignJWT(k jose.SigningKey, claims map[string]any) (string, error) {
	s, err := jose.NewSigner(k, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	jws, err := s.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// Job describes a CI job, for its token's claims.
type Job struct {
	Repository   string // OWNER/NAME or GROUP/PROJECT
	RepositoryID string
	Workflow     string // path: .github/workflows/deploy.yml, .gitlab-ci.yml
	Ref          string // full: refs/heads/main
	SHA          string
	Run          string // run id (GitHub), pipeline id (GitLab)
	Environment  string
	Protected    bool // GitLab ref_protected
}

func (j Job) base(aud string, now time.Time) map[string]any {
	var id [16]byte
	rand.Read(id[:])
	return map[string]any{
		"aud": aud, "jti": hex.EncodeToString(id[:]),
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		"sha": j.SHA,
	}
}

// GitHub is the claims GitHub Actions gives job j for audience aud at now.
func (j Job) GitHub(aud string, now time.Time) map[string]any {
	c := j.base(aud, now)
	sub := "repo:" + j.Repository + ":ref:" + j.Ref
	if j.Environment != "" {
		sub = "repo:" + j.Repository + ":environment:" + j.Environment
		c["environment"] = j.Environment
	}
	wref := j.Repository + "/" + j.Workflow + "@" + j.Ref
	refType := "branch"
	if strings.HasPrefix(j.Ref, "refs/tags/") {
		refType = "tag"
	}
	for k, v := range map[string]any{
		"sub": sub, "repository": j.Repository, "repository_id": j.RepositoryID,
		"repository_owner": strings.Split(j.Repository, "/")[0], "ref": j.Ref, "ref_type": refType,
		"workflow_ref": wref, "job_workflow_ref": wref, "run_id": j.Run, "run_attempt": "1", "event_name": "push",
	} {
		c[k] = v
	}
	return c
}

// GitLab is the claims GitLab CI gives job j (id_tokens with aud) at now,
// issued by an issuer whose host is host.
func (j Job) GitLab(host, aud string, now time.Time) map[string]any {
	c := j.base(aud, now)
	refType, short := "branch", strings.TrimPrefix(j.Ref, "refs/heads/")
	if t, ok := strings.CutPrefix(j.Ref, "refs/tags/"); ok {
		refType, short = "tag", t
	}
	for k, v := range map[string]any{
		"sub":               fmt.Sprintf("project_path:%s:ref_type:%s:ref:%s", j.Repository, refType, short),
		"project_path":      j.Repository,
		"project_id":        j.RepositoryID,
		"namespace_path":    strings.Split(j.Repository, "/")[0],
		"ref":               short,
		"ref_type":          refType,
		"ref_protected":     fmt.Sprint(j.Protected),
		"ci_config_ref_uri": host + "/" + j.Repository + "//" + j.Workflow + "@" + j.Ref,
		"pipeline_id":       j.Run,
		"job_id":            j.Run + "1",
	} {
		c[k] = v
	}
	if j.Environment != "" {
		c["environment"] = j.Environment
	}
	return c
}
