"""Search every place a person's words or files could survive, for tests of forgetting.

Use unique marker strings (letters only, e.g. "zqxoldtitle": search stemmers keep them
whole) in what a test creates, delete or forget it, then assert that `remnants(...)` is
empty. The scan reads every column of every table the database has (Django's, Wagtail's,
taggit's, allauth's, the search index's), decodes every session, walks both media
folders (names and bytes) and asks the search backend; a new model or table is covered
without changing this module.
"""

import os
from collections.abc import Iterable

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection


def _as_text(value) -> str | None:
    """The text a stored value holds; None for numbers, dates and the like."""
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, str | dict | list):
        return str(value)
    return None


def database_remnants(markers: Iterable[str]) -> list[str]:
    """`table.column: marker` for every stored value that contains a marker."""
    markers = [m.lower() for m in markers]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (the name comes from the database's own catalogue)
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = (_as_text(value) or "").lower()
                    found.extend(f"{table}.{column}: {m}" for m in markers if m in text)
    return sorted(set(found))


def session_remnants(markers: Iterable[str], *, user_ids: Iterable = ()) -> list[str]:
    """Sessions (decoded) that belong to one of `user_ids` or contain a marker."""
    markers = [m.lower() for m in markers]
    user_ids = {str(pk) for pk in user_ids}
    found = []
    for session in Session.objects.all():
        data = session.get_decoded()
        if str(data.get("_auth_user_id", "")) in user_ids:
            found.append(f"session {session.session_key[:6]}…: signed in as a forgotten user")
        text = repr(data).lower()
        found.extend(f"session {session.session_key[:6]}…: {m}" for m in markers if m in text)
    return found


def media_folders() -> list[str]:
    return [settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT]


def media_remnants(markers: Iterable[str], *, file_names: Iterable[str] = ()) -> list[str]:
    """Files in either media folder whose path or bytes contain a marker, or that are
    one of `file_names` (paths relative to their storage, as FileField.name holds)."""
    needles = [m.lower().encode() for m in markers]
    names = {os.path.normpath(n) for n in file_names if n}
    found = []
    for root in media_folders():
        for dirpath, _dirs, files in os.walk(root):
            for file in files:
                path = os.path.join(dirpath, file)
                relative = os.path.normpath(os.path.relpath(path, root))
                if relative in names:
                    found.append(f"{path}: a file that should be gone")
                    continue
                with open(path, "rb") as handle:
                    content = path.lower().encode() + b"\n" + handle.read().lower()
                found.extend(f"{path}: {n.decode()}" for n in needles if n in content)
    return found


def search_remnants(markers: Iterable[str]) -> list[str]:
    """Hits of the search backend for a marker, over every indexed model."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.index import get_indexed_models

    backend = get_search_backend()
    found = []
    for model in get_indexed_models():
        for marker in markers:
            if list(backend.search(marker, model.objects.all())):
                found.append(f"search index {model._meta.label}: {marker}")
    return found


def remnants(markers: Iterable[str], *, user_ids: Iterable = (), file_names=()) -> list[str]:
    """Everything `markers`, `user_ids` or `file_names` left behind; [] when forgotten."""
    markers = list(markers)
    assert markers, "a scan for nothing proves nothing"
    assert all(markers), "an empty marker is in every value"
    return [
        *database_remnants(markers),
        *session_remnants(markers, user_ids=user_ids),
        *media_remnants(markers, file_names=file_names),
        *search_remnants(markers),
    ]
