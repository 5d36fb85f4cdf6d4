// Package citemplates_test lints the CI files wf ships: the GitHub
// Action (action.yml at the repository root), its example workflows, and
// the GitLab CI/CD component with its example (docs/ci.md).
package citemplates_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	yaml "go.yaml.in/yaml/v4"
)

// TestGitHubWorkflowsLint runs actionlint over each example workflow,
// with the shipped action.yml standing in for webfunctions/wf@main, so
// the inputs and outputs the examples use are checked against it.
func TestGitHubWorkflowsLint(t *testing.T) {
	action, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "action.yml"), action, 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, ".github", "workflows"), 0o755)
	proj, err := actionlint.NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("github/*.yml")
	if len(files) < 3 {
		t.Fatalf("found %d example workflows, want deploy, preview and promote", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(src, []byte("uses: webfunctions/wf@main")) {
				t.Fatal("the example does not use the action")
			}
			local := bytes.ReplaceAll(src, []byte("uses: webfunctions/wf@main"), []byte("uses: ./"))
			var out bytes.Buffer
			l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{Shellcheck: shellcheck()})
			if err != nil {
				t.Fatal(err)
			}
			errs, err := l.Lint(filepath.Join(root, ".github", "workflows", filepath.Base(f)), local, proj)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range errs {
				t.Errorf("%s:%d:%d: %s [%s]", f, e.Line, e.Column, e.Message, e.Kind)
			}
		})
	}
	// A wrong input name is caught: the test can fail.
	l, _ := actionlint.NewLinter(&bytes.Buffer{}, &actionlint.LinterOptions{})
	bad := []byte("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          signr: x\n")
	errs, err := l.Lint(filepath.Join(root, ".github", "workflows", "bad.yml"), bad, proj)
	if err != nil || len(errs) == 0 {
		t.Fatalf("a misspelled input passed the lint (%v)", err)
	}
}

// shellcheck is actionlint's shellcheck, when installed.
func shellcheck() string {
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "shellcheck")); err == nil {
			return "shellcheck"
		}
	}
	return ""
}

var inputRef = regexp.MustCompile(`\$\[\[\s*inputs\.([a-z_]+)\s*\]\]`)

// TestGitLabComponent checks the component's header declares every input
// it uses, the job asks GitLab for the id_token wf reads, and the example
// passes only inputs the component declares.
func TestGitLabComponent(t *testing.T) {
	src, err := os.ReadFile("gitlab/templates/deploy.yml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var head struct {
		Spec struct {
			Inputs map[string]struct {
				Default any `yaml:"default"`
			} `yaml:"inputs"`
		} `yaml:"spec"`
	}
	if err := dec.Decode(&head); err != nil {
		t.Fatal(err)
	}
	var body map[string]struct {
		IDTokens map[string]struct {
			Aud string `yaml:"aud"`
		} `yaml:"id_tokens"`
		Script []string `yaml:"script"`
	}
	if err := dec.Decode(&body); err != nil {
		t.Fatal(err)
	}
	job, ok := body["wf-deploy"]
	if !ok || job.IDTokens["WF_ID_TOKEN"].Aud == "" || len(job.Script) == 0 {
		t.Fatalf("the component's job lacks the WF_ID_TOKEN id_token or a script: %+v", body)
	}
	for _, m := range inputRef.FindAllStringSubmatch(string(src), -1) {
		if _, ok := head.Spec.Inputs[m[1]]; !ok {
			t.Errorf("input %s is used but not declared", m[1])
		}
	}
	ex, err := os.ReadFile("gitlab/example.gitlab-ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	var example struct {
		Include []struct {
			Remote string         `yaml:"remote"`
			Inputs map[string]any `yaml:"inputs"`
		} `yaml:"include"`
	}
	if err := yaml.Unmarshal(ex, &example); err != nil {
		t.Fatal(err)
	}
	if len(example.Include) != 1 || !strings.HasSuffix(example.Include[0].Remote, "/templates/ci/gitlab/templates/deploy.yml") {
		t.Fatalf("the example does not include the component: %+v", example.Include)
	}
	var declared []string
	for k := range head.Spec.Inputs {
		declared = append(declared, k)
	}
	for k := range example.Include[0].Inputs {
		if !slices.Contains(declared, k) {
			t.Errorf("the example passes input %s, which the component does not declare", k)
		}
	}
}
