package cli

import (
	"fmt"
	"os"

	"github.com/webfunctions/wf/manifest"
)

// readManifest reads and checks the manifest in file and returns its
// canonical block, the bytes whose CID is registered.
func readManifest(file string) ([]byte, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	m, err := manifest.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m.Encode(), nil
}

// useManifest sets the metadata CID to that of the manifest in file.
func (e *entryFlags) useManifest(file string) error {
	b, err := readManifest(file)
	if err != nil {
		return err
	}
	e.metadata = manifest.CID(b).String()
	return nil
}
