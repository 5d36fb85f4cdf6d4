package project_test

import (
	"fmt"

	"github.com/webfunctions/wf/project"
)

func ExampleParse() {
	f, err := project.Parse("wf.toml", []byte(`
name = "hello"

[env]
GREETING = "hi"

[limits]
memory = "64MiB"
timeout = "5s"
`))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s %v %+v\n", f.Name, f.Env, f.Limits.Spec())

	_, err = project.Parse("wf.toml", []byte(`
[limits]
timout = "5s"
`))
	fmt.Println(err)
	// Output:
	// hello map[GREETING:hi] {MemoryPages:1024 TimeoutMS:5000 MaxRequestBytes:0 MaxResponseBytes:0}
	// wf.toml:3: unknown key "limits.timout" (did you mean "limits.timeout"?)
}
