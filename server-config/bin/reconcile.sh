#!/usr/bin/env bash
# The cross-store reconciliation: what one JTA transaction writes to both records is in both or in neither. Checks that
#   - every patient in the hospital database is a person in the social-care one, and the other way round;
#   - every transfer of care has both halves: its discharge summary in the hospital database and its assessment request
#     in the social-care one.
#   reconcile.sh [--counts] [HOSPITAL_DATABASE SOCIALCARE_DATABASE]  (default: ICR_HOSPITAL_DB, ICR_SOCIALCARE_DB, else the run's)
# Prints one line of counts (never an NHS number: the ones in one database only are counted, not listed) and exits 0 only
# when both checks hold. With --counts it prints only the four disagreements, as numbers for a script to compare: NHS
# numbers only in the hospital database, only in social care, discharges without their request, requests without their
# discharge. Used by restore-drill.sh on the restored copies and by cluster-failover-test.sh after a node is
# killed in the middle of a commit. Connects as ICR_DB_ADMIN_USER (postgres) to ICR_DB_HOST:ICR_DB_PORT.
set -euo pipefail
counts_only=false
if [[ "${1:-}" == --counts ]]; then counts_only=true; shift; fi
hospital=${1:-${ICR_HOSPITAL_DB:-icr_hospital}}
socialcare=${2:-${ICR_SOCIALCARE_DB:-icr_socialcare}}
if [[ -n "${ICR_DB_ADMIN_PASSWORD:-}" ]]; then export PGPASSWORD=$ICR_DB_ADMIN_PASSWORD; fi
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h "${ICR_DB_HOST:-127.0.0.1}" -p "${ICR_DB_PORT:-5432}" -U "${ICR_DB_ADMIN_USER:-postgres}" -d "$1" -c "$2"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C # comm compares as the byte order the queries sort in
sql "$hospital" "SELECT nhs_number::text FROM patient ORDER BY nhs_number::text COLLATE \"C\"" > "$work/patients"
sql "$socialcare" "SELECT nhs_number::text FROM person ORDER BY nhs_number::text COLLATE \"C\"" > "$work/people"
sql "$hospital" "SELECT encounter_id::text FROM hospital_entry WHERE entry_type = 'DISCHARGE_SUMMARY'
    AND encounter_id IS NOT NULL ORDER BY encounter_id::text COLLATE \"C\"" > "$work/discharges"
sql "$socialcare" "SELECT source_encounter_id::text FROM social_care_entry WHERE entry_type = 'REFERRAL_REQUEST'
    AND source_encounter_id IS NOT NULL ORDER BY source_encounter_id::text COLLATE \"C\"" > "$work/requests"
only_hospital=$(comm -23 "$work/patients" "$work/people" | wc -l)
only_socialcare=$(comm -13 "$work/patients" "$work/people" | wc -l)
discharge_only=$(comm -23 "$work/discharges" "$work/requests" | wc -l)
request_only=$(comm -13 "$work/discharges" "$work/requests" | wc -l)
if $counts_only; then
    echo "$only_hospital $only_socialcare $discharge_only $request_only"
    exit 0
fi
echo "reconciliation: $(wc -l < "$work/patients") patients, $(wc -l < "$work/people") people; $only_hospital only in the hospital" \
    "database, $only_socialcare only in social care; $(wc -l < "$work/discharges") discharges to social care, $discharge_only" \
    "without their assessment request, $request_only requests without their discharge"
status=0
if [[ $only_hospital != 0 || $only_socialcare != 0 ]]; then
    echo "reconciliation: FAILED: patients and people differ: $((only_hospital + only_socialcare)) NHS number(s) in one database only"
    status=1
fi
if [[ $discharge_only != 0 || $request_only != 0 ]]; then
    echo "reconciliation: FAILED: $((discharge_only + request_only)) transfer(s) of care with one half only"
    status=1
fi
exit $status
