#!/usr/bin/env bash
# The soak (issue 19): with the demo server running (ICR_API_RATE_LIMIT_ENABLED=false server-config/bin/run.sh, in another terminal:
# the API's per-client rate limit would otherwise be what is measured), the benchmark's mix at
# a moderate load for 30 minutes, the server's heap, threads, open file handles and database sessions sampled every minute:
#   server-config/bin/soak.sh
# Environment (defaults): ICR_SOAK_MINUTES=30, ICR_SOAK_USERS=16, and benchmark.sh's (ICR_BASE_URL, ICR_HEALTH_URL, ...).
# Writes benchmarks/target/benchmark/soak-samples.csv, soak.png, heap.csv and soak.log (Gatling's summary); the figures
# of a run are in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")"
ICR_BENCH_SCENARIOS="" ICR_BENCH_PROFILE="" ICR_BENCH_SOAK_SECONDS=$(( ${ICR_SOAK_MINUTES:-30} * 60 )) \
    ICR_BENCH_SOAK_USERS=${ICR_SOAK_USERS:-16} exec ./benchmark.sh
