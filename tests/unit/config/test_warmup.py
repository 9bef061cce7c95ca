"""A web process does at start what the first visitor would otherwise wait for."""

from django.conf import settings
from django.urls import clear_url_caches, get_resolver
from django.utils.translation import trans_real

from config.warmup import warm_up


def test_warming_up_builds_the_address_table_of_every_language():
    clear_url_caches()

    warm_up()

    languages = {code for code, _name in settings.LANGUAGES}
    assert languages <= set(get_resolver()._reverse_dict)


def test_warming_up_reads_the_catalogue_of_every_language(monkeypatch):
    monkeypatch.setattr(trans_real, "_translations", {})

    warm_up()

    assert {code for code, _name in settings.LANGUAGES} <= set(trans_real._translations)


def test_the_web_entry_point_warms_up_before_the_first_request(monkeypatch):
    import importlib
    import sys

    import config.warmup

    calls = []
    monkeypatch.setattr(config.warmup, "warm_up", lambda: calls.append("warm"))
    monkeypatch.delitem(sys.modules, "config.wsgi", raising=False)

    importlib.import_module("config.wsgi")

    assert calls == ["warm"]
