package cli

import (
	"testing"
	"time"

	"github.com/webfunctions/wf/wf"
)

func TestLogFilter(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	at := func(ago time.Duration, status int) wf.LogEntry {
		return wf.LogEntry{Time: now.Add(-ago), Status: status}
	}
	for _, tc := range []struct {
		status, since string
		e             wf.LogEntry
		want          bool
	}{
		{"", "", at(time.Hour, 200), true},
		{"5xx", "", at(0, 502), true},
		{"5xx", "", at(0, 200), false},
		{"5XX, 402", "", at(0, 402), true},
		{"404", "", at(0, 402), false},
		{"", "10m", at(9*time.Minute, 200), true},
		{"", "10m", at(11*time.Minute, 200), false},
		{"", "2026-12-07T11:30:00Z", at(20*time.Minute, 200), true},
		{"", "2026-12-07T11:30:00Z", at(40*time.Minute, 200), false},
		{"2xx", "1h", at(2*time.Hour, 200), false},
	} {
		keep, err := logFilter(tc.status, tc.since, now)
		if err != nil {
			t.Fatalf("logFilter(%q, %q): %v", tc.status, tc.since, err)
		}
		if got := keep(tc.e); got != tc.want {
			t.Errorf("--status %q --since %q keeps %d at %v: %v, want %v", tc.status, tc.since, tc.e.Status, tc.e.Time, got, tc.want)
		}
	}
	for _, bad := range [][2]string{{"2yy", ""}, {"99", ""}, {"600", ""}, {"", "yesterday"}, {"", "-5m"}} {
		if _, err := logFilter(bad[0], bad[1], now); err == nil {
			t.Errorf("logFilter(%q, %q) accepted", bad[0], bad[1])
		}
	}
}
