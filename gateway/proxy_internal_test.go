package gateway

import (
	"net/netip"
	"testing"
)

func TestClientAddress(t *testing.T) {
	ps, err := newProxies([]netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("192.168.1.77/16"), // masked to 192.168.0.0/16
		netip.MustParsePrefix("2001:db8:ffff::/48"),
		netip.MustParsePrefix("::ffff:172.16.0.0/108"), // 172.16.0.0/12
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, remote string
		xff          []string
		want         string // "" for not ok
	}{
		{"untrusted peer", "203.0.113.5:1234", []string{"198.51.100.7"}, "203.0.113.5"},
		{"trusted, no header", "10.0.0.1:80", nil, "10.0.0.1"},
		{"trusted", "10.0.0.1:80", []string{"198.51.100.7"}, "198.51.100.7"},
		{"client-written entries", "10.0.0.1:80", []string{"6.6.6.6, 198.51.100.7"}, "198.51.100.7"},
		{"chain", "10.0.0.1:80", []string{"6.6.6.6, 198.51.100.7, 192.168.1.1, 10.1.1.1"}, "198.51.100.7"},
		{"header lines", "10.0.0.1:80", []string{"6.6.6.6", "198.51.100.7, 10.1.1.1"}, "198.51.100.7"},
		{"all trusted", "10.0.0.1:80", []string{"10.9.9.9, 192.168.1.1"}, "10.9.9.9"},
		{"garbage stops at the proxy", "10.0.0.1:80", []string{"198.51.100.7, unknown, 10.1.1.1"}, "10.1.1.1"},
		{"garbage right-most", "10.0.0.1:80", []string{"198.51.100.7, junk"}, "10.0.0.1"},
		{"empty entries", "10.0.0.1:80", []string{"198.51.100.7, , 10.1.1.1,"}, "198.51.100.7"},
		{"ports", "10.0.0.1:80", []string{"198.51.100.7:5555"}, "198.51.100.7"},
		{"bracketed IPv6", "10.0.0.1:80", []string{"[2001:db8::2]"}, "2001:db8::2"},
		{"bracketed IPv6 with port", "10.0.0.1:80", []string{"[2001:db8::1]:4711"}, "2001:db8::1"},
		{"IPv6 proxy", "[2001:db8:ffff::1]:443", []string{"2001:db8:1::9"}, "2001:db8:1::9"},
		{"mapped peer", "[::ffff:10.0.0.1]:80", []string{"198.51.100.7"}, "198.51.100.7"},
		{"mapped prefix", "172.16.5.5:80", []string{"198.51.100.8"}, "198.51.100.8"},
		{"mapped entry", "10.0.0.1:80", []string{"::ffff:198.51.100.9"}, "198.51.100.9"},
		{"zone", "[fe80::1%eth0]:80", nil, "fe80::1"},
		{"not an address", "pipe", []string{"198.51.100.7"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			peer, ok := parseAddr(tt.remote)
			if tt.want == "" {
				if ok {
					t.Fatalf("peer %v, want none", peer)
				}
				return
			}
			if got := ps.client(peer, tt.xff); !ok || got != netip.MustParseAddr(tt.want) {
				t.Fatalf("client %v (peer ok %v), want %s", got, ok, tt.want)
			}
		})
	}
	if _, err := newProxies([]netip.Prefix{{}}); err == nil {
		t.Error("the zero prefix was accepted")
	}
	var none proxies
	if got := none.client(netip.MustParseAddr("10.0.0.1"), []string{"198.51.100.7"}); got != netip.MustParseAddr("10.0.0.1") {
		t.Errorf("with no trusted proxies: %v", got)
	}
}

func TestClientKey(t *testing.T) {
	for in, want := range map[string]string{
		"198.51.100.7":         "198.51.100.7",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64",
		"::1":                  "::/64",
	} {
		if got := clientKey(netip.MustParseAddr(in)); got != want {
			t.Errorf("clientKey(%s) = %s, want %s", in, got, want)
		}
	}
}
