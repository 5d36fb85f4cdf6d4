package minarail_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minapay"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/payment/ledger"
	"github.com/webfunctions/wf/wf"
)

const price = 1000 // nanomina

// world is one local settler (o1js's LocalBlockchain in a Node process),
// a payer, a provider and a channel between them.
type world struct {
	s               *settler.Process
	payer, provider *mina.PrivateKey
	channel         *mina.PublicKey
	session         ed25519.PrivateKey
	fn              wf.CID
	expiry          uint64
	mu              sync.Mutex
	seq             uint64
}

var zkappDir = filepath.Join("..", "zkapp")

// startWorld runs the settler from mina/zkapp (installed by
// mina/zkapp/install.sh, as scripts/test does) and opens a channel of
// deposit nanomina.
func startWorld(t *testing.T, deposit uint64) *world {
	t.Helper()
	if os.Getenv("WF_MINA_SETTLER") != "1" {
		t.Skip("set WF_MINA_SETTLER=1 to run the Node settler (about 15 s of CPU; scripts/test does)")
	}
	if _, err := os.Stat(filepath.Join(zkappDir, "node_modules", "o1js")); err != nil {
		t.Skip("o1js is not installed: run mina/zkapp/install.sh")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	t0 := time.Now()
	p, err := settler.Exec(ctx, settler.Options{Dir: zkappDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("settler started in %v", time.Since(t0).Round(time.Millisecond))
	t.Cleanup(p.Stop)
	w := &world{s: p, payer: newKey(t), provider: newKey(t), fn: wf.CID{}, expiry: uint64(time.Now().Add(time.Hour).Unix())}
	_, w.session, _ = ed25519.GenerateKey(rand.Reader)
	if w.fn, err = wf.ParseCID("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		k *mina.PrivateKey
		n uint64
	}{{w.payer, 10_000_000_000}, {w.provider, 1_000_000_000}} {
		if err := p.Fund(ctx, f.k.PublicKey(), f.n); err != nil {
			t.Fatal(err)
		}
	}
	if w.channel, _, err = p.Open(ctx, settler.Open{Payer: w.payer, Provider: w.provider.PublicKey(), PriceCap: price,
		Budget: 0, ExpirySlot: 1000, Deposit: deposit}); err != nil {
		t.Fatal(err)
	}
	t.Logf("accounts funded and channel open after %v", time.Since(t0).Round(time.Millisecond))
	return w
}

func newKey(t testing.TB) *mina.PrivateKey {
	k, err := mina.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func (w *world) rail(t *testing.T, path string, edit func(*minarail.Config)) (*minarail.Rail, *ledger.Ledger) {
	t.Helper()
	l, err := ledger.Open(path, ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := minarail.Config{Key: w.provider, Network: mina.Testnet, Price: price, Ledger: l, Settler: w.s.Client,
		Poll: 50 * time.Millisecond, StateTTL: time.Nanosecond}
	if edit != nil {
		edit(&cfg)
	}
	r, err := minarail.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r, l
}

// request is a paid request for cumulative nanomina, signed by payer with
// the next sequence number.
func (w *world) request(t testing.TB, cumulative uint64, payer *mina.PrivateKey, net mina.Network, channel *mina.PublicKey) *wf.PaidRequest {
	w.mu.Lock()
	w.seq++
	seq := w.seq
	w.mu.Unlock()
	pr := &wf.PaidRequest{Function: w.fn, Method: "POST", Path: "/", Body: []byte("hi " + strconv.FormatUint(seq, 10))}
	h, err := minapay.Pay(payer, mina.Voucher{Network: net, Channel: channel, Cumulative: cumulative, Expiry: w.expiry}, w.session,
		minapay.Request{Provider: w.provider.PublicKey(), Function: pr.Function, Method: pr.Method, Path: pr.Path,
			BodyHash: sha256.Sum256(pr.Body), Seq: seq})
	if err != nil {
		t.Fatal(err)
	}
	hdr := http.Header{}
	hdr.Set(minapay.HeaderName, h)
	pr.Header = hdr
	return pr
}

// forged is a header naming the channel's payer whose voucher signer signed.
func (w *world) forged(t testing.TB, signer *mina.PrivateKey) *wf.PaidRequest {
	pr := w.request(t, 10*price, w.payer, mina.Testnet, w.channel)
	h, err := minapay.Decode(http.Header(pr.Header).Get(minapay.HeaderName))
	if err != nil {
		t.Fatal(err)
	}
	if h.Signature, err = h.Voucher.Sign(signer); err != nil {
		t.Fatal(err)
	}
	http.Header(pr.Header).Set(minapay.HeaderName, h.Encode())
	return pr
}

func (w *world) state(t testing.TB) *settler.State {
	st, err := w.s.Channel(context.Background(), w.channel)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func (w *world) balance(t testing.TB, k *mina.PublicKey) uint64 {
	st, err := w.s.Channel(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := strconv.ParseUint(st.Balance, 10, 64)
	return b
}

func reason(err error) string {
	var e interface{ Details() map[string]any }
	if errors.As(err, &e) {
		s, _ := e.Details()["reason"].(string)
		return s
	}
	return ""
}

// N paid calls, refusals that charge nothing, a forced settlement: the
// channel's redeemed amount equals the ledger's settled amount equals the
// last receipt's cumulative. Then a rail killed (SIGKILL, a real process)
// between recording a batch and recording its transaction redeems it once
// after a restart.
func TestEndToEnd(t *testing.T) {
	w := startWorld(t, 20*price)
	ctx := context.Background()
	dir := t.TempDir()
	r, l := w.rail(t, filepath.Join(dir, "mina.db"), nil)
	key := minarail.ChannelKey(w.channel)

	const n = 6
	var last *minarail.Receipt
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range n {
		wg.Go(func() {
			c, err := r.Authorize(ctx, w.request(t, 10*price, w.payer, mina.Testnet, w.channel))
			if err != nil {
				t.Error(err)
				return
			}
			hdr, err := c.Commit(ctx, wf.NewRequestID())
			if err != nil {
				t.Error(err)
				return
			}
			rc, err := minarail.DecodeReceipt(http.Header(hdr).Get(minarail.ReceiptHeader))
			if err != nil {
				t.Error(err)
				return
			}
			if !rc.Provider.Equal(w.provider.PublicKey()) || !rc.Channel.Equal(w.channel) || rc.Amount != price {
				t.Errorf("receipt %+v", rc)
			}
			mu.Lock()
			if last == nil || rc.Cumulative > last.Cumulative {
				last = rc
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	if last.Cumulative != n*price {
		t.Fatalf("last receipt's cumulative %d, want %d", last.Cumulative, n*price)
	}

	t.Run("refusals charge nothing", func(t *testing.T) {
		stranger := newKey(t)
		other := newKey(t).PublicKey()
		replay := w.request(t, 10*price, w.payer, mina.Testnet, w.channel)
		c, err := r.Authorize(ctx, replay)
		if err != nil {
			t.Fatal(err)
		}
		c.Release()
		for _, tc := range []struct {
			name, want string
			req        *wf.PaidRequest
		}{
			{"replayed header", "seq_used", replay},
			{"another network", "wrong_network", w.request(t, 10*price, w.payer, mina.Mainnet, w.channel)},
			{"another payer's channel", "wrong_channel", w.request(t, 10*price, stranger, mina.Testnet, w.channel)},
			{"signed by someone else", "bad_signature", w.forged(t, stranger)},
			{"not above what is owed", "voucher_too_low", w.request(t, n*price, w.payer, mina.Testnet, w.channel)},
			{"unknown channel", "unknown_channel", w.request(t, 10*price, w.payer, mina.Testnet, other)},
			{"malformed", "malformed_voucher", &wf.PaidRequest{Header: http.Header{"X-Wf-Mina-Voucher": {"B62"}}}},
			{"no voucher", "payment_required", &wf.PaidRequest{}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := r.Authorize(ctx, tc.req)
				if !errors.Is(err, wf.ErrPaymentRequired) || reason(err) != tc.want {
					t.Fatalf("got %v (%s), want %s", err, reason(err), tc.want)
				}
			})
		}
		if a := l.Account(key); a.Charged.Count != n {
			t.Fatalf("charged %d, want %d", a.Charged.Count, n)
		}
	})

	before := w.balance(t, w.provider.PublicKey())
	if err := r.Settle(ctx, true); err != nil {
		t.Fatal(err)
	}
	st := w.state(t)
	a := l.Account(key)
	if st.Redeemed != strconv.Itoa(n*price) || a.Settled.Amount.Int64() != n*price || a.Pending().Count != 0 {
		t.Fatalf("redeemed %s, settled %v, pending %v; last receipt %d", st.Redeemed, a.Settled.Amount, a.Pending(), last.Cumulative)
	}
	if got := w.balance(t, w.provider.PublicKey()) - before; got != n*price {
		t.Fatalf("provider received %d", got)
	}
	t.Logf("redeemed %s = settled %v = last receipt %d", st.Redeemed, a.Settled.Amount, last.Cumulative)

	t.Run("over the balance", func(t *testing.T) {
		// 20 deposited, 6 redeemed: 14 more pay. The first 13 one by one,
		// then three at once for the last unit: one passes.
		for i := range 13 {
			c, err := r.Authorize(ctx, w.request(t, 100*price, w.payer, mina.Testnet, w.channel))
			if err != nil {
				t.Fatalf("request %d: %v", i, err)
			}
			if _, err := c.Commit(ctx, wf.NewRequestID()); err != nil {
				t.Fatal(err)
			}
		}
		reqs := []*wf.PaidRequest{}
		for range 3 {
			reqs = append(reqs, w.request(t, 100*price, w.payer, mina.Testnet, w.channel))
		}
		var mu sync.Mutex
		var passed []wf.Charge
		var wg sync.WaitGroup
		for _, pr := range reqs {
			wg.Go(func() {
				c, err := r.Authorize(ctx, pr)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					passed = append(passed, c)
				case reason(err) != "over_balance":
					t.Errorf("a request for the last unit: %v", err)
				}
			})
		}
		wg.Wait()
		if len(passed) != 1 {
			t.Fatalf("%d requests passed on the last unit, want 1", len(passed))
		}
		if _, err := passed[0].Commit(ctx, wf.NewRequestID()); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Authorize(ctx, w.request(t, 100*price, w.payer, mina.Testnet, w.channel)); reason(err) != "over_balance" {
			t.Fatalf("past the balance: %v", err)
		}
	})
	l.Close()

	t.Run("SIGKILL between the batch and its transaction", func(t *testing.T) {
		path := filepath.Join(dir, "mina.db")
		cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashHelper$", "-test.v")
		cmd.Env = append(os.Environ(), "WF_MINARAIL_HELPER=1", "WF_MINARAIL_SETTLER="+w.s.URL, "WF_MINARAIL_LEDGER="+path,
			"WF_MINARAIL_PROVIDER="+w.provider.Base58())
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("helper was not killed: %v\n%s", err, out)
		}
		r, l := w.rail(t, path, nil)
		defer l.Close()
		inflight, err := l.InFlightBatches()
		if err != nil || len(inflight) != 1 || inflight[0].State != ledger.Prepared {
			t.Fatalf("in flight after the kill: %v %v", inflight, err)
		}
		upTo := inflight[0].UpTo.Uint64()
		if upTo != 20*price {
			t.Fatalf("batch up to %d, want %d", upTo, 20*price)
		}
		if st := w.state(t); st.Redeemed != strconv.Itoa(n*price) {
			t.Fatalf("redeemed %s before the restart", st.Redeemed)
		}
		before := w.balance(t, w.provider.PublicKey())
		for range 2 { // the second round finds nothing to do
			if err := r.Settle(ctx, true); err != nil {
				t.Fatal(err)
			}
		}
		st := w.state(t)
		a := l.Account(key)
		if st.Redeemed != strconv.FormatUint(upTo, 10) || a.Settled.Amount.Uint64() != upTo || a.Pending().Count != 0 {
			t.Fatalf("after the restart: redeemed %s, settled %v, pending %v", st.Redeemed, a.Settled.Amount, a.Pending())
		}
		if got := w.balance(t, w.provider.PublicKey()) - before; got != upTo-n*price {
			t.Fatalf("the provider received %d, want %d once", got, upTo-n*price)
		}
		if st.Balance != "0" {
			t.Fatalf("channel balance %s, want 0: everything deposited was served and redeemed", st.Balance)
		}
	})

	t.Run("owner pays", func(t *testing.T) { ownerPays(t, w) })
	t.Run("expired channel", func(t *testing.T) { expiredChannel(t, w) })
}

// another opens a second channel between the same payer and provider.
func (w *world) another(t *testing.T, deposit uint64) *world {
	t.Helper()
	ch, _, err := w.s.Open(context.Background(), settler.Open{Payer: w.payer, Provider: w.provider.PublicKey(), PriceCap: price, ExpirySlot: 1000, Deposit: deposit})
	if err != nil {
		t.Fatal(err)
	}
	return &world{s: w.s, payer: w.payer, provider: w.provider, channel: ch, session: w.session, fn: w.fn, expiry: w.expiry, seq: 1 << 20}
}

// An expired channel: requests are refused (channel_expiring) and
// charges made before cannot be redeemed; the aborted batch is not tried
// again every poll.
func expiredChannel(t *testing.T, w0 *world) {
	w := w0.another(t, 5*price)
	ctx := context.Background()
	r, l := w.rail(t, filepath.Join(t.TempDir(), "mina.db"), nil)
	defer l.Close()
	for range 2 {
		c, err := r.Authorize(ctx, w.request(t, 5*price, w.payer, mina.Testnet, w.channel))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Commit(ctx, wf.NewRequestID()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.s.SetSlot(ctx, 1000); err != nil { // the channel's expiry
		t.Fatal(err)
	}
	if _, err := r.Authorize(ctx, w.request(t, 5*price, w.payer, mina.Testnet, w.channel)); reason(err) != "channel_expiring" {
		t.Fatalf("a request on an expired channel: %v", err)
	}
	if err := r.Settle(ctx, false); err == nil {
		t.Fatal("an expired channel was redeemed")
	}
	if err := r.Settle(ctx, false); err != nil {
		t.Fatalf("a second round tried again at once: %v", err)
	}
	batches, _ := l.Batches()
	if len(batches) != 1 || batches[0].State != ledger.Aborted {
		t.Fatalf("batches %+v", batches)
	}
	if a := l.Account(minarail.ChannelKey(w.channel)); a.Pending().Count != 2 || w.state(t).Redeemed != "0" {
		t.Fatalf("pending %v, redeemed %s", a.Pending(), w.state(t).Redeemed)
	}
	// From its expiry on, the payer takes back the rest.
	before := w.balance(t, w.payer.PublicKey())
	if _, err := w.s.Close(ctx, w.channel, w.payer, w.provider.PublicKey()); err != nil {
		t.Fatal(err)
	}
	if st := w.state(t); st.Balance != "0" {
		t.Fatalf("after close the channel holds %s", st.Balance)
	}
	// The payer paid the fee (0 on the local ledger) and got the deposit back.
	if got := w.balance(t, w.payer.PublicKey()) - before; got != 5*price {
		t.Fatalf("the payer got back %d, want %d", got, 5*price)
	}
}

// TestCrashHelper is the process TestEndToEnd kills: it prepares a batch
// of the ledger's pending charges and is killed before building its
// transaction.
func TestCrashHelper(t *testing.T) {
	if os.Getenv("WF_MINARAIL_HELPER") != "1" {
		t.Skip("run by TestEndToEnd")
	}
	c, err := settler.New(os.Getenv("WF_MINARAIL_SETTLER"))
	if err != nil {
		t.Fatal(err)
	}
	k, err := mina.ParsePrivateKey(os.Getenv("WF_MINARAIL_PROVIDER"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(os.Getenv("WF_MINARAIL_LEDGER"), ledger.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := minarail.New(minarail.Config{Key: k, Network: mina.Testnet, Price: price, Ledger: l, Settler: c,
		AfterPrepare: func(b *ledger.Batch) {
			fmt.Printf("prepared batch %d up to %s\n", b.ID, b.UpTo)
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}})
	if err != nil {
		t.Fatal(err)
	}
	r.Settle(context.Background(), true)
	t.Fatal("not killed")
}

// Owner-pays in MINA: the payer of a channel with a budget sponsors an
// owner's functions; requests without a voucher are charged to it within
// the budget, receipted, and settled with the zkApp's settle (signed by
// the provider); the sponsorship outlives a restart; a sponsorship of a
// channel that is not between its signer and this provider is refused.
func ownerPays(t *testing.T, w *world) {
	ctx := context.Background()
	ch, _, err := w.s.Open(ctx, settler.Open{Payer: w.payer, Provider: w.provider.PublicKey(), PriceCap: price, Budget: 5 * price,
		ExpirySlot: 1000, Deposit: 10 * price})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sponsors := filepath.Join(dir, "sponsors.json")
	r, l := w.rail(t, filepath.Join(dir, "mina.db"), func(c *minarail.Config) { c.Sponsors = sponsors })
	owner := wf.Address{0xaa, 0xbb}
	call := func(r *minarail.Rail, owner wf.Address) (*minarail.Receipt, error) {
		c, err := r.Authorize(ctx, &wf.PaidRequest{Function: w.fn, Owner: owner, Method: "GET", Path: "/"})
		if err != nil {
			return nil, err
		}
		h, err := c.Commit(ctx, wf.NewRequestID())
		if err != nil {
			t.Fatal(err)
		}
		return minarail.DecodeReceipt(h["X-Wf-Mina-Receipt"][0])
	}
	if _, err := call(r, owner); reason(err) != "payment_required" {
		t.Fatalf("before the sponsorship: %v", err)
	}
	// Signed by someone who is not the channel's payer.
	bad, _ := minarail.SignSponsorship(w.provider, mina.Testnet, ch, owner, time.Now(), time.Now().Add(time.Hour))
	if err := r.Sponsor(ctx, bad); reason(err) != "wrong_channel" {
		t.Fatalf("a sponsorship not by the channel's payer: %v", err)
	}
	s, err := minarail.SignSponsorship(w.payer, mina.Testnet, ch, owner, time.Now(), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Sponsor(ctx, s); err != nil {
		t.Fatal(err)
	}
	for i := uint64(1); i <= 3; i++ {
		rc, err := call(r, owner)
		if err != nil || rc.Cumulative != i*price || !rc.Channel.Equal(ch) || !rc.Provider.Equal(w.provider.PublicKey()) {
			t.Fatalf("owner-paid call %d: %+v %v", i, rc, err)
		}
	}
	if _, err := call(r, wf.Address{0xcc}); reason(err) != "payment_required" {
		t.Fatalf("another owner's function: %v", err)
	}
	before := w.balance(t, w.provider.PublicKey())
	if err := r.Settle(ctx, true); err != nil {
		t.Fatal(err)
	}
	st, err := w.s.Channel(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	if st.Settled != strconv.Itoa(3*price) || st.SettledCount != "3" || st.Redeemed != "0" {
		t.Fatalf("after settling: settled %s over %s, redeemed %s", st.Settled, st.SettledCount, st.Redeemed)
	}
	if got := w.balance(t, w.provider.PublicKey()) - before; got != 3*price {
		t.Fatalf("the provider received %d, want %d", got, 3*price)
	}
	l.Close()

	// Restarted: the sponsorship is kept. Someone else sponsors the owner
	// too, with a budget of one request: theirs is tried first, then,
	// spent, the first one; its budget (5) ends it, and the request gets
	// the rail's plain payment_required (spent sponsorships stand aside).
	r, l = w.rail(t, filepath.Join(dir, "mina.db"), func(c *minarail.Config) { c.Sponsors = sponsors })
	defer l.Close()
	other := newKey(t)
	if err := w.s.Fund(ctx, other.PublicKey(), 5_000_000_000); err != nil {
		t.Fatal(err)
	}
	ch2, _, err := w.s.Open(ctx, settler.Open{Payer: other, Provider: w.provider.PublicKey(), PriceCap: price, Budget: price, ExpirySlot: 1000, Deposit: 10 * price})
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := minarail.SignSponsorship(other, mina.Testnet, ch2, owner, time.Now(), time.Now().Add(time.Hour))
	if err := r.Sponsor(ctx, s2); err != nil {
		t.Fatal(err)
	}
	if rc, err := call(r, owner); err != nil || !rc.Channel.Equal(ch2) || rc.Cumulative != price {
		t.Fatalf("the second sponsor's call: %+v %v", rc, err)
	}
	for i := uint64(4); i <= 5; i++ {
		if rc, err := call(r, owner); err != nil || rc.Cumulative != i*price {
			t.Fatalf("owner-paid call %d after the restart: %+v %v", i, rc, err)
		}
	}
	if _, err := call(r, owner); reason(err) != "payment_required" {
		t.Fatalf("past the budget: %v", err)
	}
	if err := r.Settle(ctx, true); err != nil {
		t.Fatal(err)
	}
	st, _ = w.s.Channel(ctx, ch)
	var settled uint64
	for k, a := range l.Accounts() {
		if k.Channel == minarail.OwnerKey(ch).Channel {
			settled = a.Settled.Amount.Uint64()
		}
	}
	if st.Settled != strconv.Itoa(5*price) || st.SettledCount != "5" || settled != 5*price || st.Balance != strconv.Itoa(5*price) {
		t.Fatalf("after the second settlement: settled %s over %s (ledger %d), balance %s", st.Settled, st.SettledCount, settled, st.Balance)
	}
}
