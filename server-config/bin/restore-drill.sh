#!/usr/bin/env bash
# The restore drill (docs/reliability.md, "Backups"): restores a backup made by backup.sh into fresh databases beside the
# live ones and checks it, then drops them (--keep keeps them):
#   restore-drill.sh BACKUP_DIRECTORY [--keep]
# Checks: each dump's checksum; every table's rows against the manifest (what the snapshot held); the audit chain,
# recomputed row by row in SQL, independently of the application (each row's SHA-256 over the previous hash and its
# fields, each row's previous hash the hash of the row before it in the chain, the first one's the zero hash, the chain
# head on the last row; the chain's numbers may have gaps, as databases sealed before V11 numbered rows by their ids); and the cross-store reconciliation: every
# patient in the hospital database is a person in the social-care one and the other way round, and every transfer of care
# has its discharge summary in the hospital database and its assessment request in the social-care one.
# Exit status 0 only when every check holds. Environment as backup.sh; the restored copies are named <database>_drill.
set -euo pipefail

backup=${1:?usage: restore-drill.sh BACKUP_DIRECTORY [--keep]}
keep=${2:-}
host=${ICR_DB_HOST:-127.0.0.1}
port=${ICR_DB_PORT:-5432}
admin_user=${ICR_DB_ADMIN_USER:-postgres}
app_user=${ICR_DB_USER:-icr}
if [[ -n "${ICR_DB_ADMIN_PASSWORD:-}" ]]; then export PGPASSWORD=$ICR_DB_ADMIN_PASSWORD; fi
export PGOPTIONS="-c client_min_messages=warning"
hospital=${ICR_HOSPITAL_DB:-icr_hospital}
socialcare=${ICR_SOCIALCARE_DB:-icr_socialcare}
manifest=$backup/manifest.txt
[[ -f "$manifest" ]] || { echo "restore-drill: no manifest.txt in $backup" >&2; exit 1; }

sql() { local db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$admin_user" -d "$db" "$@"; }
failures=0
fail() { echo "restore-drill: FAILED: $*"; failures=$((failures + 1)); }
started=$(date +%s)

drills=()
# the copies hold patient data: dropped however the drill ends, unless --keep
drop_drills() {
    [[ "$keep" == "--keep" ]] && return 0
    for drill in "${drills[@]}"; do
        sql postgres -c "DROP DATABASE IF EXISTS \"$drill\" WITH (FORCE)" || true
    done
}
trap drop_drills EXIT
while read -r _ db checksum size; do
    dump=$backup/$db.dump
    drill=${db}_drill
    drills+=("$drill")
    sql postgres -c "DROP DATABASE IF EXISTS \"$drill\" WITH (FORCE)" # never check a copy an earlier --keep left
    [[ "$(sha256sum "$dump" | cut -d' ' -f1)" == "$checksum" ]] || { fail "$db.dump does not match its checksum"; continue; }
    sql postgres -c "CREATE DATABASE \"$drill\" OWNER \"$app_user\""
    pg_restore -h "$host" -p "$port" -U "$admin_user" -d "$drill" --exit-on-error --single-transaction "$dump"
    # every table's rows, counted as backup.sh counted them in the snapshot
    mismatches=0
    tables=0
    while read -r _ _ table expected; do
        actual=$(sql "$drill" -c "SELECT count(*) FROM $table")
        tables=$((tables + 1))
        [[ "$actual" == "$expected" ]] || { fail "$db $table: $actual rows restored, $expected in the backup"; mismatches=$((mismatches + 1)); }
    done < <(grep "^rows $db " "$manifest")
    echo "restore-drill: $db restored into $drill ($size bytes): $tables tables, $mismatches with other row counts than the backup's"
done < <(grep '^database ' "$manifest")

# the audit chain, recomputed: Instant.toString() of the row's time (3 or 6 fraction digits, none when whole seconds);
# the request's id last, when the row has one (concat_ws leaves out a NULL, as the application does)
audit=$(sql "${hospital}_drill" <<'SQL'
WITH sealed AS (
    SELECT chain_seq, previous_hash, hash,
           lag(hash) OVER (ORDER BY chain_seq) AS hash_before,
           lag(chain_seq) OVER (ORDER BY chain_seq) AS seq_before,
           encode(sha256(convert_to(concat_ws(chr(31), previous_hash,
               to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                 || CASE WHEN us = 0 THEN '' WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                         ELSE '.' || lpad(us::text, 6, '0') END || 'Z',
               username, role, organisation_ods, coalesce(patient_nhs_number, ''), resource_type, action, purpose, outcome,
               reason, channel, client_address, correlation_id), 'UTF8')), 'hex') AS recomputed
      FROM (SELECT *, (extract(microseconds FROM occurred_at)::bigint % 1000000) AS us FROM audit_event
             WHERE chain_seq IS NOT NULL) rows
)
SELECT count(*),
       count(*) FILTER (WHERE recomputed <> hash),
       count(*) FILTER (WHERE (seq_before IS NULL AND previous_hash <> repeat('0', 64))
                           OR (seq_before IS NOT NULL AND previous_hash <> hash_before)),
       (SELECT count(*) FROM audit_event WHERE chain_seq IS NULL),
       (SELECT count(*) FROM audit_chain_head h WHERE h.last_seq = coalesce((SELECT max(chain_seq) FROM audit_event), 0)
           AND h.last_hash = coalesce((SELECT hash FROM audit_event ORDER BY chain_seq DESC NULLS LAST LIMIT 1), repeat('0', 64)))
  FROM sealed
SQL
)
IFS='|' read -r sealed bad_hashes broken_links unsealed head_ok <<< "$audit"
echo "restore-drill: audit chain: $sealed sealed rows, $bad_hashes with a wrong hash, $broken_links broken links, head $([[ $head_ok == 1 ]] && echo 'on the last row' || echo 'NOT on the last row'), $unsealed not sealed yet (sealed by the server after a restore)"
[[ "$bad_hashes" == 0 && "$broken_links" == 0 && "$head_ok" == 1 ]] || fail "the audit chain does not verify"

# cross-store reconciliation: the same people, and both halves of every transfer of care (reconcile.sh)
ICR_DB_ADMIN_USER=$admin_user "$(dirname "$0")/reconcile.sh" "${hospital}_drill" "${socialcare}_drill" | sed 's/^/restore-drill: /' \
    || fail "the two records do not reconcile"

echo "restore-drill: $([[ $failures == 0 ]] && echo PASSED || echo "FAILED ($failures)") in $(( $(date +%s) - started )) s"
[[ $failures == 0 ]]
