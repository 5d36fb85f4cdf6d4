package provider

import (
	"encoding/json"
	"fmt"

	"github.com/webfunctions/wf/manifest"
)

// checkManifest refuses a Config.Manifest that is not a valid manifest
// block in its canonical form: the CID registered for it is the CID of
// exactly these bytes.
func checkManifest(b []byte) error {
	if b == nil {
		return nil
	}
	m, err := manifest.Parse(b)
	if err != nil {
		return fmt.Errorf("provider: %w", err)
	}
	if string(m.Encode()) != string(b) {
		return fmt.Errorf("provider: manifest is not in canonical form (manifest.Encode)")
	}
	return nil
}

// manifestInfo adds the manifest block, verbatim, and its CID to a
// /v1/info answer, so anyone can check it against the registry's
// metadata CID.
func (p *Provider) manifestInfo(info map[string]any) {
	if p.cfg.Manifest == nil {
		return
	}
	info["manifest"] = json.RawMessage(p.cfg.Manifest)
	info["manifestCID"] = manifest.CID(p.cfg.Manifest).String()
}
