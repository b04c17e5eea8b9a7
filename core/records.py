"""Turning stored rows into plain data for a person's export of their own records."""

from django_countries.fields import Country
from wagtail.fields import StreamField
from wagtail.rich_text import RichText

# Wagtail's own bookkeeping on a page; what the person wrote and chose is kept.
PAGE_FIELDS_KEPT = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
)


def _plain(field, value):
    if isinstance(field, StreamField):
        return value.get_prep_value() if value is not None else []
    if isinstance(value, RichText):
        return str(value.source)
    if isinstance(value, Country):
        return value.code  # the ISO code the row holds, as written in any language
    return value


def fields_of(obj, *, exclude: tuple[str, ...] = ()) -> dict:
    """Every concrete field of a row, by name; a relation as the related row's id.

    Fields inherited from Wagtail's Page are kept only when they are the person's own
    choices (PAGE_FIELDS_KEPT), not the tree's bookkeeping.
    """
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude or (field.primary_key and field.is_relation):
            continue
        if field.model._meta.label == "wagtailcore.Page" and field.name not in PAGE_FIELDS_KEPT:
            continue
        if field.is_relation:
            data[field.attname] = getattr(obj, field.attname)
        else:
            data[field.name] = _plain(field, field.value_from_object(obj))
    return data
