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
	b := p.cfg.Manifest
	if m := p.manifest.Load(); m != nil {
		b = *m
	}
	if b == nil {
		return
	}
	info["manifest"] = json.RawMessage(b)
	info["manifestCID"] = manifest.CID(b).String()
}

// SetManifest replaces the manifest served in /v1/info (see
// Config.Manifest), for an operator who publishes a new one without a
// restart; nil serves none.
func (p *Provider) SetManifest(b []byte) error {
	if err := checkManifest(b); err != nil {
		return err
	}
	p.manifest.Store(&b)
	return nil
}
