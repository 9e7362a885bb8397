#!/usr/bin/env bash
# Builds ICR and runs it in the foreground on https://localhost:8443 (Ctrl-C stops it):
# builds the modules, gets and configures WildFly and the sandbox OpenID Connect provider (Keycloak), prepares PostgreSQL
# and both databases, starts the provider (the ICR realm from server-config/keycloak), deploys the EAR and starts the
# server, which migrates both databases and loads the demo patients on start.
# Any ICR_* variable (see README) set in the environment is passed on to the server.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

mvn -B -q -DskipITs package

jboss_home=$(ls -d "$root"/server-config/target/wildfly-*/ | head -n 1)
deployments="$jboss_home/standalone/deployments"
rm -f "$deployments"/icr.ear*
cp "$root/ear/target/icr.ear" "$deployments/icr.ear"

export ICR_DEMO_DATA_ENABLED=${ICR_DEMO_DATA_ENABLED:-true}
# the server's heap, fixed (ICR_HEAP, default 2g) so that a benchmark measures the application, not the heap growing;
# 2 GB for the FHIR import's largest bundles (64 MiB): a 52 MB bundle held 850 MB live in a 1 GB heap (docs/performance.md)
if [[ -z "${JAVA_OPTS:-}" && -z "${JBOSS_JAVA_SIZING:-}" ]]; then
    export JBOSS_JAVA_SIZING="-Xms${ICR_HEAP:-2g} -Xmx${ICR_HEAP:-2g}"
fi
# API bearer tokens come from the sandbox provider (server-config/bin/demo-token.sh asks it for one); the API checks them
# against the provider's published keys. Left running if it already was; stopped with the server if started here.
provider=http://localhost:${ICR_KEYCLOAK_PORT:-8280}/realms/icr
if server-config/bin/keycloak.sh status > /dev/null; then
    echo "run: the identity provider is already running at $provider"
else
    trap 'server-config/bin/keycloak.sh stop' EXIT
    server-config/bin/keycloak.sh start
fi
export MP_JWT_VERIFY_ISSUER=${MP_JWT_VERIFY_ISSUER:-$provider}
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-$provider/protocol/openid-connect/certs}
echo "run: starting WildFly; portal https://localhost:8443/  API https://localhost:8443/api/patients  health http://localhost:9990/health/ready"
echo "run: identity provider $provider (admin console http://localhost:${ICR_KEYCLOAK_PORT:-8280}/admin/, user admin)"
"$jboss_home/bin/standalone.sh" -c standalone.xml
