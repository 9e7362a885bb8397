#!/usr/bin/env bash
# Makes sure the tools the end-to-end tests drive are installed, idempotently, from Debian's packages: the browser the
# portal's browser tests drive (chromium and chromium-driver: /usr/bin/chromium, /usr/bin/chromedriver) and the TLS
# scanner the HTTPS listener is checked with (testssl.sh: /usr/bin/testssl), the load balancer of the cluster's failover
# test (haproxy), and Node.js with npm for the OpenAPI linter (below). Installs what is missing with apt-get (as root, or through sudo without a password); otherwise says what to
# install and fails.
# Environment: ICR_CHROMIUM (default /usr/bin/chromium), ICR_CHROMEDRIVER (default /usr/bin/chromedriver),
# ICR_TESTSSL (default /usr/bin/testssl).
set -euo pipefail

chromium=${ICR_CHROMIUM:-/usr/bin/chromium}
driver=${ICR_CHROMEDRIVER:-/usr/bin/chromedriver}
testssl=${ICR_TESTSSL:-/usr/bin/testssl}

missing=()
[[ -x "$chromium" ]] || missing+=(chromium)
[[ -x "$driver" ]] || missing+=(chromium-driver)
[[ -x "$testssl" ]] || missing+=(testssl.sh)
command -v npm >/dev/null || missing+=(nodejs npm)
command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
command -v bc >/dev/null || missing+=(bc)

if (( ${#missing[@]} > 0 )); then
    if [[ $(id -u) -eq 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        echo "setup-test-tools: ${missing[*]} missing and this user cannot install packages;" \
             "install Debian's ${missing[*]} (apt-get install ${missing[*]})" >&2
        exit 1
    fi
    echo "setup-test-tools: installing ${missing[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
        "${as_root[@]}" apt-get update -q >/dev/null
        "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    fi
fi
# Redocly CLI, which lints the API's OpenAPI document (OpenApiContractIT), from the npm registry into target/ (pinned;
# installed again only when the version differs). ICR_REDOCLY_DIR moves it.
redocly_version=2.77.0
redocly_dir=${ICR_REDOCLY_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/redocly}
installed=$(node -p "require('$redocly_dir/node_modules/@redocly/cli/package.json').version" 2>/dev/null || true)
if [[ "$installed" != "$redocly_version" ]]; then
    echo "setup-test-tools: installing @redocly/cli $redocly_version into $redocly_dir"
    mkdir -p "$redocly_dir"
    npm install --prefix "$redocly_dir" --no-audit --no-fund --loglevel=error "@redocly/cli@$redocly_version" >/dev/null
fi

echo "setup-test-tools: $("$chromium" --version 2>/dev/null | head -1), $("$driver" --version 2>/dev/null | cut -d' ' -f1-2)," \
     "testssl.sh $(dpkg-query -W -f '${Version}' testssl.sh 2>/dev/null || echo '(not from a package)'), @redocly/cli $redocly_version," \
     "haproxy $(dpkg-query -W -f '${Version}' haproxy 2>/dev/null || echo '(not from a package)')"
