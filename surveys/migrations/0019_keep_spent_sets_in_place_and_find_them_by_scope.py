"""Keep each set of spent tokens in its own page, untoasted, and find it by its scope.

Every spend writes its set's row again. A row over 2 kB (TOAST's default target) went
to the TOAST table on every write and was put together again on every read; with
`toast_tuple_target` at its maximum a set of tokens (at most `TOKEN_SPLIT_AT` + 1
entries, about 4 kB) stays in its row, and only a wave's set of codes that outgrows a
page is compressed or toasted as before. `fillfactor` 10 puts every row inserted at
more than about 640 bytes (a part made by a split) on a page of its own, so the next
version of a set fits beside the current one: the update stays on the page (HOT),
touches no index, and the old version's space is taken back by the next visit.

Looking a token up reads, for each day, the one set whose scope is the greatest at or
below `day/<bits of the digest>`; that needs the scopes ordered byte by byte, which the
database's collation need not do ("/" may sort after the digits, or be ignored), so a
second index orders them by the "C" collation. SQLite has none of these settings.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE surveys_spentset SET (fillfactor = 10, toast_tuple_target = 8160)",
    'CREATE INDEX spent_set_scope_bytes ON surveys_spentset (kind, scope COLLATE "C")',
]
BACKWARD = [
    "DROP INDEX IF EXISTS spent_set_scope_bytes",
    "ALTER TABLE surveys_spentset RESET (fillfactor, toast_tuple_target)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("surveys", "0018_record_code_tablet_and_api_channels")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
