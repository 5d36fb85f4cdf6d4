package cli_test

import (
	"strings"
	"testing"
)

// wf invoke --mina refuses what it cannot pay for before sending anything.
func TestInvokeMinaBadInput(t *testing.T) {
	const fn = "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea"
	env := map[string]string{"WF_HOME": t.TempDir()}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"invoke", fn, "--provider", "http://127.0.0.1:1", "--mina", "B62qnotakey"}, "--mina: the channel's address"},
		{[]string{"invoke", fn, "--provider", "http://127.0.0.1:1", "--mina", "B62qjCcJbUBa9gWFeZcNEECnaXatncMXoS7ULM9KPCHesJJM8uCXM7r", "--pay", "alpha"}, "pay with --pay or --mina, not both"},
		{[]string{"invoke", "@0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266/hello", "--provider", "http://127.0.0.1:1", "--mina", "B62qjCcJbUBa9gWFeZcNEECnaXatncMXoS7ULM9KPCHesJJM8uCXM7r"}, "--pay and --mina need a CID"},
		{[]string{"invoke", fn, "--provider", "http://127.0.0.1:1", "--mina", "B62qjCcJbUBa9gWFeZcNEECnaXatncMXoS7ULM9KPCHesJJM8uCXM7r"}, "connection refused"},
	} {
		if _, err := wf(t, env, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("wf %s: %v, want %q", strings.Join(tc.args, " "), err, tc.want)
		}
	}
}
