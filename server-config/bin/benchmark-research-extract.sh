#!/usr/bin/env bash
# Times a research extract over every patient (issue 15: a 1 M-patient extract in under 15 minutes). With the demo
# server running (server-config/bin/run.sh) and the patients loaded (server-config/bin/load-demo.sh --patients 1000000):
#   server-config/bin/benchmark-research-extract.sh [PROJECT]   (default RP-2026-0001, the demo project)
# Starts an extract of the project as researcher.ada, follows its progress every 10 s (patients read, rate) to its end,
# and writes what it measured.
# Environment: ICR_BASE_URL (https://localhost:8443).
# Writes benchmarks/target/benchmark/research-extract.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. server-config/bin/tls-client.sh
project=${1:-RP-2026-0001}
base=${ICR_BASE_URL:-https://localhost:8443}
out=benchmarks/target/benchmark
mkdir -p "$out"
report=$out/research-extract.md
token=$(server-config/bin/demo-token.sh researcher.ada RESEARCHER)
run=$(curl -s -X POST -H "Authorization: Bearer $token" "$base/api/research/projects/$project/extracts" \
    | python3 -c "import json, sys; print(json.load(sys.stdin)['id'])")
start=$(date +%s)
{
    echo "# A research extract of $project"
    echo
    echo "$(nproc) cores; $(date -u +%F). Run $run, followed every 10 s."
    echo
    echo "| after (s) | status | patients read | of | patients/s |"
    echo "|---:|---|---:|---:|---:|"
} > "$report"
while true; do
    sleep 10
    line=$(curl -s -H "Authorization: Bearer $token" "$base/api/research/projects/$project/extracts/$run" | python3 -c "
import json, sys
d = json.load(sys.stdin)
print('|'.join(str(x) for x in [d['status'], d['patientsRead'], d['patientsTotal'], d.get('patientsPerSecond', ''), d.get('outcome', '')]))")
    IFS='|' read -r status read_so_far total rate outcome <<< "$line"
    echo "| $(( $(date +%s) - start )) | $status | $read_so_far | $total | $rate |" | tee -a "$report"
    case "$status" in published|refused|failed|stopped) break ;; esac
done
{
    echo
    echo "Outcome: $outcome"
} >> "$report"
echo "research-extract: $report"
