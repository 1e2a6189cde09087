#!/usr/bin/env bash
# The browser tests run in Debian's Chromium. Install it if it is missing.
set -euo pipefail
CHROMIUM="${SUPERVISION_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $CHROMIUM." >&2
echo "Install it with: sudo apt-get install -y chromium (or set SUPERVISION_CHROMIUM)." >&2
exit 1
