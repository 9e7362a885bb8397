#!/usr/bin/env python3
"""Reads a benchmark run (benchmark.sh's output folder) and prints the table for docs/performance.md: per scenario
and user count, ICR's requests/s and p50/p95/p99 (Gatling's report), errors, the raw-JDBC floor for the same work at
the same concurrency (or the nearest below), and ICR's share of it; with repeated runs, the median of each figure.
Also writes results.csv beside them, which benchmark-chart.py draws."""
import csv
import os
import statistics
import sys

out = sys.argv[1]
# scenario -> (floor workload, requests per unit of work): a patient opening is two requests, one floor operation
FLOOR_OF = {"open-patient": ("open-patient", 2), "registration": ("registration", 1), "transfer": ("xa-insert-both", 1)}

floor = {}
if os.path.exists(os.path.join(out, "floor.csv")):  # not there when the run left the floor out (ICR_BENCH_FLOOR=no)
    with open(os.path.join(out, "floor.csv")) as f:
        for row in csv.DictReader(f):
            floor[(row["workload"], int(row["threads"]))] = row


def global_stats(log):
    """Gatling's console summary of a run ("---- Global Information ----"): mean throughput, percentiles, failures."""
    if not os.path.exists(log):
        return None
    found = {}
    inside = False
    for line in open(log, errors="replace"):
        if "Global Information" in line:
            inside = True
            continue
        if inside and (line.startswith("====") or line.startswith("----")):
            break
        if not inside or not line.startswith(">"):
            continue
        cells = [c.strip() for c in line[1:].split("|")]
        label, total = cells[0], cells[1].replace(",", "")
        ko = cells[3].replace(",", "") if len(cells) > 3 else "-"
        if label.startswith("request count"):
            found["ko"] = 0 if ko in ("-", "") else int(ko)
        for key, prefix in (("p50", "response time 50th"), ("p95", "response time 95th"), ("p99", "response time 99th"),
                            ("rps", "mean throughput")):
            if label.startswith(prefix):
                found[key] = float(total)
    return found if len(found) == 5 else None


def floor_for(workload, users):
    levels = sorted(t for (w, t) in floor if w == workload and t <= users) or sorted(t for (w, t) in floor if w == workload)
    return floor[(workload, levels[-1])] if levels else None


runs = {}
with open(os.path.join(out, "runs.csv")) as f:
    for run in csv.DictReader(f):
        runs.setdefault((run["scenario"], int(run["users"])), []).append(run)

print("| scenario | users | runs | ICR req/s | p50 ms | p95 ms | p99 ms | errors | floor ops/s (threads) | floor p99 ms | ICR / floor |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
results = []
for (scenario, users), tries in runs.items():
    measured = [stats for stats in (global_stats(run["log"]) for run in tries) if stats is not None]
    if not measured:
        print(f"| {scenario} | {users} | 0 | no result (see {tries[0]['log']}) | | | | | | | |")
        continue
    # the median of each figure over the repeated runs (ICR_BENCH_REPEAT): the machine is noisy
    rps, p50, p95, p99 = (statistics.median(stats[k] for stats in measured) for k in ("rps", "p50", "p95", "p99"))
    errors = sum(stats["ko"] for stats in measured)
    ratio, floor_cell, floor_p99 = "n/a", "n/a", ""
    if scenario in FLOOR_OF:
        workload, per_op = FLOOR_OF[scenario]
        row = floor_for(workload, users)
        if row:
            floor_ops = float(row["ops_per_s"])
            floor_cell = f"{floor_ops:.0f} ({row['threads']})"
            floor_p99 = row["p99_ms"]
            ratio = f"{100 * rps / per_op / floor_ops:.0f} %"
    results.append((scenario, users, len(measured), rps, p50, p95, p99, errors))
    print(f"| {scenario} | {users} | {len(measured)} | {rps:.0f} | {p50:.0f} | {p95:.0f} | {p99:.0f} | {errors} | {floor_cell} | {floor_p99} | {ratio} |")

with open(os.path.join(out, "results.csv"), "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["scenario", "users", "runs", "rps", "p50_ms", "p95_ms", "p99_ms", "errors"])
    writer.writerows(results)

print()
print("| bare floor | threads | ops/s | p50 ms | p95 ms | p99 ms |")
print("|---|---|---|---|---|---|")
for (workload, threads), row in sorted(floor.items()):
    print(f"| {workload} | {threads} | {row['ops_per_s']} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} |")
