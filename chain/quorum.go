package chain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// QuorumOptions configure how reads through several JSON-RPC endpoints are
// checked against each other. The zero value is the strict rule: every
// endpoint must answer, and all must agree.
type QuorumOptions struct {
	// Quorum is how many endpoints must give the same answer for it to be
	// believed; 0 means all of them. Below all, a read survives endpoints
	// that are down or lie, as long as Quorum honest ones agree and no other
	// answer reaches Quorum too.
	Quorum int
	// PinTTL is how long an agreed block is reused for reads before the
	// endpoints are asked again for their heads. Default 1 s. A transaction
	// sent through the Client moves the pin forward when it is mined.
	PinTTL time.Duration
	// Depth is how many blocks below the agreed head reads are pinned
	// (confirmations). Default 0: a dev chain mines only on demand, and a
	// block hash that differs at the tip (a reorg in progress) makes the
	// pin step back a few blocks before it fails.
	Depth uint64
	Log   *slog.Logger // default: discard
}

// ErrDisagreement matches a read that the endpoints answered differently:
// the answer is refused, never guessed.
var ErrDisagreement = errors.New("chain endpoints disagree")

// DisagreementError is a read whose answers differed between endpoints.
// Groups lists the endpoints (scheme and host only: no credentials in a
// path or query) by identical answer, the largest first.
type DisagreementError struct {
	What   string     // what was read
	Block  uint64     // at which block
	Groups [][]string // endpoints that gave the same answer
}

func (e *DisagreementError) Error() string {
	parts := make([]string, len(e.Groups))
	for i, g := range e.Groups {
		parts[i] = "[" + strings.Join(g, " ") + "]"
	}
	return fmt.Sprintf("chain endpoints disagree on %s at block %d; answers differ between %s: refusing to trust any of them",
		e.What, e.Block, strings.Join(parts, " vs "))
}

func (e *DisagreementError) Is(target error) bool { return target == ErrDisagreement }

// As makes a disagreement a 502 chain_disagreement wherever it becomes an
// HTTP answer (package httperr), however deep it is wrapped.
func (e *DisagreementError) As(target any) bool {
	if t, ok := target.(**httperr.Error); ok {
		*t = &httperr.Error{Status: http.StatusBadGateway, Code: "chain_disagreement", Message: e.Error()}
		return true
	}
	return false
}

// quorumEndpoint is one JSON-RPC endpoint of a Quorum.
type quorumEndpoint struct {
	name string // redacted URL, for errors and logs
	ec   *ethclient.Client
}

// pin is a block the endpoints agreed on, and who agreed.
type pin struct {
	header  *types.Header
	members []int // endpoints that hold this block
	at      time.Time
}

// Quorum is a Backend over several JSON-RPC endpoints of one chain. Reads
// (eth_call, eth_getCode, headers, logs) are pinned to a block whose hash
// the endpoints agree on and asked of every endpoint at that block hash
// (EIP-1898); answers are compared byte for byte, and a difference fails
// the read with a DisagreementError. Transaction receipts are compared the
// same way (by transaction hash, not at the pin). Transactions, nonces, gas
// estimates and fee suggestions go to the first endpoint: a lying one can
// delay or misprice a transaction, not make a read lie.
type Quorum struct {
	eps  []quorumEndpoint
	k    int
	o    QuorumOptions
	id   *big.Int
	mu   sync.Mutex // serialises pinning
	last *pin
}

var _ Backend = (*Quorum)(nil)

// DialQuorum connects to every URL and checks that they serve the same
// chain. One URL is allowed (then nothing is compared, but reads are still
// pinned to one block).
func DialQuorum(ctx context.Context, urls []string, o QuorumOptions) (*Quorum, error) {
	if len(urls) == 0 {
		return nil, fmt.Errorf("%w: chain: no JSON-RPC endpoint", wf.ErrInvalid)
	}
	k := o.Quorum
	if k <= 0 {
		k = len(urls)
	}
	if k > len(urls) {
		return nil, fmt.Errorf("%w: chain: quorum %d of %d endpoints", wf.ErrInvalid, k, len(urls))
	}
	if o.PinTTL <= 0 {
		o.PinTTL = time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	q := &Quorum{k: k, o: o}
	seen := map[string]bool{}
	for _, u := range urls {
		if seen[u] {
			q.Close()
			return nil, fmt.Errorf("%w: chain: endpoint %s listed twice (the same node cannot vouch for itself)", wf.ErrInvalid, RedactURL(u))
		}
		seen[u] = true
		ec, err := ethclient.DialContext(ctx, u)
		if err != nil {
			q.Close()
			return nil, fmt.Errorf("chain: dial %s: %w", RedactURL(u), err)
		}
		q.eps = append(q.eps, quorumEndpoint{name: RedactURL(u), ec: ec})
	}
	ids := make([]*big.Int, len(q.eps))
	errs := q.each(ctx, q.all(), func(ctx context.Context, i int) (err error) {
		ids[i], err = q.eps[i].ec.ChainID(ctx)
		return err
	})
	// Endpoints down now may come back (below all-of-n they need not);
	// two chains are a configuration error either way.
	first, answered := -1, 0
	for i, err := range errs {
		if err != nil {
			continue
		}
		answered++
		if first < 0 {
			first = i
		} else if ids[i].Cmp(ids[first]) != 0 {
			q.Close()
			return nil, fmt.Errorf("%w: chain: %s serves chain %s but %s serves chain %s", wf.ErrInvalid, q.eps[first].name, ids[first], q.eps[i].name, ids[i])
		}
	}
	if answered < k {
		q.Close()
		return nil, q.unavailable("chain id", errs)
	}
	q.id = ids[first]
	return q, nil
}

// RedactURL keeps the scheme and host of an endpoint URL: providers' URLs
// often carry an API key in the path or query.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		if i := strings.IndexAny(s, "/?#"); i > 0 && !strings.HasPrefix(s, "/") {
			return s[:i]
		}
		return s // an IPC path
	}
	return u.Scheme + "://" + u.Host
}

// Endpoints are the (redacted) endpoint URLs, the first the one
// transactions go to.
func (q *Quorum) Endpoints() []string {
	out := make([]string, len(q.eps))
	for i, e := range q.eps {
		out[i] = e.name
	}
	return out
}

// Close closes every connection.
func (q *Quorum) Close() {
	for _, e := range q.eps {
		e.ec.Close()
	}
}

func (q *Quorum) all() []int {
	idx := make([]int, len(q.eps))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// each runs f for the endpoints idx in parallel; errs is indexed like
// q.eps.
func (q *Quorum) each(ctx context.Context, idx []int, f func(ctx context.Context, i int) error) []error {
	errs := make([]error, len(q.eps))
	var wg sync.WaitGroup
	for _, i := range idx {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f(ctx, i)
		}()
	}
	wg.Wait()
	return errs
}

// unavailable says too few endpoints answered.
func (q *Quorum) unavailable(what string, errs []error) error {
	var failed []string
	for i, err := range errs {
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", q.eps[i].name, err))
		}
	}
	return wf.E(wf.ErrUnavailable, fmt.Sprintf("chain: %s: fewer than %d of %d endpoints answered (%s)", what, q.k, len(q.eps), strings.Join(failed, "; ")), errors.Join(errs...))
}

// answer is one endpoint's reply, as comparable bytes.
type answer struct {
	key string
	i   int
}

// decide picks the answer at least k endpoints gave, if exactly one did;
// keys[i] is "" for an endpoint that did not answer.
func (q *Quorum) decide(what string, block uint64, keys []string, errs []error) (int, error) {
	groups := map[string][]int{}
	n := 0
	for i, k := range keys {
		if errs[i] == nil {
			groups[k] = append(groups[k], i)
			n++
		}
	}
	var gs [][]int
	for _, g := range groups {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(a, b int) bool {
		if len(gs[a]) != len(gs[b]) {
			return len(gs[a]) > len(gs[b])
		}
		return gs[a][0] < gs[b][0]
	})
	if len(gs) > 1 && (len(gs[1]) >= q.k || q.k == len(q.eps) || len(gs[0]) < q.k) {
		e := &DisagreementError{What: what, Block: block}
		for _, g := range gs {
			names := make([]string, len(g))
			for j, i := range g {
				names[j] = q.eps[i].name
			}
			e.Groups = append(e.Groups, names)
		}
		return 0, e
	}
	if n < q.k || len(gs) == 0 || len(gs[0]) < q.k {
		return 0, q.unavailable(what, errs)
	}
	if len(gs) > 1 {
		var odd []string
		for _, g := range gs[1:] {
			for _, i := range g {
				odd = append(odd, q.eps[i].name)
			}
		}
		q.o.Log.Warn("chain endpoints outvoted", "what", what, "block", block, "disagreeing", odd)
	}
	return gs[0][0], nil
}

// pinned returns the agreed block, asking the endpoints again if the last
// one is older than PinTTL or fresh is set.
func (q *Quorum) pinned(ctx context.Context, fresh bool) (*pin, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !fresh && q.last != nil && time.Since(q.last.at) < q.o.PinTTL {
		return q.last, nil
	}
	heads := make([]*types.Header, len(q.eps))
	errs := q.each(ctx, q.all(), func(ctx context.Context, i int) (err error) {
		heads[i], err = q.eps[i].ec.HeaderByNumber(ctx, nil)
		return err
	})
	var nums []uint64
	for i, h := range heads {
		if errs[i] == nil {
			nums = append(nums, h.Number.Uint64())
		}
	}
	if len(nums) < q.k {
		return nil, q.unavailable("latest block", errs)
	}
	// The highest block at least k endpoints have: for all-of-n, the
	// lowest head, so a lagging honest endpoint is no alarm.
	sort.Slice(nums, func(a, b int) bool { return nums[a] > nums[b] })
	target := nums[q.k-1]
	if target < q.o.Depth {
		target = 0
	} else {
		target -= q.o.Depth
	}
	// Blocks near the tip can differ while a reorg settles: step back a
	// few before calling it a disagreement.
	const reorgSteps = 3
	var err error
	for step := 0; step <= reorgSteps; step++ {
		var p *pin
		p, err = q.agreeAt(ctx, target, heads, errs)
		if err == nil {
			if q.last == nil || p.header.Number.Cmp(q.last.header.Number) >= 0 || fresh {
				q.last = p
			}
			return p, nil
		}
		if !errors.Is(err, ErrDisagreement) || target == 0 {
			return nil, err
		}
		target--
	}
	return nil, err
}

// agreeAt finds the header at number n on every endpoint whose head
// (heads, or headErrs for those that failed) reaches it, and checks that
// at least k agree.
func (q *Quorum) agreeAt(ctx context.Context, n uint64, heads []*types.Header, headErrs []error) (*pin, error) {
	got := make([]*types.Header, len(q.eps))
	var idx []int
	errs := make([]error, len(q.eps))
	for i, h := range heads {
		switch {
		case headErrs[i] != nil:
			errs[i] = headErrs[i]
		case h.Number.Uint64() == n:
			got[i] = h
		case h.Number.Uint64() > n:
			idx = append(idx, i)
		default:
			errs[i] = fmt.Errorf("behind: head %d", h.Number.Uint64())
		}
	}
	ferrs := q.each(ctx, idx, func(ctx context.Context, i int) (err error) {
		got[i], err = q.eps[i].ec.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		return err
	})
	keys := make([]string, len(q.eps))
	for _, i := range idx {
		errs[i] = ferrs[i]
	}
	for i, h := range got {
		if errs[i] == nil && h != nil {
			keys[i] = h.Hash().Hex()
		}
	}
	first, err := q.decide("the block hash", n, keys, errs)
	if err != nil {
		return nil, err
	}
	p := &pin{header: got[first], at: time.Now()}
	for i := range keys {
		if errs[i] == nil && keys[i] == keys[first] {
			p.members = append(p.members, i)
		}
	}
	return p, nil
}

// at is the pin for block number (nil: the agreed head).
func (q *Quorum) at(ctx context.Context, number *big.Int) (*pin, error) {
	p, err := q.pinned(ctx, false)
	if err != nil || number == nil || number.Cmp(p.header.Number) == 0 {
		return p, err
	}
	if number.Sign() < 0 {
		return nil, fmt.Errorf("%w: chain: block %s: only numbered blocks can be checked", wf.ErrInvalid, number)
	}
	heads := make([]*types.Header, len(q.eps))
	errs := make([]error, len(q.eps))
	for i := range heads {
		heads[i] = &types.Header{Number: new(big.Int).Add(number, common.Big1)} // make agreeAt ask each
	}
	return q.agreeAt(ctx, number.Uint64(), heads, errs)
}

// resultKey makes an eth_call or eth_getCode answer comparable: its bytes,
// or a node's error (a revert's data and message are an answer too).
// Transport failures are no answer.
func resultKey(out []byte, err error) (string, error) {
	if err == nil {
		return "ok:" + common.Bytes2Hex(out), nil
	}
	var re rpc.Error
	var de rpc.DataError
	if errors.As(err, &de) || (errors.As(err, &re) && (re.ErrorCode() == 3 || strings.Contains(re.Error(), "revert"))) {
		k := "err:" + err.Error()
		if de != nil {
			b, _ := json.Marshal(de.ErrorData())
			k += ":" + string(b)
		}
		return k, nil
	}
	return "", err
}

// verified runs read on every endpoint that agreed on p and returns the
// one answer enough of them gave.
func (q *Quorum) verified(ctx context.Context, what string, p *pin, read func(ctx context.Context, ec *ethclient.Client, hash common.Hash) ([]byte, error)) ([]byte, error) {
	outs := make([][]byte, len(q.eps))
	rerrs := make([]error, len(q.eps))
	keys := make([]string, len(q.eps))
	hash := p.header.Hash()
	errs := q.each(ctx, p.members, func(ctx context.Context, i int) error {
		outs[i], rerrs[i] = read(ctx, q.eps[i].ec, hash)
		var err error
		keys[i], err = resultKey(outs[i], rerrs[i])
		return err
	})
	for i := range errs {
		if !contains(p.members, i) {
			errs[i] = errors.New("not at the agreed block")
		}
	}
	first, err := q.decide(what, p.header.Number.Uint64(), keys, errs)
	if err != nil {
		return nil, err
	}
	return outs[first], rerrs[first]
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// CallContract runs an eth_call on every endpoint at the agreed block (or
// at block, once its hash is agreed) and returns the answer they agree on.
func (q *Quorum) CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error) {
	p, err := q.at(ctx, block)
	if err != nil {
		return nil, err
	}
	what := "eth_call"
	if msg.To != nil {
		what += " to " + msg.To.Hex()
		if len(msg.Data) >= 4 {
			what += fmt.Sprintf(" (selector %x)", msg.Data[:4])
		}
	}
	return q.verified(ctx, what, p, func(ctx context.Context, ec *ethclient.Client, h common.Hash) ([]byte, error) {
		return ec.CallContractAtHash(ctx, msg, h)
	})
}

// CodeAt is eth_getCode, checked like CallContract.
func (q *Quorum) CodeAt(ctx context.Context, account common.Address, block *big.Int) ([]byte, error) {
	p, err := q.at(ctx, block)
	if err != nil {
		return nil, err
	}
	return q.verified(ctx, "eth_getCode of "+account.Hex(), p, func(ctx context.Context, ec *ethclient.Client, h common.Hash) ([]byte, error) {
		return ec.CodeAtHash(ctx, account, h)
	})
}

// HeaderByNumber returns an agreed header: for nil, the agreed head, asked
// afresh (waiting for a transaction polls it until the transaction's block
// is agreed, so reads after a write see the write).
func (q *Quorum) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	var p *pin
	var err error
	if number == nil {
		p, err = q.pinned(ctx, true)
	} else {
		p, err = q.at(ctx, number)
	}
	if err != nil {
		return nil, err
	}
	return types.CopyHeader(p.header), nil
}

// FilterLogs asks every endpoint that agreed on a block at or after the
// query's end and compares the logs. An open end is the agreed head.
func (q *Quorum) FilterLogs(ctx context.Context, fq ethereum.FilterQuery) ([]types.Log, error) {
	if fq.BlockHash != nil {
		return nil, fmt.Errorf("%w: chain: logs by block hash are not checked across endpoints", wf.ErrInvalid)
	}
	p, err := q.pinned(ctx, false)
	if err != nil {
		return nil, err
	}
	if fq.ToBlock != nil && fq.ToBlock.Cmp(p.header.Number) > 0 {
		if p, err = q.pinned(ctx, true); err != nil {
			return nil, err
		}
		if fq.ToBlock.Cmp(p.header.Number) > 0 {
			return nil, fmt.Errorf("%w: chain: logs to block %s: the endpoints agree only up to block %s", wf.ErrUnavailable, fq.ToBlock, p.header.Number)
		}
	}
	// Endpoints that agree on a block's hash agree on every block before
	// it, so the range is one history on all of them.
	if fq.ToBlock == nil || fq.ToBlock.Sign() < 0 {
		fq.ToBlock = new(big.Int).Set(p.header.Number)
	}
	if fq.FromBlock == nil || fq.FromBlock.Sign() < 0 {
		fq.FromBlock = new(big.Int).Set(fq.ToBlock)
	}
	out, err := q.verified(ctx, fmt.Sprintf("logs of blocks %s-%s", fq.FromBlock, fq.ToBlock), p, func(ctx context.Context, ec *ethclient.Client, _ common.Hash) ([]byte, error) {
		ls, err := ec.FilterLogs(ctx, fq)
		if err != nil {
			return nil, err
		}
		return json.Marshal(ls)
	})
	if err != nil {
		return nil, err
	}
	var ls []types.Log
	if err := json.Unmarshal(out, &ls); err != nil {
		return nil, fmt.Errorf("chain: logs: %w", err)
	}
	return ls, nil
}

// The rest go to the first endpoint: they serve sending a transaction,
// which one node suffices for.

func (q *Quorum) primary() *ethclient.Client { return q.eps[0].ec }

// ChainID is the chain id every endpoint reported when dialled.
func (q *Quorum) ChainID(context.Context) (*big.Int, error) { return new(big.Int).Set(q.id), nil }

func (q *Quorum) PendingCodeAt(ctx context.Context, account common.Address) ([]byte, error) {
	return q.primary().PendingCodeAt(ctx, account)
}

func (q *Quorum) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	return q.primary().PendingNonceAt(ctx, account)
}

func (q *Quorum) NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error) {
	return q.primary().NonceAt(ctx, account, block)
}

func (q *Quorum) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	return q.primary().SuggestGasPrice(ctx)
}

func (q *Quorum) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return q.primary().SuggestGasTipCap(ctx)
}

func (q *Quorum) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return q.primary().EstimateGas(ctx, msg)
}

func (q *Quorum) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	return q.primary().SendTransaction(ctx, tx)
}

// TransactionReceipt asks every endpoint and returns the receipt K of them
// agree on (status, block hash and number, gas, logs): a receipt confirms
// a settlement, so one endpoint must not fake or hide it. An agreed "none"
// is ethereum.NotFound; receipts on some endpoints and none on others (an
// endpoint behind, or hiding it) also read as not mined yet, so a waiter
// polls on until enough agree, or its context ends.
func (q *Quorum) TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	rs := make([]*types.Receipt, len(q.eps))
	keys := make([]string, len(q.eps))
	errs := q.each(ctx, q.all(), func(ctx context.Context, i int) error {
		r, err := q.eps[i].ec.TransactionReceipt(ctx, hash)
		switch {
		case errors.Is(err, ethereum.NotFound):
			keys[i] = "none"
			return nil
		case err != nil:
			return err
		}
		rs[i], keys[i] = r, receiptKey(r)
		return nil
	})
	found, none := 0, false
	for i, k := range keys {
		if errs[i] == nil {
			if k == "none" {
				none = true
			} else {
				found++
			}
		}
	}
	var block uint64
	for _, r := range rs {
		if r != nil && r.BlockNumber != nil {
			block = max(block, r.BlockNumber.Uint64())
		}
	}
	first, err := q.decide("the receipt of tx "+hash.Hex(), block, keys, errs)
	if err != nil {
		var de *DisagreementError
		if errors.As(err, &de) && none && len(de.Groups) == 2 {
			// One receipt and "none": not enough endpoints have it yet.
			return nil, fmt.Errorf("%w: receipt of tx %s on %d of %d endpoints, %d needed", ethereum.NotFound, hash.Hex(), found, len(q.eps), q.k)
		}
		return nil, err
	}
	if keys[first] == "none" {
		return nil, ethereum.NotFound
	}
	return rs[first], nil
}

// receiptKey makes a receipt comparable by what a node derives from the
// block that holds it; fields some nodes omit (gas price, blob gas) are
// left out.
func receiptKey(r *types.Receipt) string {
	type log struct {
		Address common.Address
		Topics  []common.Hash
		Data    []byte
		Index   uint
	}
	k := struct {
		Status, CumulativeGasUsed, GasUsed uint64
		TxHash, BlockHash                  common.Hash
		BlockNumber                        *big.Int
		TransactionIndex                   uint
		ContractAddress                    common.Address
		Logs                               []log
	}{r.Status, r.CumulativeGasUsed, r.GasUsed, r.TxHash, r.BlockHash, r.BlockNumber, r.TransactionIndex, r.ContractAddress, nil}
	for _, l := range r.Logs {
		k.Logs = append(k.Logs, log{l.Address, l.Topics, l.Data, l.Index})
	}
	b, _ := json.Marshal(k)
	return string(b)
}

func (q *Quorum) SubscribeFilterLogs(ctx context.Context, fq ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("chain: subscriptions are not checked across endpoints; poll FilterLogs")
}

func (q *Quorum) TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error) {
	return q.primary().TransactionByHash(ctx, hash)
}
