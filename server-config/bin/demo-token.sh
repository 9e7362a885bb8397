#!/usr/bin/env bash
# Gets a bearer token for the local ICR API from the sandbox OpenID Connect provider (server-config/bin/keycloak.sh, started
# by run.sh), as a partner system or the app would: nothing here holds a signing key.
#   server-config/bin/demo-token.sh gp.beech                       # a demo member of staff (password grant, client icr-app)
#   server-config/bin/demo-token.sh --patient 9989999902           # a patient (the app, /api/me): Hannah Whitfield
#   server-config/bin/demo-token.sh --client partner-demo SECRET 'record:read record:write'   # client credentials
# Then: curl -H "Authorization: Bearer $(server-config/bin/demo-token.sh gp.beech)" https://localhost:8443/api/...
# A staff token carries the user's ICR roles as the realm holds them (a ROLE after the username, as older scripts pass it,
# is ignored). A patient the sandbox realm does not know yet is added to it first (with the NHS number as
# username and the demo password), so that any demo patient can sign in. Tokens live an hour (the realm's setting).
set -euo pipefail
provider=${ICR_OIDC_URL:-http://localhost:${ICR_KEYCLOAK_PORT:-8280}}
token_endpoint="$provider/realms/icr/protocol/openid-connect/token"
password=${ICR_DEMO_PASSWORD:-icr-demo-2026}

usage() { echo "usage: demo-token.sh USERNAME [ROLE] | --patient NHS_NUMBER | --client CLIENT_ID SECRET [SCOPES]" >&2; exit 2; }

# the access token of the provider's answer, or the provider's error and a non-zero exit
access_token() {
    local answer
    answer=$(curl -sS --max-time 30 "$token_endpoint" "$@") \
        || { echo "demo-token: no answer from $provider (server-config/bin/keycloak.sh start)" >&2; exit 1; }
    if [[ "$answer" =~ \"access_token\":\"([^\"]+)\" ]]; then
        printf '%s\n' "${BASH_REMATCH[1]}"
    else
        echo "demo-token: the provider refused: $answer" >&2
        exit 1
    fi
}

admin_token() {
    curl -sS --max-time 30 "$provider/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
        --data-urlencode "username=${ICR_KEYCLOAK_ADMIN:-admin}" \
        --data-urlencode "password=${ICR_KEYCLOAK_ADMIN_PASSWORD:-icr-keycloak-local}" \
        | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p'
}

# adds the patient to the sandbox realm when it does not know them (role PATIENT, claim nhs_number)
ensure_patient() {
    local nhs=$1 admin
    admin=$(admin_token)
    [[ -n "$admin" ]] || { echo "demo-token: cannot sign in to the provider's admin API" >&2; exit 1; }
    if [[ $(curl -sS -H "Authorization: Bearer $admin" "$provider/admin/realms/icr/users?exact=true&username=$nhs") == "[]" ]]; then
        curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
            "$provider/admin/realms/icr/users" --data-binary @- <<JSON
{"username": "$nhs", "enabled": true, "firstName": "Demo", "lastName": "Patient", "email": "$nhs@patients.icr.invalid",
 "emailVerified": true, "attributes": {"nhs_number": ["$nhs"]},
 "credentials": [{"type": "password", "value": "$password", "temporary": false}]}
JSON
    fi
    # the role every time (granting a held role again changes nothing): a user made by a run that stopped half-way gets it
    local id role
    id=$(curl -sS -H "Authorization: Bearer $admin" "$provider/admin/realms/icr/users?exact=true&username=$nhs" \
        | sed -nE 's/^\[\{"id":"([^"]+)".*/\1/p')
    role=$(curl -fsS -H "Authorization: Bearer $admin" "$provider/admin/realms/icr/roles/PATIENT")
    curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        "$provider/admin/realms/icr/users/$id/role-mappings/realm" --data-binary "[$role]"
}

case "${1:-}" in
    "") usage ;;
    --patient)
        nhs=${2:-}
        [[ "$nhs" =~ ^[0-9]{10}$ ]] || usage
        ensure_patient "$nhs"
        access_token -d grant_type=password -d client_id=icr-app --data-urlencode "username=$nhs" \
            --data-urlencode "password=$password"
        ;;
    --client)
        [[ -n "${2:-}" && -n "${3:-}" ]] || usage
        access_token -d grant_type=client_credentials --data-urlencode "client_id=$2" --data-urlencode "client_secret=$3" \
            ${4:+--data-urlencode "scope=$4"}
        ;;
    *)
        access_token -d grant_type=password -d client_id=icr-app --data-urlencode "username=$1" \
            --data-urlencode "password=$password"
        ;;
esac
