#!/bin/sh
# Regenerates dag/testdata/golden.json with a real kubo binary.
#
#   dag/testdata/regen-golden.sh            # builds kubo $KUBO_VERSION (several minutes)
#   IPFS=/path/to/ipfs dag/testdata/regen-golden.sh
#
# kubo is built in a throwaway module outside the repository, so the
# project's go.mod is never touched. The ipfs repository is a throwaway too
# (init --profile test, no daemon: every command runs offline).
set -eu
KUBO_VERSION=${KUBO_VERSION:-v0.43.0}
here=$(cd "$(dirname "$0")/.." && pwd) # the dag package directory
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${IPFS:-}" ]; then
	(
		cd "$work"
		go mod init kubo-build >/dev/null 2>&1
		go get "github.com/ipfs/kubo/cmd/ipfs@$KUBO_VERSION"
		go build -o "$work/ipfs" github.com/ipfs/kubo/cmd/ipfs
	)
	IPFS=$work/ipfs
fi
export IPFS_PATH="$work/repo"
"$IPFS" init --profile test >/dev/null
cd "$here"
go run ./testdata/gen -ipfs "$IPFS" -o testdata/golden.json
