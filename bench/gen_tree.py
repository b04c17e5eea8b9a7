"""Bulk writes of Wagtail pages in the shape Wagtail itself leaves them.

`add_child()` and `save_revision().publish()` cost tens of queries a page; at 62,000
pages that is an hour. Here the same rows are written a thousand at a time: the page row
and its specific row, the materialised path treebeard would have given, the url_path
Wagtail would have computed, one revision holding `serializable_data()` that is both the
live and the latest one, a "wagtail.publish" history line, and the search index entries.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends

BATCH = 1000
SEARCH_BATCH = 5000


def batched(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def children_of(parent):
    """The parent's children read from their paths (treebeard's own helpers trust the
    parent's numchild, which the bulk writes here raise only afterwards)."""
    tree = Page if isinstance(parent, Page) else type(parent)
    return tree.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)


def next_positions(parent, count: int):
    """Paths of `count` new children after the parent's last one (treebeard's numbering)."""
    last = children_of(parent).order_by("-path").values_list("path", flat=True).first()
    start = parent._str2int(last[-parent.steplen :]) if last else 0
    return [parent._get_path(parent.path, parent.depth + 1, start + n + 1) for n in range(count)]


def recount(parent) -> None:
    tree = Page if isinstance(parent, Page) else type(parent)
    tree.objects.filter(pk=parent.pk).update(numchild=children_of(parent).count())


def place(page: Page, parent: Page, path: str, *, owner_id: int, when) -> None:
    """Fill in what Page.add_child and a publication write on the page row."""
    page.path = path
    page.depth = parent.depth + 1
    page.numchild = 0
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.locale_id = parent.locale_id
    page.draft_title = page.title
    page.owner_id = owner_id
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = when
    page.latest_revision_created_at = when
    setattr(page, COMMENTS_RELATION_NAME, [])


def insert(model, pages: list, *, when) -> None:
    """Write the page rows, their specific rows, revisions, history and index entries.

    Many-to-many and child rows are the caller's: it writes them once the pages have ids.
    """
    if not pages:
        return
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    for chunk in batched(pages):
        rows = Page._base_manager._insert(
            chunk, fields=base_fields, returning_fields=Page._meta.db_returning_fields
        )
        for page, (pk,) in zip(chunk, rows, strict=True):
            page.id = page.page_ptr_id = pk
            page._state.adding = False
            page._state.db = connection.alias
        model._base_manager._insert(chunk, fields=own_fields)
    revisions = Revision.objects.bulk_create(
        (
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=when,
                user_id=page.owner_id,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        ),
        batch_size=BATCH,
    )
    first = min(page.pk for page in pages)
    live = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__gte=first, content_type=content_type).update(
        live_revision=Subquery(live.values("pk")[:1]),
        latest_revision=Subquery(live.values("pk")[:1]),
    )
    PageLogEntry.objects.bulk_create(
        (
            PageLogEntry(
                content_type=content_type,
                page_id=page.pk,
                revision_id=revision.pk,
                label=page.title,
                action="wagtail.publish",
                timestamp=when,
                user_id=page.owner_id,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
        ),
        batch_size=BATCH,
    )
    # Wagtail's PostgreSQL index recomputes its title norms over the whole index after
    # each call: fewer, larger calls.
    for backend in get_search_backends(with_auto_update=True):
        for chunk in batched(pages, SEARCH_BATCH):
            backend.add_bulk(model, list(chunk))
