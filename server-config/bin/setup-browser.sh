#!/usr/bin/env bash
# Makes sure the browser the portal's browser tests drive is installed: Debian's chromium and chromium-driver
# (/usr/bin/chromium, /usr/bin/chromedriver), idempotently. Installs them with apt-get when missing (as root, or
# through sudo without a password); otherwise says what to install and fails.
# Environment: ICR_CHROMIUM (default /usr/bin/chromium), ICR_CHROMEDRIVER (default /usr/bin/chromedriver).
set -euo pipefail

chromium=${ICR_CHROMIUM:-/usr/bin/chromium}
driver=${ICR_CHROMEDRIVER:-/usr/bin/chromedriver}

if [[ -x "$chromium" && -x "$driver" ]]; then
    echo "setup-browser: $("$chromium" --version 2>/dev/null | head -1), $("$driver" --version 2>/dev/null | cut -d' ' -f1-2)"
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "setup-browser: $chromium or $driver is missing and this user cannot install packages;" \
         "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)" >&2
    exit 1
fi

echo "setup-browser: installing chromium and chromium-driver from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null; then
    "${as_root[@]}" apt-get update -q >/dev/null
    "${as_root[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
fi
echo "setup-browser: $("$chromium" --version 2>/dev/null | head -1), $("$driver" --version 2>/dev/null | cut -d' ' -f1-2)"
