package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/webfunctions/wf/client"
	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/wf"
)

// minaInvokeFlags are wf invoke's flags for paying in MINA.
type minaInvokeFlags struct {
	channel, key, settler string
}

func addMinaInvokeFlags(fs *pflag.FlagSet) *minaInvokeFlags {
	f := &minaInvokeFlags{}
	fs.StringVar(&f.channel, "mina", "", "pay in MINA from the channel `ADDRESS` (wf mina channel open): a voucher for what this channel paid so far plus the provider's price, kept in $WF_HOME/mina-paid")
	fs.StringVar(&f.key, "mina-key", "", "with --mina: the payer's Mina keystore `FILE` (default $WF_HOME/mina-key.json)")
	fs.StringVar(&f.settler, "mina-settler", "", "with --mina: the MINA settler's `URL`, read the first time a channel pays from here (default $WF_MINA_SETTLER or "+defaultMinaSettler+")")
	return f
}

// minaPaid is what this machine paid on one channel, kept in
// $WF_HOME/mina-paid/CHANNEL.json. It holds no secret: every call signs a
// voucher with a new session key, which signs that one request.
type minaPaid struct {
	Provider string `json:"provider"`
	Network  string `json:"network"`
	// Signed is the highest ceiling a voucher from here named: written
	// before the request is sent, so an answer lost on the way still
	// counts as possibly charged.
	Signed uint64 `json:"signed"`
	// Paid is the last receipt's cumulative amount, the provider's signed
	// statement of what it charged on the channel in all.
	Paid uint64 `json:"paid"`
}

// minaPaidStore is one channel's minaPaid, locked across processes for a
// whole call (concurrent wf invoke --mina runs on one channel take turns,
// so no two sign the same ceiling).
type minaPaidStore struct {
	path   string
	unlock func()
}

func (a *App) openMinaPaid(channel *mina.PublicKey) (*minaPaidStore, *minaPaid, error) {
	dir := filepath.Join(a.home(), "mina-paid")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	s := &minaPaidStore{path: filepath.Join(dir, channel.Base58()+".json")}
	unlock, err := lockFile(s.path + ".lock")
	if err != nil {
		return nil, nil, fmt.Errorf("lock %s: %w", s.path, err)
	}
	s.unlock = unlock
	var p minaPaid
	switch b, err := os.ReadFile(s.path); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		unlock()
		return nil, nil, err
	default:
		if err := json.Unmarshal(b, &p); err != nil {
			unlock()
			return nil, nil, fmt.Errorf("%s: %w", s.path, err)
		}
	}
	return s, &p, nil
}

// save writes p durably (fsync before rename), so a ceiling is on disk
// before the voucher naming it leaves.
func (s *minaPaidStore) save(p *minaPaid) error {
	b, _ := json.MarshalIndent(p, "", "  ")
	tmp := s.path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}

// minaInvoke calls fn at providerURL paying from the channel f names:
// the voucher's ceiling is what the channel paid so far (the last
// receipt's cumulative) plus the provider's price, so the provider can
// never take more than it served. When the provider says more is owed (an
// answer lost after it was charged), the call is made once more with
// that amount, but only up to what a voucher from here already named.
func (a *App) minaInvoke(ctx context.Context, f *minaInvokeFlags, passwordFile, providerURL string, fn wf.CID, r client.Request) (*client.Response, error) {
	ch, err := mina.ParsePublicKey(f.channel)
	if err != nil {
		return nil, usageErr("--mina: the channel's address (B62...): %v", err)
	}
	terms, err := minaTermsOf(ctx, providerURL)
	if err != nil {
		return nil, err
	}
	prov, err := mina.ParsePublicKey(terms.Provider)
	if err != nil {
		return nil, fmt.Errorf("the provider's Mina key: %w", err)
	}
	network, err := mina.ParseNetwork(terms.Network)
	if err != nil {
		return nil, err
	}
	price, err := strconv.ParseUint(terms.Price, 10, 64)
	if err != nil || price == 0 {
		return nil, fmt.Errorf("the provider's MINA price %q is not a positive number of nanomina", terms.Price)
	}
	var body []byte
	if r.Body != nil {
		body, err = io.ReadAll(r.Body)
		if rc, ok := r.Body.(io.Closer); ok {
			rc.Close()
		}
		if err != nil {
			return nil, err
		}
	}
	wirePath, rawQuery, err := wireTarget(providerURL, fn, r.Path)
	if err != nil {
		return nil, err
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
		if r.Body != nil {
			method = http.MethodPost
		}
	}
	key, err := a.loadMinaKey(cmpOr(f.key, filepath.Join(a.home(), "mina-key.json")), passwordFile)
	if err != nil {
		return nil, err
	}

	store, paid, err := a.openMinaPaid(ch)
	if err != nil {
		return nil, err
	}
	defer store.unlock()
	switch {
	case paid.Provider == "":
		// First payment from here: start from what the channel redeemed
		// (the settler is the payer's own view of the chain).
		c, err := a.settlerClient(&minaFlags{settler: f.settler})
		if err != nil {
			return nil, err
		}
		st, err := c.Channel(ctx, ch)
		if err != nil {
			return nil, fmt.Errorf("--mina: reading channel %s through the settler (needed the first time it pays from here): %w", ch.Base58(), err)
		}
		red, err := strconv.ParseUint(st.Redeemed, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("--mina: channel %s: redeemed %q", ch.Base58(), st.Redeemed)
		}
		*paid = minaPaid{Provider: prov.Base58(), Network: network.String(), Signed: red, Paid: red}
	case paid.Provider != prov.Base58() || paid.Network != network.String():
		return nil, fmt.Errorf("--mina: channel %s pays provider %s on %s, not %s on %s (the provider at %s)",
			ch.Base58(), paid.Provider, paid.Network, prov.Base58(), network, providerURL)
	}

	ceiling := paid.Paid + price
	for attempt := 0; ; attempt++ {
		if ceiling < paid.Paid {
			return nil, errors.New("--mina: the channel's amount overflows")
		}
		_, session, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		h, err := minapay.Pay(key, mina.Voucher{Network: network, Channel: ch, Cumulative: ceiling, Expiry: uint64(time.Now().Add(time.Hour).Unix())}, session,
			minapay.Request{Provider: prov, Function: fn, Method: method, Path: wirePath, RawQuery: rawQuery, BodyHash: sha256.Sum256(body), Seq: 1})
		if err != nil {
			return nil, err
		}
		paid.Signed = max(paid.Signed, ceiling)
		if err := store.save(paid); err != nil {
			return nil, err
		}
		req := r
		req.Method, req.Body, req.Header = method, bytes.NewReader(body), r.Header.Clone()
		if req.Header == nil {
			req.Header = http.Header{}
		}
		req.Header.Set(minapay.HeaderName, h)
		resp, err := client.New(providerURL).Invoke(ctx, fn, req)
		var re *client.ResponseError
		if errors.As(err, &re) && re.StatusCode == http.StatusPaymentRequired && attempt == 0 && re.Details["reason"] == "voucher_too_low" {
			// The provider counts more than the last receipt: an answer
			// charged but lost. Believed up to what a voucher from here
			// named, and no further.
			need, perr := strconv.ParseUint(fmt.Sprint(re.Details["needed"]), 10, 64)
			if perr == nil && need > ceiling && need <= paid.Signed+price {
				ceiling = need
				continue
			}
			fmt.Fprintf(a.Stderr, "wf invoke --mina: this machine paid %d nanomina on channel %s and signed vouchers up to %d; the provider asks for more. If the channel paid from elsewhere too, pay once with wf mina voucher URL --amount NANOMINA, then wf invoke --mina again\n",
				paid.Paid, ch.Base58(), paid.Signed)
			return nil, err
		}
		if err != nil {
			return nil, err
		}
		if rc, err := minaReceiptFor(resp.Header.Get(minarail.ReceiptHeader), ch, prov, network, fn, ceiling); err != nil {
			fmt.Fprintf(a.Stderr, "warning: %v\n", err)
		} else {
			paid.Paid = max(paid.Paid, rc.Cumulative)
			if err := store.save(paid); err != nil {
				resp.Body.Close()
				return nil, err
			}
		}
		return resp, nil
	}
}

// minaReceiptFor decodes and checks an answer's MINA receipt: signed by
// the provider, for this channel, network and function, and within the
// voucher's ceiling.
func minaReceiptFor(s string, ch, prov *mina.PublicKey, network mina.Network, fn wf.CID, ceiling uint64) (*minarail.Receipt, error) {
	if s == "" {
		return nil, fmt.Errorf("the answer carries no %s: nothing recorded as paid", minarail.ReceiptHeader)
	}
	rc, err := minarail.DecodeReceipt(s)
	switch {
	case err != nil:
		return nil, err
	case !rc.Provider.Equal(prov) || !rc.Channel.Equal(ch) || rc.Network != network || rc.Function != fn:
		return nil, fmt.Errorf("the %s is for another provider, channel, network or function", minarail.ReceiptHeader)
	case rc.Cumulative > ceiling:
		return nil, fmt.Errorf("the %s claims %d nanomina, above the voucher's %d", minarail.ReceiptHeader, rc.Cumulative, ceiling)
	}
	return rc, nil
}

// wireTarget is the function's path and query as the provider will see
// them for a call of path on fn at providerURL: escaped as on the wire,
// what follows /{cid}.
func wireTarget(providerURL string, fn wf.CID, path string) (string, string, error) {
	base, err := url.Parse(strings.TrimSuffix(providerURL, "/"))
	if err != nil {
		return "", "", fmt.Errorf("provider URL: %w", err)
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	u, err := url.Parse(strings.TrimSuffix(providerURL, "/") + "/" + fn.String() + path)
	if err != nil {
		return "", "", usageErr("PATH: %v", err)
	}
	p, ok := strings.CutPrefix(u.EscapedPath(), base.EscapedPath()+"/"+fn.String())
	if !ok {
		return "", "", usageErr("PATH %q leaves the function's URL", path)
	}
	return p, u.RawQuery, nil
}
