package settler_test

import (
	"context"
	"errors"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/settler"
	"github.com/webfunctions/wf/wf"
)

// The settler refuses bad input with a 4xx and says what is wrong; an
// account that does not exist is wf.ErrNotFound; a plain account is not a
// channel. (Channels, redeems and sends: mina/minarail's TestEndToEnd.)
func TestSettlerRefuses(t *testing.T) {
	if os.Getenv("WF_MINA_SETTLER") != "1" {
		t.Skip("set WF_MINA_SETTLER=1 to run the Node settler (scripts/test does)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	p, err := settler.Exec(ctx, settler.Options{Dir: filepath.Join("..", "zkapp")})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	info, err := p.Info(ctx)
	if err != nil || info.Mode != "local" || info.Network != "testnet" {
		t.Fatalf("info %+v %v", info, err)
	}
	k, _ := mina.NewPrivateKey(big.NewInt(77))
	if _, err := p.Channel(ctx, k.PublicKey()); !errors.Is(err, wf.ErrNotFound) {
		t.Fatalf("no account: %v", err)
	}
	if err := p.Fund(ctx, k.PublicKey(), 1000); err != nil {
		t.Fatal(err)
	}
	st, err := p.Channel(ctx, k.PublicKey())
	if err != nil || st.Code || st.Balance != "1000" {
		t.Fatalf("a plain account: %+v %v", st, err)
	}
	if _, err := st.MinapayChannel(); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("a plain account as a channel: %v", err)
	}
	for _, tc := range []struct{ method, path, body, want string }{
		{"POST", "/v1/redeem", `{"channel":"B62nope"}`, "channel is not a Mina public key"},
		{"POST", "/v1/redeem", `not json`, "body is not JSON"},
		{"POST", "/v1/channels", `{"payerKey":"EKnope"}`, "payerKey is not a Mina private key"},
		{"POST", "/v1/local/fund", `{"address":"` + k.PublicKey().Base58() + `","amount":"-1"}`, "amount is not a decimal amount"},
		{"POST", "/v1/send", `{"tx":"{}"}`, "not a transaction"},
		{"GET", "/v1/nothing", ``, "no route"},
	} {
		req, _ := http.NewRequest(tc.method, p.URL+tc.path, strings.NewReader(tc.body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode < 400 || resp.StatusCode >= 500 || !strings.Contains(string(b), tc.want) {
			t.Errorf("%s %s %s: %d %s", tc.method, tc.path, tc.body, resp.StatusCode, b)
		}
	}
}
