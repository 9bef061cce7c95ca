"""The survey tables keep no index that another index already covers."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_no_index_of_responses_or_answers_is_the_start_of_another():
    # Every stored response writes each of these indexes; one that begins another is
    # served by it and costs only writes.
    covered = []
    with connection.cursor() as cursor:
        for table in ("surveys_response", "surveys_answer"):
            constraints = connection.introspection.get_constraints(cursor, table)
            indexes = {
                name: tuple(found["columns"])
                for name, found in constraints.items()
                if found["index"] and not found["unique"]
            }
            covered += [
                name
                for name, columns in indexes.items()
                for other, longer in indexes.items()
                if other != name and longer[: len(columns)] == columns
            ]

    assert covered == []
