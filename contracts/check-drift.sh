#!/usr/bin/env bash
# Fails if the committed contract artifacts (contracts/build, chain/bindings)
# differ from what contracts/gen.sh produces from the sources and pins.
set -euo pipefail
cd "$(dirname "$0")"

generated=(build ../chain/bindings)
snap=$(mktemp -d)
trap 'rm -rf "$snap"' EXIT
mkdir -p "$snap/build" "$snap/bindings"
cp -R build/. "$snap/build/" 2>/dev/null || true
cp -R ../chain/bindings/. "$snap/bindings/" 2>/dev/null || true

./gen.sh

status=0
# Against the tree as it was (also catches files not yet committed) ...
diff -r "$snap/build" build || status=1
diff -r "$snap/bindings" ../chain/bindings || status=1
# ... and against the commit, when there is one.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git diff --exit-code -- "${generated[@]}" || status=1
	untracked=$(git ls-files --others --exclude-standard -- "${generated[@]}")
	if [ -n "$untracked" ] && git ls-files --error-unmatch build >/dev/null 2>&1; then
		echo "check-drift: generated files not committed:" >&2
		echo "$untracked" >&2
		status=1
	fi
fi
if [ "$status" -ne 0 ]; then
	echo "check-drift: generated contract artifacts are stale; run contracts/gen.sh and commit" >&2
fi
exit "$status"
