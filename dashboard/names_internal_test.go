package dashboard

import (
	"fmt"
	"testing"

	"github.com/webfunctions/wf/wf"
)

func TestSplit(t *testing.T) {
	c := func(i int) wf.CID { return wf.SumCID(wf.CodecRaw, []byte(fmt.Sprint(i))) }
	tg := func(pairs ...int) []wf.Target {
		var ts []wf.Target
		for i := 0; i < len(pairs); i += 2 {
			ts = append(ts, wf.Target{Function: c(pairs[i]), Weight: uint8(pairs[i+1])})
		}
		return ts
	}
	for _, tc := range []struct {
		pct           int
		current, want []wf.Target
	}{
		{100, nil, tg(0, 100)},
		{100, tg(1, 60, 2, 40), tg(0, 100)},
		{10, tg(1, 100), tg(0, 10, 1, 90)},
		{10, tg(1, 50, 2, 50), tg(0, 10, 1, 45, 2, 45)},
		{33, tg(1, 34, 2, 33, 3, 33), tg(0, 33, 1, 23, 2, 22, 3, 22)},
		{50, tg(0, 20, 1, 80), tg(0, 50, 1, 50)}, // fn already a target: its old share is replaced
		{99, tg(1, 1, 2, 99), tg(0, 99, 2, 1)},   // a share that rounds to nothing goes
		{10, nil, nil},                           // nothing to share the rest with
		{10, tg(0, 100), nil},
	} {
		got := split(c(0), tc.pct, tc.current)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("split(%d%%, %v) = %v, want %v", tc.pct, tc.current, got, tc.want)
		}
		sum := 0
		for _, x := range got {
			sum += int(x.Weight)
		}
		if got != nil && sum != 100 {
			t.Errorf("split(%d%%, %v) sums to %d", tc.pct, tc.current, sum)
		}
	}
}
