"""Pages travel compressed to a phone that accepts it."""

import gzip

import pytest

from tests.factories import WaveFactory

pytestmark = pytest.mark.django_db


def test_the_runner_is_sent_gzip_compressed_to_a_browser_that_accepts_it(client):
    wave = WaveFactory()

    response = client.get(f"/s/{wave.slug}/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    page = gzip.decompress(response.content).decode()
    assert "<form" in page
    assert len(response.content) < len(page.encode()) / 2


def test_a_client_that_does_not_accept_gzip_gets_the_plain_page(client):
    wave = WaveFactory()

    response = client.get(f"/s/{wave.slug}/")

    assert not response.has_header("Content-Encoding")
    assert "<form" in response.content.decode()
