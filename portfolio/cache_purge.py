"""What a change to a consultant's pages makes every cache forget.

The server's page cache forgets everything (core.page_cache.purge, one generation). A
shared cache in front is told addresses, so they are named here: every page of the
consultant's profile with its routes (one-sheet, feeds), the directory with its feeds,
the topic pages of those pages, the home page (featured items) and the sitemap. A pause,
a narrowed audience or an unpublished post has to leave all of them.
"""

from math import ceil

from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from core import page_cache
from portfolio.models import SpeakerProfilePage


def _page_addresses(page) -> list[str]:
    url = page.get_full_url()
    if url is None:
        return []
    paths = page.get_route_paths() if hasattr(page, "get_route_paths") else ["/"]
    return [url.rstrip("/") + path for path in paths]


def profile_addresses(profile: SpeakerProfilePage) -> set[str]:
    """Every address a shared cache may hold that shows something of this profile."""
    pages = [profile, *Page.objects.descendant_of(profile).specific()]
    addresses = {address for page in pages for address in _page_addresses(page)}
    index = profile.get_parent()
    index_url = index.get_full_url() if index is not None else None
    if index_url:
        addresses.update({index_url, f"{index_url}feed/", f"{index_url}feed/atom/"})
        slugs = {topic.slug for page in pages for topic in page.topics.all()}
        addresses.update(f"{index_url}topics/{slug}/" for slug in slugs)
    site = profile.get_site()
    if site is not None:
        addresses.update({f"{site.root_url}/", f"{site.root_url}{reverse('sitemap')}"})
        addresses.update(f"{site.root_url}{path}" for path in _sitemap_sections())
    return addresses


def _sitemap_sections() -> list[str]:
    """Every section the sitemap may have: which one lists the profile depends on the
    whole tree, and live pages bound the number of listed ones."""
    sections = max(1, ceil(Page.objects.live().count() / settings.PODIUM_SITEMAP_SECTION_SIZE))
    return [reverse("sitemap_section", args=[number]) for number in range(1, sections + 1)]


def profile_purge(*, profile: SpeakerProfilePage) -> None:
    """A profile or a page under it changed in a way visitors may see (or stop seeing)."""
    page_cache.purge()
    if page_cache.shared_caches():  # working the addresses out reads the whole subtree
        page_cache.purge_urls(profile_addresses(profile))


def renamed_purge(*, page, old_url: str | None) -> None:
    """A page's address changed: its old addresses (and those under it) go as well."""
    page_cache.purge()
    if not page_cache.shared_caches():
        return
    new_url = page.get_full_url()
    addresses = profile_addresses(page.profile)
    if new_url and old_url:
        addresses |= {old_url + a[len(new_url) :] for a in addresses if a.startswith(new_url)}
    page_cache.purge_urls(addresses)


def home_purge(*, profile: SpeakerProfilePage) -> None:
    """What the home page features from this consultant changed."""
    page_cache.purge()
    site = profile.get_site()
    if site is not None:
        page_cache.purge_urls([f"{site.root_url}/"])
