#!/usr/bin/env bash
# Applies ICR's configuration to a WildFly 39 installation, offline (the server must be stopped).
#   configure-wildfly.sh <JBOSS_HOME> <path to postgresql JDBC jar> <path to icr-jdbc-xa jar>
# (icr-jdbc-xa, built from server-config/jdbc-xa, holds the XA data source class the data sources use: see its javadoc)
# Idempotent: it keeps pristine copies of standalone.xml and standalone-ha.xml and re-applies the CLI scripts onto them
# whenever they change, so it is safe to run on every build and on a hosting team's own server.
set -euo pipefail

usage="usage: configure-wildfly.sh JBOSS_HOME POSTGRESQL_JAR ICR_JDBC_XA_JAR"
jboss_home=${1:?$usage}
driver_jar=${2:?$usage}
xa_jar=${3:?$usage}
here=$(cd "$(dirname "$0")/.." && pwd)
config_dir="$jboss_home/standalone/configuration"
marker="$config_dir/.icr-configured"
cli="$jboss_home/bin/jboss-cli.sh"

[[ -x "$cli" ]] || { echo "configure-wildfly: no WildFly at $jboss_home" >&2; exit 1; }
[[ -f "$driver_jar" ]] || { echo "configure-wildfly: no JDBC driver at $driver_jar" >&2; exit 1; }
[[ -f "$xa_jar" ]] || { echo "configure-wildfly: no icr-jdbc-xa jar at $xa_jar" >&2; exit 1; }

research_password=${ICR_RESEARCH_STORE_PASSWORD:-icr-research-local}
# The research environment's pseudonym master secret: made once, at random, in an Elytron credential store, and kept
# (a new secret would change every project's pseudonyms). Every node of a cluster needs the same file: copy one node's.
# Its password is ICR_RESEARCH_STORE_PASSWORD (a local default here), kept in the secrets store below.
store=$config_dir/icr-research.cs
if [[ ! -f "$store" ]]; then
    "$jboss_home/bin/elytron-tool.sh" credential-store --create --location="$store" --properties "keyStoreType=JCEKS" \
        --password="$research_password" --add pseudonym-master \
        --secret "$(openssl rand -base64 48)" >/dev/null
    chmod 600 "$store"
    echo "configure-wildfly: made the research credential store $store"
fi

# The server's own secrets (issue 18): the database passwords (ICR_DB_PASSWORD; ICR_DB_RECOVERY_PASSWORD), the TLS key store's password
# (ICR_TLS_KEYSTORE_PASSWORD) and the research store's (ICR_RESEARCH_STORE_PASSWORD) live in an Elytron credential
# store, icr-secrets.cs, which standalone.xml names by alias: no password is in standalone.xml in plain text. The store's
# own password is random, made here once; standalone.xml holds it masked (elytron-tool mask, a random salt). Each run
# writes the three values from the environment (local defaults otherwise) into the store when they changed.
secrets=$config_dir/icr-secrets.cs
secrets_mask_file=$config_dir/icr-secrets.cs.mask
elytron_tool=$jboss_home/bin/elytron-tool.sh
if [[ ! -f "$secrets" || ! -f "$secrets_mask_file" ]]; then
    rm -f "$secrets" "$secrets_mask_file" "$secrets.sum"
    ( umask 077
      "$elytron_tool" mask --salt "$(openssl rand -hex 4)" --iteration 200 --secret "$(openssl rand -base64 33)" \
          > "$secrets_mask_file" )
    "$elytron_tool" credential-store --create --location="$secrets" --password="$(cat "$secrets_mask_file")" \
        --properties "keyStoreType=PKCS12" >/dev/null
    chmod 600 "$secrets"
    echo "configure-wildfly: made the secrets store $secrets"
fi
secrets_mask=$(cat "$secrets_mask_file")
db_password=${ICR_DB_PASSWORD:-icr}
declare -A secret_values=(
    [db-password]=$db_password
    # XA recovery's own connections (ICR_DB_RECOVERY_USER, by default the application's role) and their password
    [db-recovery-password]=${ICR_DB_RECOVERY_PASSWORD:-"$db_password"}
    [tls-keystore-password]=${ICR_TLS_KEYSTORE_PASSWORD:-icr-tls-local}
    [research-store-password]=$research_password
)
secrets_sum=$( (cat "$secrets_mask_file"; for alias in "${!secret_values[@]}"; do printf '%s=%s\n' "$alias" "${secret_values[$alias]}"; done | sort) \
    | sha256sum | cut -d' ' -f1)
if [[ "$(cat "$secrets.sum" 2>/dev/null)" != "$secrets_sum" ]]; then
    for alias in "${!secret_values[@]}"; do
        "$elytron_tool" credential-store --location="$secrets" --password="$secrets_mask" --properties "keyStoreType=PKCS12" \
            --add "$alias" --secret "${secret_values[$alias]}" >/dev/null
    done
    echo "$secrets_sum" > "$secrets.sum"
    chmod 600 "$secrets.sum"
    echo "configure-wildfly: wrote the database, TLS and research store passwords into $secrets"
fi

# The HTTPS listener's key store: the hosting team's own (ICR_TLS_KEYSTORE, a PKCS#12 file, its password in
# ICR_TLS_KEYSTORE_PASSWORD), or for local runs a self-signed certificate for localhost and 127.0.0.1 made here once and
# kept. Its certificate (icr-tls.crt, PEM) is what local clients trust explicitly: the tests, the browser suite, curl.
tls_store=$config_dir/icr-tls.p12
if [[ -z "${ICR_TLS_KEYSTORE:-}" && ! -f "$tls_store" ]]; then
    export ICR_TLS_STOREPASS=${secret_values[tls-keystore-password]} # from the environment, never on a command line
    keytool -genkeypair -alias icr -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 825 -storetype PKCS12 \
        -keystore "$tls_store" -storepass:env ICR_TLS_STOREPASS \
        -dname "CN=localhost, OU=ICR local development, O=ICR" -ext "SAN=dns:localhost,ip:127.0.0.1" >/dev/null 2>&1
    keytool -exportcert -rfc -alias icr -keystore "$tls_store" -storepass:env ICR_TLS_STOREPASS \
        -file "$config_dir/icr-tls.crt" >/dev/null 2>&1
    chmod 600 "$tls_store"
    unset ICR_TLS_STOREPASS
    echo "configure-wildfly: made a self-signed TLS certificate for localhost, $config_dir/icr-tls.crt"
fi

# The management interface listens on the loopback address only (WildFly's default, jboss.bind.address.management) and
# asks for a management user: ICR_MANAGEMENT_USER (default icr-admin) with ICR_MANAGEMENT_PASSWORD, or, when that is not
# set, a random password made here once and kept in icr-management.password (readable by this user only).
management_user=${ICR_MANAGEMENT_USER:-icr-admin}
management_password_file=$config_dir/icr-management.password
if [[ -n "${ICR_MANAGEMENT_PASSWORD:-}" ]]; then
    management_password=$ICR_MANAGEMENT_PASSWORD
else
    if [[ ! -f "$management_password_file" ]]; then
        ( umask 077; openssl rand -base64 24 | tr -d '\n' > "$management_password_file" )
        echo "configure-wildfly: made a management password for $management_user in $management_password_file"
    fi
    management_password=$(cat "$management_password_file")
fi
management_hash=$(printf '%s:ManagementRealm:%s' "$management_user" "$management_password" | md5sum | cut -d' ' -f1)
if ! grep -qx "$management_user=$management_hash" "$config_dir/mgmt-users.properties"; then
    # the user's digest (what add-user.sh writes) written here, so the password is never on a command line
    users=$config_dir/mgmt-users.properties
    grep -v "^$management_user=" "$users" > "$users.new" || true
    echo "$management_user=$management_hash" >> "$users.new"
    chmod 600 "$users.new"
    mv "$users.new" "$users"
    echo "configure-wildfly: management user $management_user set"
fi

secrets_cli=$(mktemp)
trap 'rm -f "$secrets_cli"' EXIT
cat > "$secrets_cli" <<CLI
embed-server --server-config=standalone.xml --std-out=discard
/subsystem=elytron/credential-store=icrSecrets:add(location=icr-secrets.cs, relative-to=jboss.server.config.dir, credential-reference={clear-text="$secrets_mask"}, create=false, modifiable=false, implementation-properties={keyStoreType=PKCS12})
stop-embedded-server
CLI

wanted=$(cat "$secrets_cli" "$here"/cli/*.cli "$here"/cli/cluster/*.cli "$driver_jar" "$xa_jar" | sha256sum | cut -d' ' -f1)
if [[ -f "$marker" && "$(cat "$marker")" == "$wanted" ]]; then
    echo "configure-wildfly: $jboss_home already has the current ICR configuration"
    exit 0
fi

rm -rf "$jboss_home/standalone/configuration/standalone_xml_history"

module_dir="$jboss_home/modules/org/postgresql"
rm -rf "$module_dir"
"$cli" --command="module add --name=org.postgresql --resources=$driver_jar:$xa_jar --dependencies=jakarta.transaction.api,java.sql,java.naming"

# Both profiles get the same configuration: standalone.xml (one server: run.sh, the tests) and standalone-ha.xml (the nodes
# of a cluster: run-cluster.sh), which then gets its clustering (cli/cluster/ha.cli). Each starts from its pristine copy.
profile_script=$(mktemp)
trap 'rm -f "$secrets_cli" "$profile_script"' EXIT
# (an installation without the HA profile, a trimmed Galleon one say, gets standalone.xml alone)
profiles=(standalone.xml)
[[ -f "$config_dir/standalone-ha.xml" || -f "$config_dir/standalone-ha.xml.before-icr" ]] && profiles+=(standalone-ha.xml)
for profile in "${profiles[@]}"; do
    [[ -f "$config_dir/$profile.before-icr" ]] || cp "$config_dir/$profile" "$config_dir/$profile.before-icr"
    cp "$config_dir/$profile.before-icr" "$config_dir/$profile"
    for script in "$secrets_cli" "$here"/cli/*.cli; do
        [[ "$script" == "$secrets_cli" ]] && name="the secrets store" || name=$(basename "$script")
        echo "configure-wildfly: applying $name to $profile"
        sed "s/--server-config=standalone.xml/--server-config=$profile/" "$script" > "$profile_script"
        "$cli" --file="$profile_script"
    done
done
if [[ " ${profiles[*]} " == *" standalone-ha.xml "* ]]; then
    echo "configure-wildfly: applying the cluster's settings to standalone-ha.xml"
    "$cli" --file="$here/cli/cluster/ha.cli"
fi
echo "$wanted" > "$marker"
echo "configure-wildfly: done"
