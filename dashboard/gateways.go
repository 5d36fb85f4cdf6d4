package dashboard

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/webfunctions/wf/wf"
)

// GatewayRef is one gateway the dashboard shows: everything on its page
// comes from the gateway's public /v1/providers and /metrics.
type GatewayRef struct {
	Name string
	URL  string // e.g. http://127.0.0.1:8081
}

// gatewayView is what the gateways page shows of one gateway.
type gatewayView struct {
	GatewayRef
	Healthy    bool
	HealthErr  string
	Providers  []gatewayProvider
	ReadErr    string
	Requests   map[string]float64 // by status code
	Total      float64
	Limited    float64 // refused by the per-client rate limit
	Retries    float64
	Challenges map[string]float64 // endpoint challenges by result
	Failures   map[string]float64 // failed attempts by provider
	Choices    map[string]float64 // answers by provider
	MetricsErr string
}

// gatewayProvider is one row of a gateway's /v1/providers.
type gatewayProvider struct {
	Name      string     `json:"name"`
	Owner     wf.Address `json:"owner"`
	Endpoint  string     `json:"endpoint"`
	Tunnel    bool       `json:"tunnel"`
	Up        bool       `json:"up"`
	LatencyMS float64    `json:"latencyMs"`
	Success   float64    `json:"success"`
	LastError string     `json:"lastError"`
}

func (d *Dashboard) serveGateways(w http.ResponseWriter, r *http.Request) {
	views := make([]gatewayView, len(d.cfg.Gateways))
	done := make(chan struct{}, len(views))
	for i, g := range d.cfg.Gateways {
		go func() {
			defer func() { done <- struct{}{} }()
			views[i] = d.gateway(r.Context(), g)
		}()
	}
	for range views {
		<-done
	}
	d.render(w, r, http.StatusOK, "gateways", page{Title: "Gateways", Nav: "gateways", Data: views})
}

func (d *Dashboard) gateway(ctx context.Context, g GatewayRef) gatewayView {
	v := gatewayView{GatewayRef: g, Requests: map[string]float64{}, Challenges: map[string]float64{},
		Failures: map[string]float64{}, Choices: map[string]float64{}}
	base := strings.TrimSuffix(g.URL, "/")
	if err := d.ping(ctx, base+"/healthz"); err != nil {
		v.HealthErr = err.Error()
	} else {
		v.Healthy = true
	}
	body, err := d.get(ctx, base+"/v1/providers", 4<<20)
	if err == nil {
		var out struct {
			Providers []gatewayProvider `json:"providers"`
		}
		if err = json.NewDecoder(body).Decode(&out); err == nil {
			v.Providers = out.Providers
			slices.SortFunc(v.Providers, func(a, b gatewayProvider) int { return strings.Compare(a.Name, b.Name) })
		}
		body.Close()
	}
	if err != nil {
		v.ReadErr = err.Error()
	}
	if body, err = d.get(ctx, base+"/metrics", 8<<20); err != nil {
		v.MetricsErr = err.Error()
		return v
	}
	defer body.Close()
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		name, labels, x, ok := sample(sc.Text())
		if !ok {
			continue
		}
		switch name {
		case "wf_gateway_requests_total":
			v.Requests[label(labels, "code")] += x
			v.Total += x
		case "wf_gateway_rate_limited_total":
			v.Limited += x
		case "wf_gateway_retries_total":
			v.Retries += x
		case "wf_gateway_endpoint_challenges_total":
			v.Challenges[label(labels, "result")] += x
		case "wf_gateway_provider_failures_total":
			v.Failures[label(labels, "provider")] += x
		case "wf_gateway_route_choices_total":
			v.Choices[label(labels, "provider")] += x
		}
	}
	if err := sc.Err(); err != nil {
		v.MetricsErr = err.Error()
	}
	return v
}

// get answers the body of a GET that answered 200, read up to max bytes.
func (d *Dashboard) get(ctx context.Context, url string, max int64) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := d.cfg.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s answered %s", req.URL.Path, resp.Status)
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(resp.Body, max), resp.Body}, nil
}

// ping checks that a GET of url answers 200.
func (d *Dashboard) ping(ctx context.Context, url string) error {
	body, err := d.get(ctx, url, 0)
	if err == nil {
		body.Close()
	}
	return err
}
