"""Absolute addresses, for what is read away from the site: e-mails, calendar entries,
feeds. They come from the site's configured address (PODIUM_SITE_URL), never from a
request's Host header, which a sender could choose and which a worker does not have."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """The full address of a path on this site ("/network/" -> "https://podium.example/network/")."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"a path on this site starts with one '/': {path!r}")
    return settings.PODIUM_SITE_URL + path
