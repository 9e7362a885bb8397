#!/usr/bin/env python3
"""Draws benchmark results (benchmark-summary.py's results.csv) as a PNG: requests per second and p99 latency against
the number of users, one line per scenario. With two or more results files (for example the same run at 10 k and at
1 M patients), each gets its own line style, labelled by the name given after '=':
    benchmark-chart.py results.csv out.png
    benchmark-chart.py 10k=a/results.csv 1M=b/results.csv out.png"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402

*inputs, target = sys.argv[1:]
if not inputs:
    sys.exit("usage: benchmark-chart.py [label=]results.csv ... out.png")

fig, (throughput, latency) = plt.subplots(1, 2, figsize=(12, 5))
styles = ["-", "--", ":", "-."]
colours = {}
for number, item in enumerate(inputs):
    label, _, path = item.rpartition("=")
    series = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            series.setdefault(row["scenario"], []).append((int(row["users"]), float(row["rps"]), float(row["p99_ms"])))
    for scenario, points in sorted(series.items()):
        points.sort()
        users = [p[0] for p in points]
        colour = colours.setdefault(scenario, f"C{len(colours) % 10}")
        name = f"{scenario} ({label})" if label else scenario
        style = styles[number % len(styles)]
        throughput.plot(users, [p[1] for p in points], style, marker="o", color=colour, label=name)
        latency.plot(users, [p[2] for p in points], style, marker="o", color=colour, label=name)

levels = sorted({users for line in throughput.get_lines() for users in line.get_xdata()})
for axes, title, unit in ((throughput, "Throughput", "requests/s"), (latency, "99th percentile latency", "ms")):
    axes.set_xscale("log", base=2)
    axes.set_xticks(levels)
    axes.xaxis.set_major_formatter(matplotlib.ticker.ScalarFormatter())
    axes.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    axes.set_xlabel("users (closed model)")
    axes.set_ylabel(unit)
    axes.set_title(title)
    axes.grid(True, alpha=0.3)
latency.axhline(100, color="grey", linewidth=0.8, linestyle="--")
throughput.legend(fontsize=7)
fig.tight_layout()
fig.savefig(target, dpi=110)
print(f"benchmark-chart: {target}")
