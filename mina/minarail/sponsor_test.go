package minarail_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"

	"github.com/webfunctions/wf/mina"
	"github.com/webfunctions/wf/mina/minarail"
	"github.com/webfunctions/wf/wf"
)

// A sponsorship round-trips, and is refused when anything it signs is
// changed, on the other network, or malformed.
func TestSponsorship(t *testing.T) {
	payer, other, channel := newKey(t), newKey(t), newKey(t).PublicKey()
	owner := wf.Address{1, 2, 3}
	s, err := minarail.SignSponsorship(payer, mina.Testnet, channel, owner)
	if err != nil {
		t.Fatal(err)
	}
	got, err := minarail.DecodeSponsorship(s.Encode())
	if err != nil || got.Owner != owner || !got.Channel.Equal(channel) || !got.Payer.Equal(payer.PublicKey()) || got.Network != mina.Testnet {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	edit := func(f func(m map[string]any)) string {
		b, _ := base64.RawURLEncoding.DecodeString(s.Encode())
		var m map[string]any
		json.Unmarshal(b, &m)
		f(m)
		b, _ = json.Marshal(m)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	for name, enc := range map[string]string{
		"another owner":   edit(func(m map[string]any) { m["owner"] = wf.Address{9}.String() }),
		"another channel": edit(func(m map[string]any) { m["channel"] = other.PublicKey().Base58() }),
		"another payer":   edit(func(m map[string]any) { m["payer"] = other.PublicKey().Base58() }),
		"mainnet":         edit(func(m map[string]any) { m["network"] = "mainnet" }),
		"zero owner":      edit(func(m map[string]any) { m["owner"] = wf.Address{}.String() }),
		"unknown field":   edit(func(m map[string]any) { m["x"] = 1 }),
		"version":         edit(func(m map[string]any) { m["v"] = 2 }),
		"bad key":         edit(func(m map[string]any) { m["payer"] = "B62qnotakey" }),
		"padded":          s.Encode() + "=",
		"empty":           "",
	} {
		if _, err := minarail.DecodeSponsorship(enc); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func FuzzDecodeSponsorship(f *testing.F) {
	payer := newKey(f)
	s, _ := minarail.SignSponsorship(payer, mina.Mainnet, payer.PublicKey(), wf.Address{7})
	f.Add(s.Encode())
	f.Add("")
	f.Add("e30")
	f.Fuzz(func(t *testing.T, enc string) {
		s, err := minarail.DecodeSponsorship(enc)
		if err != nil {
			return
		}
		again, err := minarail.DecodeSponsorship(s.Encode())
		if err != nil || again.Owner != s.Owner || !again.Channel.Equal(s.Channel) {
			t.Fatalf("re-encoded sponsorship: %v", err)
		}
	})
}
