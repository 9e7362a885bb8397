# Sourced by the scripts that call ICR over HTTPS (benchmarks, hot-path checks): they trust the server's certificate
# explicitly and nothing else, never by turning verification off.
#   ICR_TLS_CA   the certificate (PEM) to trust: by default the one configure-wildfly.sh made for the provisioned server
# Sets CURL_CA_BUNDLE (curl trusts that file only) and gatling_tls_options (Maven -D options: Gatling's trust store, made
# here from the same certificate, and its insecure trust-everything default switched off).
icr_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z "${ICR_TLS_CA:-}" ]]; then
    ICR_TLS_CA=$(ls "$icr_root"/server-config/target/wildfly-*/standalone/configuration/icr-tls.crt 2>/dev/null | head -n 1 || true)
fi
[[ -f "${ICR_TLS_CA:-}" ]] || { echo "tls-client: no certificate to trust (build first, or set ICR_TLS_CA)" >&2; exit 1; }
export CURL_CA_BUNDLE=$ICR_TLS_CA

# Gatling reads a Java key store. This one holds the certificate alone, unencrypted and without an integrity password (it
# holds nothing secret), so it opens with an empty password; the random one keytool insists on is thrown away.
icr_trust_store=$icr_root/server-config/target/icr-tls-trust.p12
if [[ ! -f "$icr_trust_store" || "$ICR_TLS_CA" -nt "$icr_trust_store" ]]; then
    rm -f "$icr_trust_store"
    ICR_THROWAWAY_STORE_PASSWORD=$(openssl rand -hex 16) keytool -importcert -noprompt -alias icr -file "$ICR_TLS_CA" \
        -keystore "$icr_trust_store" -storetype PKCS12 -storepass:env ICR_THROWAWAY_STORE_PASSWORD \
        -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE >/dev/null
fi
gatling_tls_options=(-Dgatling.ssl.useInsecureTrustManager=false -Dgatling.ssl.trustStore.type=PKCS12
    "-Dgatling.ssl.trustStore.file=$icr_trust_store" -Dgatling.ssl.trustStore.password=)
