package client_test

import (
	"testing"

	"github.com/webfunctions/wf/client"
)

func TestPublicOnly(t *testing.T) {
	for addr, public := range map[string]bool{
		"93.184.216.34:80":        true,
		"[2606:4700::1111]:443":   true,
		"[64:ff9b::5db8:d822]:80": true, // NAT64 of a public address
		"127.0.0.1:80":            false,
		"10.0.0.1:80":             false,
		"169.254.169.254:80":      false,
		"100.64.0.1:80":           false,
		"198.18.0.1:80":           false,
		"[::1]:80":                false,
		"[fd00::1]:80":            false,
		"[::ffff:10.0.0.1]:80":    false,
		"[64:ff9b::a9fe:a9fe]:80": false, // NAT64 of the metadata address
		"[64:ff9b::a00:1]:80":     false,
		"[64:ff9b:1::a00:1]:80":   false,
		"[2002:a00:1::1]:80":      false, // 6to4 of 10.0.0.1
		"[::a00:1]:80":            false, // IPv4-compatible 10.0.0.1
		"[2002:5db8:d822::1]:80":  true,  // 6to4 of a public address
	} {
		if err := client.PublicOnly("tcp", addr, nil); (err == nil) != public {
			t.Errorf("%s: %v; want public %v", addr, err, public)
		}
	}
}
