#!/usr/bin/env bash
# Builds ICR and runs it in the foreground on https://localhost:8443 (Ctrl-C stops it):
# builds the modules, gets and configures WildFly, prepares PostgreSQL and both databases, deploys the
# EAR and starts the server, which migrates both databases and loads the demo patients on start.
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
# API bearer tokens are checked against the demo key the build made (server-config/bin/demo-token.sh signs them)
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-$root/server-config/target/jwt/public.pem}
echo "run: starting WildFly; portal https://localhost:8443/  API https://localhost:8443/api/patients  health http://localhost:9990/health/ready"
exec "$jboss_home/bin/standalone.sh" -c standalone.xml
