from contextlib import ExitStack

import pytest

from tests.demo_database import demo_in_place


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, demo_copy_folder):
    """Put the seeded demo in place once for a module, and the database back as it was after.

    The run seeds the demo once and later modules get a copy (tests/demo_database.py).
    """
    demo = ExitStack()
    with django_db_blocker.unblock():
        demo.enter_context(demo_in_place(demo_copy_folder))
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            demo.close()
