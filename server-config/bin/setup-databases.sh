#!/usr/bin/env bash
# Makes the PostgreSQL server ready for ICR, idempotently:
#   - starts the local cluster if it is not running (pg_ctlcluster, Debian layout);
#   - makes sure max_prepared_transactions >= 64 (XA two-phase commit needs it), restarting once if changed;
#   - creates the application role and the databases if they are missing.
# Usage: setup-databases.sh [extra database ...]   (the hospital, social-care and research databases are always made)
# Environment (local defaults): ICR_DB_HOST=127.0.0.1 ICR_DB_PORT=5432 ICR_DB_USER=icr ICR_DB_PASSWORD=icr
#   ICR_HOSPITAL_DB=icr_hospital ICR_SOCIALCARE_DB=icr_socialcare ICR_RESEARCH_DB=icr_research
#   ICR_DB_ADMIN_USER=postgres ICR_DB_ADMIN_PASSWORD=(empty: trust or peer auth)
set -euo pipefail

host=${ICR_DB_HOST:-127.0.0.1}
port=${ICR_DB_PORT:-5432}
app_user=${ICR_DB_USER:-icr}
app_password=${ICR_DB_PASSWORD:-icr}
admin_user=${ICR_DB_ADMIN_USER:-postgres}
if [[ -n "${ICR_DB_ADMIN_PASSWORD:-}" ]]; then export PGPASSWORD=$ICR_DB_ADMIN_PASSWORD; fi
databases=("${ICR_HOSPITAL_DB:-icr_hospital}" "${ICR_SOCIALCARE_DB:-icr_socialcare}" "${ICR_RESEARCH_DB:-icr_research}" "$@")
wanted_prepared=64

is_local() { [[ "$host" == "127.0.0.1" || "$host" == "localhost" || "$host" == "::1" ]]; }

local_cluster() {
    # first cluster listening on our port, as "version name"
    command -v pg_lsclusters >/dev/null || return 1
    pg_lsclusters -h | awk -v p="$port" '$3 == p { print $1, $2; exit }'
}

control_cluster() { # start|restart
    local cluster
    cluster=$(local_cluster) || true
    if ! is_local || [[ -z "$cluster" ]]; then
        echo "setup-databases: cannot $1 PostgreSQL at $host:$port from here; please $1 it" >&2
        exit 1
    fi
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $cluster "$1"
    for _ in $(seq 1 60); do
        pg_isready -q -h "$host" -p "$port" && return 0
        sleep 0.5
    done
    echo "setup-databases: PostgreSQL did not become ready after $1" >&2
    exit 1
}

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$admin_user" -d postgres "$@"; }

if ! pg_isready -q -h "$host" -p "$port"; then
    echo "setup-databases: PostgreSQL is not running at $host:$port; starting it"
    control_cluster start
fi

prepared=$(psql_admin -tA -c "SHOW max_prepared_transactions")
if (( prepared < wanted_prepared )); then
    echo "setup-databases: max_prepared_transactions is $prepared; setting $wanted_prepared and restarting"
    psql_admin -c "ALTER SYSTEM SET max_prepared_transactions = $wanted_prepared"
    control_cluster restart
fi

psql_admin -v user="$app_user" -v password="$app_password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SQL

for db in "${databases[@]}"; do
    psql_admin -v db="$db" -v user="$app_user" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8''', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
-- DatabaseOutageIT cuts the application off a database by revoking CONNECT and gives it back in a finally; a run killed
-- in those 30 seconds would leave it cut off, so every build gives it back (a new database's default privileges)
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO PUBLIC, %I', :'db', :'user') \gexec
SQL
    # Jakarta Batch's job repository (research extracts' checkpoints) lives in the hospital database, in a schema of its
    # own: made in every database here, where it is empty but for the hospital one
    psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$admin_user" -d "$db" \
        -c "CREATE SCHEMA IF NOT EXISTS jberet AUTHORIZATION \"$app_user\""
done
echo "setup-databases: PostgreSQL at $host:$port ready (max_prepared_transactions >= $wanted_prepared; role $app_user; databases ${databases[*]})"
