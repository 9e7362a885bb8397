#!/usr/bin/env bash
# Makes the local demo signing key pair for API bearer tokens, once: <dir>/private.pem (PKCS#8) and
# <dir>/public.pem. Local development only: a real deployment verifies tokens from its identity
# provider's public key (MP_JWT_VERIFY_PUBLICKEY_LOCATION) and never sees a private key.
set -euo pipefail
dir=${1:?usage: demo-jwt-keys.sh DIR}
mkdir -p "$dir"
if [[ -s "$dir/private.pem" && -s "$dir/public.pem" ]]; then
    exit 0
fi
openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
chmod 600 "$dir/private.pem"
echo "demo-jwt-keys: made a demo token signing key pair in $dir"
