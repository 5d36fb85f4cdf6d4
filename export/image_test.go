package export_test

import (
	"archive/tar"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/validate"

	"github.com/webfunctions/wf/export"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/wftest"
)

// TestImageReadsAsRegistryClients: go-containerregistry (crane's library)
// reads the tarball both ways, as a Docker archive (manifest.json) and as
// an OCI image layout, and its validators check every digest, size,
// diff_id, media type and the platform; the config says what Cloud Run
// runs. The same inputs give the same bytes.
func TestImageReadsAsRegistryClients(t *testing.T) {
	c, _ := pack(t, templates.HelloWasm, wftest.Spec())
	exe := bytes.Repeat([]byte("pretend runner "), 1000)
	for _, arch := range export.Archs {
		t.Run(string(arch), func(t *testing.T) {
			img, err := export.Image(exe, arch, "wf/hello:v1", c)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := export.Image(exe, arch, "wf/hello:v1", c)
			if !bytes.Equal(img, again) {
				t.Fatal("the same function and runner made two different images")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "image.tar")
			os.WriteFile(path, img, 0o644)

			tag, err := name.NewTag("wf/hello:v1")
			if err != nil {
				t.Fatal(err)
			}
			dimg, err := tarball.ImageFromPath(path, &tag)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate.Image(dimg); err != nil {
				t.Fatalf("as a Docker archive: %v", err)
			}
			cf, err := dimg.ConfigFile()
			if err != nil {
				t.Fatal(err)
			}
			if cf.OS != "linux" || cf.Architecture != string(arch) || len(cf.Config.Entrypoint) != 1 || cf.Config.Entrypoint[0] != export.ImagePath ||
				cf.Config.User != export.ImageUser || cf.Config.Labels["org.webfunctions.function"] != c.String() {
				t.Fatalf("config %+v", cf)
			}

			lay := filepath.Join(dir, "layout")
			untar(t, img, lay)
			idx, err := layout.ImageIndexFromPath(lay)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate.Index(idx); err != nil {
				t.Fatalf("as an OCI layout: %v", err)
			}
			im, err := idx.IndexManifest()
			if err != nil || len(im.Manifests) != 1 || im.Manifests[0].Platform.Architecture != string(arch) {
				t.Fatalf("index %+v: %v", im, err)
			}
			oimg, err := idx.Image(im.Manifests[0].Digest)
			if err != nil {
				t.Fatal(err)
			}
			layers, err := oimg.Layers()
			if err != nil || len(layers) != 1 {
				t.Fatalf("%d layers: %v", len(layers), err)
			}
			rc, err := layers[0].Uncompressed()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			tr := tar.NewReader(rc)
			h, err := tr.Next()
			if err != nil || "/"+h.Name != export.ImagePath || h.Mode != 0o755 {
				t.Fatalf("layer entry %+v: %v", h, err)
			}
			if got, _ := io.ReadAll(tr); !bytes.Equal(got, exe) {
				t.Fatal("the layer's runner is not the one given")
			}
		})
	}
}

func untar(t *testing.T, b []byte, dir string) {
	t.Helper()
	tr := tar.NewReader(bytes.NewReader(b))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(h.Name))
		if h.Typeflag == tar.TypeDir {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		data, _ := io.ReadAll(tr)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
