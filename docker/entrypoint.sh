#!/bin/sh
# Container entrypoint for the web, worker and beat services.
#  1. wait (bounded) until the database answers;
#  2. run migrations only when RUN_MIGRATIONS=1 (the web service sets it,
#     worker and beat do not, so only one container ever migrates);
#  3. hand over to the service command.
set -eu

max_tries="${DB_WAIT_TRIES:-60}"
tries=0
until output=$(python manage.py shell -c "from django.db import connection; connection.ensure_connection()" 2>&1); do
    tries=$((tries + 1))
    if [ "$tries" -ge "$max_tries" ]; then
        echo "entrypoint: the database did not answer after ${max_tries} attempts; giving up." >&2
        echo "entrypoint: last error was:" >&2
        echo "$output" >&2
        exit 1
    fi
    echo "entrypoint: waiting for the database (${tries}/${max_tries})..." >&2
    sleep 1
done

if [ "${RUN_MIGRATIONS:-0}" = "1" ]; then
    echo "entrypoint: applying database migrations" >&2
    python manage.py migrate --noinput
fi

exec "$@"
