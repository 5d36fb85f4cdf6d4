package httperr_test

import (
	"fmt"
	"testing"

	"github.com/webfunctions/wf/httperr"
	"github.com/webfunctions/wf/wf"
)

// An answer's code already names its kind: the message does not repeat it.
func TestMessageDoesNotRepeatTheKind(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: only the owner may", wf.ErrForbidden), "only the owner may"},
		{fmt.Errorf("%w: %w: twice", wf.ErrInvalid, wf.ErrInvalid), "twice"},
		{fmt.Errorf("%w: function x is not deployed here", wf.ErrNotFound), "function x is not deployed here"},
		{wf.ErrForbidden, "forbidden"}, // nothing else to say
	} {
		if got := httperr.Message(tc.err); got != tc.want {
			t.Errorf("Message(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
