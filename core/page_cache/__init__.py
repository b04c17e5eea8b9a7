"""Anonymous pages, kept: a server-side page cache and the headers a CDN may act on.

A page is kept only when it is the same for every visitor who is not signed in: asked for
without a session or message cookie, answered 200 with no cookie set (policy.py). It is
kept under its address and the language it was rendered in, and under a *generation*:
one token in the cache that any change to what visitors may see replaces
(`purge`), so every kept page is gone at once without knowing which pages a change
touched. Shared caches in front (a CDN, Varnish) are told the addresses that changed
through Wagtail's front-end cache invalidation (`purge_urls`); docs/deploy.md has the
recipe and docs/privacy.md the rules.
"""

from core.page_cache.invalidation import purge, purge_urls, shared_caches

__all__ = ["purge", "purge_urls", "shared_caches"]
