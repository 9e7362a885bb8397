#!/usr/bin/env bash
# Times FHIR bundle import (issue 20) on a running demo server started with ICR_FHIR_ASSIGN_TEST_NHS_NUMBERS=true (the
# generated patients have no NHS numbers: the server derives 999-range test ones):
#   ICR_FHIR_ASSIGN_TEST_NHS_NUMBERS=true server-config/bin/run.sh     (in another terminal)
#   server-config/bin/benchmark-fhir-import.sh [BUNDLES [PATIENTS]]    (default 20 bundles of 10 patients, 920 resources each)
# Generates Synthea-shaped bundles (benchmarks/fhir/generate-bundles.py) under a fresh run name, imports the folder
# with import-fhir.sh (the first import), then again (the re-import, which must add nothing), and prints resources per
# second for each. The patients stay in the demo database (family name Benchimport).
# Writes benchmarks/target/benchmark/fhir-import.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bundles=${1:-20}
patients=${2:-10}
out=benchmarks/target/benchmark
dir=$out/fhir-bundles
rm -rf "$dir"
mkdir -p "$dir"
run=bench$(date +%s)
python3 benchmarks/fhir/generate-bundles.py "$bundles" "$patients" "$dir" "$run"
resources=$(python3 -c "import glob, json; print(sum(len(json.load(open(f))['entry']) for f in glob.glob('$dir/*.json')))")
report=$out/fhir-import.md
{
    echo "# FHIR bundle import, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "$bundles bundles of $patients patients (+ a hospital bundle), $resources resources, $(du -sh "$dir" | cut -f1)"
    echo
    echo "| import | seconds | resources/s |"
    echo "|---|---|---|"
} > "$report"
for pass in first re-import; do
    start=$(date +%s.%N)
    server-config/bin/import-fhir.sh "$dir" | tail -n 5
    seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
    echo "| $pass | $seconds | $(python3 -c "print(round($resources / $seconds))") |" >> "$report"
done
cat "$report"
