package packaging

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// instruction is one line of a Containerfile: its keyword and the rest.
type instruction struct{ op, args string }

// stage is one FROM ... of a Containerfile.
type stage struct {
	from, name string
	steps      []instruction
}

// parseContainerfile reads the Containerfile's stages (comments dropped,
// continued lines joined): enough of the format for this recipe.
func parseContainerfile(r io.Reader) ([]stage, error) {
	var stages []stage
	var line string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if line == "" && (s == "" || strings.HasPrefix(s, "#")) {
			continue
		}
		if strings.HasSuffix(s, "\\") {
			line += strings.TrimSuffix(s, "\\") + " "
			continue
		}
		line += s
		op, args, _ := strings.Cut(line, " ")
		line = ""
		op = strings.ToUpper(op)
		if op == "FROM" {
			f := strings.Fields(args)
			st := stage{from: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				st.name = f[2]
			}
			stages = append(stages, st)
			continue
		}
		if len(stages) == 0 {
			return nil, fmt.Errorf("%s before FROM", op)
		}
		stages[len(stages)-1].steps = append(stages[len(stages)-1].steps, instruction{op, strings.TrimSpace(args)})
	}
	return stages, sc.Err()
}

var (
	buildOnce sync.Once
	buildOut  string
	buildErr  error
)

// buildStage runs the build stage's RUN lines here, once for the
// package's tests (the source is the repository, /out a directory of the
// tests'): the go build with its environment and flags, and whatever else
// the stage makes in /out. It returns that /out.
func buildStage(t *testing.T, build stage) string {
	t.Helper()
	buildOnce.Do(func() {
		out, err := os.MkdirTemp("", "wf-container-out")
		if err != nil {
			buildErr = err
			return
		}
		buildOut = out
		var built bool
		for _, st := range build.steps {
			if st.op != "RUN" {
				continue
			}
			cmdline := strings.ReplaceAll(st.args, "/out", out)
			cmdline = strings.ReplaceAll(cmdline, "${VERSION}", "v0.0.0-container")
			cmd := exec.Command("sh", "-c", cmdline)
			cmd.Dir = ".." // the build context: the repository
			if b, err := cmd.CombinedOutput(); err != nil {
				buildErr = fmt.Errorf("the build stage's RUN %s: %v\n%s", st.args, err, b)
				return
			}
			built = built || strings.Contains(st.args, "go build")
		}
		if !built {
			buildErr = errors.New("no go build in the build stage")
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildOut
}

// containerBuild is buildStage for packaging/Containerfile's build stage.
func containerBuild(t *testing.T) string {
	t.Helper()
	f, err := os.Open("Containerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stages, err := parseContainerfile(f)
	if err != nil || len(stages) == 0 {
		t.Fatalf("Containerfile: %+v %v", stages, err)
	}
	return buildStage(t, stages[0])
}

// nonroot is distroless's nonroot user, 65532:65532.
const nonroot = 65532

// TestContainerRecipe checks packaging/Containerfile without Docker or
// the network (neither is here; its base images are on remote
// registries): it builds wf as the build stage does, lays out the final
// stage's file system as its COPY lines say, and runs its ENTRYPOINT in
// it (chroot) as its USER with its ENV: `wf version` answers, the data
// VOLUME is writable by that user (wf keys new writes WF_HOME/key.json
// there), and the CMD's flags are ones wf provider start takes.
func TestContainerRecipe(t *testing.T) {
	f, err := os.Open("Containerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stages, err := parseContainerfile(f)
	if err != nil || len(stages) != 2 || stages[0].name != "build" {
		t.Fatalf("want a build stage and a final one: %+v %v", stages, err)
	}
	build, final := stages[0], stages[1]

	out := buildStage(t, build) // the build stage's /out

	// The final stage's file system, from its COPY lines.
	root := t.TempDir()
	env := []string{}
	var user string
	var entrypoint, cmdArgs []string
	var volumes []string
	for _, st := range final.steps {
		switch st.op {
		case "COPY":
			f := strings.Fields(st.args)
			uid := 0
			var paths []string
			for _, a := range f {
				switch {
				case strings.HasPrefix(a, "--from="):
				case strings.HasPrefix(a, "--chown="):
					if a != "--chown=nonroot:nonroot" && a != fmt.Sprintf("--chown=%d:%d", nonroot, nonroot) {
						t.Fatalf("COPY %s: only nonroot is known here", a)
					}
					uid = nonroot
				default:
					paths = append(paths, a)
				}
			}
			if len(paths) != 2 || !strings.HasPrefix(paths[0], "/out/") {
				t.Fatalf("COPY %s: want one path from the build stage's /out", st.args)
			}
			copyTree(t, filepath.Join(out, strings.TrimPrefix(paths[0], "/out/")), filepath.Join(root, paths[1]), uid)
		case "ENV":
			k, v, _ := strings.Cut(st.args, "=")
			env = append(env, k+"="+v)
		case "USER":
			user = st.args
		case "VOLUME":
			volumes = append(volumes, strings.Fields(st.args)...)
		case "ENTRYPOINT":
			if err := json.Unmarshal([]byte(st.args), &entrypoint); err != nil {
				t.Fatalf("ENTRYPOINT is not exec form: %v", err)
			}
		case "CMD":
			if err := json.Unmarshal([]byte(st.args), &cmdArgs); err != nil {
				t.Fatalf("CMD is not exec form: %v", err)
			}
		}
	}
	if user != "nonroot" {
		t.Fatalf("USER %q, want nonroot", user)
	}
	// A volume's mount point is made by the runtime, owned by root, when
	// the image has no such directory: the image must hold it, owned by
	// its user, or the node cannot write its data there.
	for _, v := range volumes {
		fi, err := os.Stat(filepath.Join(root, v))
		if err != nil {
			t.Fatalf("VOLUME %s is not in the image: %v", v, err)
		}
		if st := fi.Sys().(*syscall.Stat_t); !fi.IsDir() || st.Uid != nonroot {
			t.Fatalf("VOLUME %s: a directory owned by %d, want one owned by nonroot (%d)", v, st.Uid, nonroot)
		}
	}

	// Run the entrypoint in that file system as the image's user.
	run := func(extraEnv []string, args ...string) (string, error) {
		cmd := exec.Command(entrypoint[0], args...)
		cmd.Env = append(append([]string{}, env...), extraEnv...)
		cmd.Dir = "/"
		cmd.SysProcAttr = &syscall.SysProcAttr{Chroot: root, Credential: &syscall.Credential{Uid: nonroot, Gid: nonroot}}
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	if out, err := run(nil, "version"); err != nil {
		if os.Geteuid() != 0 {
			t.Skipf("running in a chroot as another user needs root: %v", err)
		}
		t.Fatalf("%s version in the image: %v\n%s", entrypoint[0], err, out)
	} else if !strings.HasPrefix(out, "wf v0.0.0-container\n") {
		t.Fatalf("wf version in the image: %q", out)
	}
	if out, err := run([]string{"WF_KEY_PASSWORD=container"}, "keys", "new"); err != nil {
		t.Fatalf("wf keys new in the image (WF_HOME on the volume, as nonroot): %v\n%s", err, out)
	}
	var home string
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "WF_HOME="); ok {
			home = v
		}
	}
	if _, err := os.Stat(filepath.Join(root, home, "key.json")); err != nil || !contains(volumes, home) {
		t.Fatalf("WF_HOME %q (volumes %v): %v", home, volumes, err)
	}
	// The CMD's flags are wf's: --help with them parses them all.
	if out, err := run(nil, append(cmdArgs, "--help")...); err != nil || !strings.Contains(out, "--config") {
		t.Fatalf("CMD %v: %v\n%s", cmdArgs, err, out)
	}
}

// copyTree copies a file or a directory's tree from src to dst, owned by
// uid (0: left as made).
func copyTree(t *testing.T, src, dst string, uid int) {
	t.Helper()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if fi.IsDir() {
			if err := os.MkdirAll(to, fi.Mode().Perm()); err != nil {
				return err
			}
		} else {
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.WriteFile(to, b, fi.Mode().Perm()); err != nil {
				return err
			}
		}
		if uid != 0 {
			return os.Lchown(to, uid, uid)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildOut != "" {
		os.RemoveAll(buildOut)
	}
	os.Exit(code)
}
