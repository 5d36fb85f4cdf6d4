// Command wf-runner runs one exported function (see package export): wf
// export appends the function to a copy of this binary. Built static for
// Linux (CGO_ENABLED=0), it is Lambda's and Vercel's bootstrap and Cloud
// Run's container entrypoint.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/webfunctions/wf/export"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := export.Main(ctx, os.Args[1:], os.Environ(), os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "wf-runner:", err)
		os.Exit(1)
	}
}
