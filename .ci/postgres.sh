#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand): starts the machine's PostgreSQL cluster and exports
# COWORK_TEST_POSTGRES_URL, a superuser connection the server tests use to create their databases.
if [ -n "${COWORK_TEST_POSTGRES_URL:-}" ]; then return 0 2>/dev/null || exit 0; fi
cluster="$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')"
if [ -z "$cluster" ]; then
  major="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  pg_createcluster "$major" main >/dev/null
  cluster="$major main"
fi
pg_ctlcluster $cluster start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cowork') THEN CREATE ROLE cowork LOGIN SUPERUSER PASSWORD 'cowork'; END IF; END \\\$\\\$;\"" >/dev/null
export COWORK_TEST_POSTGRES_URL="postgres://cowork:cowork@127.0.0.1:5432/postgres"
