#!/usr/bin/env bash
# Times the import of a month of NHS England's published RTT statistics at the size of a real month (issue 14: the
# monthly "Full CSV", some 180,000 rows, one transaction per file). With the demo server running (ICR_API_RATE_LIMIT_ENABLED=false server-config/bin/run.sh; the API's
# per-client rate limit would otherwise be what is measured):
#   server-config/bin/benchmark-published-import.sh [--rows N]   (default 180,000)
# Writes a synthetic file in the Full CSV layout (the header of the test fixture; providers x commissioners x the five
# parts x 24 treatment functions, counts spread over the weekly bands and adding up to the totals) for June 2000, a month
# nobody publishes, zips it as NHS England does, posts the ZIP to /api/waiting-times/published as the demo administrator
# twice (the first import of the month, then the re-import that replaces it), then removes the month again so the demo's
# national figures stay as they were.
# Environment: ICR_BASE_URL (https://localhost:8443) and the ICR_DB_* variables of setup-databases.sh.
# Writes benchmarks/target/benchmark/published-import.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. server-config/bin/tls-client.sh
rows=180000
if [[ "${1:-}" == --rows ]]; then rows=${2:?say how many}; fi
base=${ICR_BASE_URL:-https://localhost:8443}
hospital=${ICR_HOSPITAL_DB:-icr_hospital}
psql_db() { psql -X -q -tA -h "${ICR_DB_HOST:-127.0.0.1}" -p "${ICR_DB_PORT:-5432}" -U "${ICR_DB_USER:-icr}" -d "$1" -c "$2"; }
out=benchmarks/target/benchmark
mkdir -p "$out"
report=$out/published-import.md
csv=$out/rtt-full-csv-2000-06.csv
zip=$out/rtt-full-csv-2000-06.zip

python3 - "$rows" "$csv" "$zip" ear/src/test/resources/rtt/full-csv-2025-10.csv <<'PY'
import random, sys, zipfile
rows, csv, zipped, fixture = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
header = open(fixture, encoding='utf-8').readline().rstrip('\r\n')
functions = ['C_100', 'C_101', 'C_110', 'C_120', 'C_130', 'C_140', 'C_150', 'C_160', 'C_170', 'C_300', 'C_301', 'C_320',
             'C_330', 'C_340', 'C_400', 'C_410', 'C_430', 'C_502', 'X02', 'X03', 'X04', 'X05', 'X06', 'C_999']
parts = ['Part_1A', 'Part_1B', 'Part_2', 'Part_2A', 'Part_3']
per_provider = len(functions) * len(parts) * 5                # five commissioners each
providers = -(-rows // per_provider)
random.seed(14)
written = 0
with open(csv, 'w', encoding='utf-8', newline='') as out:
    out.write(header + '\r\n')
    for p in range(providers):
        provider = 'R%04d' % p
        for c in range(5):
            commissioner = '%02dX' % (c + 10 * (p % 9))
            for part in parts:
                for function in functions:
                    if written == rows:
                        break
                    reach = random.randint(8, 104)                 # a list whose waits end somewhere between 8 and 104 weeks
                    bands = [random.randint(0, 40) if week < reach else 0 for week in range(104)] + [random.randint(0, 3)]
                    total = sum(bands)
                    unknown = random.randint(0, 2)
                    out.write(','.join(['RTT-June-2000', 'Q71', 'NHS ENGLAND LONDON', provider, 'PROVIDER %d NHS TRUST' % p,
                                        'QMJ', 'NORTH CENTRAL LONDON', commissioner, 'COMMISSIONER %s' % commissioner,
                                        part, 'DESCRIPTION OF ' + part.upper(), function, 'FUNCTION ' + function]
                                       + [str(b) for b in bands] + [str(total), str(unknown), str(total + unknown)]) + '\r\n')
                    written += 1
with zipfile.ZipFile(zipped, 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(csv, '20000630-RTT-June-2000-full-extract.csv')
PY
token=$(server-config/bin/demo-token.sh admin.beech ADMIN)
csv_bytes=$(stat -c %s "$csv")
zip_bytes=$(stat -c %s "$zip")
post() {
    curl -s -o "$out/published-import.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/zip' --data-binary "@$zip" "$base/api/waiting-times/published"
}
read -r first_status first_time < <(post)
answer=$(cat "$out/published-import.json")
read -r again_status again_time < <(post)
kept=$(psql_db "$hospital" "select count(*) from rtt_published where period = date '2000-06-01'")
psql_db "$hospital" "delete from rtt_published where period = date '2000-06-01'; delete from rtt_published_import where period = date '2000-06-01'"
{
    echo "# Importing a month of published RTT statistics"
    echo
    echo "$(nproc) cores; $(date -u +%F). A synthetic month in the Full CSV layout: $(printf "%'d" "$rows") rows, $(( csv_bytes / 1048576 )) MiB"
    echo "as CSV, $(( zip_bytes / 1048576 )) MiB zipped (as posted). Read, checked, summed over commissioners and written in one transaction."
    echo
    echo "| import | answer | seconds | rows kept |"
    echo "|---|---|---:|---:|"
    echo "| first of the month | $first_status | $first_time | $kept |"
    echo "| again (replaces it) | $again_status | $again_time | $kept |"
    echo
    echo "The first answer: \`$answer\`"
} > "$report"
cat "$report"
