#!/usr/bin/env bash
# A consistent logical backup of ICR's databases (hospital, social care, research), with a manifest a restore is checked
# against (docs/reliability.md, "Backups"):
#   backup.sh [DIRECTORY]        (default: backups/icr-<UTC time>)
# For each database a session opens a repeatable-read snapshot and exports it; pg_dump dumps exactly that snapshot, and the
# same session counts every table's rows in it, so the manifest says what the dump holds. The snapshots of the databases
# are taken together, before any dump starts: work committed in both databases in the milliseconds between two snapshots
# can be in one dump and not the other, which the restore drill's reconciliation (restore-drill.sh) finds and names.
# Environment (local defaults): ICR_DB_HOST=127.0.0.1 ICR_DB_PORT=5432 ICR_DB_ADMIN_USER=postgres ICR_DB_ADMIN_PASSWORD=
#   ICR_HOSPITAL_DB=icr_hospital ICR_SOCIALCARE_DB=icr_socialcare ICR_RESEARCH_DB=icr_research
set -euo pipefail

host=${ICR_DB_HOST:-127.0.0.1}
port=${ICR_DB_PORT:-5432}
admin_user=${ICR_DB_ADMIN_USER:-postgres}
if [[ -n "${ICR_DB_ADMIN_PASSWORD:-}" ]]; then export PGPASSWORD=$ICR_DB_ADMIN_PASSWORD; fi
databases=("${ICR_HOSPITAL_DB:-icr_hospital}" "${ICR_SOCIALCARE_DB:-icr_socialcare}" "${ICR_RESEARCH_DB:-icr_research}")
target=${1:-backups/icr-$(date -u +%Y%m%dT%H%M%SZ)}

mkdir -p "$target"
target=$(cd "$target" && pwd)
work=$(mktemp -d)
declare -A session_pid
cleanup() {
    for db in "${!session_pid[@]}"; do
        echo "ROLLBACK;" > "$work/$db.in" 2>/dev/null || true
        kill "${session_pid[$db]}" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

# Every table's row count, as seen by the session's snapshot
count_rows="SELECT format('%s.%s %s', table_schema, table_name,
    (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text)
  FROM information_schema.tables
 WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
 ORDER BY 1;"

started=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
# one session per database, fed through a pipe, each holding its snapshot open until its dump is done
for db in "${databases[@]}"; do
    mkfifo "$work/$db.in"
    psql -X -q -At -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$admin_user" -d "$db" < "$work/$db.in" > "$work/$db.out" 2>&1 &
    session_pid[$db]=$!
    exec {fd}> "$work/$db.in"
    eval "fd_$db=$fd"
done
for db in "${databases[@]}"; do
    fd_var="fd_$db"
    echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT 'snapshot ' || pg_export_snapshot();" >&"${!fd_var}"
done
for db in "${databases[@]}"; do
    for _ in $(seq 1 100); do
        grep -q '^snapshot ' "$work/$db.out" 2>/dev/null && break
        sleep 0.1
    done
    grep -q '^snapshot ' "$work/$db.out" || { echo "backup: no snapshot from $db: $(cat "$work/$db.out")" >&2; exit 1; }
done
snapshots_taken=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)

{
    echo "# ICR backup: logical dumps (pg_dump custom format) of exported snapshots, with each table's rows in that snapshot"
    echo "started $started"
    echo "snapshots $snapshots_taken"
    echo "server $(psql -X -At -h "$host" -p "$port" -U "$admin_user" -d postgres -c 'SHOW server_version')"
} > "$target/manifest.txt"

for db in "${databases[@]}"; do
    fd_var="fd_$db"
    snapshot=$(sed -n 's/^snapshot //p' "$work/$db.out")
    echo "$count_rows" >&"${!fd_var}"
    pg_dump -h "$host" -p "$port" -U "$admin_user" --snapshot="$snapshot" -Fc -f "$target/$db.dump" "$db"
    # \q, not only closing the pipe: the sessions started later hold its writing end too
    printf "SELECT 'counted'; COMMIT;\n\\q\n" >&"${!fd_var}"
    eval "exec ${!fd_var}>&-"
    wait "${session_pid[$db]}"
    unset "session_pid[$db]"
    {
        echo "database $db $(sha256sum "$target/$db.dump" | cut -d' ' -f1) $(stat -c %s "$target/$db.dump")"
        grep -v -e '^snapshot ' -e '^counted$' "$work/$db.out" | sed "s/^/rows $db /"
    } >> "$target/manifest.txt"
    echo "backup: $db dumped ($(stat -c %s "$target/$db.dump") bytes)"
done
echo "finished $(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" >> "$target/manifest.txt"
echo "backup: $target (manifest.txt lists each dump's checksum and every table's rows)"
