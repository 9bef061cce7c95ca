"""Tell PostgreSQL's planner how the segment and answer columns go together.

Without these, the planner multiplies the distinct values of each column and expects
millions of groups where a wave has a few ten thousand, so it counts answers in one
process instead of in parallel workers (issue 19). SQLite has no such statistics.
"""

from django.db import migrations

STATISTICS = [
    (
        "response_segments",
        "surveys_response",
        "quarter, age_band, gender, home_language",
    ),
    ("answer_values", "surveys_answer", "question_id, option_id, number, declined"),
]


def create_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, columns in STATISTICS:
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {name} (ndistinct) ON {columns} FROM {table}"
        )
        schema_editor.execute(f"ANALYZE {table}")


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _columns in STATISTICS:
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("surveys", "0016_add_staff_permissions_and_tablets")]

    operations = [migrations.RunPython(create_statistics, drop_statistics)]
