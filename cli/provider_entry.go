package cli

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/node"
	"github.com/webfunctions/wf/project"
	"github.com/webfunctions/wf/seal"
)

// entryFromConfig maps a node's config keys to the flags of wf provider
// register and update: the entry is what the running node will be, so
// the self-check finds them agreeing.
var entryFromConfig = map[string]string{
	"public-url": "endpoint", "price": "price",
	"rpc": "rpc", "rpc-quorum": "rpc-quorum", "contracts": "contracts", "key": "key", "password-file": "password-file",
}

// addEntryConfigFlag adds --config to register or update.
func addEntryConfigFlag(fs *pflag.FlagSet, path *string) {
	fs.StringVar(path, "config", "", "take the name, endpoint (public-url), price, chain and key from the node's config `FILE`, and the sealing key from its data directory; flags given win")
}

// applyEntryConfig sets the unset flags of cmd from the node's config
// file, and --sealing-key to the current key of the config's data
// directory. It returns the config's name ("" if none).
func applyEntryConfig(cmd *cobra.Command, path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	settings, err := project.ParseSettings(path, b)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	fs := cmd.Flags()
	var name, data string
	for _, s := range settings {
		switch s.Key {
		case "name":
			name = s.Values[0]
			continue
		case "data":
			data = s.Values[0]
			continue
		}
		flag, ok := entryFromConfig[s.Key]
		if !ok || fs.Lookup(flag) == nil || fs.Changed(flag) {
			continue
		}
		for _, v := range s.Values {
			if err := fs.Set(flag, v); err != nil {
				return "", fmt.Errorf("%s:%d: %s = %q: %v", path, s.Line, s.Key, v, err)
			}
		}
	}
	if !fs.Changed("sealing-key") && data != "" {
		kr, err := seal.LoadKeyring(filepath.Join(data, node.SealingKeyringFile))
		if err != nil {
			return "", fmt.Errorf("config %s: the sealing key of data %s: %w (wf provider init --data %s)", path, data, err, data)
		}
		if err := fs.Set("sealing-key", "0x"+hex.EncodeToString(kr.Current().Bytes())); err != nil {
			return "", err
		}
	}
	return name, nil
}

// entryName is the NAME argument, else the config's name.
func entryName(args []string, fromConfig string) (string, error) {
	if len(args) == 1 {
		return args[0], nil
	}
	if fromConfig == "" {
		return "", usageErr("NAME is required (or name = \"...\" in --config)")
	}
	return fromConfig, nil
}
