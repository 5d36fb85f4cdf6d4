package dag_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/webfunctions/wf/dag"
	"github.com/webfunctions/wf/store/memstore"
)

// The CID printed is the one `echo hello | ipfs add --cid-version=1 -Q`
// prints: a file of one chunk is a single raw block.
func ExampleAddFile() {
	s := memstore.New()
	root, err := dag.AddFile(context.Background(), s, strings.NewReader("hello\n"))
	if err != nil {
		panic(err)
	}
	fmt.Println(root)
	// Output: bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am
}

// The CID printed is what `ipfs add -r --hidden --cid-version=1 -Q site`
// prints for the same two files on disk.
func ExampleAddPath() {
	ctx := context.Background()
	site := fstest.MapFS{
		"index.html":   {Data: []byte("hello\n")},
		"css/main.css": {Data: []byte("body{}\n")},
	}
	s := memstore.New()
	root, err := dag.AddPath(ctx, s, site, ".")
	if err != nil {
		panic(err)
	}
	page, err := dag.ReadFile(ctx, s, root, "index.html")
	if err != nil {
		panic(err)
	}
	fmt.Println(root)
	fmt.Printf("%q\n", page)
	// Output:
	// bafybeid6m2vhusm5bxnzf4dns7f4p4mljfjojsvc4lqdk43in64a46f44m
	// "hello\n"
}

// Moving a DAG between stores as a CAR stream, then checking it arrived
// whole.
func ExampleImportCAR() {
	ctx := context.Background()
	src, dst := memstore.New(), memstore.New()
	root, _ := dag.AddFile(ctx, src, bytes.NewReader(make([]byte, 600_000)))

	var car bytes.Buffer
	if err := dag.ExportCAR(ctx, src, root, &car); err != nil {
		panic(err)
	}
	roots, err := dag.ImportCAR(ctx, &car, dst, dag.Limits{})
	if err != nil {
		panic(err)
	}
	fmt.Println(roots[0] == root, dag.VerifyComplete(ctx, dst, roots[0]))
	// Output: true <nil>
}
