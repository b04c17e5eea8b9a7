"""Forgetting kept pages when what a visitor may see changes.

`purge` replaces the generation twice: at once, so that no kept page can be served after
the change commits, and again when the transaction commits, because a visitor's request
that ran meanwhile read the data from before the change and may have kept its page under
the new generation. `purge_urls` asks Wagtail's front-end cache backends (none by
default; docs/deploy.md) to drop addresses, through the outbox: the request is written
with the change and sent by the worker after the commit, so a slow or unreachable CDN
never holds up the person saving, and a broker outage delays the purge without losing it.

Which writes call `purge`: every save, delete and many-to-many change of a model that
settings.PODIUM_PAGE_CACHE_IGNORED_MODELS does not name (receivers connected by
`connect_receivers`), so a new model is covered until someone decides it never shows on
a public page; and the services that write with `QuerySet.update()`, which sends no
signal, call it themselves.
"""

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.jobs.outbox import outbox_enqueue
from core.jobs.tasks import purge_shared_caches
from core.page_cache import store

PURGE_TASK = purge_shared_caches.name


def purge() -> None:
    """Every kept page is forgotten, now and when the current transaction commits."""
    store.generation_replace()
    transaction.on_commit(store.generation_replace)


def shared_caches() -> bool:
    """Whether a shared cache stands in front (WAGTAILFRONTENDCACHE). Without one there
    is nobody to tell addresses to, and callers need not work them out."""
    return bool(settings.WAGTAILFRONTENDCACHE)


def purge_urls(urls: Iterable[str]) -> None:
    """Shared caches in front drop these absolute addresses once the change commits."""
    addresses = sorted(set(urls))
    if addresses and shared_caches():
        outbox_enqueue(task=purge_shared_caches, args=addresses)


def _ignored(model) -> bool:
    return model._meta.label_lower in settings.PODIUM_PAGE_CACHE_IGNORED_MODELS


def _saved_or_deleted(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    purge()


def _related_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and not _ignored(type(instance)):
        purge()


def connect_receivers() -> None:
    """Called once from core's AppConfig.ready, when every model is loaded."""
    for model in apps.get_models():
        if _ignored(model):
            continue
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"page_cache_{model}")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"page_cache_d_{model}")
    m2m_changed.connect(_related_changed, dispatch_uid="page_cache_m2m")
