#!/bin/sh
# Installs wf as a provider node under systemd: the binary, the unit, a
# system user, /etc/wf (config, keystore password) and /var/lib/wf (data),
# then makes the node's keys and config with `wf provider init`.
# docs/operators.md walks through it.
#
#   sudo packaging/install.sh dist/wf-linux-amd64 \
#       --name alice --public-url https://node.example.com --price 0.0001 --rpc https://rpc.example
#
# The arguments after the binary go to `wf provider init`. Idempotent: an
# existing key, password, keyring or config is kept.
#
# Environment:
#   SHA256SUMS  a release's checksum file; the binary must match its line
#   DESTDIR     stage everything under this directory instead of / (no
#               user, no systemctl): for packages and tests
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: install.sh WF_BINARY [wf provider init flags...]}
shift
root=${DESTDIR:-}

if [ -n "${SHA256SUMS:-}" ]; then
	name=$(basename "$bin")
	want=$(awk -v n="$name" '$2 == n || $2 == "*"n { print $1 }' "$SHA256SUMS")
	[ -n "$want" ] || { echo "install: $name is not in $SHA256SUMS" >&2; exit 1; }
	got=$(sha256sum "$bin" | awk '{ print $1 }')
	[ "$got" = "$want" ] || { echo "install: $bin does not match $SHA256SUMS (got $got)" >&2; exit 1; }
	echo "checksum of $name matches $SHA256SUMS"
fi
"$bin" version >/dev/null || { echo "install: $bin does not run here" >&2; exit 1; }

install -D -m 0755 "$bin" "$root/usr/local/bin/wf"
install -D -m 0644 "$here/systemd/wf-provider.service" "$root/etc/systemd/system/wf-provider.service"
if [ -z "$root" ] && ! id wf >/dev/null 2>&1; then
	useradd --system --home-dir /var/lib/wf --shell /usr/sbin/nologin wf
fi
install -d -m 0700 "$root/var/lib/wf"
install -d -m 0750 "$root/etc/wf"

# The keystore password: random, root's alone; systemd hands it to the
# service as a credential.
pw="$root/etc/wf/password"
if [ ! -s "$pw" ]; then
	(umask 077 && head -c 32 /dev/urandom | base64 > "$pw")
	echo "made a random keystore password in /etc/wf/password (back it up with the data)"
fi

config="$root/etc/wf/provider.toml"
WF_HOME="$root/var/lib/wf" "$root/usr/local/bin/wf" provider init \
	--data "$root/var/lib/wf/provider" --config "$config" --password-file "$pw" "$@"
if [ -n "$root" ]; then
	# Staged: the config names the paths of the installed system.
	sed -i "s#$root/#/#g" "$config"
else
	chown -R wf:wf /var/lib/wf
	chgrp wf "$config" && chmod 0640 "$config"
	systemctl daemon-reload
fi
cat <<MSG

installed. Then:
  fund the node's key and register it (the two lines above), and
  systemctl enable --now wf-provider
  journalctl -u wf-provider -f        # the self-check's verdict is the first lines
  wf provider status --config /etc/wf/provider.toml
MSG
