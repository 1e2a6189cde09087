#!/usr/bin/env bash
# PDF exports embed DejaVu Sans (Debian's fonts-dejavu-core), with Symbola
# (fonts-symbola) for most emoji and symbols. Install them if they are missing.
# Without it the portal still makes PDFs, in a built-in font that shows '?' for
# characters outside Latin-1.
set -euo pipefail
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
SYMBOLS=/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf
[ -f "$FONT" ] && [ -f "$SYMBOLS" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's fonts-dejavu-core and fonts-symbola for the PDF exports…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-symbola >/dev/null
  exit 0
fi
echo "PDF exports need DejaVu Sans at $FONT." >&2
echo "Install them with: sudo apt-get install -y fonts-dejavu-core fonts-symbola" >&2
exit 0
