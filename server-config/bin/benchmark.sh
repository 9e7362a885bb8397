#!/usr/bin/env bash
# Benchmarks a running ICR beside a raw-JDBC floor doing the same SQL work, in one run, and prints the ratio table
# (issue 12). Start the demo server first (ICR_API_RATE_LIMIT_ENABLED=false server-config/bin/run.sh, in another terminal:
# the API's per-client rate limit would otherwise be what is measured), then:
#   server-config/bin/benchmark.sh
# Environment (defaults): ICR_BENCH_USERS="8 32 128" ICR_BENCH_SECONDS=60
#   ICR_BENCH_SCENARIOS="open-patient timeline results search social-care-write registration transfer patient mix" (also
#   fhir-identifier fhir-search fhir-everything, the FHIR R4 reads beside the JSON API's; transfers
#   use up open admissions, one each: load more patients with load-demo.sh for long runs)
#   ICR_BENCH_SOAK_SECONDS=0 (the soak: the mix for this long, the server sampled; soak.sh sets 1800), ICR_BENCH_SOAK_USERS=32,
#   ICR_BENCH_SOAK_SAMPLE_SECONDS=60,
#   ICR_BENCH_REPEAT=1 (3 for the documented figures: the summary takes the median of each), ICR_BENCH_FLOOR_THREADS="8 16" (PostgreSQL's 100 connections, shared with the server's pools, bound it),
#   ICR_BENCH_FLOOR=yes (no: the server's runs only, without the floor beside them), ICR_BASE_URL=https://localhost:8443
#   ICR_HEALTH_URL=http://localhost:9990/health/ready, ICR_BENCH_WARMUP_SECONDS=30 (unmeasured, first), and the
#   ICR_DB_* variables of setup-databases.sh; ICR_BENCH_PROFILE="open-patient:32 registration:32" (the runs recorded with
#   Java Flight Recorder on the server, as scenario:users; empty for none), ICR_SERVER_PID (found by its HTTP port).
# Writes benchmarks/target/benchmark/: floor.csv, runs.csv, each run's console log, summary.md; Gatling's HTML report
# per run is in benchmarks/target/gatling/.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. server-config/bin/tls-client.sh
base=${ICR_BASE_URL:-https://localhost:8443}
health=${ICR_HEALTH_URL:-http://localhost:9990/health/ready}
users=${ICR_BENCH_USERS:-8 32 128}
seconds=${ICR_BENCH_SECONDS:-60}
scenarios=${ICR_BENCH_SCENARIOS-open-patient timeline results search social-care-write registration transfer patient mix}
floor_threads=${ICR_BENCH_FLOOR_THREADS:-8 16}
out=$root/benchmarks/target/benchmark
mkdir -p "$out"

export PGPASSWORD=${ICR_DB_PASSWORD:-icr}
psql_db() { psql -X -q -tA -h "${ICR_DB_HOST:-127.0.0.1}" -p "${ICR_DB_PORT:-5432}" -U "${ICR_DB_USER:-icr}" -d "$1" -c "$2"; }
hospital=${ICR_HOSPITAL_DB:-icr_hospital}
social=${ICR_SOCIALCARE_DB:-icr_socialcare}

# the chart of the results is drawn with matplotlib (Debian's python3-matplotlib), installed when missing and possible
chart_python=/usr/bin/python3 # Debian's, which its python3-matplotlib package serves (another python3 may be first on the PATH)
if ! "$chart_python" -c 'import matplotlib' 2> /dev/null; then
    if [[ $(id -u) -eq 0 ]]; then as_root=(); elif sudo -n true 2> /dev/null; then as_root=(sudo -n); else as_root=(false); fi
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q python3-matplotlib > /dev/null \
        || echo "benchmark: python3-matplotlib is missing and could not be installed: no chart this time" >&2
fi

if ! curl -fsS "$health" > /dev/null 2>&1; then
    echo "benchmark: ICR is not ready at $health; start it first with server-config/bin/run.sh" >&2
    exit 1
fi

echo "benchmark: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(psql_db "$hospital" 'select count(*) from patient') patients"

# who the scenarios read and write: gp.beech's patients, social.worker's caseload
# (leaving out the patients earlier runs registered, all named Bench Mark: they would turn searches into lists of thousands)
psql_db "$hospital" "\\copy (select nhs_number as \"nhsNumber\", family_name as \"familyName\" from patient where gp_practice_ods = 'Y90001' and nhs_number not between '9750000000' and '9899999999' order by nhs_number) to '$out/patients.csv' csv header"
psql_db "$social" "\\copy (select distinct person_nhs_number as \"nhsNumber\" from caseload_allocation where social_worker_username = 'social.worker' order by 1) to '$out/caseload.csv' csv header"
# transfers of care discharge the open admissions at Northgate (clinician.northgate's trust), each one once: listed
# again before every run, so a repeated run does not reach for admissions an earlier one discharged
open_admissions() {
    psql_db "$hospital" "\\copy (select patient_nhs_number as \"nhsNumber\", id as \"admissionId\" from hospital_entry where entry_type = 'ENCOUNTER' and encounter_kind = 'ADMISSION' and ended_at is null and organisation_ods = 'RXA' order by id) to '$out/admissions.csv' csv header"
}
open_admissions

token() { server-config/bin/demo-token.sh "$@"; }
gp=$(token gp.beech GP)
social_worker=$(token social.worker SOCIAL_WORKER)
clinician=$(token clinician.northgate HOSPITAL_CLINICIAN)
# the patient scenario: patients of 16 and over at Beech Road, each with their own token (the app's caller)
{
    echo "nhsNumber,token"
    psql_db "$hospital" "select nhs_number from patient where gp_practice_ods = 'Y90001' and birth_date <= current_date - interval '16 years'
        and nhs_number not between '9750000000' and '9899999999' order by nhs_number limit 200" \
        | while read -r nhs; do echo "$nhs,$(token --patient "$nhs")"; done
} > "$out/patients-app.csv"

# the patient scenario's own requests still waiting and its bookings (marked "Benchmark", made by its patients with their
# own tokens) removed, so that each run requests repeats and books slots again instead of meeting its earlier ones (a
# request waiting, four bookings held, the fortnight full); nothing a practice decided is touched
forget_patient_app_runs() {
    local app_patients
    app_patients=$(tail -n +2 "$out/patients-app.csv" | cut -d, -f1 | paste -sd, -)
    psql_db "$hospital" "delete from repeat_request where note = 'Benchmark' and status = 'PENDING'
            and requested_by = 'patient:' || patient_nhs_number and patient_nhs_number = any(string_to_array('$app_patients', ','));
        delete from appointment where reason = 'Benchmark' and booked_by = 'patient:' || patient_nhs_number
            and patient_nhs_number = any(string_to_array('$app_patients', ','))" > /dev/null
}

# one Gatling run of the simulation: gatling SCENARIO USERS SECONDS LOG (the rest of its settings are this run's)
gatling() {
    mvn -B -q -Pbenchmarks -pl benchmarks gatling:test "${gatling_tls_options[@]}" -Dgatling.simulationClass=uk.nhs.icr.benchmarks.IcrSimulation \
        -Dicr.base="$base" -Dicr.scenario="$1" -Dicr.users="$2" -Dicr.seconds="$3" \
        -Dicr.patients="$out/patients.csv" -Dicr.caseload="$out/caseload.csv" -Dicr.admissions="$out/admissions.csv" \
        -Dicr.patientApp="$out/patients-app.csv" \
        -Dicr.token.gp="$gp" -Dicr.token.socialWorker="$social_worker" -Dicr.token.clinician="$clinician" \
        -Dicr.nhsNumberBase="$nhs_base" -Dgatling.failOnError=false > "$4" 2>&1
}

mvn -B -q -Pbenchmarks -pl benchmarks -am -DskipTests install
cp_file=$out/classpath.txt
mvn -B -q -Pbenchmarks -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime

if [[ -n "${scenarios// /}" && "${ICR_BENCH_FLOOR:-yes}" != no ]]; then
    echo "benchmark: the raw-JDBC floor, ${seconds}s per workload at $floor_threads threads"
    # shellcheck disable=SC2086
    java -cp "benchmarks/target/classes:$(cat "$cp_file")" uk.nhs.icr.benchmarks.JdbcFloor "$out/patients.csv" "$out/floor.csv" "$seconds" \
        $floor_threads
elif [[ "${ICR_BENCH_FLOOR:-yes}" == no ]]; then
    rm -f "$out/floor.csv" # an earlier run's floor is not this run's
fi

profile=${ICR_BENCH_PROFILE-open-patient:32 registration:32}
http_port=$(sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#' <<< "$base"); http_port=${http_port:-80}
server_pid=${ICR_SERVER_PID:-$(ss -Hltnp "sport = :$http_port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)}
java_cp="benchmarks/target/classes:$(cat "$cp_file")"

echo "scenario,users,report,log" > "$out/runs.csv"
run=0
# registrations take fresh NHS numbers from their own range (975 000 000x to 989 999 999x, clear of the demo's 999...),
# above any an earlier run registered
last=$(psql_db "$hospital" "select coalesce(max(substr(nhs_number, 1, 9)::bigint), 974999999) from patient
    where nhs_number between '9750000000' and '9899999999'")
nhs_base=$(( last + 1 ))
# a server just started runs interpreted code: warm it up first, unmeasured
warmup=${ICR_BENCH_WARMUP_SECONDS:-30}
if (( warmup > 0 )); then
    echo "benchmark: warming the server up for ${warmup}s (the mix at 8 users, not measured)"
    gatling mix 8 "$warmup" "$out/warmup.log" || true
    nhs_base=$(( nhs_base + 200000 ))
fi
repeat=${ICR_BENCH_REPEAT:-1}
for attempt in $(seq 1 "$repeat"); do
for scenario in $scenarios; do
    for n in $users; do
        echo "benchmark: $scenario at $n users for ${seconds}s (run $attempt of $repeat)"
        before=$(ls -d benchmarks/target/gatling/*/ 2>/dev/null | sort || true)
        run=$(( run + 1 ))
        log=$out/$(printf '%02d' "$run")-$scenario-$n.log
        if [[ "$scenario" == transfer ]]; then open_admissions; fi
        if [[ "$scenario" == patient ]]; then forget_patient_app_runs; fi
        recording=
        if [[ $attempt == 1 && " $profile " == *" $scenario:$n "* && -n "$server_pid" ]]; then
            recording=$out/$(printf '%02d' "$run")-$scenario-$n.jfr
            jcmd "$server_pid" JFR.start name=icr-benchmark settings=default maxsize=200m > /dev/null \
                || { echo "benchmark: cannot record process $server_pid with JFR; this run unprofiled" >&2; recording=; }
        fi
        gatling "$scenario" "$n" "$seconds" "$log" || true
        if [[ -n "$recording" ]]; then
            if jcmd "$server_pid" JFR.stop name=icr-benchmark filename="$recording" > /dev/null \
                && java -cp "$java_cp" uk.nhs.icr.benchmarks.JfrSummary "$recording" > "${recording%.jfr}-profile.md"; then
                echo "benchmark: profile of the server during this run in ${recording%.jfr}-profile.md"
            else
                echo "benchmark: the recording of this run could not be read" >&2
            fi
        fi
        sed -n '/Global Information/,/====/p' "$log"
        nhs_base=$(( nhs_base + 200000 ))
        report=$(comm -13 <(echo "$before") <(ls -d benchmarks/target/gatling/*/ | sort) | tail -n 1)
        echo "$scenario,$n,$report,$log" >> "$out/runs.csv"
    done
done
done

# the soak (issue 19; soak.sh runs it alone): the mix at ICR_BENCH_SOAK_USERS users for ICR_BENCH_SOAK_SECONDS, the
# server sampled every ICR_BENCH_SOAK_SAMPLE_SECONDS (heap in use, threads, open file handles, its database sessions and
# those running a statement) into soak-samples.csv and drawn in soak.png; the live heap (after a full collection) after
# the first minute and at the end into heap.csv
soak=${ICR_BENCH_SOAK_SECONDS:-0}
soak_users=${ICR_BENCH_SOAK_USERS:-32}
sample_every=${ICR_BENCH_SOAK_SAMPLE_SECONDS:-60}
heap_used_kb() { # the heap in use now, in kB, garbage included (nothing if jcmd cannot reach the server)
    jcmd "$server_pid" GC.heap_info 2> /dev/null | awk '/garbage-first heap|[Hh]eap / && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub(/K,?/, "", $(i+1)); print $(i+1); exit } }'
}
live_heap_kb() { # the heap in use right after a full collection, in kB
    jcmd "$server_pid" GC.run > /dev/null 2>&1 || return 0
    heap_used_kb
}
sample_server() { # minute,heap_used_kb,threads,open_files,db_sessions,db_sessions_busy
    local sessions
    # (a failed sample is a blank in the table, never the end of the soak with Gatling left running)
    sessions=$(psql_db postgres "select count(*) || ',' || count(*) filter (where state <> 'idle') from pg_stat_activity
        where usename = '${ICR_DB_USER:-icr}' and datname in ('$hospital', '$social', '${ICR_RESEARCH_DB:-icr_research}')" || echo ",")
    echo "$1,$(heap_used_kb),$(ls "/proc/$server_pid/task" | wc -l),$(ls "/proc/$server_pid/fd" | wc -l),$sessions"
}
if (( soak > 60 )) && [[ -z "$server_pid" ]]; then
    echo "benchmark: the soak needs the server's process (set ICR_SERVER_PID): none listens on port $http_port here" >&2
    exit 1
fi
if (( soak > 60 )); then
    echo "benchmark: the soak, the mix at $soak_users users for ${soak}s, the server sampled every ${sample_every}s"
    gatling mix "$soak_users" "$soak" "$out/soak.log" &
    soak_pid=$!
    echo "minute,heap_used_kb,threads,open_files,db_sessions,db_sessions_busy" > "$out/soak-samples.csv"
    soak_started=$(date +%s)
    sample_server 0 >> "$out/soak-samples.csv"
    for (( n = 1; n * sample_every <= soak; n++ )); do
        # every sample_every seconds from the start, however long a sample takes (each minute is the real one)
        sleep $(( soak_started + n * sample_every - $(date +%s) > 0 ? soak_started + n * sample_every - $(date +%s) : 0 ))
        kill -0 "$soak_pid" 2> /dev/null || break
        sample_server "$(awk -v s="$(( $(date +%s) - soak_started ))" 'BEGIN { printf "%.1f", s / 60 }')" >> "$out/soak-samples.csv"
        if (( n == 1 )); then first=$(live_heap_kb); fi
    done
    wait "$soak_pid" || true
    last=$(live_heap_kb)
    if [[ "${first:-}" =~ ^[0-9]+$ && "$last" =~ ^[0-9]+$ ]] && (( first > 0 )); then
        echo "soak,users,seconds,heap_after_first_minute_kb,heap_at_end_kb,growth_percent" > "$out/heap.csv"
        echo "mix,$soak_users,$soak,$first,$last,$(( (last - first) * 100 / first ))" >> "$out/heap.csv"
        echo "benchmark: live heap ${first} kB after the first minute, ${last} kB after ${soak}s ($(( (last - first) * 100 / first )) %)"
    else
        echo "benchmark: could not read the server's heap with jcmd (process $server_pid)" >&2
    fi
    column -s, -t < "$out/soak-samples.csv" 2> /dev/null || cat "$out/soak-samples.csv"
    sed -n '/Global Information/,/====/p' "$out/soak.log"
    "$chart_python" server-config/bin/soak-chart.py "$out/soak-samples.csv" "$out/soak.png" \
        || echo "benchmark: no soak chart (soak-chart.py needs python3-matplotlib)" >&2
fi
if [[ -z "${scenarios// /}" ]]; then
    exit 0 # a soak alone: no runs to summarise
fi

python3 server-config/bin/benchmark-summary.py "$out" | tee "$out/summary.md"
"$chart_python" server-config/bin/benchmark-chart.py "$out/results.csv" "$out/throughput-and-p99.png" \
    || echo "benchmark: no chart (benchmark-chart.py needs python3-matplotlib: apt-get install python3-matplotlib)" >&2
