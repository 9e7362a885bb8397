#!/usr/bin/env bash
# Times the prescribing checks for a patient on 30 active medicines (issue 17: under 50 ms on this machine).
# With the demo server running (ICR_API_RATE_LIMIT_ENABLED=false server-config/bin/run.sh; the API's
# per-client rate limit would otherwise be what is measured):
#   server-config/bin/benchmark-prescribing.sh [--requests N]   (default 300, after 50 unmeasured)
# Makes (once, and keeps) a benchmark patient admitted to Northgate with 30 active prescriptions of 30 different formulary
# medicines, 4 medicines on the record, 3 allergies and a medicine on a social care MAR chart (NHS number 9759999994,
# author "benchmark"), then asks POST /api/patients/{nhs}/prescriptions/checks N times, one after another, for a medicine
# that interacts with several of them, and reports the answer times (what the prescriber waits for, over HTTP on the same
# machine). Environment: ICR_BASE_URL (https://localhost:8443) and the ICR_DB_* variables of setup-databases.sh.
# Writes benchmarks/target/benchmark/prescribing-checks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. server-config/bin/tls-client.sh
requests=300
if [[ "${1:-}" == --requests ]]; then requests=${2:?say how many}; fi
base=${ICR_BASE_URL:-https://localhost:8443}
hospital=${ICR_HOSPITAL_DB:-icr_hospital}
socialcare=${ICR_SOCIALCARE_DB:-icr_socialcare}
psql_db() { psql -X -q -tA -v ON_ERROR_STOP=1 -h "${ICR_DB_HOST:-127.0.0.1}" -p "${ICR_DB_PORT:-5432}" -U "${ICR_DB_USER:-icr}" -d "$1" -c "$2"; }
out=benchmarks/target/benchmark
mkdir -p "$out"
report=$out/prescribing-checks.md
patient=9759999994

if [[ $(psql_db "$hospital" "select count(*) from patient where nhs_number = '$patient'") == 0 ]]; then
    echo "prescribing: registering the benchmark patient"
    status=$(curl -s -o /tmp/prescribing-register.json -w '%{http_code}' -H "Authorization: Bearer $(server-config/bin/demo-token.sh gp.beech)" \
        -H 'Content-Type: application/json' -d "{\"nhsNumber\":\"$patient\",\"givenName\":\"Bench\",\"familyName\":\"Marker\",\"birthDate\":\"1950-01-01\",\"sex\":\"female\",\"postcode\":\"LS1 4AP\",\"gpPracticeOdsCode\":\"Y90001\"}" \
        "$base/api/patients")
    [[ $status == 201 ]] || { echo "prescribing: registration answered $status: $(cat /tmp/prescribing-register.json)" >&2; exit 1; }
fi
admission=$(psql_db "$hospital" "select id from hospital_entry where patient_nhs_number = '$patient' and entry_type = 'ENCOUNTER' and status = 'OPEN' limit 1")
if [[ -z $admission ]]; then
    echo "prescribing: admitting it with 30 prescriptions"
    admission=$(psql_db "$hospital" "
        insert into care_relationship (patient_nhs_number, organisation_ods, kind, started_at) values ('$patient', 'RXA', 'ADMISSION', now());
        insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username, author_name, organisation_ods,
            title, status, details, encounter_kind)
        values ('$patient', 'ENCOUNTER', now() - interval '2 days', now(), 'benchmark', 'Benchmark', 'RXA', 'Admission', 'OPEN',
            'Benchmark admission', 'ADMISSION') returning id;" | head -1)
    psql_db "$hospital" "
        insert into inpatient_prescription (admission_id, patient_nhs_number, medicine_id, kind, dose, dose_unit, route, times_of_day,
            starts_at, prescriber, prescriber_name, organisation_ods, prescribed_at)
        select $admission, '$patient', id, 'REGULAR', 1, dose_unit, route, '08:00 20:00', now() - interval '1 day', 'benchmark',
            'Benchmark', 'RXA', now()
        from (select distinct on (vtm) id, vtm, dose_unit, route from medicine
              where therapeutic_group in ('ACE inhibitor', 'SSRI', 'statin', 'anticoagulant', 'beta blocker', 'loop diuretic', 'opioid',
                  'proton pump inhibitor', 'antiepileptic', 'dopaminergic', 'calcium channel blocker', 'corticosteroid', 'insulin',
                  'antiplatelet', 'thiazide diuretic', 'biguanide', 'sulfonylurea', 'macrolide', 'antipsychotic', 'benzodiazepine')
              order by vtm, id) m
        order by vtm limit 30;
        insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username, author_name, organisation_ods,
            title, status, dose, route, frequency, course)
        select '$patient', 'MEDICATION', now() - interval '90 days', now(), 'benchmark', 'Benchmark', 'Y90001', name, 'ACTIVE', 'One',
            'oral', 'Once a day', 'REPEAT' from medicine where name in ('Levothyroxine sodium 50microgram tablets',
            'Tamsulosin 400microgram modified-release capsules', 'Alendronic acid 70mg tablets', 'Folic acid 5mg tablets');
        insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username, author_name, organisation_ods,
            title, status, reaction, severity)
        select '$patient', 'ALLERGY', now() - interval '900 days', now(), 'benchmark', 'Benchmark', 'Y90001', s, 'ACTIVE', 'Rash', 'MODERATE'
        from unnest(array['Penicillin', 'Codeine', 'Sulfonamides']) s;"
    psql_db "$socialcare" "
        with m as (insert into care_medicine (person_nhs_number, provider_ods, medicine, dose, route, category, as_required, time_critical,
            controlled_drug, started_on, added_by, added_at) values ('$patient', 'CH001', 'Donepezil 5mg tablets', 'One tablet', 'oral',
            'GENERAL', false, false, false, current_date - 30, 'benchmark', now()) returning id)
        insert into care_medicine_time (care_medicine_id, time_of_day) select id, '20:00' from m;"
fi
active=$(psql_db "$hospital" "select count(*) from inpatient_prescription where admission_id = $admission and stopped_at is null")
token=$(server-config/bin/demo-token.sh clinician.northgate HOSPITAL_CLINICIAN)
body="{\"admissionId\":$admission,\"medicine\":\"Ibuprofen 400mg tablets\",\"kind\":\"regular\",\"dose\":400,\"timesOfDay\":[\"08:00\",\"14:00\",\"20:00\"]}"
check() { curl -s -o "$1" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$body" "$base/api/patients/$patient/prescriptions/checks"; }
for _ in $(seq 50); do check /dev/null > /dev/null; done
check /tmp/prescribing-checks.json > /dev/null
alerts=$(python3 -c "import json; d=json.load(open('/tmp/prescribing-checks.json')); print(len(d['alerts']), 'alerts:', ', '.join(sorted({a['kind'] for a in d['alerts']})))")
for _ in $(seq "$requests"); do check /dev/null; done > /tmp/prescribing-times.txt
python3 - "$report" "$requests" "$active" "$alerts" <<'PY'
import statistics, sys, datetime, os
report, requests, active, alerts = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [line.split() for line in open('/tmp/prescribing-times.txt')]
bad = [r for r in rows if r[0] != '200']
ms = sorted(float(r[1]) * 1000 for r in rows if r[0] == '200')
pct = lambda p: ms[min(len(ms) - 1, int(round(p / 100 * (len(ms) - 1))))]
text = f"""# Prescribing checks for a patient on {active} active prescriptions

{os.cpu_count()} cores; {datetime.date.today()}. {requests} checks one after another over HTTP (after 50 unmeasured), each for
ibuprofen three times a day against the 30 prescriptions, 4 medicines on the record, 3 allergies and a MAR-chart medicine
({alerts}); answers not 200: {len(bad)}.

| median (ms) | 95th (ms) | 99th (ms) | max (ms) |
|---:|---:|---:|---:|
| {statistics.median(ms):.1f} | {pct(95):.1f} | {pct(99):.1f} | {ms[-1]:.1f} |
"""
open(report, 'w').write(text)
print(text)
PY
echo "prescribing: $report"
