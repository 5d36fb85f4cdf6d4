#!/usr/bin/env bash
# Regenerates everything derived from src/*.sol:
#   build/        ABI, bytecode and combined JSON from the pinned solc (package-lock.json)
#   ../chain/bindings/bindings.go  Go bindings from the pinned abigen (tools/go.mod)
# Needs node + npm and Go; both pins install themselves, so a fresh machine works.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund --loglevel=error >/dev/null
node build.js
# `go tool` builds abigen at the version tools/go.mod pins and caches the binary.
(cd tools && go tool abigen --v2 --pkg bindings \
	--combined-json ../build/combined.json \
	--out ../../chain/bindings/bindings.go)
echo "gen: wrote contracts/build and chain/bindings/bindings.go" >&2
