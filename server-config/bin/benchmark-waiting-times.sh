#!/usr/bin/env bash
# Times a month's waiting-list statistics over many pathways (issue 14: one month over 1 M pathways in under 5 s).
# With the demo server running (ICR_API_RATE_LIMIT_ENABLED=false server-config/bin/run.sh; the API's
# per-client rate limit would otherwise be what is measured):
#   server-config/bin/benchmark-waiting-times.sh [--pathways N]   (default 1,000,000)
# Adds pathways until N are there (each with the referral that started it), spread over the two demo trusts, the 23
# treatment functions and the last 24 months, about a third still waiting; marked as the benchmark's (author
# "benchmark", NHS numbers of the unissued 975 range) and kept for the next run. Then asks the API for a month's figures,
# every trust and one trust, for months the server has not computed today (the first answer of the day is the
# computation; later ones come from the day's cache), and shows the plans of the statements behind them.
# Environment: ICR_BASE_URL (https://localhost:8443) and the ICR_DB_* variables of setup-databases.sh.
# Writes benchmarks/target/benchmark/waiting-times.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. server-config/bin/tls-client.sh
wanted=1000000
if [[ "${1:-}" == --pathways ]]; then wanted=${2:?say how many}; fi
base=${ICR_BASE_URL:-https://localhost:8443}
hospital=${ICR_HOSPITAL_DB:-icr_hospital}
psql_db() { psql -X -q -tA -h "${ICR_DB_HOST:-127.0.0.1}" -p "${ICR_DB_PORT:-5432}" -U "${ICR_DB_USER:-icr}" -d "$1" -c "$2"; }
out=benchmarks/target/benchmark
mkdir -p "$out"
report=$out/waiting-times.md

have=$(psql_db "$hospital" "select count(*) from rtt_pathway")
if (( have < wanted )); then
    add=$(( wanted - have ))
    echo "waiting-times: adding $add pathways (there are $have)"
    start=$(date +%s)
    # pathway i: trust, function and start spread deterministically; waits drawn from a long-tailed spread (some lists
    # short, one function's long), treated or still waiting depending on whether its stop would lie before today
    psql_db "$hospital" "
        create temporary table new_pathway as
        select i, (array['RXA','RXB'])[1 + i % 2] as trust,
               (select array_agg(code order by code) from treatment_function)[1 + (i / 2) % 23] as function,
               current_date - (i * 7919 % 730)::int as clock_start,
               (1 + (i * 104729 % 1000) / 1000.0 * (case when (i / 2) % 23 = 2 then 90 else 30 end)
                   * (case when i % 7 = 0 then 2.5 else 1 end))::int * 7 as wait_days
        from generate_series(($have + 1)::bigint, $wanted::bigint) as i;
        with referral as (
            insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username, author_name,
                                        organisation_ods, title, status, referred_to)
            select lpad((9750000000 + i * 10)::text, 10, '0'), 'REFERRAL', clock_start, clock_start, 'benchmark', 'Benchmark',
                   trust, 'Referral', 'SENT', function from new_pathway order by i
            returning id, patient_nhs_number, organisation_ods, referred_to, occurred_at::date as clock_start)
        insert into rtt_pathway (patient_nhs_number, referral_entry_id, provider_ods, treatment_function, priority, clock_start,
                                 clock_stop, stop_reason, admitted)
        select r.patient_nhs_number, r.id, r.organisation_ods, r.referred_to, 'ROUTINE', r.clock_start,
               case when n.clock_start + n.wait_days < current_date then n.clock_start + n.wait_days end,
               case when n.clock_start + n.wait_days < current_date then 'FIRST_DEFINITIVE_TREATMENT' end,
               case when n.clock_start + n.wait_days < current_date then n.i % 3 = 0 end
        from referral r join new_pathway n on r.patient_nhs_number = lpad((9750000000 + n.i * 10)::text, 10, '0');
        analyze rtt_pathway;"
    echo "waiting-times: added in $(( $(date +%s) - start )) s"
fi
total=$(psql_db "$hospital" "select count(*) from rtt_pathway")
token=$(server-config/bin/demo-token.sh clinician.northgate HOSPITAL_CLINICIAN)
{
    echo "# Waiting-list statistics over $(printf "%'d" "$total") pathways"
    echo
    echo "$(nproc) cores; $(date -u +%F). Each row is the first request of the day for that month (the computation), then a second (the day's cache)."
    echo
    echo "| question | first (s) | again (s) | waiting | median / 92nd weeks |"
    echo "|---|---:|---:|---:|---|"
} > "$report"
ask() {
    local query=$1 first again body
    first=$(curl -s -o /tmp/waiting-times.json -w '%{time_total}' -H "Authorization: Bearer $token" "$base/api/waiting-times?$query")
    again=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$base/api/waiting-times?$query")
    body=$(python3 -c "import json; d=json.load(open('/tmp/waiting-times.json')); w=d['incomplete']; print(w['total'], '|', w.get('medianWeeks'), '/', w.get('percentile92Weeks'))")
    echo "| $query | $first | $again | $body |" | tee -a "$report"
}
month() { date -d "$(date +%Y-%m-15) -$1 month" +%Y-%m; }
ask "specialty=320&month=$(month 1)"
ask "specialty=320&trust=RXA&month=$(month 2)"
ask "specialty=110&month=$(month 3)"
ask "specialty=110&trust=RXB&month=$(month 4)"
{
    echo
    echo "The plan of the band count for every trust (the heavier question):"
    echo
    echo '```'
    psql_db "$hospital" "explain (analyze, buffers) select least(floor((date '$(month 5)-28' - clock_start) / 7.0), 104)::int, count(*)
        from rtt_pathway where treatment_function = '320' and clock_start <= date '$(month 5)-28'
        and (clock_stop is null or clock_stop > date '$(month 5)-28') group by 1"
    echo '```'
} >> "$report"
echo "waiting-times: $report"
