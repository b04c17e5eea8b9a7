"""Rows as plain tuples, written through PostgreSQL's COPY without building model objects.

At 10,000 consultants the generator writes about 800,000 rows. Built as model instances
and prepared field by field (`Model.__init__`, `pre_save`, `get_db_prep_save`) they cost
more than PostgreSQL's own work; here each row is a tuple of the generator's own values.
Every column the generator does not give comes from the model itself: its value on one
instance made with no arguments (the field's default, as `Model.__init__` would set it,
including what a model's own `__init__` adds), prepared once; a default that is a
callable (a fresh UUID, a new dict) is called again for each row. A field added to a
model later is therefore written with its default, as the app would write it.
"""

from collections.abc import Iterable
from types import SimpleNamespace

from django.db import connection, models

# Columns whose values psycopg writes as they are (str, int, bool, aware datetime, date,
# UUID, None): the generator's values for these are sent unchanged. Any other field
# (JSON, StreamField, decimals, fields of unknown kinds) is prepared by the field itself.
AS_THEY_ARE = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DateTimeField",
    "EmailField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "URLField",
    "UUIDField",
}


def _fresh_default(field) -> bool:
    """The field's value is made anew for each row: a callable default (uuid4, dict) or
    the time of writing (auto_now, auto_now_add)."""
    return _stamped(field) or (field.has_default() and callable(field.default))


def _stamped(field) -> bool:
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


class Columns:
    """A model's concrete columns and, for each, the value of a row that does not give it."""

    def __init__(self, model, fields: Iterable[models.Field]):
        self.model = model
        self.fields = list(fields)
        template = model()
        self.fresh = [f for f in self.fields if _fresh_default(f)]
        # The Python value an instance made without arguments holds (Model.__init__ and
        # the model's own __init__, e.g. Wagtail's show_in_menus_default).
        self.defaults = {
            f.attname: getattr(template, f.attname) for f in self.fields if not _fresh_default(f)
        }
        self.prepared = {
            attname: self.field(attname).get_db_prep_save(value, connection)
            for attname, value in self.defaults.items()
        }
        self.to_prepare = {
            f.attname for f in self.fields if f.get_internal_type() not in AS_THEY_ARE
        }

    def field(self, attname: str):
        return next(f for f in self.fields if f.attname == attname)

    def complete(self, values: dict) -> dict:
        """`values` with a fresh value for each column whose default is made per row."""
        for field in self.fresh:
            if field.attname not in values:
                if _stamped(field):
                    # The field's own pre_save sets the time on what it is given.
                    values[field.attname] = field.pre_save(SimpleNamespace(), True)
                else:
                    values[field.attname] = field.get_default()
        return values

    def python_values(self, values: dict) -> list:
        """The values in column order, the model's defaults where `values` has none."""
        defaults = self.defaults
        return [
            values[f.attname] if f.attname in values else defaults[f.attname] for f in self.fields
        ]

    def row(self, values: dict) -> tuple:
        """The row as the database receives it."""
        out = []
        for field in self.fields:
            attname = field.attname
            if attname in values:
                value = values[attname]
                if attname in self.to_prepare:
                    value = field.get_db_prep_save(value, connection)
            elif attname in self.prepared:
                value = self.prepared[attname]
            else:
                value = field.get_db_prep_save(field.get_default(), connection)
            out.append(value)
        return tuple(out)


_TABLES: dict[tuple, Columns] = {}


def columns(model, *, with_pk: bool = False) -> Columns:
    """The model's own table's columns (its local concrete fields), kept for the run;
    without the primary key if the database numbers it and `with_pk` is not asked."""
    key = (model, with_pk)
    if key not in _TABLES:
        fields = [
            f
            for f in model._meta.local_concrete_fields
            if with_pk or not (f.primary_key and f.db_returning)
        ]
        _TABLES[key] = Columns(model, fields)
    return _TABLES[key]


def copy(model, rows: Iterable[dict], *, with_pk: bool = False) -> int:
    """Write one row per dict of values (attname: value) into the model's own table; each
    dict gains the values made for it (a fresh UUID, the time), which callers may read."""
    table = columns(model, with_pk=with_pk)
    quote = connection.ops.quote_name
    names = ", ".join(quote(f.column) for f in table.fields)
    count = 0
    connection.ensure_connection()
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN") as out,
    ):
        for values in rows:
            out.write_row(table.row(table.complete(values)))
            count += 1
    return count


def instances(model, rows: Iterable[dict], *, with_pk: bool = False) -> list:
    """The same rows as unsaved model instances, for a database without COPY (each dict
    gains its per-row defaults, as with copy())."""
    table = columns(model, with_pk=with_pk)
    return [model(**table.complete(values)) for values in rows]
