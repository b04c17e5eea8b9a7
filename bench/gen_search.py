"""Search index entries for objects written in bulk, as the search backend writes them.

Wagtail's PostgreSQL backend (`add_bulk`) reads every search field of an object five
times (for the title, body and autocomplete vectors and their plain texts), compiles one
Django expression per text and sends all values inlined into the statement: at 50,000
posts that is most of the generator's time. Here each field is read once through the
backend's own ObjectIndexer, the same SQL expressions are written as text, and values
travel as bound parameters. The rows are the same (tests/bench/test_generate.py
compares them with the backend's on PostgreSQL); any other backend gets `add_bulk`.
"""

from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresSearchBackend
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from psycopg import Cursor
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from bench import gen_alongside

ROWS = 2000  # a statement's rows: under PostgreSQL's 65,535 bound parameters
WEIGHTS = {"A", "B", "C", "D"}
INSERT = (
    "INSERT INTO {table} (content_type_id, object_id, title, autocomplete,"
    " body, title_norm, title_text, body_text) VALUES {rows}"
    " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
    " title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
    " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"
)


class _ReadOnce(ObjectIndexer):
    """The backend's indexer, reading each of the object's search fields only once."""

    @cached_property
    def _prepared(self) -> dict:
        return {
            id(field): list(super(_ReadOnce, self).prepare_field(self.obj, field))
            for field in self.search_fields
        }

    def prepare_field(self, obj, field):
        if obj is self.obj:
            return iter(self._prepared[id(field)])
        return super().prepare_field(obj, field)


def _vector(texts: list, config: str | None, params: list) -> str:
    """The SQL of the backend's `as_vector()`: one weighted vector per non-empty text."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "''::tsvector"
    parts = []
    for text, weight in texts:
        if weight not in WEIGHTS:
            raise ValueError(f"unknown search weight {weight!r}")
        if config:
            params.extend((config, text))
            parts.append(f"setweight(to_tsvector(%s::regconfig, %s::text), '{weight}')")
        else:
            params.append(text)
            parts.append(f"setweight(to_tsvector(%s::text), '{weight}')")
    return " || ".join(parts)


def _row(indexer: _ReadOnce, content_type: int, params: list) -> str:
    title, body, autocomplete = [], [], []
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body).append((value, weight))
            elif isinstance(current, AutocompleteField):
                autocomplete.append((value, weight))
    params.extend((content_type, indexer.id))
    title_sql = _vector(title, indexer.config, params)
    autocomplete_sql = _vector(autocomplete, indexer.autocomplete_config, params)
    body_sql = _vector(body, indexer.config, params)
    for texts in (title, body):
        params.append(" ".join(text.strip() for text, _ in texts if text.strip()))
    return f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)"


def _add_postgres(backend: PostgresSearchBackend, model, objects: list) -> None:
    if not model.get_search_fields():
        return
    content_type = get_content_type_pk(model)
    # The values are read here; the statements may run on a second connection meanwhile.
    statements = []
    for start in range(0, len(objects), ROWS):
        params, rows = [], []
        for obj in objects[start : start + ROWS]:
            rows.append(_row(_ReadOnce(obj, backend), content_type, params))
        # Formatted in: placeholders and weights from WEIGHTS; every value is bound.
        statements.append(
            (INSERT.format(table=IndexEntry._meta.db_table, rows=", ".join(rows)), params)
        )
    gen_alongside.submit(lambda: _write(backend, model, statements))


def _write(backend, model, statements) -> None:
    connection.ensure_connection()
    with Cursor(connection.connection) as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
    # What add_items() does after each call: the new entries' title norms.
    backend.get_index_for_model(model)._refresh_title_norms()


def index(model, objects: list) -> None:
    """Index `objects` (all of type `model`) in every search backend that updates itself."""
    if not objects:
        return
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, PostgresSearchBackend) and connection.vendor == "postgresql":
            _add_postgres(backend, model, objects)
        else:
            backend.add_bulk(model, objects)
