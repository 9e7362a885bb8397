#!/usr/bin/env bash
# Makes the integration tests' token key pair, once: <dir>/private.pem (PKCS#8) and <dir>/public.pem. The tests' identity
# provider publishes it beside its own key (keycloak.sh start --test), and the tests sign with it only the tokens a
# provider never issues (expired, another issuer, ...). Nothing else uses it: the API verifies tokens by the provider's
# published keys, and demo tokens come from the provider (demo-token.sh).
set -euo pipefail
dir=${1:?usage: test-token-key.sh DIR}
mkdir -p "$dir"
if [[ -s "$dir/private.pem" && -s "$dir/public.pem" ]]; then
    exit 0
fi
openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
chmod 600 "$dir/private.pem"
echo "test-token-key: made the tests' token key pair in $dir"
