package rewards

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/wf"
)

// Ratings: a payer rates a provider with a receipt that provider signed
// for that payer, so a rating costs a paid request (the Sybil cost) and
// names it. One rating per receipt; of a payer's ratings of a provider
// only the latest counts. A rating is a signed JSON block (its CID is its
// address), so anyone can store and serve it; a RatingIndex (an auditor
// runs one) checks, stores and indexes them and serves them over HTTP.

// Rating scores range from MinRating to MaxRating.
const (
	MinRating        = 1
	MaxRating        = 5
	maxComment       = 280
	maxRatingRequest = 8 << 10
)

// ErrRated is returned for a second rating with the same receipt.
var ErrRated = errors.New("rewards: this receipt was already used for a rating")

// A Rating is a payer's signed rating of a provider.
type Rating struct {
	Provider wf.Address `json:"provider"`
	Payer    wf.Address `json:"payer"`
	Score    uint8      `json:"score"`
	Comment  string     `json:"comment,omitempty"`
	Created  int64      `json:"created"` // Unix seconds
	// Receipt is the X-WF-Receipt value of the paid request that entitles
	// the rating.
	Receipt   string       `json:"receipt"`
	Signature wf.Signature `json:"sig"`
}

// NewRating signs a rating of provider with payer key k, entitled by
// receipt (an X-WF-Receipt value), at now.
func NewRating(k *chain.Key, provider wf.Address, receipt string, score uint8, comment string, now time.Time) (*Rating, error) {
	r := &Rating{Provider: provider, Payer: k.Address(), Score: score, Comment: comment, Created: now.Unix(), Receipt: receipt}
	d, err := r.digest()
	if err != nil {
		return nil, err
	}
	if r.Signature, err = k.SignDigest(d); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Rating) receiptDigest() (payment.Receipt, [32]byte, error) {
	rc, err := payment.DecodeReceipt(r.Receipt)
	if err != nil {
		return rc, [32]byte{}, err
	}
	d, err := chain.ReceiptDigest(rc.ChargeReceipt)
	return rc, d, err
}

func (r *Rating) digest() ([32]byte, error) {
	if r.Score < MinRating || r.Score > MaxRating {
		return [32]byte{}, fmt.Errorf("%w: rating: score %d is not %d to %d", wf.ErrInvalid, r.Score, MinRating, MaxRating)
	}
	if len(r.Comment) > maxComment || !utf8.ValidString(r.Comment) {
		return [32]byte{}, fmt.Errorf("%w: rating: the comment must be UTF-8 of at most %d bytes", wf.ErrInvalid, maxComment)
	}
	_, rd, err := r.receiptDigest()
	if err != nil {
		return [32]byte{}, fmt.Errorf("rating: %w", err)
	}
	return chain.RatingDigest(r.Provider, rd, r.Score, r.Comment, r.Created)
}

// Verify checks r: its receipt is the provider's signature for a request
// of the payer, and the payer signed the rating. It returns the
// receipt's digest, which identifies it. Errors wrap wf.ErrInvalid.
func (r *Rating) Verify() ([32]byte, error) {
	if r.Provider.IsZero() || r.Payer.IsZero() {
		return [32]byte{}, fmt.Errorf("%w: rating: provider and payer are required", wf.ErrInvalid)
	}
	rc, rd, err := r.receiptDigest()
	if err != nil {
		return [32]byte{}, fmt.Errorf("rating: %w", err)
	}
	if err := payment.VerifyReceipt(rc, r.Provider); err != nil {
		return [32]byte{}, fmt.Errorf("rating: the receipt is not the provider's: %w", err)
	}
	if rc.Payer != r.Payer {
		return [32]byte{}, fmt.Errorf("%w: rating: the receipt is for %s, not the rater %s", wf.ErrInvalid, rc.Payer.Checksum(), r.Payer.Checksum())
	}
	d, err := r.digest()
	if err != nil {
		return [32]byte{}, err
	}
	signer, err := chain.RecoverSigner(d, r.Signature)
	if err != nil {
		return [32]byte{}, fmt.Errorf("rating: %w", err)
	}
	if signer != r.Payer {
		return [32]byte{}, fmt.Errorf("%w: rating: signed by %s, not the payer %s", wf.ErrInvalid, signer.Checksum(), r.Payer.Checksum())
	}
	return rd, nil
}

// Block is r as a JSON block and its CID.
func (r *Rating) Block() (wf.CID, []byte) {
	b, _ := json.Marshal(r)
	return wf.SumCID(wf.CodecJSON, b), b
}

// RatingSummary is what the index says of one provider: the latest rating
// of each payer.
type RatingSummary struct {
	Provider wf.Address `json:"provider"`
	Count    int        `json:"count"`
	Average  float64    `json:"average"` // 0 without ratings
	Ratings  []IndexedRating
}

// IndexedRating is a rating with its block's CID.
type IndexedRating struct {
	CID wf.CID `json:"cid"`
	Rating
}

// Weight is the summary as a multiplier from 0 to 1 for discovery, next
// to audit scores: the average mapped onto 0..1, pulled toward the middle
// while there are few ratings (n/(n+prior)), so one rating moves little.
func (s RatingSummary) Weight() float64 {
	const prior = 5.0
	if s.Count == 0 {
		return 0.5
	}
	avg := (s.Average - MinRating) / (MaxRating - MinRating)
	n := float64(s.Count)
	return (avg*n + 0.5*prior) / (n + prior)
}

// A RatingIndex checks, stores and indexes ratings. It is safe for
// concurrent use; the zero value is not: use NewRatingIndex.
type RatingIndex struct {
	// Added, if set, is called with each new rating's CID once it is
	// stored and indexed (a server appends it to a file, to Load after a
	// restart). It runs under the index's lock: keep it short.
	Added func(wf.CID)

	store wf.BlockStore
	now   func() time.Time

	mu         sync.Mutex
	byReceipt  map[receiptKey]wf.CID                       // a receipt is its signer's statement: two providers may sign the same fields
	byProvider map[wf.Address]map[wf.Address]IndexedRating // latest per payer
}

// NewRatingIndex indexes ratings, keeping their blocks in store. now
// bounds how far in the future a rating's time may be (nil: time.Now).
func NewRatingIndex(store wf.BlockStore, now func() time.Time) *RatingIndex {
	if now == nil {
		now = time.Now
	}
	return &RatingIndex{store: store, now: now, byReceipt: map[receiptKey]wf.CID{}, byProvider: map[wf.Address]map[wf.Address]IndexedRating{}}
}

type receiptKey struct {
	provider wf.Address
	digest   [32]byte
}

// Add verifies r, stores its block and indexes it. A second rating with
// the same receipt fails with ErrRated.
func (x *RatingIndex) Add(ctx context.Context, r *Rating) (wf.CID, error) {
	rd, err := r.Verify()
	if err != nil {
		return wf.CID{}, err
	}
	if time.Unix(r.Created, 0).After(x.now().Add(5 * time.Minute)) {
		return wf.CID{}, fmt.Errorf("%w: rating: dated in the future", wf.ErrInvalid)
	}
	c, b := r.Block()
	x.mu.Lock()
	defer x.mu.Unlock()
	rk := receiptKey{r.Provider, rd}
	if _, ok := x.byReceipt[rk]; ok {
		return wf.CID{}, ErrRated
	}
	if err := x.store.Put(ctx, c, b); err != nil {
		return wf.CID{}, fmt.Errorf("rating: store: %w", err)
	}
	x.byReceipt[rk] = c
	m := x.byProvider[r.Provider]
	if m == nil {
		m = map[wf.Address]IndexedRating{}
		x.byProvider[r.Provider] = m
	}
	if old, ok := m[r.Payer]; !ok || r.Created >= old.Created {
		m[r.Payer] = IndexedRating{CID: c, Rating: *r}
	}
	if x.Added != nil {
		x.Added(c)
	}
	return c, nil
}

// Load indexes again the ratings stored under cids (a server's list of
// what it accepted), checking each as Add does. A rating already indexed
// is skipped.
func (x *RatingIndex) Load(ctx context.Context, cids []wf.CID) error {
	added := x.Added
	x.Added = nil
	defer func() { x.Added = added }()
	for _, c := range cids {
		b, err := x.store.Get(ctx, c)
		if err != nil {
			return fmt.Errorf("rating %s: %w", c, err)
		}
		var r Rating
		if err := wf.DecodeJSON(b, &r); err != nil {
			return fmt.Errorf("%w: rating %s: %v", wf.ErrInvalid, c, err)
		}
		if _, err := x.Add(ctx, &r); err != nil && !errors.Is(err, ErrRated) {
			return fmt.Errorf("rating %s: %w", c, err)
		}
	}
	return nil
}

// Summary is what the index holds of provider.
func (x *RatingIndex) Summary(provider wf.Address) RatingSummary {
	x.mu.Lock()
	defer x.mu.Unlock()
	s := RatingSummary{Provider: provider}
	sum := 0
	for _, r := range x.byProvider[provider] {
		s.Ratings = append(s.Ratings, r)
		sum += int(r.Score)
	}
	slices.SortFunc(s.Ratings, func(a, b IndexedRating) int { return cmp.Compare(b.Created, a.Created) })
	s.Count = len(s.Ratings)
	if s.Count > 0 {
		s.Average = float64(sum) / float64(s.Count)
	}
	return s
}

// Handler serves the index:
//
//	POST /v1/ratings             a Rating as JSON: 201 {"cid": ...}; 400 if it does not verify, 403 if its receipt was used
//	GET  /v1/ratings/{provider}  the provider's RatingSummary
//	GET  /v1/ratings/block/{cid} a rating's block, which anyone can check and serve again
func (x *RatingIndex) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/ratings", func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRatingRequest))
		if err != nil {
			httperr.Write(w, nil, fmt.Errorf("%w: rating: body of at most %d bytes", wf.ErrTooLarge, maxRatingRequest))
			return
		}
		var rt Rating
		if err := wf.DecodeJSON(b, &rt); err != nil {
			httperr.Write(w, nil, fmt.Errorf("%w: rating: %v", wf.ErrInvalid, err))
			return
		}
		c, err := x.Add(r.Context(), &rt)
		if errors.Is(err, ErrRated) {
			httperr.Write(w, nil, wf.E(wf.ErrForbidden, err.Error(), err))
			return
		}
		if err != nil {
			httperr.Write(w, nil, err)
			return
		}
		writeJSON(w, http.StatusCreated, map[string]wf.CID{"cid": c})
	})
	mux.HandleFunc("GET /v1/ratings/{provider}", func(w http.ResponseWriter, r *http.Request) {
		p, err := wf.ParseAddress(r.PathValue("provider"))
		if err != nil {
			httperr.Write(w, nil, fmt.Errorf("%w: provider: %v", wf.ErrInvalid, err))
			return
		}
		writeJSON(w, http.StatusOK, x.Summary(p))
	})
	mux.HandleFunc("GET /v1/ratings/block/{cid}", func(w http.ResponseWriter, r *http.Request) {
		c, err := wf.ParseCID(r.PathValue("cid"))
		if err != nil {
			httperr.Write(w, nil, fmt.Errorf("%w: cid: %v", wf.ErrInvalid, err))
			return
		}
		b, err := x.store.Get(r.Context(), c)
		if err != nil {
			httperr.Write(w, nil, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// RatingWeights reads providers' rating weights (RatingSummary.Weight)
// from the index at baseURL (wf ratings serve), for discovery.Source's
// Ratings; each answer is reused for ttl (0: a minute). hc nil is a
// client with a 5 s timeout.
func RatingWeights(baseURL string, hc *http.Client, ttl time.Duration) func(context.Context, wf.Address) (float64, error) {
	if hc == nil {
		hc = &http.Client{Timeout: 5 * time.Second}
	}
	if ttl <= 0 {
		ttl = time.Minute
	}
	type entry struct {
		w  float64
		at time.Time
	}
	var mu sync.Mutex
	cache := map[wf.Address]entry{}
	return func(ctx context.Context, p wf.Address) (float64, error) {
		mu.Lock()
		e, ok := cache[p]
		mu.Unlock()
		if ok && time.Since(e.at) < ttl {
			return e.w, nil
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v1/ratings/"+p.Checksum(), nil)
		if err != nil {
			return 0, err
		}
		resp, err := hc.Do(req)
		if err != nil {
			return 0, fmt.Errorf("ratings: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("ratings: %s", resp.Status)
		}
		var s RatingSummary
		if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&s); err != nil {
			return 0, fmt.Errorf("ratings: %w", err)
		}
		w := s.Weight()
		mu.Lock()
		cache[p] = entry{w, time.Now()}
		mu.Unlock()
		return w, nil
	}
}
