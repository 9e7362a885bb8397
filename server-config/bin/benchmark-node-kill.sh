#!/usr/bin/env bash
# What users see when a node dies under load (issue 22, docs/reliability.md): the benchmark's mix through the balancer at
# 32 users, one node killed with kill -9 part-way through, and every failed request counted by what it got back.
# Start the cluster first, without the per-node rate limit (it would be what is measured):
#   ICR_API_RATE_LIMIT_ENABLED=false server-config/bin/run-cluster.sh start
#   server-config/bin/benchmark-node-kill.sh
# Environment (defaults): ICR_KILL_NODE=2, ICR_KILL_AFTER_SECONDS=40 (into the measured run), ICR_BENCH_USERS=32,
# ICR_BENCH_SECONDS=120, ICR_BENCH_WARMUP_SECONDS=20. The killed node is started again at the end, with this script's
# environment (export ICR_API_RATE_LIMIT_ENABLED=false for it to come back without the limit too). Prints Gatling's
# summary and its error table, and writes them to benchmarks/target/benchmark/node-kill.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cluster_dir="$root/server-config/target/cluster"
node=${ICR_KILL_NODE:-2}
kill_after=${ICR_KILL_AFTER_SECONDS:-40}
users=${ICR_BENCH_USERS:-32}
seconds=${ICR_BENCH_SECONDS:-120}
out=$root/benchmarks/target/benchmark
log=$out/01-mix-$users.log
report=$out/node-kill.md

[[ "$(server-config/bin/run-cluster.sh status)" == *"node $node: ready"* ]] \
    || { echo "benchmark-node-kill: node $node is not ready; start the cluster first (run-cluster.sh start)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$log"
ICR_BASE_URL=https://localhost:${ICR_CLUSTER_PORT:-8843} ICR_HEALTH_URL=http://localhost:10490/health/ready \
    ICR_BENCH_SCENARIOS=mix ICR_BENCH_USERS=$users ICR_BENCH_SECONDS=$seconds ICR_BENCH_PROFILE="" ICR_BENCH_FLOOR=no \
    ICR_BENCH_WARMUP_SECONDS=${ICR_BENCH_WARMUP_SECONDS:-20} server-config/bin/benchmark.sh > "$out/node-kill-console.log" 2>&1 &
bench=$!
# the measured run has begun when Gatling says its simulation started, in the run's log (the warm-up writes another)
until grep -qs "Simulation .* started" "$log"; do
    kill -0 "$bench" 2> /dev/null || { echo "benchmark-node-kill: the benchmark ended before its run; see $out/node-kill-console.log" >&2; exit 1; }
    sleep 1
done
sleep "$kill_after"
jvm=$(pgrep -P "$(cat "$cluster_dir/node$node/icr.pid" 2> /dev/null || echo 0)" | head -n 1 || true)
if [[ -z "$jvm" ]]; then
    kill "$bench" 2> /dev/null || true
    echo "benchmark-node-kill: no JVM of node $node to kill; the benchmark is stopped" >&2
    exit 1
fi
kill -9 "$jvm"
echo "benchmark-node-kill: killed node $node (java pid $jvm) ${kill_after} s into the ${seconds} s run at $users users"
wait "$bench" || true
{
    echo "# A node killed under load: the mix at $users users for $seconds s through the balancer, node $node killed (kill -9) after $kill_after s"
    echo
    echo '```'
    sed -n '/Global Information/,/^====/p' "$log"
    sed -n '/---- Errors ----/,/^====/p' "$log"
    echo '```'
} | tee "$report"
server-config/bin/run-cluster.sh start > /dev/null && echo "benchmark-node-kill: node $node started again"
