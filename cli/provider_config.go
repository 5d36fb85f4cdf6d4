package cli

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/project"
)

// ConfigFileName is the provider's config file in its data directory:
// what `wf provider init` writes and `wf provider start` reads when no
// --config is given.
const ConfigFileName = "provider.toml"

// configNotSettable are flags a config file may not set: what picks the
// file, and what only makes sense typed.
var configNotSettable = []string{"config", "help"}

// applyConfig sets the flags of fs that the config file at path names and
// the command line did not: the command line wins over the file, the file
// over the defaults. Keys are flag names; an unknown key, a key set twice
// or a value the flag refuses is an error naming the file and line, so a
// typo never silently runs the default. A lenient reader (wf provider
// status, which takes a few of start's flags) skips keys it does not have.
func applyConfig(fs *pflag.FlagSet, path string, lenient bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	settings, err := project.ParseSettings(path, b)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	var errs []error
	for _, s := range settings {
		at := fmt.Sprintf("%s:%d", path, s.Line)
		f := fs.Lookup(s.Key)
		if f == nil && lenient {
			continue
		}
		if f == nil || slices.Contains(configNotSettable, s.Key) || f.Hidden {
			errs = append(errs, fmt.Errorf("%s: unknown key %q%s (keys are this command's flags: wf %s --help)", at, s.Key, suggestFlag(fs, s.Key), "provider start"))
			continue
		}
		if f.Changed {
			continue // the command line wins
		}
		if len(s.Values) > 1 && !isList(f) {
			errs = append(errs, fmt.Errorf("%s: %s takes one value, not a list", at, s.Key))
			continue
		}
		for _, v := range s.Values {
			if err := fs.Set(s.Key, v); err != nil {
				errs = append(errs, fmt.Errorf("%s: %s = %q: %v", at, s.Key, v, err))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// isList reports whether f takes several values (repeated or a list).
func isList(f *pflag.Flag) bool {
	t := f.Value.Type()
	return strings.HasSuffix(t, "Slice") || strings.HasSuffix(t, "Array")
}

// suggestFlag is " (did you mean ...?)" for a key one edit or a
// separator away from a flag, else "".
func suggestFlag(fs *pflag.FlagSet, key string) string {
	norm := func(s string) string {
		return strings.NewReplacer("_", "", "-", "", ".", "").Replace(strings.ToLower(s))
	}
	best := ""
	fs.VisitAll(func(f *pflag.Flag) {
		if best == "" && !f.Hidden && !slices.Contains(configNotSettable, f.Name) && (norm(f.Name) == norm(key) || editDistance(f.Name, key) == 1) {
			best = f.Name
		}
	})
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// providerConfig is what `wf provider init` writes: the settings given,
// and the rest as commented defaults, so the file documents itself.
type providerConfig struct {
	name, data, key, listen, publicURL, price string
	rpc                                       []string
}

func (c providerConfig) render() string {
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	line := func(key, val, dflt, help string) string {
		if val != "" {
			return fmt.Sprintf("# %s\n%s = %s\n", help, key, val)
		}
		return fmt.Sprintf("# %s\n# %s = %s\n", help, key, dflt)
	}
	opt := func(s string) string {
		if s == "" {
			return ""
		}
		return q(s)
	}
	var rpc string
	if len(c.rpc) > 0 {
		qs := make([]string, len(c.rpc))
		for i, u := range c.rpc {
			qs[i] = q(u)
		}
		rpc = "[" + strings.Join(qs, ", ") + "]"
	}
	var b strings.Builder
	b.WriteString(`# WebFunctions provider configuration: wf provider start --config FILE
# (without --config, wf provider start reads DATA/provider.toml).
# Each key is a flag of wf provider start (wf provider start --help); a flag
# given on the command line wins over the file. Unknown keys are refused.
# The keystore password is never here: use --password-file in the service
# (password-file = "/etc/wf/password") or $WF_KEY_PASSWORD.

`)
	b.WriteString(line("name", opt(c.name), `"NAME"`, "registry name this node serves as; the start-up self-check compares its entry with this node"))
	b.WriteString(line("data", opt(c.data), `"/var/lib/wf/provider"`, "data directory: blocks, ledger of charges, sealing keys, compile cache"))
	b.WriteString(line("key", opt(c.key), `"DATA/key.json"`, "the node's Ethereum keystore: registry owner, receipts, settlements"))
	b.WriteString(line("listen", opt(c.listen), `"0.0.0.0:8080"`, "address to serve HTTP (or HTTPS with tls-cert/tls-key or acme-email) on"))
	b.WriteString(line("public-url", opt(c.publicURL), `"https://node.example.com"`, "this node's URL as callers see it: must be the registry entry's endpoint"))
	b.WriteString(line("price", opt(c.price), `"0.0001"`, "price per request in USDC; set, every request is charged through the escrow"))
	b.WriteString(line("rpc", rpc, `["https://rpc.example"]`, "the chain's JSON-RPC endpoints (several: reads are checked across them)"))
	b.WriteString(line("contracts", "", `"/etc/wf/contracts.json"`, "contract addresses (default: saved for the rpc URL, or known for the chain id)"))
	b.WriteString(line("password-file", "", `"/etc/wf/password"`, "file holding the keystore password (mode 0600, outside DATA)"))
	b.WriteString(line("tls-cert", "", `"/etc/wf/tls/fullchain.pem"`, "serve HTTPS with this certificate (and tls-key); or acme-email for Let's Encrypt"))
	b.WriteString(line("tls-key", "", `"/etc/wf/tls/privkey.pem"`, "the certificate's private key"))
	b.WriteString(line("acme-email", "", `"ops@example.com"`, "get the public-url host's certificate from an ACME CA (port 443 reachable, acme-http \":80\" for HTTP-01)"))
	b.WriteString(line("self-check", "", `"refuse"`, "what a disagreement with the registry does at start: refuse, warn or off"))
	b.WriteString(line("settle-count", "", fmt.Sprint(payment.DefaultSettleCount), "settle a payer's charges once this many are pending"))
	b.WriteString(line("settle-interval", "", q(payment.DefaultSettleInterval.String()), "or at the latest this long after the first"))
	b.WriteString(line("max-fee", "", `"500"`, "most a settlement pays per unit of gas, in gwei"))
	b.WriteString(line("log-format", "", `"text"`, "text or json (journald reads either)"))
	b.WriteString("# Every key: docs/operators.md.\n")
	return b.String()
}

// defaultConfigPath is DATA/provider.toml.
func defaultConfigPath(data string) string { return filepath.Join(data, ConfigFileName) }

// checkHTTPURL refuses what is not an absolute http(s) URL with a host.
func checkHTTPURL(flag, s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid("%s %q: want an http(s) URL like https://node.example.com", flag, s)
	}
	return nil
}
