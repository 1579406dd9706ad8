#!/usr/bin/env bash
# System packages the kiosk's build and tests need on Debian 12 (one apt line; ~50 s when missing):
# Chromium for the browser host and Playwright, socat for serial PTY pairs, CUPS + cups-pdf for the
# A4 printer queue, SANE for the document scanner test backend, CJK fonts, poppler for PDF checks,
# Xvfb for headful screenshots.
set -euo pipefail
PACKAGES=(chromium socat cups cups-bsd cups-client printer-driver-cups-pdf sane-utils libsane1
  fonts-noto-cjk fonts-wqy-zenhei poppler-utils xvfb xauth)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${PACKAGES[@]}"
