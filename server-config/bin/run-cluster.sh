#!/usr/bin/env bash
# ICR on two WildFly nodes behind a load balancer, on this machine (issue 22, first step):
#   server-config/bin/run-cluster.sh start    builds what is missing, starts the provider, node 1, node 2 and HAProxy,
#                                              and prints the one address users open: https://localhost:8843/
#   server-config/bin/run-cluster.sh stop     stops HAProxy and both nodes (the provider too, if this script started it)
#   server-config/bin/run-cluster.sh status
# The nodes run the provisioned server's HA profile (standalone-ha.xml: the same CLI configuration as the single server,
# plus cli/cluster/ha.cli), each with its own name (icr-node-1, icr-node-2), port offset (500, 600: HTTPS 8943 and
# 9043, management 10490 and 10590), base directory under server-config/target/cluster/ (log, data, the transaction
# object store) and transaction node identifier; they form one JGroups cluster over TCP on the loopback interface. Both
# use the run command's databases (ICR_HOSPITAL_DB, ICR_SOCIALCARE_DB, ICR_RESEARCH_DB).
# The balancer is HAProxy from Debian's packages (installed when missing): it ends TLS with the server's certificate and
# talks TLS again to each node (verifying that certificate), checks each node's readiness (/health/ready on its
# management interface) every 2 seconds, keeps a portal session on the node that started it (a cookie) and spreads API
# calls round robin. Why HAProxy rather than a third WildFly as mod_cluster's front end: one small process with its
# health checks and stickiness in one readable file, and no multicast advertising to switch off on a host network.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command=${1:?usage: run-cluster.sh start|stop|status}
cluster_dir="$root/server-config/target/cluster"
balancer_port=${ICR_CLUSTER_PORT:-8843}
balancer_http_port=${ICR_CLUSTER_HTTP_PORT:-8880}
offsets=(500 600)

# the pid of node N's standalone.sh, if that process is still it (a pid file can outlive a reboot that reused the pid)
node_pid() {
    local pid
    pid=$(cat "$cluster_dir/node$1/icr.pid" 2>/dev/null || true)
    [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-Djboss.node.name=icr-node-$1" \
        && echo "$pid"
    return 0
}
node_running() { [[ -n "$(node_pid "$1")" ]]; }
haproxy_bin() { command -v haproxy || echo /usr/sbin/haproxy; }
node_ready() { curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$((9990 + offsets[$1 - 1]))/health/ready" 2>/dev/null; }
balancer_running() { [[ -f "$cluster_dir/haproxy.pid" ]] && kill -0 "$(cat "$cluster_dir/haproxy.pid")" 2>/dev/null; }

jboss_home() {
    local home
    home=$(ls -d "$root"/server-config/target/wildfly-*/ 2>/dev/null | head -n 1 || true)
    [[ -n "$home" ]] || { echo "run-cluster: no provisioned WildFly; run the README's set-up command first" >&2; exit 1; }
    echo "${home%/}"
}

start_node() {
    local n=$1 jboss base offset extra
    jboss=$(jboss_home)
    base="$cluster_dir/node$n"
    offset=${offsets[$n - 1]}
    if node_running "$n"; then
        echo "run-cluster: node $n is already running"
        return
    fi
    # configuration from the provisioned server each start; data (the transaction object store) and log are the node's own
    mkdir -p "$base/data" "$base/log" "$base/deployments"
    rm -rf "$base/configuration"
    cp -r "$jboss/standalone/configuration" "$base/configuration"
    rm -f "$base"/deployments/icr.ear*
    cp "$root/ear/target/icr.ear" "$base/deployments/icr.ear"
    echo "run-cluster: starting node $n (HTTPS $((8443 + offset)), management $((9990 + offset)), log $base/log/server.log)"
    # JAVA_OPTS as exported, else standalone.conf's, with each node's heap fixed (ICR_NODE_HEAP, default 1g: two nodes and
    # the provider share this machine); then ICR_NODE_JAVA_OPTS, in which {n} stands for the node's number (the failover
    # test loads its kill points with it)
    extra=${ICR_NODE_JAVA_OPTS:-}
    JAVA_OPTS="${JAVA_OPTS:-"-Xms${ICR_NODE_HEAP:-1g} -Xmx${ICR_NODE_HEAP:-1g} -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true \
-Djboss.modules.system.pkgs=${JBOSS_MODULES_SYSTEM_PKGS:-org.jboss.byteman}"} ${extra//\{n\}/$n}" \
    ICR_TX_NODE_ID="icr-node-$n" ICR_DEMO_DATA_ENABLED=${ICR_DEMO_DATA_ENABLED:-true} \
        nohup "$jboss/bin/standalone.sh" -c standalone-ha.xml -Djboss.server.base.dir="$base" \
        -Djboss.node.name="icr-node-$n" -Djboss.socket.binding.port-offset="$offset" -Djava.net.preferIPv4Stack=true \
        > "$base/log/console.log" 2>&1 &
    echo $! > "$base/icr.pid"
}

wait_ready() {
    local n=$1
    for _ in $(seq 1 300); do
        node_ready "$n" && { echo "run-cluster: node $n is ready"; return 0; }
        node_running "$n" || { echo "run-cluster: node $n stopped; see $cluster_dir/node$n/log/server.log" >&2; return 1; }
        sleep 1
    done
    echo "run-cluster: node $n not ready after 300 s; see $cluster_dir/node$n/log/server.log" >&2
    return 1
}

start_balancer() {
    local jboss config pem
    jboss=$(jboss_home)
    config="$jboss/standalone/configuration"
    if [[ ! -x "$(haproxy_bin)" ]]; then
        echo "run-cluster: installing HAProxy from Debian's packages"
        if [[ $(id -u) -eq 0 ]]; then apt-get install -y -q haproxy > /dev/null; else sudo apt-get install -y -q haproxy > /dev/null; fi
    fi
    # the server's own key and certificate, for HAProxy to end TLS with (made by configure-wildfly.sh; never committed)
    pem="$cluster_dir/icr-tls.pem"
    ( umask 077
      ICR_TLS_STOREPASS=${ICR_TLS_KEYSTORE_PASSWORD:-icr-tls-local} openssl pkcs12 -in "$config/icr-tls.p12" -nodes \
          -passin env:ICR_TLS_STOREPASS -out "$pem" 2>/dev/null )
    sed -e "s|@PEM@|$pem|g" -e "s|@CA@|$config/icr-tls.crt|g" -e "s|@PORT@|$balancer_port|g" \
        -e "s|@HTTP_PORT@|$balancer_http_port|g" -e "s|@PID@|$cluster_dir/haproxy.pid|g" \
        "$root/server-config/cluster/haproxy.cfg" > "$cluster_dir/haproxy.cfg"
    "$(haproxy_bin)" -c -q -f "$cluster_dir/haproxy.cfg"
    "$(haproxy_bin)" -D -f "$cluster_dir/haproxy.cfg"
    for _ in $(seq 1 30); do
        [[ -f "$cluster_dir/haproxy.pid" ]] && break
        sleep 1
    done
}

case "$command" in
    start)
        mkdir -p "$cluster_dir"
        [[ -f "$root/ear/target/icr.ear" ]] || (cd "$root" && mvn -B -q -DskipITs package)
        provider=http://localhost:${ICR_KEYCLOAK_PORT:-8280}/realms/icr
        if ! "$root/server-config/bin/keycloak.sh" status > /dev/null; then
            "$root/server-config/bin/keycloak.sh" start
            touch "$cluster_dir/started-provider"
        fi
        export MP_JWT_VERIFY_ISSUER=${MP_JWT_VERIFY_ISSUER:-$provider}
        export MP_JWT_VERIFY_PUBLICKEY_LOCATION=${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-$provider/protocol/openid-connect/certs}
        # one after the other: the first migrates the databases and loads the demo data, the second finds them done
        start_node 1
        wait_ready 1
        start_node 2
        wait_ready 2
        balancer_running || start_balancer
        echo "run-cluster: ICR is at https://localhost:$balancer_port/ (API https://localhost:$balancer_port/api/...)"
        echo "run-cluster: HAProxy's view of the nodes: http://127.0.0.1:8404/stats; stop with server-config/bin/run-cluster.sh stop"
        ;;
    stop)
        if balancer_running; then
            kill "$(cat "$cluster_dir/haproxy.pid")"
            rm -f "$cluster_dir/haproxy.pid"
        fi
        for n in 1 2; do
            pid=$(node_pid "$n")
            if [[ -n "$pid" ]]; then
                # the JVM is standalone.sh's child: TERM it (a clean shutdown) and wait for it, then for the wrapper
                jvm=$(pgrep -P "$pid" | head -n 1 || true)
                [[ -n "$jvm" ]] && kill -TERM "$jvm" 2>/dev/null || true
                kill -TERM "$pid" 2>/dev/null || true
                for _ in $(seq 1 60); do
                    { [[ -n "$jvm" ]] && kill -0 "$jvm" 2>/dev/null; } || kill -0 "$pid" 2>/dev/null || break
                    sleep 1
                done
            fi
            rm -f "$cluster_dir/node$n/icr.pid"
        done
        if [[ -f "$cluster_dir/started-provider" ]]; then
            "$root/server-config/bin/keycloak.sh" stop
            rm -f "$cluster_dir/started-provider"
        fi
        echo "run-cluster: stopped"
        ;;
    status)
        for n in 1 2; do
            if node_running "$n"; then
                node_ready "$n" && echo "node $n: ready" || echo "node $n: running, not ready"
            else
                echo "node $n: stopped"
            fi
        done
        balancer_running && echo "balancer: https://localhost:$balancer_port/" || echo "balancer: stopped"
        ;;
    *)
        echo "usage: run-cluster.sh start|stop|status" >&2
        exit 2
        ;;
esac
