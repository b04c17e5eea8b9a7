"""The search index forgets as the database does.

Wagtail's database backend on SQLite keeps its words in an FTS5 table, whose segments
still hold the tokens of replaced or deleted entries until they are merged; PostgreSQL
updates its tsvector rows in place. After text is forgotten, the index is rewritten from
what is current and, on SQLite, merged so that no old word stays in its pages.
"""

from django.db import connection, transaction
from wagtail.search import index

SQLITE_FTS_TABLE = "wagtailsearch_indexentry_fts"
OPTIMIZE = (
    "INSERT INTO wagtailsearch_indexentry_fts(wagtailsearch_indexentry_fts) VALUES ('optimize')"
)


def search_index_refresh(*, objects) -> None:
    """Index `objects` from their current content, and drop every stale word."""
    for obj in objects:
        index.insert_or_update_object(obj)
    search_index_compact()


def search_index_compact() -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if SQLITE_FTS_TABLE in connection.introspection.table_names(cursor):
            # FTS5's merge of every segment into one, dropping deleted rows' tokens.
            cursor.execute(OPTIMIZE)


def search_index_compact_after_commit() -> None:
    """Compact once the transaction has committed, when every deleted row has left the
    index. The index lives in the same database, so this is no side effect for the outbox."""
    transaction.on_commit(search_index_compact)
