"""Let the database note every deleted or changed response in its wave's roll-up.

A refresh merges only new responses into the stored counts; a response deleted or
changed afterwards (by staff, a script or psql) would make them drift unnoticed.
These triggers raise `responses_changed` of the wave's roll-up whenever a response,
or an answer of one, is deleted or updated, so the next refresh compares every
response with the counts. PostgreSQL notes a whole statement at once (a purge of a
million rows updates each roll-up once); SQLite, which has no statement triggers,
row by row.
"""

from django.db import migrations, models

RESPONSES_FUNCTION = """
    CREATE FUNCTION analytics_note_{name}_responses() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE analytics_aggregaterollup AS rollup
        SET responses_changed = rollup.responses_changed + changed.number
        FROM (SELECT wave_id, COUNT(*) AS number FROM {rows} AS changed_row GROUP BY wave_id) AS changed
        WHERE rollup.wave_id = changed.wave_id;
        RETURN NULL;
    END $$
"""
ANSWERS_FUNCTION = """
    CREATE FUNCTION analytics_note_{name}_answers() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE analytics_aggregaterollup AS rollup
        SET responses_changed = rollup.responses_changed + changed.number
        FROM (
            SELECT response.wave_id, COUNT(*) AS number
            FROM {rows} AS answer JOIN surveys_response AS response ON response.id = answer.response_id
            GROUP BY response.wave_id
        ) AS changed
        WHERE rollup.wave_id = changed.wave_id;
        RETURN NULL;
    END $$
"""
# An update is noted in the wave it left and in the one it went to.
BOTH = "(SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows)"
POSTGRESQL = [
    RESPONSES_FUNCTION.format(name="deleted", rows="old_rows"),
    RESPONSES_FUNCTION.format(name="updated", rows=BOTH),
    ANSWERS_FUNCTION.format(name="deleted", rows="old_rows"),
    ANSWERS_FUNCTION.format(name="updated", rows=BOTH),
    """
    CREATE TRIGGER analytics_responses_deleted AFTER DELETE ON surveys_response
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_note_deleted_responses()
    """,
    """
    CREATE TRIGGER analytics_responses_updated AFTER UPDATE ON surveys_response
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_note_updated_responses()
    """,
    """
    CREATE TRIGGER analytics_answers_deleted AFTER DELETE ON surveys_answer
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_note_deleted_answers()
    """,
    """
    CREATE TRIGGER analytics_answers_updated AFTER UPDATE ON surveys_answer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION analytics_note_updated_answers()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS analytics_answers_updated ON surveys_answer",
    "DROP TRIGGER IF EXISTS analytics_answers_deleted ON surveys_answer",
    "DROP TRIGGER IF EXISTS analytics_responses_updated ON surveys_response",
    "DROP TRIGGER IF EXISTS analytics_responses_deleted ON surveys_response",
    "DROP FUNCTION IF EXISTS analytics_note_updated_answers()",
    "DROP FUNCTION IF EXISTS analytics_note_deleted_answers()",
    "DROP FUNCTION IF EXISTS analytics_note_updated_responses()",
    "DROP FUNCTION IF EXISTS analytics_note_deleted_responses()",
]
NOTE_WAVE = (
    "UPDATE analytics_aggregaterollup SET responses_changed = responses_changed + 1 "
    "WHERE wave_id IN ({waves})"
)
ANSWER_WAVE = "(SELECT wave_id FROM surveys_response WHERE id = {row}.response_id)"
SQLITE = [
    f"""
    CREATE TRIGGER analytics_responses_deleted AFTER DELETE ON surveys_response
    BEGIN {NOTE_WAVE.format(waves="OLD.wave_id")}; END
    """,
    f"""
    CREATE TRIGGER analytics_responses_updated AFTER UPDATE ON surveys_response
    BEGIN {NOTE_WAVE.format(waves="OLD.wave_id, NEW.wave_id")}; END
    """,
    f"""
    CREATE TRIGGER analytics_answers_deleted AFTER DELETE ON surveys_answer
    BEGIN {NOTE_WAVE.format(waves=ANSWER_WAVE.format(row="OLD"))}; END
    """,
    f"""
    CREATE TRIGGER analytics_answers_updated AFTER UPDATE ON surveys_answer
    BEGIN {NOTE_WAVE.format(waves=ANSWER_WAVE.format(row="OLD") + ", " + ANSWER_WAVE.format(row="NEW"))}; END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS analytics_answers_updated",
    "DROP TRIGGER IF EXISTS analytics_answers_deleted",
    "DROP TRIGGER IF EXISTS analytics_responses_updated",
    "DROP TRIGGER IF EXISTS analytics_responses_deleted",
]


def _run(statements_of):
    def run(apps, schema_editor):
        statements = statements_of(schema_editor.connection.vendor)
        for statement in statements:
            schema_editor.execute(statement)

    return run


def _forward(vendor):
    return {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(vendor, [])


def _backward(vendor):
    return {"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}.get(vendor, [])


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0011_add_rolled_up_counts"),
        ("surveys", "0018_record_code_tablet_and_api_channels"),
    ]

    operations = [
        migrations.AddField(
            model_name="aggregaterollup",
            name="changes_seen",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="aggregaterollup",
            name="responses_changed",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunPython(_run(_forward), _run(_backward)),
    ]
