#!/usr/bin/env bash
# Loads the first N patients of the demo register into both databases with COPY, for benchmarks at scale (issue 12):
#   server-config/bin/load-demo.sh --patients 1000000
# Patient i is the same person with the same hospital and social-care history the demo server would generate
# (about 20 entries each; frail older people with daily home care have hundreds), with their care relationships,
# caseloads, organ-donation decisions, opt-outs and sharing-consent directives. Repeatable and resumable: whatever is
# already there is kept. The demo server must have started once (it migrates the databases and adds the directory);
# it may be running meanwhile. Checks free disk space first.
# Environment: ICR_DB_HOST ICR_DB_PORT ICR_DB_USER ICR_DB_PASSWORD ICR_HOSPITAL_DB ICR_SOCIALCARE_DB (as setup-databases.sh),
#   ICR_DB_ADMIN_USER (postgres: reads where the data directory is, for the disk check), ICR_LOAD_HEAP (1g).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
patients=
while (( $# > 0 )); do
    case "$1" in
        --patients) patients=${2:-}; shift $(( $# > 1 ? 2 : 1 )) ;;
        *) echo "usage: load-demo.sh --patients N" >&2; exit 2 ;;
    esac
done
if ! [[ "$patients" =~ ^[0-9]+$ ]] || (( patients < 1 || patients > 1800000 )); then
    echo "load-demo: say how many patients, from 1 to 1,800,000 (the 999 and 998 ranges' valid NHS numbers): --patients N" >&2
    exit 2
fi

host=${ICR_DB_HOST:-127.0.0.1}
port=${ICR_DB_PORT:-5432}
hospital=${ICR_HOSPITAL_DB:-icr_hospital}
social=${ICR_SOCIALCARE_DB:-icr_socialcare}

# Measured at 1 M: 8.6 GB over both databases, tables and indexes, about 9 kB per patient (docs/performance.md);
# ask for 16 kB a patient, and 2 GB to spare.
needed_kb=$(( patients * 16 + 2 * 1024 * 1024 ))
data_dir=$(psql -X -w -tA -h "$host" -p "$port" -U "${ICR_DB_ADMIN_USER:-postgres}" -d postgres -c 'show data_directory' 2>/dev/null || true)
if [[ -n "$data_dir" && -e "$data_dir" ]]; then
    free_kb=$(df -Pk "$data_dir" | awk 'NR == 2 { print $4 }')
    if (( free_kb < needed_kb )); then
        echo "load-demo: $patients patients need about $(( needed_kb / 1024 / 1024 )) GB free where PostgreSQL keeps its data" \
            "($data_dir), and only $(( free_kb / 1024 / 1024 )) GB are; free some space or load fewer patients" >&2
        exit 1
    fi
    echo "load-demo: $(( free_kb / 1024 / 1024 )) GB free in $data_dir, about $(( needed_kb / 1024 / 1024 )) GB needed"
else
    echo "load-demo: cannot see PostgreSQL's data directory from here (a remote server?): make sure it has" \
        "$(( needed_kb / 1024 / 1024 )) GB free" >&2
fi

mvn -B -q -Pbenchmarks -pl benchmarks -am -DskipTests install
cp_file=$root/benchmarks/target/loader-classpath.txt
mvn -B -q -Pbenchmarks -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime

url() { echo "jdbc:postgresql://$host:$port/$1"; }
ICR_DB_USER=${ICR_DB_USER:-icr} ICR_DB_PASSWORD=${ICR_DB_PASSWORD:-icr} \
    exec java "-Xmx${ICR_LOAD_HEAP:-1g}" -cp "benchmarks/target/classes:$(cat "$cp_file")" uk.nhs.icr.benchmarks.load.DemoBulkLoader \
    "$patients" "$(url "$hospital")" "$(url "$social")"
