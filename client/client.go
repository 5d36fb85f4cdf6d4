// Package client talks to a provider node over HTTP: it packs and signs
// functions into deploy CARs, uploads them, invokes functions and reads
// their logs. The cli and the tests use it; so can any Go program.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/seal"
	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// Package is a function ready to upload: its signed spec, the spec's CID
// (the function's address) and a CAR v1 holding the spec block followed by
// the code DAG.
type Package struct {
	CID  wf.CID
	Spec *wf.SignedSpec
	CAR  []byte
}

// Pack chunks the module into a kubo-identical UnixFS DAG, points s at it,
// signs s with key (which becomes the owner; a *chain.Key, or any other
// wf.Signer) and builds the deploy CAR.
func Pack(ctx context.Context, module io.Reader, s wf.Spec, key wf.Signer) (*Package, error) {
	return PackSealed(ctx, module, s, key, nil)
}

// Sealing says what PackSealed seals and to whom (see package seal).
type Sealing struct {
	// DataKey encrypts the code (with EncryptCode) and is granted to To.
	DataKey *seal.DataKey
	// Secrets is a sealed secrets block made under DataKey, or nil.
	Secrets     []byte
	EncryptCode bool
	// To are the sealing keys granted the data key: the providers that
	// will run the function and, so that grants can be added later
	// without re-entering secrets, the publisher's own.
	To []*seal.PublicKey
}

// PackSealed is Pack for a function with sealed parts (spec version 2);
// with a nil Sealing it is Pack. The CAR holds the spec, the code DAG and
// the sealed secrets block.
func PackSealed(ctx context.Context, module io.Reader, s wf.Spec, key wf.Signer, sl *Sealing) (*Package, error) {
	if sl != nil {
		wasm, err := io.ReadAll(module)
		if err != nil {
			return nil, fmt.Errorf("client: pack: %w", err)
		}
		if sl.EncryptCode {
			if wasm, err = seal.SealCode(sl.DataKey, wasm); err != nil {
				return nil, fmt.Errorf("client: pack: %w", err)
			}
		}
		module = bytes.NewReader(wasm)
	}
	st := memstore.New()
	code, err := dag.AddFile(ctx, st, module)
	if err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	s.Code = wf.Code{CID: code, Layout: wf.KuboLayout}
	if sl != nil {
		s.Version = wf.SpecVersionSealed
		s.Code.Encrypted = sl.EncryptCode
		s.Sealed = &wf.Sealed{Format: seal.FormatVersion}
		if sl.Secrets != nil {
			s.Sealed.Secrets = wf.SumCID(wf.CodecRaw, sl.Secrets)
		}
		for _, to := range sl.To {
			g, err := seal.Grant(sl.DataKey, to, key.Address())
			if err != nil {
				return nil, fmt.Errorf("client: pack: %w", err)
			}
			seal.SetGrant(s.Sealed, g)
		}
	}
	return signedCAR(s, key, func(cw *dag.CARWriter) error {
		if err := dag.ForEach(ctx, st, code, cw.WriteBlock); err != nil {
			return err
		}
		if sl != nil && sl.Secrets != nil {
			return cw.WriteBlock(s.Sealed.Secrets, sl.Secrets)
		}
		return nil
	})
}

// PackSpec signs s, whose code and sealed blocks already exist, and builds
// a CAR of the spec block alone: for a new version of a function whose
// blocks the provider holds, such as one with another grant.
func PackSpec(s wf.Spec, key wf.Signer) (*Package, error) {
	return signedCAR(s, key, func(*dag.CARWriter) error { return nil })
}

// signedCAR signs s with key and writes a CAR rooted at the spec block:
// the spec first, then what rest writes.
func signedCAR(s wf.Spec, key wf.Signer, rest func(*dag.CARWriter) error) (*Package, error) {
	ss, err := spec.Sign(s, key)
	if err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	b, c, err := spec.Encode(ss)
	if err != nil {
		return nil, err
	}
	var car bytes.Buffer
	cw := dag.NewCARWriter(&car, c)
	if err := cw.WriteBlock(c, b); err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	if err := rest(cw); err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	if err := cw.Flush(); err != nil {
		return nil, fmt.Errorf("client: pack: %w", err)
	}
	return &Package{CID: c, Spec: ss, CAR: car.Bytes()}, nil
}

// Client is a provider's HTTP API.
type Client struct {
	BaseURL string       // e.g. http://127.0.0.1:8080
	HTTP    *http.Client // default http.DefaultClient
}

// New returns a Client for the provider at baseURL.
func New(baseURL string) *Client { return &Client{BaseURL: strings.TrimSuffix(baseURL, "/")} }

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// DeployResult is the provider's answer to a deploy.
type DeployResult struct {
	CID   wf.CID     `json:"cid"`
	Owner wf.Address `json:"owner"`
	Code  wf.CID     `json:"code"`
	URL   string     `json:"url"`
}

// Deploy uploads a packed function.
func (c *Client) Deploy(ctx context.Context, p *Package) (*DeployResult, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/car", bytes.NewReader(p.CAR))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/vnd.ipld.car")
	var res DeployResult
	if err := c.do(req, http.StatusCreated, &res); err != nil {
		return nil, fmt.Errorf("deploy to %s: %w", c.BaseURL, err)
	}
	if res.CID != p.CID {
		return nil, fmt.Errorf("deploy to %s: provider stored %s, expected %s", c.BaseURL, res.CID, p.CID)
	}
	return &res, nil
}

// Logs reads a function's recent invocations, signing the request (a
// wf.LogsRequest valid for five minutes) as the function's owner.
func (c *Client) Logs(ctx context.Context, fn wf.CID, owner wf.Signer) ([]wf.LogEntry, error) {
	expires := time.Now().Add(5 * time.Minute).Unix()
	sig, err := owner.Sign(wf.LogsRequest{Function: fn, Expires: expires})
	if err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/logs/"+fn.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "WF-Sig expires="+strconv.FormatInt(expires, 10)+",sig="+sig.String())
	var res struct {
		Entries []wf.LogEntry `json:"entries"`
	}
	if err := c.do(req, http.StatusOK, &res); err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	return res.Entries, nil
}

// do sends req and decodes a JSON answer, turning error bodies into
// one-line errors.
func (c *Client) do(req *http.Request, want int, v any) error {
	resp, err := c.http().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != want {
		return ResponseError(resp.StatusCode, b)
	}
	return json.Unmarshal(b, v)
}

// ResponseError turns an error response into a one-line error.
func ResponseError(status int, body []byte) error {
	var e httperr.Body
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return fmt.Errorf("%d %s: %s", status, e.Error.Code, e.Error.Message)
	}
	return fmt.Errorf("HTTP %d: %.200s", status, body)
}
