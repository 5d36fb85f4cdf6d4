package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeployReplicas: wf deploy --replicas N chooses N of wf dev's
// registered providers by the placement given, deploys to each and puts
// the placement in the spec; a placement nobody meets is refused before
// anything is uploaded, naming why for each provider.
func TestDeployReplicas(t *testing.T) {
	home := t.TempDir()
	startDev(t, home)
	env := map[string]string{"WF_HOME": home}
	dir := filepath.Join(t.TempDir(), "placed")
	if _, err := wf(t, nil, "init", "--lang", "js", dir); err != nil {
		t.Fatal(err)
	}
	_, err := wf(t, env, "deploy", dir, "--replicas", "2", "--max-price", "0.00001", "--key", "dev")
	if err == nil || !strings.Contains(err.Error(), "0 providers meet the placement") || !strings.Contains(err.Error(), "dev (price 100>10)") {
		t.Fatalf("a price below every provider's: %v", err)
	}
	if _, err := wf(t, env, "deploy", dir, "--replicas", "1", "--provider", "dev", "--key", "dev"); err == nil || !strings.Contains(err.Error(), "drop --provider") {
		t.Fatalf("--replicas with --provider: %v", err)
	}
	out, err := wf(t, env, "deploy", dir, "--replicas", "2", "--max-price", "0.0001", "--key", "dev", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		CID  string
		URLs []string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.URLs) != 2 {
		t.Fatalf("deploy: %v %s", err, out)
	}
	out, err = wf(t, env, "invoke", res.CID, "--provider", strings.TrimSuffix(res.URLs[0], "/"+res.CID+"/"), "-i")
	if err != nil || !strings.Contains(out, "200") {
		t.Fatalf("invoke on the first placed provider: %v %q", err, out)
	}
}
