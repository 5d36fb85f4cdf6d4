// Command sbom writes an SPDX 2.3 software bill of materials (JSON) for a
// Go binary, from the build information the Go linker embeds in it: the
// main module, every module linked in (with its go.sum hash), the Go
// toolchain and the build settings. scripts/release runs it for each
// release binary:
//
//	go run ./scripts/sbom dist/wf-linux-amd64 > dist/wf-linux-amd64.spdx.json
//
// SOURCE_DATE_EPOCH, when set, is the document's creation time, so that a
// rebuilt release gives the same file.
package main

import (
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

type checksum struct {
	Algorithm string `json:"algorithm"`
	Value     string `json:"checksumValue"`
}

type extRef struct {
	Category string `json:"referenceCategory"`
	Type     string `json:"referenceType"`
	Locator  string `json:"referenceLocator"`
}

type pkg struct {
	ID               string     `json:"SPDXID"`
	Name             string     `json:"name"`
	Version          string     `json:"versionInfo,omitempty"`
	Download         string     `json:"downloadLocation"`
	FilesAnalyzed    bool       `json:"filesAnalyzed"`
	Checksums        []checksum `json:"checksums,omitempty"`
	ExternalRefs     []extRef   `json:"externalRefs,omitempty"`
	Comment          string     `json:"comment,omitempty"`
	PrimaryPurpose   string     `json:"primaryPackagePurpose,omitempty"`
	LicenseConcluded string     `json:"licenseConcluded"`
	LicenseDeclared  string     `json:"licenseDeclared"`
	Copyright        string     `json:"copyrightText"`
}

type rel struct {
	Element string `json:"spdxElementId"`
	Type    string `json:"relationshipType"`
	Related string `json:"relatedSpdxElement"`
}

type doc struct {
	Version   string `json:"spdxVersion"`
	License   string `json:"dataLicense"`
	ID        string `json:"SPDXID"`
	Name      string `json:"name"`
	Namespace string `json:"documentNamespace"`
	Creation  struct {
		Created  string   `json:"created"`
		Creators []string `json:"creators"`
	} `json:"creationInfo"`
	Packages      []pkg `json:"packages"`
	Relationships []rel `json:"relationships"`
}

var idChars = regexp.MustCompile(`[^A-Za-z0-9.-]+`)

func spdxID(s string) string { return "SPDXRef-Package-" + idChars.ReplaceAllString(s, "-") }

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sbom BINARY > BINARY.spdx.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sbom:", err)
		os.Exit(1)
	}
}

func run(bin string, w io.Writer) error {
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	created := time.Now().UTC()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("SOURCE_DATE_EPOCH=%q: %w", s, err)
		}
		created = time.Unix(n, 0).UTC()
	}
	var d doc
	d.Version, d.License, d.ID = "SPDX-2.3", "CC0-1.0", "SPDXRef-DOCUMENT"
	d.Name = filepath.Base(bin)
	d.Namespace = "https://github.com/webfunctions/wf/sbom/" + d.Name + "-" + hex.EncodeToString(sum[:8])
	d.Creation.Created = created.Format(time.RFC3339)
	d.Creation.Creators = []string{"Tool: wf scripts/sbom", "Organization: WebFunctions"}

	var settings []string
	for _, s := range bi.Settings {
		settings = append(settings, s.Key+"="+s.Value)
	}
	file := pkg{ID: "SPDXRef-Package-binary", Name: d.Name, Version: bi.Main.Version, Download: "NOASSERTION",
		Checksums:      []checksum{{"SHA256", hex.EncodeToString(sum[:])}},
		PrimaryPurpose: "APPLICATION", Comment: "build settings: " + strings.Join(settings, " "),
		LicenseConcluded: "NOASSERTION", LicenseDeclared: "NOASSERTION", Copyright: "NOASSERTION"}
	d.Packages = append(d.Packages, file)
	d.Relationships = append(d.Relationships, rel{"SPDXRef-DOCUMENT", "DESCRIBES", file.ID})

	add := func(m *debug.Module, how string) {
		if m == nil || m.Path == "" {
			return
		}
		if m.Replace != nil {
			m = m.Replace
		}
		p := pkg{ID: spdxID(m.Path + "@" + m.Version), Name: m.Path, Version: m.Version, Download: "https://proxy.golang.org/" + m.Path + "/@v/" + m.Version + ".zip",
			LicenseConcluded: "NOASSERTION", LicenseDeclared: "NOASSERTION", Copyright: "NOASSERTION", PrimaryPurpose: "LIBRARY"}
		if m.Version == "" || m.Version == "(devel)" {
			p.Download = "NOASSERTION"
		} else {
			p.ExternalRefs = []extRef{{"PACKAGE-MANAGER", "purl", "pkg:golang/" + m.Path + "@" + m.Version}}
		}
		if m.Sum != "" {
			p.Comment = "go.sum hash " + m.Sum
		}
		d.Packages = append(d.Packages, p)
		d.Relationships = append(d.Relationships, rel{file.ID, how, p.ID})
	}
	add(&bi.Main, "CONTAINS")
	for _, m := range bi.Deps {
		add(m, "CONTAINS")
	}
	goPkg := pkg{ID: spdxID("go-" + bi.GoVersion), Name: "go", Version: bi.GoVersion, Download: "https://go.dev/dl/",
		LicenseConcluded: "NOASSERTION", LicenseDeclared: "BSD-3-Clause", Copyright: "NOASSERTION", PrimaryPurpose: "APPLICATION",
		ExternalRefs: []extRef{{"PACKAGE-MANAGER", "purl", "pkg:golang/stdlib@" + strings.TrimPrefix(bi.GoVersion, "go")}}}
	d.Packages = append(d.Packages, goPkg)
	d.Relationships = append(d.Relationships, rel{file.ID, "CONTAINS", goPkg.ID})

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
