"""Limit the OpenAPI schema to the public API."""


def public_api_only(endpoints):
    """Drop Wagtail's internal admin API, which is not ours to document."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
