#!/usr/bin/env bash
# Issues a signed demo bearer token (RS256, MicroProfile JWT claims) for the local ICR API:
#   server-config/bin/demo-token.sh gp.beech              # a demo staff user: groups = their roles
#   server-config/bin/demo-token.sh gp.beech NURSE        # ...claiming only the groups given
#   server-config/bin/demo-token.sh --patient 9989999902  # a patient (the app, /api/me): Hannah Whitfield, a demo parent
# Then: curl -H "Authorization: Bearer $(server-config/bin/demo-token.sh gp.beech)" https://localhost:8443/api/...
# Uses the demo key made by the build; valid for an hour; issuer $ICR_JWT_ISSUER (default urn:icr:demo-issuer).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
key=${ICR_JWT_PRIVATE_KEY:-$root/server-config/target/jwt/private.pem}
issuer=${ICR_JWT_ISSUER:-urn:icr:demo-issuer}
[[ -f "$key" ]] || { echo "demo-token: no key at $key; build first (server-config/bin/run.sh or mvn package)" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)

if [[ "${1:-}" == "--patient" ]]; then
    nhs=${2:?usage: demo-token.sh --patient NHS_NUMBER}
    subject=$nhs
    groups='"PATIENT"'
    extra=",\"nhs_number\":\"$nhs\""
else
    subject=${1:?usage: demo-token.sh USERNAME [ROLE ...] | --patient NHS_NUMBER}
    shift
    if (( $# > 0 )); then
        roles=("$@")
    else
        mapfile -t roles < <(psql -X -tA -h "${ICR_DB_HOST:-127.0.0.1}" -p "${ICR_DB_PORT:-5432}" -U "${ICR_DB_USER:-icr}" \
            -d "${ICR_HOSPITAL_DB:-icr_hospital}" -v user="$subject" 2>/dev/null \
            <<< "SELECT sr.role FROM staff_role sr JOIN staff s ON s.id = sr.staff_id WHERE s.username = :'user'" || true)
        (( ${#roles[@]} > 0 )) || { echo "demo-token: no demo user '$subject' (see README for the demo users)" >&2; exit 1; }
    fi
    groups=$(printf '"%s",' "${roles[@]}"); groups=${groups%,}
    extra=""
fi

header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"%s}' \
    "$issuer" "$subject" "$subject" "$groups" "$now" $((now + 3600)) "$(openssl rand -hex 8)" "$extra" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
