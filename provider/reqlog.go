package provider

import (
	"context"
	"log/slog"
)

// requestHandler is a request's log handler: the provider's, with the
// request's id as the first attribute of every line. It writes what
// inner.WithAttrs(request_id) would, without building that handler (slog
// clones the handler and formats the attribute) for every request: most
// requests log one line, and the budget drops most lines under load.
// Handle puts request_id in front of the record's own attributes, where
// With would have put it; only when the request's logger itself gets
// attributes or a group is the handler with request_id built.
type requestHandler struct {
	inner slog.Handler // the provider's handler (the log budget's)
	id    string
}

func (h *requestHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *requestHandler) Handle(ctx context.Context, r slog.Record) error {
	nr := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	nr.AddAttrs(slog.String("request_id", h.id))
	r.Attrs(func(a slog.Attr) bool {
		nr.AddAttrs(a)
		return true
	})
	return h.inner.Handle(ctx, nr)
}

func (h *requestHandler) withID() slog.Handler {
	return h.inner.WithAttrs([]slog.Attr{slog.String("request_id", h.id)})
}

func (h *requestHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return h.withID().WithAttrs(as)
}

func (h *requestHandler) WithGroup(name string) slog.Handler {
	return h.withID().WithGroup(name)
}
