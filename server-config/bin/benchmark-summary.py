#!/usr/bin/env python3
"""Reads a benchmark run (benchmark.sh's output folder) and prints the table for docs/performance.md: per scenario
and user count, ICR's requests/s and p50/p95/p99 (Gatling's report), errors, the raw-JDBC floor for the same work at
the same concurrency (or the nearest below), and ICR's share of it."""
import csv
import os
import sys

out = sys.argv[1]
# scenario -> (floor workload, requests per unit of work): a patient opening is two requests, one floor operation
FLOOR_OF = {"open-patient": ("open-patient", 2), "registration": ("registration", 1), "transfer": ("xa-insert-both", 1)}

floor = {}
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


print("| scenario | users | ICR req/s | p50 ms | p95 ms | p99 ms | errors | floor ops/s (threads) | floor p99 ms | ICR / floor |")
print("|---|---|---|---|---|---|---|---|---|---|")
with open(os.path.join(out, "runs.csv")) as f:
    for run in csv.DictReader(f):
        stats = global_stats(run["log"])
        if stats is None:
            print(f"| {run['scenario']} | {run['users']} | no result (see {run['log']}) | | | | | | | |")
            continue
        rps, p50, p95, p99, errors = (stats[k] for k in ("rps", "p50", "p95", "p99", "ko"))
        ratio, floor_cell, floor_p99 = "n/a", "n/a", ""
        if run["scenario"] in FLOOR_OF:
            workload, per_op = FLOOR_OF[run["scenario"]]
            row = floor_for(workload, int(run["users"]))
            if row:
                floor_ops = float(row["ops_per_s"])
                floor_cell = f"{floor_ops:.0f} ({row['threads']})"
                floor_p99 = row["p99_ms"]
                ratio = f"{100 * rps / per_op / floor_ops:.0f} %"
        print(f"| {run['scenario']} | {run['users']} | {rps:.0f} | {p50:.0f} | {p95:.0f} | {p99:.0f} | {errors} | {floor_cell} | {floor_p99} | {ratio} |")

print()
print("| bare floor | threads | ops/s | p50 ms | p95 ms | p99 ms |")
print("|---|---|---|---|---|---|")
for (workload, threads), row in sorted(floor.items()):
    print(f"| {workload} | {threads} | {row['ops_per_s']} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} |")
