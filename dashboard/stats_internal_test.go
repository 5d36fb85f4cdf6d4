package dashboard

import (
	"math/big"
	"testing"

	"github.com/webfunctions/wf/wf"
)

// The function page's summary: failures are 5xx answers and recorded
// errors, latency by nearest rank, cost at the provider's price.
func TestSummarize(t *testing.T) {
	var es []wf.LogEntry
	for i := 1; i <= 20; i++ {
		e := wf.LogEntry{Status: 200, DurationMS: float64(21 - i)} // 20 down to 1 ms
		switch i {
		case 3:
			e.Status = 502
		case 4:
			e.Status, e.Error = 200, "trap"
		case 5:
			e.Status = 404 // the function's own answer, not a failure
		}
		es = append(es, e)
	}
	st := summarize(es, big.NewInt(1500))
	if st.Count != 20 || st.Errors != 2 || st.P50 != 10 || st.P95 != 19 || st.Cost.Int64() != 30000 {
		t.Fatalf("summary %+v", st)
	}
	if st := summarize(nil, nil); st.Count != 0 || st.P50 != 0 || st.P95 != 0 || st.Cost != nil {
		t.Fatalf("summary of nothing %+v", st)
	}
	if st := summarize(es[:1], nil); st.P50 != 20 || st.P95 != 20 || st.Cost != nil {
		t.Fatalf("summary of one without a price %+v", st)
	}
}
