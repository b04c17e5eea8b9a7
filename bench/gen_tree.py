"""Bulk writes of Wagtail pages in the shape Wagtail itself leaves them.

`add_child()` and `save_revision().publish()` cost tens of queries a page; at 62,000
pages that is an hour. Here the same rows are written a thousand at a time: the page row
and its specific row, the materialised path treebeard would have given, the url_path
Wagtail would have computed, one revision holding `serializable_data()` that is both the
live and the latest one, a "wagtail.publish" history line, and the search index entries.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision

from bench import gen_revisions, gen_rows, gen_search

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


@contextmanager
def loading_session():
    """PostgreSQL settings for this session only, while generating.

    Commits do not wait for the write-ahead log to reach the disk (synchronous_commit
    off): a crash could lose the last batches, never leave them half written, and a rerun
    adds them. And, when the role may (a superuser, as on the bench's own server), the
    foreign keys are not checked row by row (session_replication_role replica): each
    check reads and locks the referenced row at commit, several seconds per thousand
    consultants. The rows refer only to rows written or read here, and
    tests/bench/test_generate.py checks every reference of a generated database.
    """
    if connection.vendor != "postgresql":
        yield
        return
    settings = ["synchronous_commit"]
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        if cursor.fetchone()[0]:
            cursor.execute("SET session_replication_role TO replica")
            settings.append("session_replication_role")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name in settings:
                cursor.execute(f"RESET {name}")  # names from the list above


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


@dataclass
class NewPage:
    """A page to write: its columns (attname: value, the page's and its type's) and the
    related objects held in memory that its revision records (topics, rate cards)."""

    values: dict
    related: dict = field(default_factory=dict)
    instance: Page | None = None  # made by insert(), for the search index and the caller


def place(values: dict, parent, path: str, *, owner_id: int, when) -> dict:
    """Fill in what Page.add_child and a publication write on the page row. `parent` is
    a saved page or the values of one written in this run."""
    parent = parent if isinstance(parent, dict) else vars(parent)
    values.update(
        path=path,
        depth=parent["depth"] + 1,
        numchild=0,
        url_path=f"{parent['url_path']}{values['slug']}/",
        locale_id=parent["locale_id"],
        draft_title=values["title"],
        owner_id=owner_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=when,
        last_published_at=when,
        latest_revision_created_at=when,
    )
    return values


def reserve_ids(model, count: int) -> list[int]:
    """`count` ids from the table's own sequence, as inserting the rows would take them."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def write(model, rows: list[dict]) -> None:
    """New rows (dicts of attname: value) whose ids nobody reads back: copied on
    PostgreSQL, bulk inserted elsewhere."""
    if connection.vendor == "postgresql":
        gen_rows.copy(model, rows)
    else:
        model.objects.bulk_create(gen_rows.instances(model, rows), batch_size=BATCH)


def write_returning_ids(model, rows: list[dict]) -> list[int]:
    """New rows whose ids the caller needs, in the order given."""
    if connection.vendor != "postgresql":
        made = model.objects.bulk_create(gen_rows.instances(model, rows), batch_size=BATCH)
        return [obj.pk for obj in made]
    ids = reserve_ids(model, len(rows))
    for values, pk in zip(rows, ids, strict=True):
        values[model._meta.pk.attname] = pk
    gen_rows.copy(model, rows, with_pk=True)
    return ids


def insert(model, pages: list[NewPage], *, when) -> None:
    """Write the page rows, their specific rows, revisions, history and index entries;
    each NewPage gets its id in `values` and its instance.

    Many-to-many and child rows are the caller's: it writes them once the pages have ids.
    """
    if not pages:
        return
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    for page in pages:
        page.values["content_type_id"] = content_type.pk
    if connection.vendor == "postgresql":
        _insert_copying(model, pages, content_type, page_type, when)
    else:
        _insert_portable(model, pages, content_type, page_type, when)
    write(
        PageLogEntry,
        [
            {
                "content_type_id": content_type.pk,
                "page_id": page.values["id"],
                "revision_id": page.values["live_revision_id"],
                "label": page.values["title"],
                "action": "wagtail.publish",
                "timestamp": when,
                "user_id": page.values["owner_id"],
                "content_changed": True,
            }
            for page in pages
        ],
    )
    gen_search.index(model, [page.instance for page in pages])


def _hold_related(instance, related: dict) -> None:
    """Every child relation held in memory, the given ones filled in: serialising the
    revision reads them, and an unset one would be a query per page."""
    for relation in get_all_child_relations(type(instance)):
        setattr(instance, relation.get_accessor_name(), [])
    for name, objects in related.items():
        setattr(instance, name, objects)


def _revision_values(page: NewPage, content_type, page_type, when) -> dict:
    return {
        "content_type_id": content_type.pk,
        "base_content_type_id": page_type.pk,
        "object_id": str(page.values["id"]),
        "created_at": when,
        "user_id": page.values["owner_id"],
        "object_str": page.values["title"],
        "content": gen_revisions.content(page.instance),
    }


def _insert_copying(model, pages, content_type, page_type, when) -> None:
    """PostgreSQL: ids taken from the sequences first, so that each revision is written
    with its page's id and each page with its revision's, then every row copied."""
    # Positional, in the order of the model's concrete fields: Django's own way of making
    # an instance from a row, without its keyword handling.
    everything = gen_rows.Columns(model, model._meta.concrete_fields)
    for page, pk in zip(pages, reserve_ids(Page, len(pages)), strict=True):
        page.values["id"] = page.values["page_ptr_id"] = pk
        everything.complete(page.values)
        page.instance = model(*everything.python_values(page.values))
        _hold_related(page.instance, page.related)
    # The content is the page before it points at its revision, as save_revision() takes it.
    revisions = [_revision_values(page, content_type, page_type, when) for page in pages]
    for page, revision, pk in zip(pages, revisions, reserve_ids(Revision, len(pages)), strict=True):
        revision["id"] = pk
        page.values["live_revision_id"] = page.values["latest_revision_id"] = pk
        page.instance.live_revision_id = page.instance.latest_revision_id = pk
    # Values the field prepares itself (a StreamField) are the instance's: serialising
    # the revision gave its blocks their ids, which the page row must keep.
    own = gen_rows.columns(Page, with_pk=True).to_prepare
    own = own | gen_rows.columns(model, with_pk=True).to_prepare
    for page in pages:
        for name in own:
            page.values[name] = getattr(page.instance, name)
    gen_rows.copy(Revision, revisions, with_pk=True)
    gen_rows.copy(Page, (page.values for page in pages), with_pk=True)
    gen_rows.copy(model, (page.values for page in pages), with_pk=True)


def _insert_portable(model, pages, content_type, page_type, when) -> None:
    """Any other database: the rows inserted a thousand at a time, their ids returned."""
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    for page in pages:
        page.instance = model(**page.values)
    for chunk in batched(pages):
        rows = Page._base_manager._insert(
            [page.instance for page in chunk],
            fields=base_fields,
            returning_fields=Page._meta.db_returning_fields,
        )
        for page, (pk,) in zip(chunk, rows, strict=True):
            page.instance.id = page.instance.page_ptr_id = pk
            page.instance._state.adding = False
            page.instance._state.db = connection.alias
            page.values["id"] = page.values["page_ptr_id"] = pk
        model._base_manager._insert([page.instance for page in chunk], fields=own_fields)
    for page in pages:
        _hold_related(page.instance, page.related)
    revisions = Revision.objects.bulk_create(
        gen_rows.instances(
            Revision, (_revision_values(page, content_type, page_type, when) for page in pages)
        ),
        batch_size=BATCH,
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.values["live_revision_id"] = page.values["latest_revision_id"] = revision.pk
        page.instance.live_revision_id = page.instance.latest_revision_id = revision.pk
    first = min(page.values["id"] for page in pages)
    live = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__gte=first, content_type=content_type).update(
        live_revision=Subquery(live.values("pk")[:1]),
        latest_revision=Subquery(live.values("pk")[:1]),
    )
