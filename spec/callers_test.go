package spec_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/webfunctions/wf/spec"
	"github.com/webfunctions/wf/wf"
)

// TestCallersData: wf.callers data is accepted only in its one canonical,
// sensible form; everything else is refused as invalid, naming the fault.
func TestCallersData(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       string // "ok" accepts; else refused, with this in the error
	}{
		{"both", `{"ownerPays":{"requests":1000,"seconds":86400},"perCaller":{"requests":60,"seconds":60}}`, "ok"},
		{"per caller", `{"perCaller":{"requests":1,"seconds":1}}`, "ok"},
		{"caller pays", `{"callerPays":"required"}`, "ok"},
		{"caller pays and rate", `{"callerPays":"required","perCaller":{"requests":5,"seconds":60}}`, "ok"},
		{"max", `{"perCaller":{"requests":1000000000,"seconds":31622400}}`, "ok"},

		{"missing", ``, "missing"},
		{"empty", `{}`, "no limit"},
		{"unknown field", `{"perCaller":{"requests":1,"seconds":1},"extra":1}`, "unknown field"},
		{"unknown rate field", `{"perCaller":{"burst":2,"requests":1,"seconds":1}}`, "unknown field"},
		{"zero window", `{"perCaller":{"requests":1,"seconds":0}}`, "seconds 0"},
		{"no window", `{"perCaller":{"requests":1}}`, "canonical"},
		{"zero requests", `{"ownerPays":{"requests":0,"seconds":60}}`, "requests 0"},
		{"negative requests", `{"perCaller":{"requests":-1,"seconds":60}}`, "requests -1"},
		{"negative window", `{"ownerPays":{"requests":1,"seconds":-60}}`, "seconds -60"},
		{"window over a year", `{"perCaller":{"requests":1,"seconds":31622401}}`, "a year"},
		{"too many requests", `{"perCaller":{"requests":1000000001,"seconds":1}}`, "requests 1000000001"},
		{"huge", `{"perCaller":{"requests":1,"seconds":9007199254740993}}`, ""},
		{"fraction", `{"perCaller":{"requests":1.5,"seconds":60}}`, ""},
		{"exponent", `{"perCaller":{"requests":1e2,"seconds":60}}`, ""},
		{"string number", `{"perCaller":{"requests":"60","seconds":60}}`, ""},
		{"null rate", `{"perCaller":null}`, "canonical"},
		{"unsorted", `{"perCaller":{"seconds":60,"requests":1}}`, "canonical"},
		{"whitespace", `{"perCaller": {"requests":1,"seconds":60}}`, "canonical"},
		{"duplicate", `{"perCaller":{"requests":1,"requests":99,"seconds":60}}`, "canonical"},
		{"empty callerPays", `{"callerPays":"","perCaller":{"requests":1,"seconds":1}}`, "canonical"},
		{"other callerPays", `{"callerPays":"optional"}`, "callerPays"},
		{"owner pays and caller pays", `{"callerPays":"required","ownerPays":{"requests":1,"seconds":1}}`, "owner pays for nothing"},
		{"array", `[1]`, ""},
		{"string", `"60/1m"`, ""},
		{"trailing", `{"callerPays":"required"}{}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data json.RawMessage
			if tc.data != "" {
				data = json.RawMessage(tc.data)
			}
			err := spec.CallersType.Check(data)
			switch {
			case tc.want == "ok":
				if err != nil {
					t.Fatalf("refused %s: %v", tc.data, err)
				}
			case err == nil:
				t.Fatalf("accepted %s", tc.data)
			case !errors.Is(err, wf.ErrInvalid):
				t.Fatalf("%s: %v does not wrap ErrInvalid", tc.data, err)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Fatalf("%s: %v, want it to say %q", tc.data, err, tc.want)
			}
		})
	}
}

// TestCallersExtension: what the CLI puts in a spec passes the node's
// check, is required and round-trips.
func TestCallersExtension(t *testing.T) {
	c := &spec.Callers{PerCaller: &spec.Rate{Requests: 60, Seconds: 60}, OwnerPays: &spec.Rate{Requests: 1000, Seconds: 86400}}
	x, err := c.Extension()
	if err != nil {
		t.Fatal(err)
	}
	if !x.Required || string(x.Data) != `{"ownerPays":{"requests":1000,"seconds":86400},"perCaller":{"requests":60,"seconds":60}}` {
		t.Fatalf("got %+v %s", x, x.Data)
	}
	back, err := spec.DecodeCallers(x.Data)
	if err != nil || *back.PerCaller != *c.PerCaller || *back.OwnerPays != *c.OwnerPays {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	if _, err := (&spec.Callers{PerCaller: &spec.Rate{Requests: 1}}).Extension(); !errors.Is(err, wf.ErrInvalid) {
		t.Fatalf("a zero window made an extension: %v", err)
	}
	s := testSpec(t)
	s.Version = wf.SpecVersionExtended
	s.Extensions = map[string]wf.Extension{spec.CallersExtension: x}
	if err := spec.NewRegistry(spec.CallersType).Admit(&s); err != nil {
		t.Fatal(err)
	}
	var none spec.Registry
	var ue *spec.UnsupportedError
	if err := none.Admit(&s); !errors.As(err, &ue) || ue.Name != spec.CallersExtension {
		t.Fatalf("a node without wf.callers: %v", err)
	}
}

// FuzzCallers: whatever wf.callers data a node accepts is in range, and
// its Extension is the same bytes, required.
func FuzzCallers(f *testing.F) {
	f.Add([]byte(`{"ownerPays":{"requests":1000,"seconds":86400},"perCaller":{"requests":60,"seconds":60}}`))
	f.Add([]byte(`{"callerPays":"required"}`))
	f.Add([]byte(`{"perCaller":{"requests":-1,"seconds":0}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := spec.DecodeCallers(b)
		if err != nil {
			if !errors.Is(err, wf.ErrInvalid) {
				t.Fatalf("%q: %v is not ErrInvalid", b, err)
			}
			return
		}
		for _, r := range []*spec.Rate{c.PerCaller, c.OwnerPays} {
			if r != nil && (r.Requests < 1 || r.Seconds < 1 || r.Requests > spec.MaxRateRequests || r.Seconds > spec.MaxRateSeconds) {
				t.Fatalf("%q accepted out of range", b)
			}
		}
		x, err := c.Extension()
		if err != nil || !x.Required || string(x.Data) != string(b) {
			t.Fatalf("%q: extension %s %v", b, x.Data, err)
		}
	})
}
