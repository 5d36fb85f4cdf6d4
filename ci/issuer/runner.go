package issuer

import (
	"crypto/subtle"
	"net/http"
	"time"
)

// RunnerPath is where Runner serves GitHub's token-request endpoint.
const RunnerPath = "/runner/token"

// Runner serves what a GitHub Actions runner gives a job with
// `permissions: id-token: write`: GET with "Authorization: bearer
// <request token>" and ?audience=A answers {"value": "<RS256 token>"}
// with job's GitHub claims for A. A job reaches it through
// ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, so
// wf deploy --oidc runs exactly as in a runner.
func (i *Issuer) Runner(job Job, bearer string) http.Handler {
	want := []byte("bearer " + bearer)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			http.Error(w, "unauthorized: the request token is wrong", http.StatusUnauthorized)
			return
		}
		aud := r.URL.Query().Get("audience")
		if aud == "" {
			http.Error(w, "audience is required", http.StatusBadRequest)
			return
		}
		tok, err := i.Sign(job.GitHub(aud, time.Now()))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeJSON(w, map[string]string{"value": tok})
	})
}
