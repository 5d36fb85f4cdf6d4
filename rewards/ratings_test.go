package rewards_test

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/payment"
	"github.com/webfunctions/wf/rewards"
	"github.com/webfunctions/wf/store/memstore"
	"github.com/webfunctions/wf/wf"
)

// receiptFor is a receipt provider signed for payer's request n.
func receiptFor(t *testing.T, provider *chain.Key, payer wf.Address, n byte) string {
	t.Helper()
	fn := wf.SumCID(wf.CodecRaw, []byte("a function"))
	r := payment.Receipt{ChargeReceipt: chain.ChargeReceipt{Function: fn, Payer: payer, Mode: "caller",
		Amount: big.NewInt(1000), Cumulative: big.NewInt(int64(n) * 1000), RequestID: wf.RequestID{7: n}}}
	var err error
	if r.Signature, err = chain.SignReceipt(provider, r.ChargeReceipt); err != nil {
		t.Fatal(err)
	}
	return payment.EncodeReceipt(r)
}

func post(t *testing.T, url string, r *rewards.Rating) (int, string) {
	t.Helper()
	b, _ := json.Marshal(r)
	resp, err := http.Post(url+"/v1/ratings", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestRatings: a rating needs the provider's receipt for the rater's own
// request, one per receipt; the latest of a payer counts; the index serves
// summaries and blocks anyone can check again.
func TestRatings(t *testing.T) {
	prov, other := chain.DevKey(1), chain.DevKey(2)
	alice, bob := chain.DevKey(3), chain.DevKey(4)
	now := time.Unix(1_800_000_000, 0)
	idx := rewards.NewRatingIndex(memstore.New(), func() time.Time { return now })
	srv := httptest.NewServer(idx.Handler())
	defer srv.Close()

	rate := func(k *chain.Key, receipt string, score uint8, at time.Time) *rewards.Rating {
		t.Helper()
		r, err := rewards.NewRating(k, prov.Address(), receipt, score, "fast and right", at)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	aliceReceipt := receiptFor(t, prov, alice.Address(), 1)
	for _, tc := range []struct {
		name string
		r    func() *rewards.Rating
		want int
	}{
		{"no receipt", func() *rewards.Rating {
			r := rate(alice, aliceReceipt, 5, now)
			r.Receipt = ""
			return r
		}, 400},
		{"someone else's receipt", func() *rewards.Rating { return rate(bob, aliceReceipt, 1, now) }, 400},
		{"another provider's receipt", func() *rewards.Rating { return rate(alice, receiptFor(t, other, alice.Address(), 1), 1, now) }, 400},
		{"signed by another", func() *rewards.Rating {
			r := rate(alice, aliceReceipt, 5, now)
			r.Score = 1
			return r
		}, 400},
		{"dated in the future", func() *rewards.Rating { return rate(alice, aliceReceipt, 5, now.Add(time.Hour)) }, 400},
		{"accepted", func() *rewards.Rating { return rate(alice, aliceReceipt, 2, now) }, 201},
		{"twice for one receipt", func() *rewards.Rating { return rate(alice, aliceReceipt, 5, now) }, 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, body := post(t, srv.URL, tc.r()); code != tc.want {
				t.Errorf("%d %s, want %d", code, body, tc.want)
			}
		})
	}
	if _, err := rewards.NewRating(alice, prov.Address(), aliceReceipt, 6, "", now); err == nil {
		t.Error("a score of 6 was signed")
	}
	// Alice's later rating, with a later receipt, replaces her first; Bob's counts too.
	if code, body := post(t, srv.URL, rate(alice, receiptFor(t, prov, alice.Address(), 2), 4, now.Add(time.Minute))); code != 201 {
		t.Fatalf("%d %s", code, body)
	}
	if code, body := post(t, srv.URL, rate(bob, receiptFor(t, prov, bob.Address(), 1), 5, now)); code != 201 {
		t.Fatalf("%d %s", code, body)
	}
	resp, err := http.Get(srv.URL + "/v1/ratings/" + prov.Address().Checksum())
	if err != nil {
		t.Fatal(err)
	}
	var sum rewards.RatingSummary
	json.NewDecoder(resp.Body).Decode(&sum)
	resp.Body.Close()
	if sum.Count != 2 || sum.Average != 4.5 {
		t.Fatalf("summary %d ratings, average %v; want 2, 4.5", sum.Count, sum.Average)
	}
	if w := sum.Weight(); w <= 0.5 || w >= 1 {
		t.Errorf("weight %v of a good average with two ratings", w)
	}
	// The block is served and verifies on its own.
	resp, err = http.Get(srv.URL + "/v1/ratings/block/" + sum.Ratings[0].CID.String())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if wf.SumCID(wf.CodecJSON, b) != sum.Ratings[0].CID {
		t.Fatal("served block does not hash to its CID")
	}
	var back rewards.Rating
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if _, err := back.Verify(); err != nil {
		t.Errorf("served rating does not verify: %v", err)
	}
}
