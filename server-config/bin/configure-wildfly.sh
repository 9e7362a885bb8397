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
