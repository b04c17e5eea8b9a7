"""Absolute addresses, for what is read away from the site: e-mails, calendar entries,
feeds. They come from the site's configured address (PODIUM_SITE_URL), never from a
request's Host header, which a sender could choose and which a worker does not have."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """The full address of a path on this site ("/network/" -> "https://podium.example/network/")."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"a path on this site starts with one '/': {path!r}")
    return settings.PODIUM_SITE_URL + path


def full_url(url: str) -> str:
    """`url` on this site if it is a path ("/media/a.jpg"), as it is if it already names a
    site (a page on another Wagtail site, a file on a storage with its own address)."""
    if url.startswith("/") and not url.startswith("//"):
        return absolute_url(url)
    return url
