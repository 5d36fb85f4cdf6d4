package diskstore_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/webfunctions/wf/store/diskstore"
	"github.com/webfunctions/wf/wf"
)

func TestCIDs(t *testing.T) {
	s, err := diskstore.New(t.TempDir(), diskstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, b := range []string{"a", "b", "c"} {
		c := wf.SumCID(wf.CodecRaw, []byte(b))
		if err := s.Put(context.Background(), c, []byte(b)); err != nil {
			t.Fatal(err)
		}
		want = append(want, c.String())
	}
	var got []string
	for _, c := range s.CIDs() {
		got = append(got, c.String())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("CIDs = %s, want %s", strings.Join(got, " "), strings.Join(want, " "))
	}
}
