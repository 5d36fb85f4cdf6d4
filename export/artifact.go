package export

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/webfunctions/wf/wf"
)

// Arch is a target's CPU architecture, as Go names it: "amd64" or "arm64".
type Arch string

// Archs are the architectures the three clouds run.
var Archs = []Arch{"amd64", "arm64"}

// lambdaArch is Lambda's (and Vercel's) name for a.
func (a Arch) lambdaArch() string {
	if a == "arm64" {
		return "arm64"
	}
	return "x86_64"
}

func (a Arch) check() error {
	if !slices.Contains(Archs, a) {
		return fmt.Errorf("%w: architecture %q: the clouds run amd64 or arm64", wf.ErrInvalid, a)
	}
	return nil
}

// epoch is every file's time in an artifact, so the same function and
// runner always make the same bytes (and the same image digest).
var epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// LambdaZip is the deployment package of a Lambda function on the
// provided.al2023 runtime: a zip holding one executable, bootstrap (exe,
// a runner with its function embedded).
func LambdaZip(exe []byte) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	// BestSpeed: a runner is tens of MB, and the default level took
	// seconds for a few percent (measured in docs/portability.md).
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	h := &zip.FileHeader{Name: "bootstrap", Method: zip.Deflate, Modified: epoch}
	h.SetMode(0o755)
	w, err := zw.CreateHeader(h)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(exe); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Media types of an OCI image (image-spec v1.1).
const (
	MediaIndex    = "application/vnd.oci.image.index.v1+json"
	MediaManifest = "application/vnd.oci.image.manifest.v1+json"
	MediaConfig   = "application/vnd.oci.image.config.v1+json"
	MediaLayer    = "application/vnd.oci.image.layer.v1.tar+gzip"
)

// ImagePath is where the runner sits in the image, and its entrypoint.
const ImagePath = "/wf-runner"

// ImageUser is the image's user: no root inside the container.
const ImageUser = "65532:65532"

// Descriptor is an OCI content descriptor.
type Descriptor struct {
	MediaType   string            `json:"mediaType"`
	Digest      string            `json:"digest"`
	Size        int64             `json:"size"`
	Annotations map[string]string `json:"annotations,omitempty"`
	Platform    *Platform         `json:"platform,omitempty"`
}

// Platform is an OCI platform.
type Platform struct {
	Architecture string `json:"architecture"`
	OS           string `json:"os"`
}

// ImageConfig is the part of an OCI image configuration the image sets.
type ImageConfig struct {
	Created      string `json:"created"`
	Architecture string `json:"architecture"`
	OS           string `json:"os"`
	Config       struct {
		User         string              `json:"User"`
		Env          []string            `json:"Env"`
		Entrypoint   []string            `json:"Entrypoint"`
		ExposedPorts map[string]struct{} `json:"ExposedPorts"`
		Labels       map[string]string   `json:"Labels"`
	} `json:"config"`
	RootFS struct {
		Type    string   `json:"type"`
		DiffIDs []string `json:"diff_ids"`
	} `json:"rootfs"`
	History []struct {
		Created   string `json:"created"`
		CreatedBy string `json:"created_by"`
	} `json:"history"`
}

// Manifest is an OCI image manifest.
type Manifest struct {
	SchemaVersion int          `json:"schemaVersion"`
	MediaType     string       `json:"mediaType"`
	Config        Descriptor   `json:"config"`
	Layers        []Descriptor `json:"layers"`
}

// Index is an OCI image index (index.json of an image layout).
type Index struct {
	SchemaVersion int          `json:"schemaVersion"`
	MediaType     string       `json:"mediaType"`
	Manifests     []Descriptor `json:"manifests"`
}

// Image is a container image for Cloud Run, made without Docker: an OCI
// image layout as a tar (oci-layout, index.json, blobs/sha256/...), with
// Docker's manifest.json beside it so that docker load, podman load,
// skopeo (oci-archive:) and crane push all read it. It has one layer
// holding exe (a runner with its function embedded) at ImagePath, which is
// the entrypoint; the runner listens on $PORT, Cloud Run's contract. tag
// names the image (e.g. "wf/hello:CID-prefix"); fn is recorded in a label.
func Image(exe []byte, arch Arch, tag string, fn wf.CID) ([]byte, error) {
	if err := arch.check(); err != nil {
		return nil, err
	}
	var layerTar bytes.Buffer
	tw := tar.NewWriter(&layerTar)
	if err := tw.WriteHeader(&tar.Header{Name: strings.TrimPrefix(ImagePath, "/"), Mode: 0o755, Size: int64(len(exe)),
		ModTime: epoch, Typeflag: tar.TypeReg, Format: tar.FormatPAX}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(exe); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	var layer bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&layer, gzip.BestSpeed)
	zw.ModTime = epoch
	zw.Write(layerTar.Bytes())
	if err := zw.Close(); err != nil {
		return nil, err
	}

	var cfg ImageConfig
	created := epoch.Format(time.RFC3339)
	cfg.Created, cfg.Architecture, cfg.OS = created, string(arch), "linux"
	cfg.Config.User = ImageUser
	cfg.Config.Env = []string{"PORT=8080"}
	cfg.Config.Entrypoint = []string{ImagePath}
	cfg.Config.ExposedPorts = map[string]struct{}{"8080/tcp": {}}
	cfg.Config.Labels = map[string]string{"org.webfunctions.function": fn.String()}
	cfg.RootFS.Type = "layers"
	cfg.RootFS.DiffIDs = []string{digest(layerTar.Bytes())}
	cfg.History = append(cfg.History, struct {
		Created   string `json:"created"`
		CreatedBy string `json:"created_by"`
	}{created, "wf export cloudrun " + fn.String()})
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	man, err := json.Marshal(Manifest{SchemaVersion: 2, MediaType: MediaManifest,
		Config: Descriptor{MediaType: MediaConfig, Digest: digest(cfgJSON), Size: int64(len(cfgJSON))},
		Layers: []Descriptor{{MediaType: MediaLayer, Digest: digest(layer.Bytes()), Size: int64(layer.Len())}}})
	if err != nil {
		return nil, err
	}
	index, err := json.Marshal(Index{SchemaVersion: 2, MediaType: MediaIndex, Manifests: []Descriptor{{
		MediaType: MediaManifest, Digest: digest(man), Size: int64(len(man)),
		Annotations: map[string]string{"org.opencontainers.image.ref.name": tag, "io.containerd.image.name": tag},
		Platform:    &Platform{Architecture: string(arch), OS: "linux"},
	}}})
	if err != nil {
		return nil, err
	}
	docker, err := json.Marshal([]map[string]any{{
		"Config": blobPath(cfgJSON), "RepoTags": []string{tag}, "Layers": []string{blobPath(layer.Bytes())},
	}})
	if err != nil {
		return nil, err
	}

	var out bytes.Buffer
	ow := tar.NewWriter(&out)
	add := func(name string, mode int64, b []byte) error {
		if err := ow.WriteHeader(&tar.Header{Name: name, Mode: mode, Size: int64(len(b)), ModTime: epoch, Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		_, err := ow.Write(b)
		return err
	}
	dir := func(name string) error {
		return ow.WriteHeader(&tar.Header{Name: name, Mode: 0o755, ModTime: epoch, Typeflag: tar.TypeDir})
	}
	for _, step := range []func() error{
		func() error { return add("oci-layout", 0o644, []byte(`{"imageLayoutVersion":"1.0.0"}`)) },
		func() error { return add("index.json", 0o644, index) },
		func() error { return add("manifest.json", 0o644, docker) },
		func() error { return dir("blobs/") },
		func() error { return dir("blobs/sha256/") },
		func() error { return add(blobPath(cfgJSON), 0o644, cfgJSON) },
		func() error { return add(blobPath(man), 0o644, man) },
		func() error { return add(blobPath(layer.Bytes()), 0o644, layer.Bytes()) },
		ow.Close,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return out.Bytes(), nil
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(h[:])
}

func blobPath(b []byte) string { return "blobs/sha256/" + strings.TrimPrefix(digest(b), "sha256:") }

// VercelFunction is the name of the exported function in a Vercel
// Build Output API directory: functions/index.func.
const VercelFunction = "index"

// VercelRuntime is the Lambda runtime Vercel runs the bootstrap on (the
// one Vercel's own Go runtime builds for).
const VercelRuntime = "provided.al2023"

// VercelConfig is a Serverless Function's .vc-config.json, the fields
// the export sets (Build Output API v3).
type VercelConfig struct {
	Runtime         string            `json:"runtime"`
	Handler         string            `json:"handler"`
	Architecture    string            `json:"architecture,omitempty"`
	MaxDuration     int64             `json:"maxDuration,omitempty"`
	Environment     map[string]string `json:"environment,omitempty"`
	SupportsWrapper bool              `json:"supportsWrapper"`
}

// VercelOutput is the Build Output API v3's config.json, the fields the
// export sets.
type VercelOutput struct {
	Version int           `json:"version"`
	Routes  []VercelRoute `json:"routes"`
}

// VercelRoute is one entry of config.json's routes.
type VercelRoute struct {
	Src  string `json:"src"`
	Dest string `json:"dest"`
}

// Vercel returns the files of a Build Output API v3 directory (the
// contents of .vercel/output, by slash-separated path) that serves the
// function at every path: config.json routes everything to
// functions/index.func, whose bootstrap is exe on Vercel's Lambda
// runtime. limit is the function's wall-time limit (maxDuration rounds it
// up to seconds; 0 leaves Vercel's default).
func Vercel(exe []byte, arch Arch, limit time.Duration) (map[string][]byte, error) {
	if err := arch.check(); err != nil {
		return nil, err
	}
	cfg, err := json.MarshalIndent(VercelOutput{Version: 3, Routes: []VercelRoute{{Src: "/(.*)", Dest: "/" + VercelFunction}}}, "", "  ")
	if err != nil {
		return nil, err
	}
	vc := VercelConfig{Runtime: VercelRuntime, Handler: "bootstrap", Architecture: arch.lambdaArch()}
	if limit > 0 {
		vc.MaxDuration = int64((limit + time.Second - 1) / time.Second)
	}
	vcj, err := json.MarshalIndent(vc, "", "  ")
	if err != nil {
		return nil, err
	}
	fn := "functions/" + VercelFunction + ".func/"
	return map[string][]byte{
		"config.json":          append(cfg, '\n'),
		fn + ".vc-config.json": append(vcj, '\n'),
		fn + "bootstrap":       exe,
	}, nil
}

// WriteFiles writes files (from Vercel) under dir, bootstrap executable.
// It refuses to write into a dir that exists and is not empty.
func WriteFiles(dir string, files map[string][]byte) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("%w: %s exists and is not empty", fs.ErrExist, dir)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if filepath.Base(name) == "bootstrap" {
			mode = 0o755
		}
		if err := os.WriteFile(p, files[name], mode); err != nil {
			return err
		}
	}
	return nil
}
