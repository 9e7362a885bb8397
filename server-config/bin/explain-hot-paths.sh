#!/usr/bin/env bash
# Shows the plan of every statement ICR runs on its hot paths, as PostgreSQL executes it on the data loaded now
# (issue 12: checked at 1 M patients): logs every statement for a short run of the benchmark's mix against the running
# demo server, then runs EXPLAIN (ANALYZE, BUFFERS) on each distinct statement with the parameters it was first run with
# (writes roll back). Run server-config/bin/benchmark.sh once first (it builds the harness and writes its data files).
#   server-config/bin/explain-hot-paths.sh [report.md]     (default benchmarks/target/benchmark/plans.md)
# Needs the PostgreSQL administrator (ICR_DB_ADMIN_USER, default postgres) to switch statement logging on for 15 s and
# back to what it was (the server's log then holds every statement of those seconds, parameters too: a benchmark
# machine's, with synthetic data), and to read the server's log (ICR_PG_LOG, found by itself on a local Debian
# cluster). The statements are explained as the application's role, each in a transaction that rolls back.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. server-config/bin/tls-client.sh
out=$root/benchmarks/target/benchmark
report=${1:-$out/plans.md}
host=${ICR_DB_HOST:-127.0.0.1}
port=${ICR_DB_PORT:-5432}
admin=(psql -X -q -tA -h "$host" -p "$port" -U "${ICR_DB_ADMIN_USER:-postgres}" -d postgres)
[[ -f "$out/patients.csv" ]] || { echo "explain-hot-paths: run server-config/bin/benchmark.sh once first" >&2; exit 1; }

# where the server writes its log: ICR_PG_LOG, the logging collector's file, or the Debian cluster's log file
log_file=${ICR_PG_LOG:-$("${admin[@]}" -c "select pg_current_logfile()")}
if [[ -z "$log_file" ]] && command -v pg_lsclusters > /dev/null; then
    log_file=$(pg_lsclusters -h | awk -v p="$port" '$3 == p { print $7; exit }')
elif [[ -n "$log_file" && "$log_file" != /* ]]; then
    log_file="$("${admin[@]}" -c 'show data_directory')/$log_file"
fi
[[ -r "$log_file" ]] || { echo "explain-hot-paths: cannot read PostgreSQL's log ($log_file); set ICR_PG_LOG" >&2; exit 1; }
from_line=$(( $(wc -l < "$log_file") + 1 ))
# statement logging on (for the whole server: the pool's open connections only see a change made this way; the
# report keeps the application role's statements alone), and afterwards put back as it was
role=${ICR_DB_USER:-icr}
before=$("${admin[@]}" -c "select case when sourcefile like '%postgresql.auto.conf' then setting else '' end
    from pg_settings where name = 'log_statement'")
restore() {
    if [[ -n "$before" ]]; then
        "${admin[@]}" -c "alter system set log_statement = '$before'" -c "select pg_reload_conf()" > /dev/null
    else
        "${admin[@]}" -c "alter system reset log_statement" -c "select pg_reload_conf()" > /dev/null
    fi
}
"${admin[@]}" -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" > /dev/null
trap restore EXIT

token() { server-config/bin/demo-token.sh "$@"; }
echo "explain-hot-paths: logging every statement for 15 s of the mix at 8 users"
mvn -B -q -Pbenchmarks -pl benchmarks gatling:test "${gatling_tls_options[@]}" -Dgatling.simulationClass=uk.nhs.icr.benchmarks.IcrSimulation \
    -Dicr.base="${ICR_BASE_URL:-https://localhost:8443}" -Dicr.scenario=mix -Dicr.users=8 -Dicr.seconds=15 \
    -Dicr.patients="$out/patients.csv" -Dicr.caseload="$out/caseload.csv" -Dicr.admissions="$out/admissions.csv" \
    -Dicr.token.gp="$(token gp.beech GP)" -Dicr.token.socialWorker="$(token social.worker SOCIAL_WORKER)" \
    -Dicr.token.clinician="$(token clinician.northgate HOSPITAL_CLINICIAN)" \
    -Dicr.nhsNumberBase=$(( 985000000 + RANDOM * 10 )) -Dgatling.failOnError=false > "$out/explain-mix.log" 2>&1 || true
restore
trap - EXIT

tail -n "+$from_line" "$log_file" > "$out/statements.log"
PGPASSWORD=${ICR_DB_PASSWORD:-icr} python3 server-config/bin/explain-hot-paths.py "$out/statements.log" "$host" "$port" "$role" > "$report"
echo "explain-hot-paths: $(grep -c '^### ' "$report") distinct statements explained in $report"
