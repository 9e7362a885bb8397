#!/usr/bin/env bash
# The sandbox OpenID Connect provider (Keycloak, provisioned by the build into server-config/target), with the ICR realm
# imported from server-config/keycloak/icr-realm.json at every start (in-memory store: the realm is only what the
# repository says; users or clients added at run time are gone at the next start).
#   server-config/bin/keycloak.sh start [--test]   starts it in the background and waits until the realm answers
#   server-config/bin/keycloak.sh stop [--test]    stops it
#   server-config/bin/keycloak.sh status [--test]
# Idempotent: start leaves a running provider as it is. Without --test: the run command's provider on
# http://localhost:${ICR_KEYCLOAK_PORT:-8280}; with --test: the integration tests' own copy on port
# ${ICR_TEST_KEYCLOAK_PORT:-8380} (the test build passes its icr.test.oidc.port), under ear/target. Either listens on the
# loopback address only.
# The admin console and API: user ${ICR_KEYCLOAK_ADMIN:-admin}, password ${ICR_KEYCLOAK_ADMIN_PASSWORD:-icr-keycloak-local}
# (local-development defaults; set both for anything else).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command=${1:?usage: keycloak.sh start|stop|status [--test]}
provisioned=$(ls -d "$root"/server-config/target/keycloak-[0-9]*/ 2>/dev/null | head -n 1 || true)
[[ -n "$provisioned" ]] || { echo "keycloak: not provisioned; build first (mvn package, or server-config/bin/run.sh)" >&2; exit 1; }
provisioned=${provisioned%/}

if [[ "${2:-}" == "--test" ]]; then
    home="$root/ear/target/keycloak"
    port=${ICR_TEST_KEYCLOAK_PORT:-8380}
else
    home="$provisioned"
    port=${ICR_KEYCLOAK_PORT:-8280}
fi
state="$home/icr-state"
pidfile="$state/pid"
issuer="http://localhost:$port/realms/icr"

running() {
    [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# a provider on this port whose pid file is gone (a build cleaned its directory while it ran): its process, if any
orphan() {
    pgrep -f -- "--http-port=$port" | head -n 1 || true
}

wait_until_answering() {
    for _ in $(seq 1 180); do
        answering && return 0
        sleep 1
    done
    return 1
}

answering() {
    curl -fsS -o /dev/null --max-time 5 "$issuer/.well-known/openid-configuration" 2>/dev/null
}

admin_token() {
    curl -fsS "http://localhost:$port/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
        --data-urlencode "username=$KC_BOOTSTRAP_ADMIN_USERNAME" --data-urlencode "password=$KC_BOOTSTRAP_ADMIN_PASSWORD" \
        | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# The sandbox partner client partner-demo-jwt signs its client assertions (private_key_jwt) with a key pair made here once
# (never committed): server-config/target/partner-keys/partner-demo-jwt.key, whose certificate the realm is given at start.
register_partner_certificate() {
    local admin=$1 keys="$root/server-config/target/partner-keys" client
    if [[ ! -s "$keys/partner-demo-jwt.key" || ! -s "$keys/partner-demo-jwt.crt" ]]; then
        mkdir -p "$keys"
        openssl req -x509 -newkey rsa:2048 -nodes -keyout "$keys/partner-demo-jwt.key" -out "$keys/partner-demo-jwt.crt" \
            -days 3650 -subj "/CN=partner-demo-jwt" 2>/dev/null
        chmod 600 "$keys/partner-demo-jwt.key"
    fi
    client=$(curl -fsS -H "Authorization: Bearer $admin" "http://localhost:$port/admin/realms/icr/clients?clientId=partner-demo-jwt" \
        | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')
    curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -F "keystoreFormat=Certificate PEM" -F "file=@$keys/partner-demo-jwt.crt" \
        "http://localhost:$port/admin/realms/icr/clients/$client/certificates/jwt.credential/upload-certificate"
}

# The tests' provider also publishes the test key the build made (server-config/target/jwt), at the lowest priority, so
# that it still signs every token it issues with its own key: the tests sign with it only the tokens a provider never
# issues (expired, another issuer, no expiry, ...), so that the server refuses them for that reason and not for an unknown key.
register_test_key() {
    local admin=$1 key="$root/server-config/target/jwt/private.pem" realm_id pem
    [[ -f "$key" ]] || { echo "keycloak: no test key at $key" >&2; exit 1; }
    realm_id=$(curl -fsS -H "Authorization: Bearer $admin" "http://localhost:$port/admin/realms/icr" \
        | sed -E 's/^\{"id":"([^"]+)".*/\1/')
    pem=$(awk '{ printf "%s\\n", $0 }' "$key")
    curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        "http://localhost:$port/admin/realms/icr/components" --data-binary @- <<JSON
{"name": "icr-test-token-key", "providerId": "rsa", "providerType": "org.keycloak.keys.KeyProvider", "parentId": "$realm_id",
 "config": {"priority": ["-100"], "enabled": ["true"], "active": ["true"], "algorithm": ["RS256"], "privateKey": ["$pem"]}}
JSON
}

case "$command" in
    status)
        if running && answering; then echo "keycloak: running at $issuer"; else echo "keycloak: not running ($home)"; exit 3; fi
        ;;
    stop)
        if ! running && [[ -n "$(orphan)" ]]; then
            mkdir -p "$state"
            orphan > "$pidfile"
        fi
        if running; then
            pid=$(cat "$pidfile")
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -KILL -- "-$pid" 2>/dev/null || true
            echo "keycloak: stopped ($issuer)"
        fi
        rm -f "$pidfile"
        ;;
    start)
        if running; then
            # started before, perhaps still starting: wait for it rather than start a second one
            wait_until_answering || { echo "keycloak: running but not answering at $issuer; see $state/console.log" >&2; exit 1; }
            echo "keycloak: already running at $issuer"
            exit 0
        fi
        if [[ -n "$(orphan)" ]]; then
            echo "keycloak: a provider on port $port lost its pid file (its directory was cleaned); stopping it first"
            mkdir -p "$state"
            orphan > "$pidfile"
            "$0" stop "${@:2}"
        fi
        if answering; then
            echo "keycloak: something else answers at $issuer; stop it or set ICR_KEYCLOAK_PORT / ICR_TEST_KEYCLOAK_PORT" >&2
            exit 1
        fi
        if [[ "$home" != "$provisioned" && ! -x "$home/bin/kc.sh" ]]; then
            # the tests' copy: its own data and transaction directories, never the run command's
            rm -rf "$home"
            cp -a "$provisioned" "$home"
            rm -rf "$home/data" "$home/icr-state"
        fi
        mkdir -p "$state" "$home/data/import"
        rm -f "$home"/data/import/*.json
        cp "$root/server-config/keycloak/icr-realm.json" "$home/data/import/icr-realm.json"
        export KC_BOOTSTRAP_ADMIN_USERNAME=${ICR_KEYCLOAK_ADMIN:-admin}
        export KC_BOOTSTRAP_ADMIN_PASSWORD=${ICR_KEYCLOAK_ADMIN_PASSWORD:-icr-keycloak-local}
        # a fixed, small heap: Keycloak's own default is a share of the machine's memory
        export JAVA_OPTS_KC_HEAP=${ICR_KEYCLOAK_HEAP:--Xms64m -Xmx512m}
        started=$(date +%s)
        setsid "$home/bin/kc.sh" start-dev --import-realm --db=dev-mem \
            --http-host=127.0.0.1 --http-port="$port" --http-management-port=$((port + 1000)) \
            --hostname="http://localhost:$port" \
            --log=file --log-file="$state/keycloak.log" > "$state/console.log" 2>&1 < /dev/null &
        echo $! > "$pidfile"
        for _ in $(seq 1 180); do
            if answering; then
                admin=$(admin_token)
                register_partner_certificate "$admin"
                [[ "$home" == "$provisioned" ]] || register_test_key "$admin"
                echo "keycloak: ready at $issuer in $(( $(date +%s) - started )) s (log $state/keycloak.log)"
                exit 0
            fi
            running || { echo "keycloak: stopped while starting; see $state/console.log" >&2; tail -n 20 "$state/console.log" >&2; exit 1; }
            sleep 1
        done
        echo "keycloak: not ready after 180 s; see $state/console.log" >&2
        exit 1
        ;;
    *)
        echo "usage: keycloak.sh start|stop|status [--test]" >&2
        exit 2
        ;;
esac
