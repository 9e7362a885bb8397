#!/usr/bin/env bash
# Imports a folder of FHIR R4 transaction (or batch) bundles into a running ICR, one bundle per XA transaction:
#   server-config/bin/import-fhir.sh DIR
# Synthea's output folder works as it is: its hospital and practitioner bundles are posted first, so that the patients'
# bundles find their organisations and practitioners. Shows a progress bar, then a summary: bundles imported and failed,
# resources by type added, already present and skipped, and each failure with the server's reason. Exits non-zero when
# any bundle failed (a failed bundle imports nothing: fix it and run again; what was imported before is matched, not
# duplicated).
# Environment: ICR_BASE_URL (https://localhost:8443), ICR_MAX_IMPORT_BYTES (the server's limit, 64 MiB by default: a larger
# bundle is not sent, and fails with that reason), ICR_IMPORT_TOKEN (default: a demo token for the demo user
# "importer", role IMPORTER), ICR_TLS_CA (the certificate to trust; tls-client.sh finds the local one).
set -euo pipefail

dir=${1:?usage: import-fhir.sh DIR (a folder of FHIR R4 bundles, *.json)}
[[ -d "$dir" ]] || { echo "import-fhir: $dir is not a folder" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tls-client.sh
. "$root/server-config/bin/tls-client.sh"
base=${ICR_BASE_URL:-https://localhost:8443}
limit=${ICR_MAX_IMPORT_BYTES:-67108864}
token=${ICR_IMPORT_TOKEN:-$("$root/server-config/bin/demo-token.sh" importer IMPORTER)}

mapfile -t bundles < <(
    find "$dir" -maxdepth 1 -name '*.json' \( -name 'hospitalInformation*' -o -name 'practitionerInformation*' \) | sort
    find "$dir" -maxdepth 1 -name '*.json' ! -name 'hospitalInformation*' ! -name 'practitionerInformation*' | sort)
total=${#bundles[@]}
(( total > 0 )) || { echo "import-fhir: no *.json bundles in $dir" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
done_count=0
start=$(date +%s)
for bundle in "${bundles[@]}"; do
    done_count=$((done_count + 1))
    answer=$work/$done_count.json
    size=$(stat -L -c %s "$bundle")
    if (( size > limit )); then
        # the server would refuse it unread (413), and a client still sending then sees a reset stream, not the answer
        status=413
        printf '{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"too-costly","diagnostics":"%s bytes, over ICR_MAX_IMPORT_BYTES (%s): not sent (split the bundle, or raise the limit on the server and here)"}]}' \
            "$size" "$limit" > "$answer"
    else
        status=$(curl -sS -o "$answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/fhir+json' -H 'Accept: application/fhir+json' --data-binary "@$bundle" "$base/fhir" || echo 000)
    fi
    echo "$status $(basename "$bundle")" >> "$work/statuses"
    [[ "$status" == 200 ]] || failed=$((failed + 1))
    width=40
    filled=$((done_count * width / total))
    printf '\r[%-*s] %d/%d bundles, %d failed' "$width" "$(printf '%*s' "$filled" '' | tr ' ' '#')" "$done_count" "$total" "$failed"
done
echo
python3 - "$work" "$(( $(date +%s) - start ))" <<'PY'
import collections, json, os, sys
work, seconds = sys.argv[1], int(sys.argv[2])
totals = {key: collections.Counter() for key in ("added", "alreadyPresent", "skipped")}
people = collections.Counter()
failures = []
lines = open(os.path.join(work, "statuses")).read().splitlines()
for n, line in enumerate(lines, start=1):
    status, name = line.split(" ", 1)
    try:
        answer = json.load(open(os.path.join(work, f"{n}.json")))
    except Exception:
        answer = {}
    if status != "200":
        reason = "; ".join(i.get("diagnostics", "") for i in answer.get("issue", [])[:5]) or f"HTTP {status}"
        failures.append((name, reason))
        continue
    for ext in answer.get("meta", {}).get("extension", []):
        if ext.get("url", "").endswith("/import-summary"):
            summary = json.loads(ext["valueString"])
            for key in totals:
                totals[key].update(summary.get(key, {}))
            for key in ("patientsRegistered", "patientsMatched", "organisationsAdded", "practitionersAdded"):
                people[key] += summary.get(key, 0)
print(f"{len(lines) - len(failures)} of {len(lines)} bundles imported in {seconds} s; {len(failures)} failed")
print(f"patients: {people['patientsRegistered']} registered, {people['patientsMatched']} matched (already registered);"
      f" directory: {people['organisationsAdded']} organisations, {people['practitionersAdded']} practitioners added")
for key, words in (("added", "entries added"), ("alreadyPresent", "already present (re-import)"), ("skipped", "skipped (not kept by ICR)")):
    if totals[key]:
        print(f"{words}: " + ", ".join(f"{kind} {count}" for kind, count in sorted(totals[key].items())))
for name, reason in failures:
    print(f"FAILED {name}: {reason}")
sys.exit(1 if failures else 0)
PY
