// Command wf is the WebFunctions command line. It only wires the process
// to package cli.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/webfunctions/wf/cli"
	"github.com/webfunctions/wf/gcfloor"
)

func main() {
	gcfloor.Start(gcfloor.DefaultFloor) // fewer collections under load: package gcfloor
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "wf:", err)
		os.Exit(1)
	}
}
