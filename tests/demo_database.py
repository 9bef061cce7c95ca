"""Seed the demo once per test run, and put a copy of it in place for each module after.

`seed_demo` takes seconds of CPU; a module that reads the demo needs the same rows
every time. The first module to ask runs the real command and saves every table (and
the files the seeding wrote) in a folder all test processes of the run share; every
later module, in any process, empties its tables and loads that copy, in well under
a second. A file lock lets one process seed while another waits for the copy.

PostgreSQL copies with COPY, table by table, and puts every sequence back where it
stood; SQLite copies the whole database with its backup API.
"""

import fcntl
import json
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

# Folders the seeding may write files to; a copy brings back what it wrote there.
FILE_ROOTS = ("MEDIA_ROOT", "PART_EXPORT_ROOT", "PART_CODE_SHEET_ROOT")


@contextmanager
def demo_in_place(folder: Path):
    """Put the demo in place for a block of tests, and the database back as it was after.

    Faster and more thorough than deleting the demo's pages, images and answers by hand:
    the tables are copied before and put back after.
    """
    with tempfile.TemporaryDirectory(prefix="part-before-demo-") as before:
        _save_database(Path(before))
        load_demo(folder)
        try:
            yield
        finally:
            _restore_database(Path(before))


def load_demo(folder: Path) -> None:
    """Give the test database the seeded demo: seed it the first time, copy it after."""
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder / "lock"):
        if (folder / "done").exists():
            _restore(folder)
            return
        before = _files()
        call_command("seed_demo", verbosity=0)
        _save(folder, written=_files() - before)
        (folder / "done").touch()


@contextmanager
def _locked(path: Path):
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _files() -> set[tuple[str, str]]:
    found = set()
    for setting in FILE_ROOTS:
        root = Path(getattr(settings, setting))
        if root.is_dir():
            found |= {(setting, str(path.relative_to(root))) for path in root.rglob("*")}
    return found


def _save(folder: Path, written: set[tuple[str, str]]) -> None:
    for setting, relative in written:
        source = Path(getattr(settings, setting)) / relative
        if source.is_file():
            target = folder / "files" / setting / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _save_database(folder)


def _restore(folder: Path) -> None:
    files = folder / "files"
    if files.is_dir():
        for setting_folder in files.iterdir():
            root = Path(getattr(settings, setting_folder.name))
            shutil.copytree(setting_folder, root, dirs_exist_ok=True)
    _restore_database(folder)


def _save_database(folder: Path) -> None:
    if connection.vendor == "postgresql":
        _save_postgresql(folder)
    else:
        _save_sqlite(folder)


def _restore_database(folder: Path) -> None:
    if connection.vendor == "postgresql":
        _restore_postgresql(folder)
    else:
        _restore_sqlite(folder)
    # Content types are cached by id, and the copy may hold other ids than the
    # database it replaced.
    ContentType.objects.clear_cache()


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return sorted(row[0] for row in cursor.fetchall())


def _tables_with_rows(cursor, tables: list[str]) -> list[str]:
    """Return the tables that hold a row, in one query (most tables are empty)."""
    from psycopg import sql

    cursor.cursor.execute(
        sql.SQL(" UNION ALL ").join(
            sql.SQL("SELECT {} WHERE EXISTS (SELECT FROM {})").format(table, sql.Identifier(table))
            for table in tables
        )
    )
    return sorted(row[0] for row in cursor.cursor.fetchall())


def _save_postgresql(folder: Path) -> None:
    (folder / "tables").mkdir()
    with connection.cursor() as cursor:
        tables = _tables(cursor)
        filled = _tables_with_rows(cursor, tables)
        for table in filled:
            statement = f'COPY "{table}" TO STDOUT (FORMAT binary)'
            with (
                (folder / "tables" / table).open("wb") as out,
                cursor.cursor.copy(statement) as copy,
            ):
                for block in copy:
                    out.write(block)
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()"
        )
        state = {"tables": tables, "filled": filled, "sequences": dict(cursor.fetchall())}
        (folder / "state.json").write_text(json.dumps(state))


def _restore_postgresql(folder: Path) -> None:
    state = json.loads((folder / "state.json").read_text())
    with transaction.atomic(), connection.cursor() as cursor:
        tables = _tables(cursor)
        assert tables == state["tables"], "the copy has other tables than this database"
        # Only tables that hold rows now are emptied (with the empty tables that refer
        # to them, as PostgreSQL asks), and only those that held rows then are filled:
        # most of the tables are empty in both.
        filled_now = _tables_with_rows(cursor, tables)
        if filled_now:
            names = ", ".join(f'"{table}"' for table in filled_now)
            cursor.execute(f"TRUNCATE {names} CASCADE")
        # Foreign keys are checked at commit (Django makes them deferrable), so the
        # order of the tables does not matter.
        for table in state["filled"]:
            with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
                copy.write((folder / "tables" / table).read_bytes())
        sequences = state["sequences"]
        cursor.execute(
            "SELECT "
            + ", ".join(
                "setval(%s, %s, true)" if value is not None else "setval(%s, 1, false)"
                for value in sequences.values()
            ),
            [
                argument
                for name, value in sequences.items()
                for argument in ([f'"{name}"', value] if value is not None else [f'"{name}"'])
            ],
        )


def _save_sqlite(folder: Path) -> None:
    import sqlite3

    connection.ensure_connection()
    copy = sqlite3.connect(folder / "database.sqlite3")
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def _restore_sqlite(folder: Path) -> None:
    import sqlite3

    connection.ensure_connection()
    copy = sqlite3.connect(folder / "database.sqlite3")
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()
