package cli

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/webfunctions/wf/devnet"
)

// wf dev's log shows the auditor's canaries (which fail on purpose) only
// at debug level, and everything else as before, through loggers derived
// with With as the nodes' are.
func TestCanaryQuiet(t *testing.T) {
	auditor := devnet.AuditorKey().Address()
	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug} {
		t.Run(level.String(), func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(newCanaryQuiet(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: level}), auditor)).With("node", "dev")
			log.Info("deploy", "function", "bagacanary", "owner", strings.ToLower(auditor.Checksum()))
			log.Info("deploy", "function", "bagamine", "owner", "0x00000000000000000000000000000000000000aa")
			log.Info("invoke", "function", "bagacanary", "status", 504)
			log.Info("invoke", "function", "bagamine", "status", 502)
			log.Warn("invoke", "function", "bagacanary", "status", 500) // a warning stays a warning
			out := buf.String()
			if !strings.Contains(out, "function=bagamine status=502") || !strings.Contains(out, "level=WARN msg=invoke node=dev function=bagacanary") {
				t.Fatalf("the user's lines are missing:\n%s", out)
			}
			canaryLines := strings.Count(out, "function=bagacanary")
			switch level {
			case slog.LevelInfo:
				if canaryLines != 1 {
					t.Fatalf("canary lines at info level:\n%s", out)
				}
			case slog.LevelDebug:
				if canaryLines != 3 || strings.Count(out, "level=DEBUG") != 2 || strings.Count(out, "auditor_canary=true") != 2 {
					t.Fatalf("canary lines at debug level:\n%s", out)
				}
			}
		})
	}
}
