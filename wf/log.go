package wf

import "time"

// LogEntry is one invocation as a provider reports it to the function's
// owner (GET /v1/logs/{cid}, `wf logs`).
type LogEntry struct {
	Time       time.Time `json:"time"`
	RequestID  RequestID `json:"requestId"`
	Method     string    `json:"method"`
	Path       string    `json:"path"`
	Query      string    `json:"query,omitempty"` // the query string, decoded, without "?"; secrets redacted
	Status     int       `json:"status"`
	DurationMS float64   `json:"durationMs"`
	Error      string    `json:"error,omitempty"`
	Log        string    `json:"log,omitempty"` // the function's stderr
}
