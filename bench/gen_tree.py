"""Bulk writes of Wagtail pages in the shape Wagtail itself leaves them.

`add_child()` and `save_revision().publish()` cost tens of queries a page; at 62,000
pages that is an hour. Here the same rows are written a thousand at a time: the page row
and its specific row, the materialised path treebeard would have given, the url_path
Wagtail would have computed, one revision holding `serializable_data()` that is both the
live and the latest one, a "wagtail.publish" history line, and the search index entries.
"""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision

from bench import gen_search

BATCH = 1000


def batched(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def bound_parameters():
    """Values sent apart from the statements while generating (PostgreSQL's server-side
    binding): by default Django has psycopg write every value into the SQL text, in
    Python, which is a large share of the time of bulk writes."""
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    previous = connection.connection.cursor_factory
    connection.connection.cursor_factory = ServerBindingCursor
    try:
        yield
    finally:
        connection.connection.cursor_factory = previous


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
    # Every child relation held in memory (the caller fills some in): serialising the
    # revision reads them, and an unset one is a query per page.
    for relation in get_all_child_relations(type(page)):
        setattr(page, relation.get_accessor_name(), [])


def reserve_ids(model, count: int) -> list[int]:
    """`count` ids from the table's own sequence, as inserting the rows would take them."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def copy_rows(model, objects: list, *, with_pk: bool = False) -> None:
    """The objects' rows through PostgreSQL's COPY: values prepared by each field as for
    an INSERT (pre_save, then get_db_prep_save), sent without compiling a statement."""
    fields = [f for f in model._meta.local_concrete_fields if with_pk or not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])


def write(model, objects) -> None:
    """New rows whose ids nobody reads back: copied on PostgreSQL, bulk inserted elsewhere."""
    if connection.vendor == "postgresql":
        copy_rows(model, list(objects))
    else:
        model.objects.bulk_create(objects, batch_size=BATCH)


def insert(model, pages: list, *, when) -> None:
    """Write the page rows, their specific rows, revisions, history and index entries.

    Many-to-many and child rows are the caller's: it writes them once the pages have ids.
    """
    if not pages:
        return
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    if connection.vendor == "postgresql":
        _insert_copying(model, pages, content_type, page_type, when)
    else:
        _insert_portable(model, pages, content_type, page_type, when)
    write(
        PageLogEntry,
        [
            PageLogEntry(
                content_type=content_type,
                page_id=page.pk,
                revision_id=page.live_revision_id,
                label=page.title,
                action="wagtail.publish",
                timestamp=when,
                user_id=page.owner_id,
                content_changed=True,
            )
            for page in pages
        ],
    )
    gen_search.index(model, pages)


def _revision(page, content_type, page_type, when) -> Revision:
    return Revision(
        content_type=content_type,
        base_content_type=page_type,
        object_id=str(page.pk),
        created_at=when,
        user_id=page.owner_id,
        object_str=page.title,
        content=page.serializable_data(),
    )


def _insert_copying(model, pages, content_type, page_type, when) -> None:
    """PostgreSQL: ids taken from the sequences first, so that each revision is written
    with its page's id and each page with its revision's, then every row copied."""
    for page, pk in zip(pages, reserve_ids(Page, len(pages)), strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding = False
        page._state.db = connection.alias
    # The content is the page before it points at its revision, as save_revision() takes it.
    revisions = [_revision(page, content_type, page_type, when) for page in pages]
    for page, revision, pk in zip(pages, revisions, reserve_ids(Revision, len(pages)), strict=True):
        revision.pk = pk
        page.live_revision_id = page.latest_revision_id = pk
    copy_rows(Revision, revisions, with_pk=True)
    copy_rows(Page, pages, with_pk=True)
    copy_rows(model, pages, with_pk=True)


def _insert_portable(model, pages, content_type, page_type, when) -> None:
    """Any other database: the rows inserted a thousand at a time, their ids returned."""
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
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
        (_revision(page, content_type, page_type, when) for page in pages), batch_size=BATCH
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
    first = min(page.pk for page in pages)
    live = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__gte=first, content_type=content_type).update(
        live_revision=Subquery(live.values("pk")[:1]),
        latest_revision=Subquery(live.values("pk")[:1]),
    )
