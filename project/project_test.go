package project_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/wf"
)

const full = `# a whole project file
name = "hello-world"
secrets = ["API_KEY", "DB_PASSWORD"]
providers = ["http://127.0.0.1:8080", "alpha"]
encrypt_code = true

[build]
language = "go"
entry = "./cmd/fn"
output = "dist/fn.wasm"

[env]
GREETING = "hi"
MODE = ""

[limits]
memory = "64MiB"
timeout = "1500ms"
request_bytes = 1_048_576
response_bytes = "2MB"

[callers]
rate = "60/1m"
owner_pays = "1000/24h"
`

func TestParse(t *testing.T) {
	f, err := project.Parse("wf.toml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want := &project.File{
		Name:        "hello-world",
		Secrets:     []string{"API_KEY", "DB_PASSWORD"},
		Providers:   []string{"http://127.0.0.1:8080", "alpha"},
		EncryptCode: true,
		Build:       project.Build{Language: "go", Entry: "./cmd/fn", Output: "dist/fn.wasm"},
		Env:         map[string]string{"GREETING": "hi", "MODE": ""},
		Limits: project.Limits{
			Memory: 64 << 20, Timeout: project.Duration{Duration: 1500 * time.Millisecond},
			RequestBytes: 1 << 20, ResponseBytes: 2_000_000,
		},
		Callers: project.Callers{Rate: project.Rate{Requests: 60, Per: time.Minute}, OwnerPays: project.Rate{Requests: 1000, Per: 24 * time.Hour}},
	}
	if !reflect.DeepEqual(f, want) {
		t.Fatalf("got %+v\nwant %+v", f, want)
	}
	if got, want := f.Limits.Spec(), (wf.Limits{MemoryPages: 1024, TimeoutMS: 1500, MaxRequestBytes: 1 << 20, MaxResponseBytes: 2_000_000}); got != want {
		t.Fatalf("Spec() = %+v, want %+v", got, want)
	}
	if x, err := f.Callers.Spec().Extension(); err != nil || !x.Required || string(x.Data) != `{"ownerPays":{"requests":1000,"seconds":86400},"perCaller":{"requests":60,"seconds":60}}` {
		t.Fatalf("[callers] as wf.callers: %s %v", x.Data, err)
	}
	// An empty file is a valid project with every default.
	if f, err := project.Parse("wf.toml", nil); err != nil || !reflect.DeepEqual(f, &project.File{}) {
		t.Fatalf("empty: %+v %v", f, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // each an error line, in order
	}{
		{"unknown key", "name = \"x\"\n\n[limits]\nmemory = \"64MiB\"\n\n\ntimout = \"5s\"\n",
			[]string{`wf.toml:7: unknown key "limits.timout" (did you mean "limits.timeout"?)`}},
		{"unknown top-level key", "nmae = \"x\"\n", []string{`wf.toml:1: unknown key "nmae" (did you mean "name"?)`}},
		{"unknown key without a suggestion", "[build]\nflavour = \"x\"\n", []string{`wf.toml:2: unknown key "build.flavour"`}},
		{"two unknown keys", "a = 1\n[limits]\nb = 2\n", []string{`wf.toml:1: unknown key "a"`, `wf.toml:3: unknown key "limits.b"`}},
		{"unknown table", "[limit]\nmemory = \"1MiB\"\n", []string{`wf.toml:1: unknown key "limit" (did you mean "limits"?)`}},
		{"top-level key below a table", "[limits]\nname = \"x\"\n",
			[]string{`wf.toml:2: unknown key "limits.name" (did you mean the top-level "name"? Keys below a [table] header belong to it: put name above the first table)`}},
		{"syntax", "name = \n", []string{"wf.toml:1: "}},
		{"bad type", "name = 5\n", []string{"wf.toml:1: name: cannot decode TOML integer"}},
		{"bad type in a table", "[build]\nlanguage = [\"go\"]\n", []string{"wf.toml:2: build.language: cannot decode TOML array"}},
		{"secrets below [env]", "[env]\nA = \"b\"\nsecrets = [\"X\"]\n", []string{"wf.toml:3: env.secrets: cannot decode TOML array"}},
		{"bad name", "name = \"Hello_World\"\n", []string{`wf.toml:1: name: "Hello_World" is not a DNS label`}},
		{"name too long", "name = \"" + strings.Repeat("a", 64) + "\"\n", []string{"wf.toml:1: name: "}},
		{"name with a leading hyphen", "name = \"-x\"\n", []string{"wf.toml:1: name: "}},
		{"bad language", "[build]\nlanguage = \"rust\"\n", []string{`wf.toml:2: build.language: "rust" is not one of "go", "assemblyscript"`}},
		{"entry with a command", "[build]\ncommand = \"make\"\nentry = \"x\"\n", []string{"wf.toml:3: build.entry: is for the Go and js builds"}},
		{"entry for assemblyscript", "[build]\nlanguage = \"assemblyscript\"\nentry = \"x.ts\"\n", []string{"wf.toml:3: build.entry: is for the Go and js builds"}},
		{"absolute output", "[build]\noutput = \"/tmp/x.wasm\"\n", []string{"wf.toml:2: build.output: must be a relative path"}},
		{"blank command", "[build]\ncommand = \"  \"\n", []string{"wf.toml:2: build.command: is blank"}},
		{"bad env name", "[env]\nOK = \"1\"\n\"BAD-NAME\" = \"x\"\n", []string{`wf.toml:3: env.BAD-NAME: "BAD-NAME" is not an environment variable name`}},
		{"env with a NUL", "[env]\nX = \"a\\u0000b\"\n", []string{"wf.toml:2: env.X: contains a NUL byte"}},
		{"env not strings", "[env]\nPORT = 8080\n", []string{"wf.toml:2: env.PORT: cannot decode TOML integer"}},
		{"timeout without a unit", "[limits]\ntimeout = 5\n", []string{`wf.toml:2: limits.timeout: 5 has no unit: write a string like "5s" or "500ms"`}},
		{"bad duration", "[limits]\ntimeout = \"5 secs\"\n", []string{`wf.toml:2: limits.timeout: "5 secs" is not a duration`}},
		{"negative duration", "[limits]\ntimeout = \"-1s\"\n", []string{"wf.toml:2: limits.timeout: a duration must not be negative"}},
		{"sub-millisecond timeout", "[limits]\ntimeout = \"1500us\"\n", []string{"wf.toml:2: limits.timeout: 1.5ms is not a whole number of milliseconds"}},
		{"bad unit", "[limits]\nmemory = \"64MiBs\"\n", []string{`wf.toml:2: limits.memory: "64MiBs": unknown unit "MiBs" (use B, KiB, MiB, GiB, KB, MB or GB)`}},
		{"unknown unit", "[limits]\nrequest_bytes = \"1TiB\"\n", []string{`wf.toml:2: limits.request_bytes: "1TiB": unknown unit "TiB"`}},
		{"fractional size", "[limits]\nrequest_bytes = \"1.5MiB\"\n", []string{`wf.toml:2: limits.request_bytes: "1.5MiB" is not a size`}},
		{"negative size", "[limits]\nresponse_bytes = -1\n", []string{"wf.toml:2: limits.response_bytes: must not be negative"}},
		{"negative size as a string", "[limits]\nresponse_bytes = \"-1\"\n", []string{`wf.toml:2: limits.response_bytes: "-1" is not a size`}},
		{"size overflow", "[limits]\nresponse_bytes = \"9000000000GiB\"\n", []string{`wf.toml:2: limits.response_bytes: "9000000000GiB" is too large`}},
		{"memory not in pages", "[limits]\nmemory = 100_000\n", []string{"wf.toml:2: limits.memory: 100000B is not a whole number of 64KiB WebAssembly pages (try 128KiB)"}},
		{"memory in decimal units", "[limits]\nmemory = \"64MB\"\n", []string{`limits.memory: 62500KiB is not a whole number of 64KiB WebAssembly pages (MB are 1000-based: did you mean "64MiB"?)`}},
		{"memory beyond 4GiB", "[limits]\nmemory = \"8GiB\"\n", []string{"wf.toml:2: limits.memory: 8GiB is more than"}},
		{"unknown key in an inline table", "name = \"x\"\nlimits = { timeout = \"5s\", memroy = \"1MiB\" }\n",
			[]string{`wf.toml:2: unknown key "limits.memroy" (did you mean "limits.memory"?)`}},
		{"inline table", "limits = { timeout = \"5s\", memory = \"1KiB\" }\n", []string{"wf.toml:1: limits.memory: 1KiB is not a whole number"}},
		{"bad secret name", "secrets = [\"OK\", \"NOT OK\"]\n", []string{`wf.toml:1: secrets: "NOT OK" is not an environment variable name`}},
		{"secret twice", "secrets = [\"A\", \"A\"]\n", []string{"wf.toml:1: secrets: A is listed twice"}},
		{"secret also in env", "secrets = [\"A\"]\n[env]\nA = \"x\"\n", []string{"wf.toml:1: secrets: A is also set in [env]"}},
		{"bad provider", "providers = [\"ftp://x\", \"Not A Name\", \"http://\", \"https://u:p@h\", \"http://h/?q\"]\n", []string{
			`wf.toml:1: providers: "ftp://x": the URL's scheme must be http or https`,
			`wf.toml:1: providers: "Not A Name": neither an http(s) URL nor a registry name`,
			`wf.toml:1: providers: "http://": the URL has no host`,
			`wf.toml:1: providers: "https://u:p@h": the URL must not carry credentials`,
			`wf.toml:1: providers: "http://h/?q": a provider URL is a base URL`}},
		{"rate without a window", "[callers]\nrate = \"60\"\n", []string{`wf.toml:2: callers.rate: 60 has no unit: write a string like "60/1m"`}},
		{"rate without a slash", "[callers]\nrate = \"60 per minute\"\n", []string{`wf.toml:2: callers.rate: "60 per minute" is not a rate like "60/1m"`}},
		{"zero rate", "[callers]\nrate = \"0/1m\"\n", []string{`wf.toml:2: callers.rate: "0/1m": "0" is not a count of requests, at least 1`}},
		{"negative rate", "[callers]\nowner_pays = \"-5/1h\"\n", []string{`callers.owner_pays: "-5/1h": "-5" is not a count`}},
		{"zero window", "[callers]\nrate = \"5/0s\"\n", []string{`wf.toml:2: callers.rate: "5/0s": "0s" is not a whole number of seconds`}},
		{"sub-second window", "[callers]\nrate = \"5/1500ms\"\n", []string{`callers.rate: "5/1500ms": "1500ms" is not a whole number of seconds`}},
		{"rate as a number", "[callers]\nrate = 60\n", []string{`wf.toml:2: callers.rate: 60 has no unit: write a string like "60/1m"`}},
		{"window over a year", "[callers]\nrate = \"5/10000h\"\n", []string{"callers: perCaller: seconds 36000000 must be 1 to 31622400 (a year)"}},
		{"owner pays and caller pays only", "[callers]\nowner_pays = \"5/1h\"\ncaller_pays_only = true\n", []string{"callers: ownerPays with callerPays"}},
		{"unknown callers key", "[callers]\nrate = \"5/1h\"\nburst = 3\n", []string{`wf.toml:3: unknown key "callers.burst"`}},
		{"several problems", "name = \"A\"\n[limits]\ntimeout = \"1500us\"\n", []string{"wf.toml:1: name: ", "wf.toml:3: limits.timeout: "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := project.Parse("wf.toml", []byte(tc.doc))
			if err == nil {
				t.Fatalf("accepted: %+v", f)
			}
			if !errors.Is(err, wf.ErrInvalid) {
				t.Errorf("%v is not wf.ErrInvalid", err)
			}
			var pe *project.Error
			if !errors.As(err, &pe) || pe.File != "wf.toml" {
				t.Errorf("%v is not a *project.Error for wf.toml", err)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(lines), len(tc.want), err)
			}
			for i, w := range tc.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("error %d:\n got %s\nwant %s", i, lines[i], w)
				}
			}
		})
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	f, err := project.Parse("wf.toml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	b, err := project.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	g, err := project.Parse("again.toml", b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if !reflect.DeepEqual(f, g) {
		t.Fatalf("round trip changed the file:\n%+v\n%+v\n%s", f, g, b)
	}
	if b, _ := project.Marshal(&project.File{}); len(b) != 0 {
		t.Fatalf("an empty file marshals to %q", b)
	}
}

func TestSize(t *testing.T) {
	for in, want := range map[string]project.Size{
		"0": 0, "100": 100, "1_000": 1000, "100B": 100, "1KB": 1000, "1KiB": 1024, "3MiB": 3 << 20,
		"2GB": 2e9, "1GiB": 1 << 30, "64 MiB": 64 << 20,
	} {
		if got, err := project.ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "1.5MiB", "-1", "1 2", "1_", "_1", "1__0", "0x10", "1mib", "1K", "1iB", "99999999999999999999"} {
		if got, err := project.ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, got)
		}
	}
	for z, want := range map[project.Size]string{0: "0B", 100: "100B", 1024: "1KiB", 64 << 20: "64MiB", 1500 << 10: "1500KiB", 3 << 30: "3GiB"} {
		if z.String() != want {
			t.Errorf("%d.String() = %q, want %q", int64(z), z.String(), want)
		}
	}
}

// The example in docs/project.md parses to what the page says it deploys.
func TestDocExample(t *testing.T) {
	b, err := os.ReadFile("../docs/project.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```toml\n")
	doc, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("docs/project.md has no toml example")
	}
	f, err := project.Parse("docs/project.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := wf.Limits{MemoryPages: 1024, TimeoutMS: 5000, MaxRequestBytes: 1048576, MaxResponseBytes: 4194304}
	if f.Limits.Spec() != want || f.Env["GREETING"] != "Hello" || len(f.Providers) != 2 || f.Build.Output != "dist/hello.wasm" {
		t.Fatalf("the example parses to %+v", f)
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := project.Parse("wf.toml", []byte(full)); err != nil {
			b.Fatal(err)
		}
	}
}
