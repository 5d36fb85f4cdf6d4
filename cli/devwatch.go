package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/webfunctions/wf/build"
	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/devnet"
	"github.com/webfunctions/wf/names"
	"github.com/webfunctions/wf/templates"
	"github.com/webfunctions/wf/watch"
	"github.com/webfunctions/wf/wf"
)

// devProject is the project `wf dev --watch DIR` serves: built, deployed to
// the dev network's providers and named on every save, signed with the dev
// key so that its requests are paid.
type devProject struct {
	a         *App
	dir       string
	name      string
	key       *chain.Key
	nodes     []string       // the providers it is deployed to
	servers   []string       // where its name records go: the providers, then the gateway
	seq       uint64         // the name's last record here
	serving   wf.CID         // what the name points at
	built     time.Duration  // how long the last build took, for the report
	uploaded  time.Duration  // and its deploy to the first provider (upload, check, compile)
	following sync.WaitGroup // deploys to the other providers
}

// devWatch deploys the project in dir to net and redeploys it on every
// save until ctx ends. A build or deploy that fails is shown and the
// version before it keeps serving.
func (a *App) devWatch(ctx context.Context, net *devnet.Net, dir string, ready func()) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	pf, _, err := loadProject(dir, "")
	if err != nil {
		return err
	}
	if len(pf.Secrets) > 0 || pf.EncryptCode {
		return usageErr("wf dev --watch does not seal yet: %s names secrets or encrypt_code; deploy it with wf deploy", filepath.Join(dir, "wf.toml"))
	}
	p := &devProject{a: a, dir: dir, name: pf.Name, key: net.Publisher}
	if p.name == "" {
		p.name = templates.Label(filepath.Base(dir))
	}
	if !names.ValidName(p.name) {
		return usageErr("--watch %s: %q is not a name; set name in wf.toml", dir, p.name)
	}
	for _, n := range net.Nodes {
		p.nodes = append(p.nodes, n.URL)
	}
	p.servers = append(append(p.servers, p.nodes...), net.Gateways[0].URL)
	// The dev data directory outlives wf dev: continue the name's sequence.
	if cur, _, err := a.currentName(ctx, p.nodes, p.key.Address(), p.name); err == nil && cur != nil {
		p.seq = cur.Record.Seq
	}

	changes, err := watch.Dir(ctx, dir, watch.Options{Ignore: p.ignore(pf.Build.Output)})
	if err != nil {
		return err
	}
	owner := p.key.Address().Checksum()
	gw := net.Gateways[0].URL
	fmt.Fprintf(a.Stdout, `
Watching %s: every save rebuilds, redeploys and moves the name %q.
  curl %s/@%s/%s/
  curl %s/@%s/%s/        (through the gateway)
`, dir, p.name, p.nodes[0], owner, p.name, gw, owner, p.name)
	defer p.following.Wait()
	p.redeploy(ctx, time.Now(), nil)
	p.following.Wait() // the printed gateway URL serves too before wf dev says it is ready
	ready()
	for batch := range changes {
		p.redeploy(ctx, time.Now(), batch)
	}
	return nil
}

// ignore keeps the build's own output (and the usual editor and VCS
// files) from waking the watcher: a build must not trigger the next.
func (p *devProject) ignore(output string) func(string, bool) bool {
	if output == "" {
		output = "main.wasm"
	}
	output = filepath.ToSlash(filepath.Clean(output))
	return func(rel string, isDir bool) bool {
		// The output, and the temporaries a toolchain writes beside it
		// (go build's main.wasm-go-tmp-umask), never wake the watcher;
		// nor does a js build's default output (build.JSOutput).
		return watch.DefaultIgnore(rel, isDir) || strings.HasPrefix(rel, output) || strings.HasSuffix(rel, ".wasm") ||
			rel == build.JSOutput || rel == path.Dir(build.JSOutput)
	}
}

// redeploy builds, deploys and names the project once, reporting to the
// terminal; saved lists what changed (nil for the first deploy).
func (p *devProject) redeploy(ctx context.Context, saved time.Time, changed []string) {
	a := p.a
	if changed != nil {
		fmt.Fprintf(a.Stdout, "\n%s changed\n", summarize(changed))
	}
	fn, err := p.deploy(ctx)
	if err != nil {
		if p.serving.Defined() {
			fmt.Fprintf(a.Stdout, "%v\n  the name still points where it did (last deployed here: %s)\n", err, p.serving)
		} else {
			fmt.Fprintf(a.Stdout, "%v\n  nothing serves %q yet: fix it and save\n", err, p.name)
		}
		return
	}
	p.serving = fn
	since := "after the save"
	if changed == nil {
		since = "to build and deploy"
	}
	fmt.Fprintf(a.Stdout, "serving %s as %q (seq %d), %d ms %s (build %d ms, deploy %d ms)\n",
		fn, p.name, p.seq, time.Since(saved).Milliseconds(), since, p.built.Milliseconds(), p.uploaded.Milliseconds())
}

// deploy is one build, upload and name move.
func (p *devProject) deploy(ctx context.Context) (wf.CID, error) {
	a := p.a
	// The project file is read again: a change to env or limits is a
	// change like any other, and a broken file is shown like a broken build.
	pf, fileName, err := loadProject(p.dir, "")
	if err != nil {
		return wf.CID{}, err
	}
	d, err := a.settings(pf, fileName, &deployFlags{})
	if err != nil {
		return wf.CID{}, err
	}
	var buildLog strings.Builder
	start := time.Now()
	wasmPath, err := buildConfig(pf).Build(ctx, p.dir, &buildLog)
	p.built = time.Since(start)
	if err != nil {
		return wf.CID{}, fmt.Errorf("build failed: %v\n%s", err, indent(buildLog.String()))
	}
	wasm, err := os.Open(wasmPath)
	if err != nil {
		return wf.CID{}, err
	}
	defer wasm.Close()
	s, err := d.spec() // env, limits and [callers], as wf deploy makes it
	if err != nil {
		return wf.CID{}, err
	}
	if err := markJS(&s, wasmPath); err != nil {
		return wf.CID{}, err
	}
	pkg, err := client.Pack(ctx, wasm, s, p.key)
	if err != nil {
		return wf.CID{}, err
	}
	// The first provider (whose URL is printed) first: it checks and
	// compiles the module, most of a redeploy's time, and serves it by
	// name at once; the others and the gateway follow in the background.
	start = time.Now()
	if _, err := client.New(p.nodes[0]).Deploy(ctx, pkg); err != nil {
		return wf.CID{}, fmt.Errorf("deploy to %s failed: %w", p.nodes[0], err)
	}
	p.uploaded = time.Since(start)
	sr, err := a.moveName(ctx, p.nodes[:1], p.nodes[:1], p.key, p.name, pkg.CID, p.seq)
	if err != nil {
		return wf.CID{}, err
	}
	p.seq = sr.Record.Seq
	p.following.Go(func() { p.follow(ctx, pkg, sr) })
	return pkg.CID, nil
}

// follow deploys pkg to the other providers and sends them and the
// gateway the name record sr. Records of a later save may overtake it;
// the highest sequence number wins everywhere, so a stale refusal is fine.
func (p *devProject) follow(ctx context.Context, pkg *client.Package, sr *wf.SignedNameRecord) {
	start := time.Now()
	errs := make([]error, len(p.nodes)-1)
	var wg sync.WaitGroup
	for i, u := range p.nodes[1:] {
		wg.Go(func() {
			if _, err := client.New(u).Deploy(ctx, pkg); err != nil {
				errs[i] = fmt.Errorf("deploy to %s failed: %w", u, err)
			}
		})
	}
	wg.Wait()
	err := errors.Join(errs...)
	if err == nil {
		for _, u := range p.servers[1:] {
			var re *client.ResponseError
			if _, serr := client.New(u).SetName(ctx, sr); serr != nil && !(errors.As(serr, &re) && re.Code == "stale_record") {
				err = errors.Join(err, fmt.Errorf("moving the name at %s: %w", u, serr))
			}
		}
	}
	switch {
	case ctx.Err() != nil:
	case err != nil:
		fmt.Fprintf(p.a.Stdout, "%v\n  the other providers and the gateway still serve the version before seq %d\n", err, sr.Record.Seq)
	default:
		fmt.Fprintf(p.a.Stdout, "  seq %d also on the other providers and the gateway, %d ms later\n", sr.Record.Seq, time.Since(start).Milliseconds())
	}
}

// summarize names the first few changed files.
func summarize(changed []string) string {
	if len(changed) > 3 {
		return fmt.Sprintf("%s and %d more", strings.Join(changed[:3], ", "), len(changed)-3)
	}
	return strings.Join(changed, ", ")
}

// indent shifts a build log right so it reads as part of the error.
func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
