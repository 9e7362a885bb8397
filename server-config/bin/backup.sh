#!/usr/bin/env bash
# A consistent logical backup of ICR's databases (hospital, social care, research), with a manifest a restore is checked
# against (docs/reliability.md, "Backups"):
#   backup.sh [DIRECTORY]        (default: backups/icr-<UTC time>)
# For each database a session opens a repeatable-read snapshot and exports it; pg_dump dumps exactly that snapshot, and the
# same session counts every table's rows in it, so the manifest says what the dump holds. The snapshots are one cut across
# the databases: while they are taken (milliseconds) every ICR server is suspended (WildFly's graceful suspend: requests in
# flight finish, new ones wait or get 503), so no cross-store write can commit in one database between two snapshots.
# A backup taken without that pause under load held two registrations in social care only (docs/reliability.md).
# Environment (local defaults): ICR_DB_HOST=127.0.0.1 ICR_DB_PORT=5432 ICR_DB_ADMIN_USER=postgres ICR_DB_ADMIN_PASSWORD=
#   ICR_HOSPITAL_DB=icr_hospital ICR_SOCIALCARE_DB=icr_socialcare ICR_RESEARCH_DB=icr_research
#   ICR_BACKUP_SUSPEND="http://127.0.0.1:9990/management" (every node's management address, space-separated; a node that
#   does not answer is taken to be stopped; empty: no pause) with ICR_MANAGEMENT_USER=icr-admin and
#   ICR_MANAGEMENT_PASSWORD (default: the one configure-wildfly.sh made, in the provisioned server's configuration)
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
suspended=()
cleanup() { # a session still open (a failure part-way) is ended; its read-only transaction ends with it; servers resume
    for db in "${!session_pid[@]}"; do
        kill "${session_pid[$db]}" 2>/dev/null || true
    done
    resume_servers
    rm -rf "$work"
}
trap cleanup EXIT

# the management user's password in a netrc file for curl, never on a command line
management_user=${ICR_MANAGEMENT_USER:-icr-admin}
management_password=${ICR_MANAGEMENT_PASSWORD:-$(cat "$(dirname "$0")"/../target/wildfly-*/standalone/configuration/icr-management.password 2>/dev/null || true)}
management() { # URL OPERATION [JSON PARAMETERS]: prints the outcome
    local host
    host=$(sed -E 's#^[a-z]+://([^:/]+).*#\1#' <<< "$1")
    ( umask 077; echo "machine $host login $management_user password $management_password" > "$work/netrc" )
    curl -sS --max-time 60 --digest --netrc-file "$work/netrc" -H 'Content-Type: application/json' \
        -d "{\"operation\":\"$2\",\"address\":[]${3:+,$3}}" "$1" | tr -d ' \n' | grep -o '"outcome":"[a-z]*"' || echo '"outcome":"no-answer"'
}
resume_servers() {
    local url
    for url in "${suspended[@]}"; do
        [[ "$(management "$url" resume)" == '"outcome":"success"' ]] && echo "backup: $url resumed" \
            || echo "backup: COULD NOT RESUME $url: resume it by hand (jboss-cli.sh -c :resume)" >&2
    done
    suspended=()
}
suspend_servers() {
    local url
    for url in ${ICR_BACKUP_SUSPEND-http://127.0.0.1:9990/management}; do
        if ! curl -s -o /dev/null --max-time 5 "$url"; then
            echo "backup: no server answers at $url: taken to be stopped"
            continue
        fi
        [[ "$(management "$url" suspend '"suspend-timeout":30')" == '"outcome":"success"' ]] \
            || { echo "backup: could not suspend $url (management user $management_user)" >&2; exit 1; }
        suspended+=("$url")
    done
}

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
pause_began=$(date +%s%N)
suspend_servers
for db in "${databases[@]}"; do
    fd_var="fd_$db"
    echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT 'snapshot ' || pg_export_snapshot();" >&"${!fd_var}"
done
for db in "${databases[@]}"; do
    for _ in $(seq 1 100); do
        grep -q '^snapshot ' "$work/$db.out" 2>/dev/null && break
        sleep 0.05
    done
    grep -q '^snapshot ' "$work/$db.out" || { echo "backup: no snapshot from $db: $(cat "$work/$db.out")" >&2; exit 1; }
done
snapshots_taken=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
paused=${#suspended[@]}
resume_servers
if (( paused > 0 )); then
    echo "backup: $paused server(s) suspended for $(( ($(date +%s%N) - pause_began) / 1000000 )) ms while the snapshots were taken"
fi

{
    echo "# ICR backup: logical dumps (pg_dump custom format) of exported snapshots, with each table's rows in that snapshot"
    echo "started $started"
    echo "snapshots $snapshots_taken ($paused server(s) suspended meanwhile)"
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
