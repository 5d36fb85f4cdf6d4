package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/templates"
)

// run runs one command line through cli.Run, as main does.
func run(args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	err = cli.Run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestUnknownCommandsSuggest(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // "" for no suggestion
	}{
		{"typo", []string{"deploi"}, `unknown command "deploi" for "wf" (did you mean "deploy"?)`},
		{"prefix", []string{"prov"}, `(did you mean "provider" or "providers"?)`},
		{"subcommand", []string{"escrow", "depost", "1"}, `unknown command "depost" for "wf escrow" (did you mean "deposit"?)`},
		{"nested", []string{"provider", "strat"}, `(did you mean "start"?)`},
		{"cobra's completion command", []string{"completion", "bsh"}, `unknown command "bsh" for "wf completion" (did you mean "bash", "fish" or "zsh"?)`},
		{"flags after", []string{"escrow", "depost", "5", "--key", "dev:1"}, `unknown command "depost" for "wf escrow" (did you mean "deposit"?)`},
		{"flags after, root", []string{"deploi", "hello", "--provider", "http://127.0.0.1:1"}, `(did you mean "deploy"?)`},
		{"help topic", []string{"help", "escrow", "aprove"}, `unknown command "aprove" for "wf escrow" (did you mean "approve"?)`},
		{"nothing close", []string{"frobnicate"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := run(tc.args...)
			if err == nil {
				t.Fatal("succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, "unknown command") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q: want one line saying unknown command", msg)
			}
			if tc.want == "" && strings.Contains(msg, "did you mean") {
				t.Errorf("error %q suggests something", msg)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q: want %q", msg, tc.want)
			}
		})
	}
}

// TestUsageOnlyForUsageErrors: a usage error prints the command's usage on
// stderr (its usage line and where its flags are, or a group's commands);
// help prints on stdout and is not an error; any other error prints
// nothing (main prints it, once).
func TestUsageOnlyForUsageErrors(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		usage     string // in stderr; "" for nothing on stderr
		err       string // "" for none
		errUsage  bool   // the error is shown with usage
		stdoutHas string
	}{
		{"no arguments", nil, "", "", false, "Usage:\n  wf COMMAND"},
		{"help", []string{"help"}, "", "", false, "Usage:\n  wf COMMAND"},
		{"missing argument", []string{"pack"}, "Usage:\n  wf pack PATH [flags]", "usage: wf pack PATH: missing arguments", true, ""},
		{"too many arguments", []string{"invoke", "a", "b", "c"}, "Usage:\n  wf invoke CID|@OWNER/NAME [PATH] [flags]", `unexpected arguments ["c"]`, true, ""},
		{"unknown flag", []string{"pack", "--frob", "x"}, "Usage:\n  wf pack PATH [flags]\n\n`wf pack --help` lists its flags and examples.\n", "usage: unknown flag: --frob", true, ""},
		{"single-dash long flag", []string{"pack", "-car", "x.car", "x"}, "Usage:\n  wf pack PATH", "unknown shorthand flag: 'c' in -car", true, ""},
		{"bad flag value", []string{"deploy", "x.wasm", "--timeout", "soon"}, "Usage:\n  wf deploy", `invalid argument "soon" for "--timeout"`, true, ""},
		{"missing subcommand", []string{"escrow"}, "Usage:\n  wf escrow COMMAND", "usage: wf escrow approve|balance|deposit|revoke|withdraw", true, ""},
		{"missing shell", []string{"completion"}, "Usage:\n  wf completion COMMAND", "usage: wf completion bash|fish|powershell|zsh", true, ""},
		{"missing flag", []string{"voucher", "bafkqaaa"}, "Usage:\n  wf voucher", "usage: --pay NAME|ADDRESS is required", true, ""},
		{"not a usage error", []string{"pack", filepath.Join(t.TempDir(), "missing")}, "", "no such file or directory", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, errOut, err := run(tc.args...)
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v: want %q", err, tc.err)
			}
			if tc.usage == "" && errOut != "" {
				t.Errorf("stderr:\n%s", errOut)
			}
			if !strings.Contains(errOut, tc.usage) {
				t.Errorf("stderr lacks %q:\n%s", tc.usage, errOut)
			}
			if tc.errUsage && strings.Contains(errOut, tc.err) {
				t.Errorf("stderr repeats the error, which main prints:\n%s", errOut)
			}
			if !strings.Contains(out, tc.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdoutHas, out)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	flag, _, err := run("--version")
	if err != nil {
		t.Fatal(err)
	}
	cmd, _, err := run("version")
	if err != nil || cmd != flag {
		t.Fatalf("wf version (%v):\n%s\nwf --version:\n%s", err, cmd, flag)
	}
	// A test binary is built from a work tree: "(devel)".
	m := regexp.MustCompile(`^wf (\S+)\n(commit [0-9a-f]{7,}( \(modified\))?\n)?go1\.\S+ \S+/\S+\n$`).FindStringSubmatch(flag)
	if m == nil {
		t.Fatalf("wf --version printed %q", flag)
	}
	js, _, err := run("version", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Version, Commit, Go string
		Modified            *bool
	}
	if err := json.Unmarshal([]byte(js), &v); err != nil || v.Version != m[1] || v.Modified == nil || !strings.HasPrefix(v.Go, "go1.") {
		t.Fatalf("version --json printed %s (%v)", js, err)
	}
}

// TestCompletionProtocol asks for completions the way the generated shell
// scripts do: wf __complete ARGS... PARTIAL.
func TestCompletionProtocol(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"command", []string{"prov"}, []string{"provider", "providers"}},
		{"subcommand", []string{"escrow", "d"}, []string{"deposit"}},
		{"flag", []string{"invoke", "CID", "--pro"}, []string{"--provider"}},
		{"help topic", []string{"help", "esc"}, []string{"escrow"}},
		{"completion shells", []string{"completion", ""}, []string{"bash", "fish", "powershell", "zsh"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, _, err := run(append([]string{"__complete"}, tc.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if !strings.HasPrefix(lines[len(lines)-1], ":") {
				t.Fatalf("no directive line in:\n%s", out)
			}
			var got []string
			for _, l := range lines[:len(lines)-1] {
				name, _, _ := strings.Cut(l, "\t")
				got = append(got, name)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("completed %q, want %q", got, tc.want)
			}
		})
	}
}

// TestBinary builds cmd/wf and runs it as a shell would: main's exit
// statuses and one error line, a version set at link time, and bash
// completion with the generated script.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/wf")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "wf")
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X github.com/webfunctions/wf/cli.Version=v9.8.7-test", "github.com/webfunctions/wf/cmd/wf")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	wfExec := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = &out, &errOut
		cmd.Env = append(os.Environ(), "WF_HOME="+t.TempDir())
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
	}

	t.Run("version set at link time", func(t *testing.T) {
		out, _, code := wfExec("--version")
		if code != 0 || !strings.HasPrefix(out, "wf v9.8.7-test\n") {
			t.Fatalf("exit %d:\n%s", code, out)
		}
	})
	t.Run("help exits 0", func(t *testing.T) {
		for _, args := range [][]string{{"--help"}, {"-h"}, {"help", "deploy"}, {"escrow", "approve", "-h"}} {
			if out, errOut, code := wfExec(args...); code != 0 || !strings.Contains(out, "Usage:") || errOut != "" {
				t.Errorf("wf %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
			}
		}
	})
	t.Run("an error is one line, once", func(t *testing.T) {
		_, errOut, code := wfExec("deploi")
		want := "\nwf: unknown command \"deploi\" for \"wf\" (did you mean \"deploy\"?)\n"
		if code != 1 || !strings.HasSuffix(errOut, want) || strings.Count(errOut, "deploi") != 1 {
			t.Fatalf("exit %d, stderr:\n%s", code, errOut)
		}
		_, errOut, code = wfExec("pack", filepath.Join(t.TempDir(), "missing"))
		if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "wf: ") {
			t.Fatalf("exit %d, stderr:\n%s", code, errOut)
		}
	})
	t.Run("bash completion", func(t *testing.T) {
		bash, err := exec.LookPath("bash")
		if err != nil {
			t.Skip("no bash")
		}
		script, _, code := wfExec("completion", "bash")
		if code != 0 {
			t.Fatal("wf completion bash failed")
		}
		file := filepath.Join(dir, "wf.bash")
		if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		// The bash-completion package provides _get_comp_words_by_ref;
		// without it, a minimal one. complete calls the function the
		// script registers for wf, as bash does on TAB, with the binary
		// on PATH.
		prog := `
if ! declare -F _get_comp_words_by_ref >/dev/null; then
	_get_comp_words_by_ref() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
fi
compopt() { :; }
source "$1"
fn=$(complete -p wf | sed -E 's/.* -F ([^ ]+) .*/\1/')
shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMP_TYPE=9
"$fn" wf "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
`
		tests := []struct {
			name  string
			words []string
			want  string
		}{
			{"command", []string{"wf", "prov"}, "provider\nproviders\n"},
			{"subcommand", []string{"wf", "escrow", "dep"}, "deposit\n"},
			{"flag", []string{"wf", "deploy", "hello", "--encr"}, "--encrypt-code\n"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				cmd := exec.Command(bash, append([]string{"--noprofile", "--norc", "-c", prog, "bash", file}, tc.words...)...)
				cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
				out, err := cmd.Output()
				if err != nil || string(out) != tc.want {
					t.Errorf("%s<TAB>: %q (%v), want %q", strings.Join(tc.words, " "), out, err, tc.want)
				}
			})
		}
	})
}

// TestJSONOffline: --json prints one JSON value with the documented fields
// for the commands that need no chain, against a real provider.
func TestJSONOffline(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	wasm := filepath.Join(dir, "main.wasm")
	os.WriteFile(wasm, templates.HelloWasm, 0o644)
	p, _ := sealingProvider(t)
	jsonOut := func(t *testing.T, stdin string, args ...string) any {
		t.Helper()
		out, errOut, err := wfIn(t, home, stdin, args...)
		if err != nil {
			t.Fatalf("wf %s: %v\n%s", strings.Join(args, " "), err, errOut)
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(out))
		if err := dec.Decode(&v); err != nil || dec.More() {
			t.Fatalf("wf %s printed no single JSON value (%v):\n%s", strings.Join(args, " "), err, out)
		}
		return v
	}
	fields := func(t *testing.T, v any, want ...string) map[string]any {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("want an object, got %v", v)
		}
		for _, f := range want {
			if _, ok := m[f]; !ok {
				t.Errorf("no field %q in %v", f, m)
			}
		}
		return m
	}
	devKey, err := chain.KeyFromHex(cli.DevKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	dev := devKey.Address().Checksum()

	t.Run("keys show", func(t *testing.T) {
		if m := fields(t, jsonOut(t, "", "keys", "show", "--key", "dev", "--json"), "address"); m["address"] != dev {
			t.Errorf("address %v, want %s", m["address"], dev)
		}
	})
	t.Run("pack", func(t *testing.T) {
		empty := filepath.Join(t.TempDir(), "empty")
		os.WriteFile(empty, nil, 0o644)
		if m := fields(t, jsonOut(t, "", "pack", empty, "--json"), "cid"); m["cid"] != "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" {
			t.Errorf("cid %v", m["cid"])
		}
	})
	var fn string
	t.Run("deploy", func(t *testing.T) {
		m := fields(t, jsonOut(t, "", "deploy", wasm, "--provider", p, "--key", "dev", "--json"), "cid", "url", "owner", "code")
		fn, _ = m["cid"].(string)
		// The URL is the provider's answer: relative, as this one has no public URL.
		if url, _ := m["url"].(string); !strings.HasPrefix(fn, "baga") || !strings.HasSuffix(url, "/"+fn+"/") || m["owner"] != dev {
			t.Errorf("deploy printed %v", m)
		}
	})
	if fn == "" {
		t.FailNow()
	}
	t.Run("invoke", func(t *testing.T) {
		m := fields(t, jsonOut(t, "JSON", "invoke", fn, "--provider", p, "-d", "@-", "--json"), "status", "headers", "body")
		if m["status"] != 200.0 || m["body"] != "Hello, JSON!\n" {
			t.Errorf("invoke printed %v", m)
		}
		if h, _ := m["headers"].(map[string]any); len(h) == 0 {
			t.Errorf("headers %v", m["headers"])
		}
	})
	t.Run("invoke error status", func(t *testing.T) {
		out, _, err := wfIn(t, home, "", "invoke", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea", "--provider", p, "--json")
		var m struct{ Status int }
		if err == nil || json.Unmarshal([]byte(out), &m) != nil || m.Status != 404 {
			t.Errorf("invoke of an unknown function: %v\n%s", err, out)
		}
	})
	t.Run("logs", func(t *testing.T) {
		entries, ok := jsonOut(t, "", "logs", fn, "--provider", p, "--key", "dev", "--json").([]any)
		if !ok || len(entries) == 0 {
			t.Fatalf("logs printed %v", entries)
		}
		fields(t, entries[0], "time", "requestId", "method", "path", "status", "durationMs")
	})
	t.Run("secrets list", func(t *testing.T) {
		if _, _, err := wfIn(t, home, "v4lue-long-enough", "secrets", "set", "API_KEY", "--dir", dir); err != nil {
			t.Fatal(err)
		}
		if names, ok := jsonOut(t, "", "secrets", "list", "--dir", dir, "--json").([]any); !ok || len(names) != 1 || names[0] != "API_KEY" {
			t.Errorf("secrets list printed %v", names)
		}
	})
	t.Run("delete", func(t *testing.T) {
		m := fields(t, jsonOut(t, "", "delete", fn, "--provider", p, "--key", "dev", "--json"), "cid", "blocks", "bytes", "used")
		if m["cid"] != fn || m["blocks"].(float64) < 1 {
			t.Errorf("delete printed %v", m)
		}
		if out, _, err := wfIn(t, home, "", "invoke", fn, "--provider", p, "--json"); err == nil {
			t.Errorf("invoke after delete succeeded:\n%s", out)
		}
	})
	t.Run("version", func(t *testing.T) {
		fields(t, jsonOut(t, "", "version", "--json"), "version", "commit", "modified", "go")
	})
}

// TestJSONChain: --json of the chain commands, on an embedded chain.
func TestJSONChain(t *testing.T) {
	d := newDevChain(t)
	ctx := context.Background()
	if _, err := d.as(2).RegisterProvider(ctx, chain.Provider{Name: "beta", Endpoint: "http://127.0.0.1:9", SealingKey: []byte{0xab, 0xcd}, PricePerRequest: usdc("0.01")}); err != nil {
		t.Fatal(err)
	}
	mustWF(t, d.env, "escrow", "deposit", "5", "--key", "dev:1")
	mustWF(t, d.env, "escrow", "approve", "beta", "--budget", "2", "--key", "dev:1")
	decode := func(t *testing.T, v any, args ...string) {
		t.Helper()
		out := mustWF(t, d.env, args...)
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil || dec.More() {
			t.Fatalf("wf %s printed (%v):\n%s", strings.Join(args, " "), err, out)
		}
	}
	type provider struct{ Name, Owner, Endpoint, Price, SealingKey, Metadata, Expires string }
	entry, err := d.as(2).LookupProvider(ctx, "beta")
	if err != nil {
		t.Fatal(err)
	}
	want := provider{"beta", addr(2), "http://127.0.0.1:9", "0.010000", "0xabcd", "", entry.Expires.UTC().Format(time.RFC3339)}

	var list []provider
	decode(t, &list, "providers", "--json")
	if len(list) != 1 || list[0] != want {
		t.Errorf("providers --json: %+v, want [%+v]", list, want)
	}
	var one provider
	decode(t, &one, "provider", "show", "beta", "--json")
	if one != want {
		t.Errorf("provider show --json: %+v, want %+v", one, want)
	}
	var bal struct {
		Account, Escrow, Wallet string
		Withdrawal              *struct {
			Amount, WithdrawableAt string
		}
		Approved []struct {
			Provider, Budget, MaxPricePerRequest string
			Names                                []string
		}
	}
	decode(t, &bal, "escrow", "balance", "--key", "dev:1", "--json")
	if bal.Account != addr(1) || bal.Escrow != "5.000000" || bal.Withdrawal != nil || len(bal.Approved) != 1 ||
		bal.Approved[0].Provider != addr(2) || strings.Join(bal.Approved[0].Names, ",") != "beta" || bal.Approved[0].Budget != "2.000000" || bal.Approved[0].MaxPricePerRequest != "0.010000" {
		t.Errorf("escrow balance --json: %+v", bal)
	}
	var ct struct {
		ChainID                         uint64
		RPC, Token, Registry, Escrow    string
		Providers, WithdrawDelaySeconds int64
	}
	decode(t, &ct, "contracts", "show", "--json")
	if ct.ChainID != 1337 || ct.RPC != d.url || ct.Providers != 1 || ct.WithdrawDelaySeconds != 3600 || ct.Escrow == "" {
		t.Errorf("contracts show --json: %+v", ct)
	}
	mustWF(t, d.env, "escrow", "withdraw", "1", "--key", "dev:1")
	decode(t, &bal, "escrow", "balance", addr(1), "--json")
	if bal.Withdrawal == nil || bal.Withdrawal.Amount != "1.000000" || bal.Withdrawal.WithdrawableAt == "" {
		t.Errorf("escrow balance --json with a withdrawal pending: %+v", bal)
	}
}
