package issuer_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/webfunctions/wf/ci/issuer"
)

// TestRunner: the runner's endpoint answers only its bearer, only with an
// audience, and the token it mints is the issuer's, for that audience,
// with the job's claims.
func TestRunner(t *testing.T) {
	is, err := issuer.New("https://issuer.test")
	if err != nil {
		t.Fatal(err)
	}
	job := issuer.Job{Repository: "acme/api", RepositoryID: "42", Workflow: ".github/workflows/deploy.yml",
		Ref: "refs/heads/main", SHA: "0123456789abcdef0123456789abcdef01234567", Run: "7"}
	srv := httptest.NewServer(is.Runner(job, "s3cret"))
	defer srv.Close()
	get := func(auth, query string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+issuer.RunnerPath+query, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(b)
	}
	for _, tc := range []struct {
		name, auth, query string
		want              int
	}{
		{"no bearer", "", "?audience=a", http.StatusUnauthorized},
		{"wrong bearer", "bearer s3cre", "?audience=a", http.StatusUnauthorized},
		{"another scheme", "Basic s3cret", "?audience=a", http.StatusUnauthorized},
		{"no audience", "bearer s3cret", "", http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if status, body := get(tc.auth, tc.query); status != tc.want {
				t.Fatalf("status %d (%q); want %d", status, body, tc.want)
			}
		})
	}
	status, body := get("bearer s3cret", "?audience=wf%3A0xabc")
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	var res struct{ Value string }
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.ParseSigned(res.Value, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	var claims jwt.Claims
	var gh struct {
		Repository     string `json:"repository"`
		JobWorkflowRef string `json:"job_workflow_ref"`
		SHA            string `json:"sha"`
	}
	if err := tok.Claims(is.PublicKey(), &claims, &gh); err != nil {
		t.Fatalf("the token is not the issuer's: %v", err)
	}
	if claims.Issuer != "https://issuer.test" || !claims.Audience.Contains("wf:0xabc") ||
		gh.Repository != "acme/api" || gh.SHA != job.SHA || gh.JobWorkflowRef != "acme/api/.github/workflows/deploy.yml@refs/heads/main" {
		t.Fatalf("claims %+v %+v", claims, gh)
	}
}
