#!/usr/bin/env python3
"""Reads PostgreSQL's statement log (log_statement = all, log_line_prefix '%m [%p] %q%u@%d ') and, for each distinct
statement the application's role ran, prints EXPLAIN (ANALYZE, BUFFERS) with the parameters of its first run, as
Markdown. Each is explained as that role, inside a transaction that rolls back, one statement at a time (a logged
line holding more than one statement is left out). Usage:
    PGPASSWORD=... explain-hot-paths.py statements.log host port application-role"""
import re
import subprocess
import sys

log, host, port, role = sys.argv[1:5]
line_re = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] (\S+)@(\S+) (LOG|DETAIL):  (.*)$")
param_re = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")
skip = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|PREPARE TRANSACTION|COMMIT PREPARED|ROLLBACK PREPARED|SET|SHOW|select pg_|alter system)",
                  re.IGNORECASE)

pending = {}      # pid -> (database, sql) waiting for its parameters
seen = {}         # sql -> (database, parameters, count)
order = []


def note(database, sql, parameters):
    if sql in seen:
        database_, parameters_, count = seen[sql]
        seen[sql] = (database_, parameters_, count + 1)
    else:
        seen[sql] = (database, parameters, 1)
        order.append(sql)


with open(log, errors="replace") as f:
    for raw in f:
        m = line_re.match(raw.rstrip("\n"))
        if not m:
            continue
        pid, user, database, kind, text = m.groups()
        if user != role or not database.startswith("icr_"):
            continue
        if kind == "LOG":
            if pid in pending:
                note(*pending.pop(pid), {})
            s = re.match(r"(?:statement|execute [^:]*): (.*)$", text)
            if s and not skip.match(s.group(1)) and ";" not in s.group(1):
                pending[pid] = (database, s.group(1))
        elif kind == "DETAIL" and pid in pending and text.startswith("parameters:"):
            note(*pending.pop(pid), {int(n): v for n, v in param_re.findall(text)})
for pid, (database, sql) in pending.items():
    note(database, sql, {})


def bind(sql, parameters):
    for n in sorted(parameters, reverse=True):
        sql = sql.replace(f"${n}", parameters[n])
    return sql


print("# Plans of the hot-path statements\n")
print("Every distinct statement ICR ran during 15 s of the benchmark's mix, explained with the parameters of its first run")
print("(`server-config/bin/explain-hot-paths.sh`). Times are this machine's, with the data loaded at the time.\n")
print("| statement | database | runs | execution ms | full scans of a table |\n|---|---|---:|---:|---|")
sections = []
for number, sql in enumerate(order, 1):
    database, parameters, count = seen[sql]
    explained = f"EXPLAIN (ANALYZE, BUFFERS) {bind(sql, parameters)}"
    # as the application's connections run it (without PostgreSQL's JIT, server-config/cli/icr.cli), and undone
    script = f"BEGIN;\nSET LOCAL jit = off;\n{explained};\nROLLBACK;\n"
    result = subprocess.run(["psql", "-X", "-q", "-w", "-tA", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", role,
                             "-d", database],
                            input=script, capture_output=True, text=True)
    plan = (result.stdout or result.stderr).strip()
    timing = re.search(r"Execution Time: ([\d.]+) ms", plan)
    scans = sorted(set(re.findall(r"Seq Scan on (\w+)", plan)))
    print(f"| [{number}](#{number}) `{sql[:70].replace('|', '/')}…` | {database} | {count} | {timing.group(1) if timing else '?'} |"
          f" {', '.join(scans) or 'none'} |")
    sections.append(f"### {number}\n\n{database}, run {count} times:\n\n```sql\n{sql}\n```\n\n```\n{plan}\n```\n")
print()
print("\n".join(sections))
