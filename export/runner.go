package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/webfunctions/wf/chain"
	"github.com/webfunctions/wf/sandbox"
)

// Main is the runner's program (cmd/wf-runner): it loads the function
// embedded in its own executable and serves it on Lambda's Runtime API
// when AWS_LAMBDA_RUNTIME_API is set, else over HTTP on $PORT. Variables
// named WF_ENV_NAME in environ reach the function as NAME (EnvFrom). Logs, the
// function's own stderr among them, go to stderr as JSON lines (Lambda's
// and Cloud Run's log collectors read them). args may be "--check": load
// and verify, print the function and exit.
func Main(ctx context.Context, args, environ []string, stderr io.Writer) error {
	getenv := func(k string) string {
		for _, kv := range environ {
			if name, v, ok := strings.Cut(kv, "="); ok && name == k {
				return v
			}
		}
		return ""
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{ReplaceAttr: cloudLogging}))
	check := len(args) == 1 && args[0] == "--check"
	if len(args) > 0 && !check {
		return fmt.Errorf("usage: wf-runner [--check] (the function is the one wf export embedded)")
	}
	lambda := getenv("AWS_LAMBDA_RUNTIME_API")
	srv, f, err := start(ctx, log, EnvFrom(environ))
	if err != nil {
		if lambda != "" {
			// Lambda shows an init error on the invocation that started us.
			(&Lambda{API: lambda}).InitError(ctx, err)
		}
		return err
	}
	log.Info("function verified", "function", f.CID.String(), "owner", f.Spec.Spec.Owner.Checksum())
	if check {
		fmt.Fprintf(stderr, "%s verified (owner %s)\n", f.CID, f.Spec.Spec.Owner.Checksum())
		return nil
	}
	if lambda != "" {
		return (&Lambda{API: lambda, Handler: srv, Log: log}).Serve(ctx)
	}
	port := getenv("PORT")
	if port == "" {
		port = "8080"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(getenv("WF_RUNNER_HOST"), port))
	if err != nil {
		return err
	}
	log.Info("serving", "addr", ln.Addr().String())
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		hs.Shutdown(sctx) // Cloud Run sends SIGTERM, then waits 10 s
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// start loads the function appended to this executable and compiles it.
func start(ctx context.Context, log *slog.Logger, env map[string]string) (*Server, *Function, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, nil, err
	}
	car, err := ExtractFile(exe)
	if err != nil {
		return nil, nil, err
	}
	f, err := Load(ctx, car, chain.Verifier{})
	if err != nil {
		return nil, nil, err
	}
	if err := f.AddEnv(env); err != nil {
		return nil, nil, err
	}
	sb, err := sandbox.New(ctx, SandboxConfig(f))
	if err != nil {
		return nil, nil, err
	}
	srv, err := NewServer(ctx, sb, f, log)
	if err != nil {
		return nil, nil, err
	}
	return srv, f, nil
}

// SandboxConfig is the runner's sandbox for f: the defaults, with room
// for the time limit f's spec asks for (a provider caps it at its own
// maximum; here the cloud's function timeout is the cap).
func SandboxConfig(f *Function) sandbox.Config {
	return sandbox.Config{MaxTimeout: max(sandbox.DefaultMaxTimeout, f.Spec.Spec.Limits.Timeout())}
}

// cloudLogging names a log line's level and message as Cloud Logging
// reads them from a container's JSON lines (severity, message); Lambda
// keeps lines as they are.
func cloudLogging(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 {
		switch a.Key {
		case slog.LevelKey:
			a.Key = "severity"
		case slog.MessageKey:
			a.Key = "message"
		}
	}
	return a
}
