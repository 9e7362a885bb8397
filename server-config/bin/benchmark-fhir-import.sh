#!/usr/bin/env bash
# Times FHIR bundle import (issue 20) with Synthea's patients, on a running demo server started with
# ICR_FHIR_ASSIGN_TEST_NHS_NUMBERS=true (Synthea's people have no NHS numbers: the server derives 999-range test ones):
#   ICR_FHIR_ASSIGN_TEST_NHS_NUMBERS=true server-config/bin/run.sh     (in another terminal)
#   server-config/bin/benchmark-fhir-import.sh [PATIENTS [YEARS]]      (default 10 patients with 10 years of history)
# Generates the patients with synthea.sh under a seed of the clock (new people each run, so the first import registers
# them all), imports the folder with import-fhir.sh (hospital and practitioner bundles first), then again (the
# re-import, which must add nothing), and prints resources per second for each. Every kept resource passes the R4
# structure check on the way in. The patients stay in the demo database.
# Writes benchmarks/target/benchmark/fhir-import.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
patients=${1:-10}
years=${2:-10}
out=benchmarks/target/benchmark
generated=$out/synthea
rm -rf "$generated"
mkdir -p "$out"
seed=$(date +%s)
started=$(date +%s)
SYNTHEA_YEARS_OF_HISTORY=$years server-config/bin/synthea.sh "$patients" "$generated" "$seed"
echo "benchmark-fhir-import: Synthea made $patients patients in $(( $(date +%s) - started )) s"
dir=$generated/fhir
resources=$(python3 -c "import glob, json; print(sum(len(json.load(open(f))['entry']) for f in glob.glob('$dir/*.json')))")
report=$out/fhir-import.md
{
    echo "# FHIR bundle import, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Synthea 3.2.0, seed $seed: $patients patients with $years years of history, $(ls "$dir" | wc -l) bundles"
    echo "(one per patient, plus the hospital and practitioner bundles), $resources resources, $(du -sh "$dir" | cut -f1)"
    echo
    echo "| import | seconds | resources/s |"
    echo "|---|---|---|"
} > "$report"
for pass in first re-import; do
    start=$(date +%s.%N)
    server-config/bin/import-fhir.sh "$dir" | tail -n 12
    seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
    echo "| $pass | $seconds | $(python3 -c "print(round($resources / $seconds))") |" >> "$report"
done
cat "$report"
