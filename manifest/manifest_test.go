package manifest_test

import (
	"crypto/sha256"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/webfunctions/wf/manifest"
	"github.com/webfunctions/wf/wf"
)

const good = `{"name":"alpha","software":"1.2.3","runtimes":["wagi"],"features":["sealed","payments","sealed"],
 "limits":{"maxMemoryPages":256,"maxTimeoutMs":10000},"capacity":{"maxConcurrent":8},
 "region":"eu-west","country":"IE","price":"1000","contact":"ops@example.com"}`

func TestParseEncode(t *testing.T) {
	m, err := manifest.Parse([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	b := m.Encode()
	// Canonical: parsing the block and encoding again gives the same bytes,
	// so the same claims always have the same CID.
	m2, err := manifest.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if string(m2.Encode()) != string(b) || manifest.CID(b) != manifest.CID(m2.Encode()) {
		t.Fatalf("not canonical:\n%s\n%s", b, m2.Encode())
	}
	if !strings.Contains(string(b), `"features":["payments","sealed"]`) || m.Schema != manifest.Schema {
		t.Fatalf("block %s", b)
	}
	if manifest.CID(b).Codec() != wf.CodecJSON || len(manifest.CID(b).String()) > 128 {
		t.Fatal("CID does not fit the registry's metadata field")
	}
}

func TestParseRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"unknown field": strings.Replace(good, `"contact"`, `"contct"`, 1),
		"no name":       strings.Replace(good, `"name":"alpha",`, ``, 1),
		"no runtimes":   strings.Replace(good, `"runtimes":["wagi"],`, ``, 1),
		"no memory":     strings.Replace(good, `"maxMemoryPages":256,`, ``, 1),
		"region":        strings.Replace(good, `"eu-west"`, `"atlantis"`, 1),
		"country":       strings.Replace(good, `"IE"`, `"ireland"`, 1),
		"price":         strings.Replace(good, `"1000"`, `"0.001"`, 1),
		"schema":        strings.Replace(good, `{"name"`, `{"schema":"other","name"`, 1),
		"trailing":      good + "{}",
		"huge":          good + strings.Repeat(" ", manifest.MaxBytes),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := manifest.Parse([]byte(in)); !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("Parse = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	if !manifest.InRegion("eu-west", "eu") || manifest.InRegion("eu-west", "e") || manifest.InRegion("us-east", "eu") || !manifest.InRegion("eu-west", "eu-west") {
		t.Fatal("InRegion")
	}
	// Dublin to Singapore and back: over 100 ms even in a straight fibre.
	if d := manifest.MinRTT("eu-west", "ap-southeast"); d < 100*time.Millisecond || d > 200*time.Millisecond {
		t.Fatalf("MinRTT eu-west ap-southeast = %s", d)
	}
	if manifest.MinRTT("eu-west", "eu-west") != 0 || manifest.MinRTT("eu-west", "nowhere") != 0 {
		t.Fatal("MinRTT of one region or an unknown one")
	}
}

func TestHashIsTheCIDDigest(t *testing.T) {
	m, _ := manifest.Parse([]byte(good))
	b := m.Encode()
	h, ok := manifest.Hash(manifest.CID(b))
	if !ok || h != sha256.Sum256(b) {
		t.Fatal("Hash is not the block's SHA-256")
	}
	if _, ok := manifest.Hash(wf.SumCID(wf.CodecRaw, b)); ok {
		t.Fatal("a raw CID is not a manifest CID")
	}
}

// A provider that takes MINA states its terms; malformed ones are refused,
// and a manifest without them encodes as before (same CID).
func TestMinaTerms(t *testing.T) {
	const key = "B62qiy32p8kAKnny8ZFwoMhYpBppM1DWVCqAPBYNcXnsAHhnfAAuXgg"
	withMina := strings.Replace(good, `"contact"`, `"mina":{"network":"testnet","provider":"`+key+`","price":"1000000"},"contact"`, 1)
	m, err := manifest.Parse([]byte(withMina))
	if err != nil {
		t.Fatal(err)
	}
	if m.Mina == nil || m.Mina.Price != "1000000" || m.Mina.Provider != key {
		t.Fatalf("mina terms %+v", m.Mina)
	}
	if plain, _ := manifest.Parse([]byte(good)); strings.Contains(string(plain.Encode()), "mina") {
		t.Fatal("a manifest without MINA terms encodes a mina field")
	}
	for name, terms := range map[string]string{
		"network": `{"network":"moon","provider":"` + key + `","price":"1"}`,
		"key":     `{"network":"testnet","provider":"B62qnope","price":"1"}`,
		"price":   `{"network":"testnet","provider":"` + key + `","price":"0.001"}`,
		"unknown": `{"network":"testnet","provider":"` + key + `","price":"1","fee":"2"}`,
	} {
		b := strings.Replace(good, `"contact"`, `"mina":`+terms+`,"contact"`, 1)
		if _, err := manifest.Parse([]byte(b)); !errors.Is(err, wf.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
