// Command gen writes dag/testdata/golden.json from the output of a real kubo
// binary. Run it through regen-golden.sh, which builds kubo and sets up a
// throwaway repository.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/webfunctions/wf/dag/internal/golden"
)

type fileResult struct {
	golden.File
	CID       string `json:"cid"`
	CARSize   int    `json:"car_size,omitempty"`
	CARSHA256 string `json:"car_sha256,omitempty"`
	CARHex    string `json:"car_hex,omitempty"`
}

type dirResult struct {
	golden.Dir
	CID       string `json:"cid"`
	CARSize   int    `json:"car_size,omitempty"`
	CARSHA256 string `json:"car_sha256,omitempty"`
}

type output struct {
	Comment       string       `json:"comment"`
	Kubo          string       `json:"kubo"`
	Content       string       `json:"content"`
	AddCommand    string       `json:"add_command"`
	AddDirCommand string       `json:"add_dir_command"`
	ExportCommand string       `json:"export_command"`
	Files         []fileResult `json:"files"`
	Dirs          []dirResult  `json:"dirs"`
}

var ipfs = flag.String("ipfs", "ipfs", "kubo binary; IPFS_PATH must name an initialized repository")

func run(stdin []byte, args ...string) []byte {
	cmd := exec.Command(*ipfs, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("ipfs %s: %v", strings.Join(args, " "), err)
	}
	return out
}

func add(path string, dir bool) string {
	args := []string{"add", "--cid-version=1", "-Q"}
	if dir {
		args = append(args, "-r", "--hidden")
	}
	hash := strings.TrimSpace(string(run(nil, append(append(args, "--only-hash"), path)...)))
	stored := strings.TrimSpace(string(run(nil, append(append(args, "--pin=false"), path)...)))
	if hash != stored {
		log.Fatalf("%s: --only-hash gave %s, storing gave %s", path, hash, stored)
	}
	return hash
}

func main() {
	out := flag.String("o", "testdata/golden.json", "output file")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "wf-golden-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	res := output{
		Comment:       "CIDs printed by real kubo; regenerate with dag/testdata/regen-golden.sh",
		Kubo:          strings.TrimSpace(string(run(nil, "version", "-n"))),
		Content:       "file bytes: SHA-256(seed as 8-byte big-endian || i as 8-byte big-endian) for i = 0,1,2,... concatenated and cut to size; zero: all zero bytes",
		AddCommand:    "ipfs add --cid-version=1 -Q --only-hash FILE",
		AddDirCommand: "ipfs add -r --hidden --cid-version=1 -Q --only-hash DIR",
		ExportCommand: "ipfs dag export CID (after adding without --only-hash)",
	}
	for _, f := range golden.Files {
		path := filepath.Join(tmp, f.Name)
		if err := os.WriteFile(path, f.Content(), 0o644); err != nil {
			log.Fatal(err)
		}
		r := fileResult{File: f, CID: add(path, false)}
		if f.CAR {
			car := run(nil, "dag", "export", r.CID)
			sum := sha256.Sum256(car)
			r.CARSize, r.CARSHA256 = len(car), hex.EncodeToString(sum[:])
			if len(car) < 1024 {
				r.CARHex = hex.EncodeToString(car)
			}
		}
		os.Remove(path)
		res.Files = append(res.Files, r)
		log.Printf("%s: %s", f.Name, r.CID)
	}
	for _, d := range golden.Dirs {
		root := filepath.Join(tmp, d.Name)
		if err := os.Mkdir(root, 0o755); err != nil {
			log.Fatal(err)
		}
		for _, e := range d.All() {
			p := filepath.Join(root, filepath.FromSlash(e.Path))
			switch {
			case e.Dir:
				err = os.MkdirAll(p, 0o755)
			case e.Symlink != "":
				err = os.Symlink(e.Symlink, p)
			default:
				err = os.WriteFile(p, e.Content(), 0o644)
			}
			if err != nil {
				log.Fatal(err)
			}
		}
		r := dirResult{Dir: d, CID: add(root, true)}
		if d.CAR {
			car := run(nil, "dag", "export", r.CID)
			sum := sha256.Sum256(car)
			r.CARSize, r.CARSHA256 = len(car), hex.EncodeToString(sum[:])
		}
		res.Dirs = append(res.Dirs, r)
		log.Printf("%s: %s", d.Name, r.CID)
	}
	b, err := json.MarshalIndent(res, "", "\t")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}
