package provider

import (
	"errors"
	"fmt"
	"testing"

	"github.com/webfunctions/wf/wf"
)

// The cache answers what wf.ParseCID answers, refuses what it refuses
// without remembering it, and stays within maxCachedCIDs.
func TestCIDCacheParsesAsParseCID(t *testing.T) {
	var c cidCache
	for i := range maxCachedCIDs + 10 {
		want, err := wf.NewCIDv1(wf.CodecRaw, append([]byte{0x12, 0x20}, fmt.Appendf(make([]byte, 0, 32), "%032d", i)...))
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // parsed, then remembered
			got, err := c.parse(want.String())
			if err != nil || got != want {
				t.Fatalf("parse %s: %v %v", want, got, err)
			}
		}
		if len(c.m) > maxCachedCIDs {
			t.Fatalf("%d cached, more than %d", len(c.m), maxCachedCIDs)
		}
	}
	for _, bad := range []string{"", "bafy", "@owner", "bagaaierakozndu5anqo3saglk5nr5wl5zptn4spdlvxjngvwdi4flk77ao5"} {
		_, want := wf.ParseCID(bad)
		if _, err := c.parse(bad); err == nil || !errors.Is(err, wf.ErrInvalid) || err.Error() != want.Error() {
			t.Errorf("parse %q: %v, want %v", bad, err, want)
		}
		if _, ok := c.m[bad]; ok {
			t.Errorf("%q remembered", bad)
		}
	}
}
