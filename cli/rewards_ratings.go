package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/wf"
)

// This file has `wf ratings`: payers rate providers with their receipts
// (rewards.Rating), and anyone serves an index of ratings.

func (a *App) ratingsCmd() *cobra.Command {
	return group("ratings", "rate providers with your receipts, and serve or read an index of ratings",
		`A payer rates a provider (1 to 5) with a receipt that provider signed for one of
its paid requests: one rating per receipt, the latest of each payer counts, so a
rating costs a paid request. Ratings are signed blocks anyone can store and
serve; an index (wf ratings serve; an auditor runs one) checks and counts them.`,
		a.ratingsServeCmd(), a.ratingsRateCmd(), a.ratingsShowCmd())
}

func (a *App) ratingsServeCmd() *cobra.Command {
	var listen, dir string
	cmd := &cobra.Command{
		Use:     "serve",
		Short:   "serve an index of ratings (POST /v1/ratings, GET /v1/ratings/{provider})",
		Example: `  wf ratings serve --listen 127.0.0.1:8091`,
		Args:    argsBetween(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if dir == "" {
				dir = filepath.Join(a.home(), "ratings")
			}
			st, err := diskstore.New(filepath.Join(dir, "blocks"), diskstore.Options{MaxBytes: 1 << 30})
			if err != nil {
				return err
			}
			idx := rewards.NewRatingIndex(st, nil)
			list := filepath.Join(dir, "index")
			cids, err := readCIDs(list)
			if err != nil {
				return err
			}
			if err := idx.Load(ctx, cids); err != nil {
				return err
			}
			f, err := os.OpenFile(list, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			if err != nil {
				return err
			}
			defer f.Close()
			var mu sync.Mutex
			idx.Added = func(c wf.CID) {
				mu.Lock()
				defer mu.Unlock()
				fmt.Fprintln(f, c)
				f.Sync()
			}
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return err
			}
			srv := &http.Server{Handler: idx.Handler(), ReadHeaderTimeout: 10 * time.Second}
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			fmt.Fprintf(a.Stdout, "ratings index on http://%s (%d ratings loaded from %s)\n", ln.Addr(), len(cids), dir)
			if a.Ready != nil {
				a.Ready("http://" + ln.Addr().String())
			}
			return awaitShutdown(ctx, srv, errc, 5*time.Second, nil)
		},
	}
	cmd.Flags().StringVar(&listen, "listen", "127.0.0.1:8091", "serve on this `ADDR`")
	cmd.Flags().StringVar(&dir, "dir", "", "`DIR` for the ratings' blocks and list (default $WF_HOME/ratings)")
	return cmd
}

// readCIDs reads one CID a line; a missing file is an empty list.
func readCIDs(path string) ([]wf.CID, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []wf.CID
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		c, err := wf.ParseCID(line)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

func (a *App) ratingsRateCmd() *cobra.Command {
	var receipt, index, comment string
	o := &chainOpts{}
	cmd := &cobra.Command{
		Use:     "rate PROVIDER SCORE --receipt X-WF-RECEIPT --index URL",
		Short:   "rate a provider (its address) 1 to 5 with a receipt it signed for you",
		Example: `  wf ratings rate 0xPROVIDER 5 --receipt "$(curl -sD- ... | sed -n 's/^X-Wf-Receipt: //p')" --index http://127.0.0.1:8091`,
		Args:    argsBetween(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			prov, err := wf.ParseAddress(args[0])
			if err != nil {
				return invalid("provider %q: %v", args[0], err)
			}
			score, err := strconv.ParseUint(args[1], 10, 8)
			if err != nil {
				return invalid("score %q: want 1 to 5", args[1])
			}
			if receipt == "" || index == "" {
				return usageErr("--receipt and --index are required")
			}
			key, err := a.signer(o, a.payerKeyPath())
			if err != nil {
				return err
			}
			r, err := rewards.NewRating(key, prov, strings.TrimSpace(receipt), uint8(score), comment, time.Now())
			if err != nil {
				return err
			}
			if _, err := r.Verify(); err != nil {
				return err
			}
			var res struct{ CID wf.CID }
			if err := postJSON(cmd.Context(), strings.TrimRight(index, "/")+"/v1/ratings", r, &res); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "rated %s %d; rating %s\n", prov.Checksum(), score, res.CID)
			return nil
		},
	}
	cmd.Flags().StringVar(&receipt, "receipt", "", "the X-WF-Receipt header `VALUE` of one of your paid requests to the provider")
	cmd.Flags().StringVar(&index, "index", "", "ratings index `URL` (wf ratings serve)")
	cmd.Flags().StringVar(&comment, "comment", "", "a short `TEXT` (at most 280 bytes)")
	addSignerFlags(cmd.Flags(), o, "keystore `FILE` of the payer (default "+payerKeyHelp+"), or dev / dev:N")
	return cmd
}

func (a *App) ratingsShowCmd() *cobra.Command {
	var index string
	cmd := &cobra.Command{
		Use:   "show PROVIDER --index URL",
		Short: "show a provider's ratings at an index",
		Args:  argsBetween(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			prov, err := wf.ParseAddress(args[0])
			if err != nil {
				return invalid("provider %q: %v", args[0], err)
			}
			if index == "" {
				return usageErr("--index URL is required")
			}
			req, err := http.NewRequestWithContext(cmd.Context(), http.MethodGet, strings.TrimRight(index, "/")+"/v1/ratings/"+prov.Checksum(), nil)
			if err != nil {
				return err
			}
			var s rewards.RatingSummary
			if err := doJSON(req, &s); err != nil {
				return err
			}
			fmt.Fprintf(a.Stdout, "%s: %d ratings, average %.2f, weight %.2f\n", prov.Checksum(), s.Count, s.Average, s.Weight())
			for _, r := range s.Ratings {
				fmt.Fprintf(a.Stdout, "  %d  %s  %s  %s\n", r.Score, r.Payer.Checksum(), time.Unix(r.Created, 0).UTC().Format(time.RFC3339), r.Comment)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&index, "index", "", "ratings index `URL` (wf ratings serve)")
	return cmd
}

func postJSON(ctx context.Context, url string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	return doJSON(req, out)
}

// doJSON sends req and decodes a 2xx JSON answer into out; another
// status becomes an error with the index's message.
func doJSON(req *http.Request, out any) error {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode/100 != 2 {
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		if json.Unmarshal(b, &e) == nil && e.Error.Message != "" {
			return fmt.Errorf("ratings index: %s (%d)", e.Error.Message, resp.StatusCode)
		}
		return fmt.Errorf("ratings index: %s", resp.Status)
	}
	return json.Unmarshal(b, out)
}
