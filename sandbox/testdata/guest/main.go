//go:build wasip1

// Command guest is the WAGI test function for package sandbox. It is built by
// the tests with GOOS=wasip1 GOARCH=wasm and does what PATH_INFO names.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	path := os.Getenv("PATH_INFO")
	query := os.Getenv("QUERY_STRING")
	q := map[string]string{}
	for _, kv := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(kv, "=")
		q[k] = v
	}
	route := path
	if strings.HasPrefix(path, "/echo/") {
		route = "/echo" // /echo/anything echoes too, to test PATH_INFO decoding
	}
	switch route {
	case "/echo":
		echo(q)
	case "/env":
		header("", "application/json")
		json.NewEncoder(os.Stdout).Encode(map[string]any{"env": os.Environ(), "args": os.Args})
	case "/loop":
		header("", "text/plain")
		n := 0
		for {
			n++
		}
	case "/membomb":
		var keep [][]byte
		for {
			b := make([]byte, 1<<20)
			b[0] = 1
			keep = append(keep, b)
		}
	case "/flood":
		header("", "application/octet-stream")
		chunk := make([]byte, 64<<10)
		for i := 0; i < 100<<20/len(chunk); i++ {
			os.Stdout.Write(chunk) // errors ignored on purpose: the host must stop us
		}
	case "/readfile":
		header("", "text/plain")
		b, err := os.ReadFile("/etc/passwd")
		if err != nil {
			fmt.Printf("readfile failed: %v\n", err)
			return
		}
		fmt.Printf("readfile succeeded: %d bytes\n%s", len(b), b)
	case "/exit1":
		header("", "text/plain")
		fmt.Println("about to exit 1")
		os.Exit(1)
	case "/badcgi":
		fmt.Println("hello without a header block")
	case "/stderr":
		n, _ := strconv.Atoi(q["n"])
		fmt.Fprint(os.Stderr, "log line one\n")
		if n > 0 {
			os.Stderr.Write([]byte(strings.Repeat("x", n)))
		}
		header("", "text/plain")
		fmt.Println("logged")
	case "/logenv":
		// Logs its whole environment, as careless functions do.
		fmt.Fprintln(os.Stderr, strings.Join(os.Environ(), "\n"))
		header("", "text/plain")
		fmt.Println("logged the environment")
	case "/sleep":
		ms, _ := strconv.Atoi(q["ms"])
		start := time.Now()
		time.Sleep(time.Duration(ms) * time.Millisecond)
		header("", "text/plain")
		fmt.Printf("slept %d ms\n", time.Since(start).Milliseconds())
	case "/redirect":
		// A Location without Status: the host answers 302.
		fmt.Print("Location: https://example.com/elsewhere\n\n")
	case "/panic":
		panic("guest panic")
	default:
		header("404 Not Found", "text/plain")
		fmt.Printf("no route %q\n", path)
	}
}

// header writes a CGI header block with LF line ends.
func header(status, contentType string) {
	if status != "" {
		fmt.Printf("Status: %s\n", status)
	}
	fmt.Printf("Content-Type: %s\n\n", contentType)
}

// echo answers with what it was given, as JSON. Query: status=NNN sets
// Status, crlf=1 ends header lines with CRLF.
func echo(q map[string]string) {
	body, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintf(os.Stderr, "read stdin: %v\n", err)
		os.Exit(3)
	}
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	eol := "\n"
	if q["crlf"] == "1" {
		eol = "\r\n"
	}
	var h strings.Builder
	if s := q["status"]; s != "" {
		fmt.Fprintf(&h, "Status: %s Custom%s", s, eol)
	}
	fmt.Fprintf(&h, "Content-Type: application/json%s", eol)
	fmt.Fprintf(&h, "X-Echo: yes%s", eol)
	fmt.Fprintf(&h, "Set-Cookie: a=1%sSet-Cookie: b=2%s", eol, eol)
	h.WriteString(eol)
	os.Stdout.WriteString(h.String())
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"method": env["REQUEST_METHOD"],
		"path":   env["PATH_INFO"],
		"query":  env["QUERY_STRING"],
		"args":   os.Args,
		"env":    env,
		"body":   string(body),
	})
}
