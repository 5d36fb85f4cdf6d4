//go:build wasip1

// Command cookie is a WAGI test function for package provider's isolation
// tests: it answers with the header lines its query names (each "h" value,
// URL-decoded, e.g. "Set-Cookie: a=1; Path=/; Domain=example.com") and a
// JSON body holding the Cookie header it was given and its WHO variable.
package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
)

func main() {
	q, _ := url.ParseQuery(os.Getenv("QUERY_STRING"))
	fmt.Print("Content-Type: application/json\n")
	for _, h := range q["h"] {
		fmt.Printf("%s\n", h)
	}
	fmt.Print("\n")
	json.NewEncoder(os.Stdout).Encode(map[string]string{
		"who":    os.Getenv("WHO"),
		"cookie": os.Getenv("HTTP_COOKIE"),
	})
}
