"""Rich text cleaned on the way in, whatever the path, so no markup the editor would
refuse (scripts, event handlers, unknown tags) reaches a page from code or an import.

Draftail already limits what the admin can store, but `|richtext` renders whatever is in
the database: text from code, imports or a future form would be trusted as it stands.
"""

from wagtail.rich_text import RichText


def clean_rich_text(html: str, features: list[str]) -> str:
    if not html:
        return html
    # The admin's converters load the page models, and the models modules import this
    # one: imported at the top, the two would form an import cycle.
    from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

    cleaned, _removals = DbHTMLConverter(features=features).clean(html)
    return cleaned


def clean_stream_rich_text(stream_value, features: list[str]) -> None:
    """Clean, in place, every RichText value in a StreamField value (one level of structs)."""
    for child in stream_value:
        values = child.value.values() if hasattr(child.value, "values") else [child.value]
        for value in values:
            if isinstance(value, RichText):
                value.source = clean_rich_text(value.source, features)
