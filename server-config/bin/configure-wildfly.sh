#!/usr/bin/env bash
# Applies ICR's configuration to a WildFly 39 installation, offline (the server must be stopped).
#   configure-wildfly.sh <JBOSS_HOME> <path to postgresql JDBC jar>
# Idempotent: it keeps a pristine copy of standalone.xml and re-applies the CLI scripts onto it
# whenever they change, so it is safe to run on every build and on a hosting team's own server.
set -euo pipefail

jboss_home=${1:?usage: configure-wildfly.sh JBOSS_HOME POSTGRESQL_JAR}
driver_jar=${2:?usage: configure-wildfly.sh JBOSS_HOME POSTGRESQL_JAR}
here=$(cd "$(dirname "$0")/.." && pwd)
config_dir="$jboss_home/standalone/configuration"
marker="$config_dir/.icr-configured"
pristine="$config_dir/standalone.xml.before-icr"
cli="$jboss_home/bin/jboss-cli.sh"

[[ -x "$cli" ]] || { echo "configure-wildfly: no WildFly at $jboss_home" >&2; exit 1; }
[[ -f "$driver_jar" ]] || { echo "configure-wildfly: no JDBC driver at $driver_jar" >&2; exit 1; }

# The research environment's pseudonym master secret: made once, at random, in an Elytron credential store, and kept
# (a new secret would change every project's pseudonyms). Every node of a cluster needs the same file: copy one node's.
# Its password is ICR_RESEARCH_STORE_PASSWORD (a local default here).
store=$config_dir/icr-research.cs
if [[ ! -f "$store" ]]; then
    "$jboss_home/bin/elytron-tool.sh" credential-store --create --location="$store" --properties "keyStoreType=JCEKS" \
        --password="${ICR_RESEARCH_STORE_PASSWORD:-icr-research-local}" --add pseudonym-master \
        --secret "$(openssl rand -base64 48)" >/dev/null
    chmod 600 "$store"
    echo "configure-wildfly: made the research credential store $store"
fi

# The HTTPS listener's key store: the hosting team's own (ICR_TLS_KEYSTORE, a PKCS#12 file, its password in
# ICR_TLS_KEYSTORE_PASSWORD), or for local runs a self-signed certificate for localhost and 127.0.0.1 made here once and
# kept. Its certificate (icr-tls.crt, PEM) is what local clients trust explicitly: the tests, the browser suite, curl.
tls_store=$config_dir/icr-tls.p12
if [[ -z "${ICR_TLS_KEYSTORE:-}" && ! -f "$tls_store" ]]; then
    keytool -genkeypair -alias icr -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 825 -storetype PKCS12 \
        -keystore "$tls_store" -storepass "${ICR_TLS_KEYSTORE_PASSWORD:-icr-tls-local}" \
        -dname "CN=localhost, OU=ICR local development, O=ICR" -ext "SAN=dns:localhost,ip:127.0.0.1" >/dev/null 2>&1
    keytool -exportcert -rfc -alias icr -keystore "$tls_store" -storepass "${ICR_TLS_KEYSTORE_PASSWORD:-icr-tls-local}" \
        -file "$config_dir/icr-tls.crt" >/dev/null 2>&1
    chmod 600 "$tls_store"
    echo "configure-wildfly: made a self-signed TLS certificate for localhost, $config_dir/icr-tls.crt"
fi

wanted=$(cat "$here"/cli/*.cli "$driver_jar" | sha256sum | cut -d' ' -f1)
if [[ -f "$marker" && "$(cat "$marker")" == "$wanted" ]]; then
    echo "configure-wildfly: $jboss_home already has the current ICR configuration"
    exit 0
fi

[[ -f "$pristine" ]] || cp "$config_dir/standalone.xml" "$pristine"
cp "$pristine" "$config_dir/standalone.xml"
rm -rf "$jboss_home/standalone/configuration/standalone_xml_history"

module_dir="$jboss_home/modules/org/postgresql"
rm -rf "$module_dir"
"$cli" --command="module add --name=org.postgresql --resources=$driver_jar --dependencies=jakarta.transaction.api,java.sql,java.naming"

for script in "$here"/cli/*.cli; do
    echo "configure-wildfly: applying $(basename "$script")"
    "$cli" --file="$script"
done
echo "$wanted" > "$marker"
echo "configure-wildfly: done"
