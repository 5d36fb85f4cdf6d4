#!/usr/bin/env bash
# Installs the zkApp's pinned packages (o1js, mina-signer) from package-lock.json.
# Skips when node_modules already matches the lock, so repeated test runs cost
# nothing; npm's own cache (~/.npm) keeps the tarballs for a fresh checkout.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] &&
	[ -f node_modules/o1js/package.json ] && [ -f node_modules/mina-signer/package.json ]; then
	exit 0
fi
# npm install (not ci) with the lock: npm 11's ci refuses a lock that leaves
# out o1js's native packages for other platforms, which npm never records.
npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git diff --quiet -- package-lock.json; then
	echo "install: npm changed package-lock.json; commit it if intended" >&2
	exit 1
fi
