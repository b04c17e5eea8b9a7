"""A page's revision content, as `serializable_data()` gives it, in a fraction of its time.

modelcluster's `serializable_data()` asks every field for `pre_save()` and
`value_to_string()` and looks up the model's child relations again for each page: at
62,000 pages that was over a minute. Here what each field needs is decided once per
model: a foreign key gives its raw id, a field that keeps Django's plain `pre_save` and
`value_to_string` gives its value (a string for anything but a number, a date or None),
and every other field goes through modelcluster's own `get_field_value`. The result is
the same dictionary (tests/bench/test_generate.py compares it with `serializable_data()`
of the saved page).
"""

import datetime

from django.db.models import Field
from django.utils.encoding import is_protected_type
from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_field_value,
    get_serializable_data_for_fields,
)

_PLANS: dict[type, tuple] = {}


def _reader(field):
    attname = field.attname
    if field.remote_field is not None:
        return lambda obj: getattr(obj, attname)
    plain = (
        type(field).pre_save is Field.pre_save
        and type(field).value_to_string is Field.value_to_string
    )
    if not plain:
        return lambda obj: get_field_value(field, obj)

    def read(obj):
        value = getattr(obj, attname)
        if isinstance(value, datetime.datetime):  # made timezone-aware UTC there
            return get_field_value(field, obj)
        return value if is_protected_type(value) else str(value)

    return read


def _plan(model) -> tuple:
    if model not in _PLANS:
        pk_field = model._meta.pk
        # A child of multi-table inheritance is keyed by its parent's primary key.
        while pk_field.remote_field and pk_field.remote_field.parent_link:
            pk_field = pk_field.remote_field.model._meta.pk
        readers = [("pk", _reader(pk_field))]
        readers += [(f.name, _reader(f)) for f in model._meta.fields if f.serialize]
        children = [r.get_accessor_name() for r in get_all_child_relations(model)]
        many = [f.name for f in get_all_child_m2m_relations(model) if f.serialize]
        _PLANS[model] = (readers, children, many)
    return _PLANS[model]


def content(page) -> dict:
    """What `page.serializable_data()` returns."""
    readers, children, many = _plan(type(page))
    data = {name: read(page) for name, read in readers}
    for name in children:
        data[name] = [
            child.serializable_data()
            if hasattr(child, "serializable_data")
            else get_serializable_data_for_fields(child)
            for child in getattr(page, name).all()
        ]
    for name in many:
        data[name] = [child.pk for child in getattr(page, name).all()]
    return data
