package cli_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// wf dev runs an auditor: its banner says where the attestations are, and
// wf providers search shows the scores; wf audit serve --once sweeps again
// as another auditor would.
func TestDevAuditAndSearch(t *testing.T) {
	home := t.TempDir()
	start := time.Now()
	_, out := startDev(t, home)
	t.Logf("wf dev ready (banner and first audit) in %s", time.Since(start))
	m := regexp.MustCompile(`wf providers search --attested-by (0x[0-9a-fA-F]{40}) --attestations (0x[0-9a-fA-F]{40}) --rpc (\S+) --all`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("banner lacks the search line:\n%s", out)
	}
	auditor, att, rpc := m[1], m[2], m[3]
	env := map[string]string{"WF_HOME": home}
	// The Attestations contract wf dev saved with its chain's contracts
	// needs no flag.
	if _, err := wf(t, env, "providers", "search", "--attested-by", auditor, "--rpc", rpc, "--all"); err != nil {
		t.Fatalf("search without --attestations: %v", err)
	}
	js := mustWF(t, env, "providers", "search", "--attested-by", auditor, "--attestations", att, "--rpc", rpc, "--all", "--json")
	var cs []struct {
		Name     string  `json:"name"`
		Score    float64 `json:"score"`
		Attested int     `json:"attested"`
		Eligible bool    `json:"eligible"`
	}
	if err := json.Unmarshal([]byte(js), &cs); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	if len(cs) != 2 {
		t.Fatalf("search: %s", js)
	}
	for _, c := range cs {
		// Attested (a loaded machine may fail a timing check: not 1.00).
		if c.Attested != 1 || c.Score <= 0 || !c.Eligible {
			t.Fatalf("search: %+v", c)
		}
	}
	// The dev nodes' manifests state no region.
	table := mustWF(t, env, "providers", "search", "--attested-by", auditor, "--attestations", att, "--rpc", rpc, "--region", "eu", "--all")
	if !regexp.MustCompile(`(?m)^dev\s+[01]\.\d\d\s+true\s+0\.000100\s+-\s+http\S+\s+region "" not in eu$`).MatchString(table) {
		t.Fatalf("search table:\n%s", table)
	}
	if out := mustWF(t, env, "providers", "search", "--attested-by", auditor, "--attestations", att, "--rpc", rpc, "--region", "eu"); !strings.Contains(out, "no provider meets the criteria") {
		t.Fatalf("search without --all: %s", out)
	}

	// Another auditor (the dev publisher key) sweeps once.
	sweep := mustWF(t, env, "audit", "serve", "--once", "--key", "dev", "--attestations", att, "--rpc", rpc)
	// dev's manifest states what it serves; on a loaded machine a timing
	// check may fail, never the manifest's.
	line := regexp.MustCompile(`(?m)^dev\s+[01]\.\d\d\s.*\sbag\S+$`).FindString(sweep)
	if line == "" || strings.Contains(line, "manifest") {
		t.Fatalf("audit serve --once:\n%s", sweep)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"providers", "search", "--min-score", "0.5", "--rpc", rpc}, "a minimum score needs the auditors"},
		{[]string{"providers", "search", "--region", "atlantis", "--rpc", rpc}, `region "atlantis" matches none`},
		{[]string{"providers", "search", "--max-price", "x", "--rpc", rpc}, "--max-price"},
		{[]string{"gateway", "start", "--domain", "localhost", "--min-score", "0.5", "--rpc", rpc}, "need --trust-auditor"},
	} {
		_, err := wf(t, env, tc.args...)
		wantErr(t, err, tc.want)
	}
}
