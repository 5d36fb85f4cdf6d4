package sandbox_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/webfunctions/wf/sandbox"
	"github.com/webfunctions/wf/wf"
)

// Run the "hello world" module from WAGI's documentation.
func ExampleSandbox_Run() {
	ctx := context.Background()
	sb, err := sandbox.New(ctx, sandbox.Config{}) // in-memory cache, default maxima
	if err != nil {
		log.Fatal(err)
	}
	defer sb.Close(ctx)

	// The key is the code's CID: a second Compile with it is a map lookup.
	mod, err := sb.Compile(ctx, "bafkreihello", wagiHello())
	if err != nil {
		log.Fatal(err)
	}
	resp, err := sb.Run(ctx, mod, &sandbox.Request{
		Method:     "POST",
		Path:       "/greet",
		ScriptName: "/bafkreihello",
		Host:       "provider.example",
		Body:       strings.NewReader("ignored by this module"),
		Limits:     wf.Limits{TimeoutMS: 1000, MemoryPages: 16},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	fmt.Print(string(resp.Body))
	// Output:
	// 200 text/plain
	// hello world
}
