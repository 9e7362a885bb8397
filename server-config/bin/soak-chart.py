#!/usr/bin/env python3
"""Draws a soak's samples (benchmark.sh's soak-samples.csv) as a PNG of four panels against minutes: the heap in use,
the server's threads, its open file handles, and its database sessions (open and running a statement). Flat lines after
the first minutes are what a soak should show; a climb in any of them is a leak.
    soak-chart.py soak-samples.csv soak.png"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

if len(sys.argv) != 3:
    sys.exit("usage: soak-chart.py soak-samples.csv out.png")
source, target = sys.argv[1:]

with open(source) as f:
    rows = [row for row in csv.DictReader(f) if row["heap_used_kb"]]
minutes = [float(row["minute"]) for row in rows]

fig, panels = plt.subplots(2, 2, figsize=(12, 7), sharex=True)
series = [
    (panels[0][0], "Heap in use (MB, garbage included)", [("heap", [int(r["heap_used_kb"]) / 1024 for r in rows])]),
    (panels[0][1], "Threads", [("threads", [int(r["threads"]) for r in rows])]),
    (panels[1][0], "Open file handles", [("files", [int(r["open_files"]) for r in rows])]),
    (panels[1][1], "Database sessions", [("open", [int(r["db_sessions"]) for r in rows]),
                                         ("running a statement", [int(r["db_sessions_busy"]) for r in rows])]),
]
for axis, title, lines in series:
    for label, values in lines:
        axis.plot(minutes, values, marker=".", label=label)
    axis.set_title(title)
    axis.set_ylim(bottom=0)
    axis.grid(True, alpha=0.3)
    if len(lines) > 1:
        axis.legend()
for axis in panels[1]:
    axis.set_xlabel("minutes")
fig.suptitle("ICR soak: the benchmark mix, sampled every minute")
fig.tight_layout()
fig.savefig(target, dpi=100)
print(f"soak-chart: {target}")
