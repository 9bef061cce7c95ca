"""Run the few statements every submission sends as prepared statements (PostgreSQL).

Django binds parameters in the client, so PostgreSQL parses and plans each statement
anew; for the two statements of every answer that was a third of the database's CPU
per submission. These are prepared once per connection (with persistent connections,
`CONN_MAX_AGE`, once per web process) and run through Django's cursor wrapper, so
errors, test query capture and execute wrappers behave as for any other query. Django
switches psycopg's preparing off unless the database OPTIONS give a `prepare_threshold`
(config/settings/base.py does; `tests/integration/test_submission_round_trips.py`). A
pooler in transaction mode in front of PostgreSQL would need to pass prepared
statements through.
"""

import psycopg
from django.db import connection


class _PreparingCursor(psycopg.Cursor):
    """A cursor binding parameters on the server, preparing every statement it runs."""

    def __init__(self, connection, *, binary: bool = False):
        super().__init__(connection)
        self.sends_binary = binary

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=self.sends_binary)


def fetch_one_prepared(sql: str, params: dict, *, binary: bool = False) -> tuple | None:
    """Run one fixed statement, prepared on this connection; return its first row.

    `binary` sends the parameters in PostgreSQL's binary format (cheaper for arrays).
    """
    connection.ensure_connection()
    raw = _PreparingCursor(connection.connection, binary=binary)
    if connection.queries_logged:
        cursor = connection.make_debug_cursor(raw)
    else:
        cursor = connection.make_cursor(raw)
    with cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()
