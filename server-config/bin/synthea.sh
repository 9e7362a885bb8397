#!/usr/bin/env bash
# Generates synthetic patients with Synthea 3.2.0 (MITRE; resolved from Maven Central by the build, module
# server-config/synthea) as FHIR R4 transaction bundles, for import-fhir.sh, the FHIR import test and the benchmark:
#   server-config/bin/synthea.sh PATIENTS OUTDIR [SEED]
# SYNTHEA_YEARS_OF_HISTORY (default 10) limits each record to its last years (0: a whole life); a patient's bundle is
# 6 to 10 MB with 10 years.
# OUTDIR/fhir then holds hospitalInformation*.json and practitionerInformation*.json (the organisations and clinicians,
# to import first: import-fhir.sh orders them so) and one bundle per patient. The same seed gives the same people.
# Offline: Synthea's modules and demographics are inside its jar. Nothing generated belongs in the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
patients=${1:?how many patients}
out=${2:?into which directory}
seed=${3:-20261128}
classpath_file=$root/server-config/synthea/target/synthea.classpath
if [[ ! -s $classpath_file ]]; then
    mvn -B -q -f "$root/server-config/synthea/pom.xml" generate-resources
fi
mkdir -p "$out"
# a fixed reference date as well as a seed, so that ages and histories do not move with the day it runs
java -Xmx1g -Dpolyglot.engine.WarnInterpreterOnly=false -cp "$(cat "$classpath_file")" App \
    -p "$patients" -s "$seed" -cs "$seed" -r 20261101 \
    --exporter.baseDirectory="$out" \
    --exporter.fhir.export=true --exporter.fhir.transaction_bundle=true \
    --exporter.hospital.fhir.export=true --exporter.practitioner.fhir.export=true \
    --exporter.csv.export=false --exporter.ccda.export=false --exporter.text.export=false \
    --exporter.metadata.export=false --generate.only_alive_patients=true \
    --exporter.years_of_history="${SYNTHEA_YEARS_OF_HISTORY:-10}" \
    Massachusetts > "$out/synthea.log"
ls "$out/fhir" | wc -l | xargs -I{} echo "synthea: {} bundles in $out/fhir ($(du -sh "$out/fhir" | cut -f1))"
