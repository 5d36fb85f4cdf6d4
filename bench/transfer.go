package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// tunnelName is the registered name of the provider the transfer section
// reaches only through its reverse tunnel to the gateway.
const tunnelName = "tunbench"

// transferSize is what each download moves: a module padded to 1 MiB,
// fetched as a CAR of its UnixFS DAG from the provider's trustless
// gateway, so the transport is measured, not a function.
const transferSize = 1 << 20

// route is one way to the same bytes.
type route struct {
	name  string
	url   string
	procs []*process
	took  []time.Duration // per round, for Config.Duration/3 of downloads
	n     []int
	cpu   []time.Duration // per round, server CPU per download
}

// transfer downloads 1 MiB from a provider directly, through `wf gateway
// start` to the provider's endpoint, and through the gateway and a
// provider's reverse tunnel (`wf provider start --tunnel`, no listener),
// every server on the server core, routes alternating within each round.
func (r *runner) transfer(ctx context.Context) error {
	pn, err := r.startPaidNet(ctx) // the registry the gateway reads
	if err != nil {
		return err
	}
	defer pn.stop()
	prov, gw, _, err := r.gatewayPath(ctx, pn)
	if err != nil {
		return err
	}
	defer prov.stop()
	defer gw.stop()
	tun, turl, err := r.tunnelled(ctx, pn, gw)
	if err != nil {
		return err
	}
	defer tun.stop()

	module := padWasm(AssemblyScript().Wasm, transferSize)
	pkg, err := client.Pack(ctx, strings.NewReader(string(module)),
		wf.Spec{Version: wf.SpecVersion, Runtime: wf.RuntimeWAGI, Created: spec.Now(time.Now())}, r.key)
	if err != nil {
		return err
	}
	for _, base := range []string{prov.URL, turl} {
		if _, err := client.New(base).Deploy(ctx, pkg); err != nil {
			return fmt.Errorf("bench: deploy the 1 MiB module to %s: %w", base, err)
		}
	}
	get := "/ipfs/" + pkg.Spec.Spec.Code.CID.String() + "?format=car"
	port := gw.URL[strings.LastIndex(gw.URL, ":"):]
	routes := []*route{
		{name: "direct to the provider", url: prov.URL + get, procs: []*process{prov}},
		{name: "through the gateway to the provider's endpoint", url: "http://" + gatewayName + ".localhost" + port + get, procs: []*process{prov, gw}},
		{name: "through the gateway and the provider's tunnel", url: "http://" + tunnelName + ".localhost" + port + get, procs: []*process{tun, gw}},
	}
	c := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DialContext: dialLocalhost, MaxIdleConnsPerHost: 1}}
	size := 0
	for _, rt := range routes {
		n, err := download(ctx, c, rt.url)
		if err != nil {
			return fmt.Errorf("bench: %s: %w", rt.name, err)
		}
		if size != 0 && n != size {
			return fmt.Errorf("bench: %s: %d bytes, direct %d", rt.name, n, size)
		}
		size = n
	}
	each := (r.cfg.Duration / 3).Round(time.Millisecond)
	for round := range r.cfg.Rounds {
		for k := range routes {
			rt := routes[(k+round)%len(routes)]
			r.progress("transfer round %d/%d: %s", round+1, r.cfg.Rounds, rt.name)
			before, cerr := cpu(rt.procs)
			n, start := 0, time.Now()
			for time.Since(start) < each {
				if _, err := download(ctx, c, rt.url); err != nil {
					return fmt.Errorf("bench: %s: %w", rt.name, err)
				}
				n++
			}
			rt.took, rt.n = append(rt.took, time.Since(start)), append(rt.n, n)
			if after, err := cpu(rt.procs); cerr == nil && err == nil {
				rt.cpu = append(rt.cpu, (after-before)/time.Duration(n))
			}
		}
	}
	fmt.Fprintf(r.out, "\n## 1 MiB downloads: direct, through the gateway, through a tunnel\n\n")
	fmt.Fprintf(r.out, "GET %s (a %d-byte CAR) one after another on one kept-alive connection, %s per route per round, routes alternating; median of %d rounds; ratios = MB/s over direct's, and over the gateway-to-endpoint route's, in the same round (the issue's target: the tunnel at least 0.8x direct; a gateway is a second hop whatever its way to the provider, so ÷ endpoint is what the tunnel itself costs). Servers on the server core; server CPU/download sums the processes on the route.\n\n",
		"/ipfs/CID?format=car", size, each, r.cfg.Rounds)
	fmt.Fprintf(r.out, "| route | MB/s | ÷ direct | ÷ endpoint | server CPU/download |\n|---|---:|---:|---:|---:|\n")
	mbps := func(rt *route, i int) float64 {
		return float64(size*rt.n[i]) / rt.took[i].Seconds() / 1e6
	}
	for _, rt := range routes {
		var v, rel, relEndpoint []float64
		for i := range rt.n {
			v = append(v, mbps(rt, i))
			rel = append(rel, mbps(rt, i)/mbps(routes[0], i))
			relEndpoint = append(relEndpoint, mbps(rt, i)/mbps(routes[1], i))
		}
		perDownload := "-"
		if len(rt.cpu) > 0 {
			perDownload = ms(median(rt.cpu))
		}
		fmt.Fprintf(r.out, "| %s | %.0f | %.3f | %.3f | %s |\n", rt.name, median(v), median(rel), median(relEndpoint), perDownload)
	}
	tunnel := routes[len(routes)-1]
	v, ok := medianRatio(len(tunnel.n), func(i int) float64 { return mbps(tunnel, i) }, func(i int) float64 { return mbps(routes[0], i) })
	e, _ := medianRatio(len(tunnel.n), func(i int) float64 { return mbps(tunnel, i) }, func(i int) float64 { return mbps(routes[1], i) })
	if !ok {
		r.unjudged(fmt.Sprintf("1 MiB download through a tunnel >= %.1fx direct", goalTunnel), "no figures to compare")
		return nil
	}
	r.judge(fmt.Sprintf("1 MiB download through a tunnel >= %.1fx direct", goalTunnel),
		fmt.Sprintf("%.2fx direct through the gateway (%.2fx the gateway's route to the endpoint)", v, e), v >= goalTunnel)
	return nil
}

// tunnelled starts an unpaid provider with no listener, registered as
// tunnelName with the gateway's host for it as its endpoint and serving
// through a reverse tunnel to gw, and returns it with its URL through the
// gateway once the gateway routes there.
func (r *runner) tunnelled(ctx context.Context, pn *paidNet, gw *process) (*process, string, error) {
	i := pn.next
	pn.next++
	key := "dev:" + strconv.Itoa(i)
	port := gw.URL[strings.LastIndex(gw.URL, ":"):]
	if err := pn.wf(ctx, r.cfg.WF, "provider", "register", tunnelName, "--endpoint", "http://"+tunnelName+".localhost"+port,
		"--price", "0.0001", "--key", key, "--rpc", pn.chain.URL); err != nil {
		return nil, "", err
	}
	dir := r.dataDir("tunnel-provider")
	// The gateway serves its domain's hosts only (localhost here).
	home := strings.Replace(gw.URL, "127.0.0.1", "localhost", 1)
	url := home + "/p/" + tunnelName
	p, err := startServing(ctx, r.cfg.ServerCPU, dir+".log", []string{"WF_HOME=" + pn.home}, "", url+"/v1/info",
		r.cfg.WF, "provider", "start", "--data", dir, "--key", key, "--rpc", pn.chain.URL, "--name", tunnelName,
		"--self-check", "warn", "--tunnel", home+"#"+tunnelName)
	if err != nil {
		return nil, "", fmt.Errorf("%w (%s is %s)", err, tunnelName, chain.DevKey(i).Address())
	}
	p.URL = url
	return p, url, nil
}

// download GETs url and returns how many bytes its 200 answer had.
func download(ctx context.Context, c *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s", resp.Status)
	}
	return int(n), err
}

// dialLocalhost dials *.localhost on loopback, as curl and wrk resolve it
// (RFC 6761); Go's resolver asks DNS.
func dialLocalhost(ctx context.Context, network, addr string) (net.Conn, error) {
	if host, port, err := net.SplitHostPort(addr); err == nil && strings.HasSuffix(host, ".localhost") {
		addr = net.JoinHostPort("127.0.0.1", port)
	}
	return (&net.Dialer{}).DialContext(ctx, network, addr)
}

// padWasm appends a custom section of pseudo-random bytes (identical
// chunks would be stored once) to module so that it is at least size
// bytes long: valid wasm, the same function.
func padWasm(module []byte, size int) []byte {
	pad := make([]byte, max(0, size-len(module)))
	rand.NewChaCha8([32]byte{}).Read(pad)
	return withCustomSection(module, "pad", pad)
}
