"""QuickSelect writes the markup of Django's own select, only faster."""

import re

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.widgets import QuickSelect
from portfolio.forms import DirectoryFilterForm

CHOICES = [
    ("", "Any"),
    ("a&b", 'Tom "&" <Jerry>'),
    (None, "Nothing"),
    (3, gettext_lazy("Three")),
    ("safe", mark_safe("<b>bold</b>")),
    ("Group <1>", [("g1", "First"), ("g2", "Second")]),
    ("dup", "Duplicate one"),
    ("dup", "Duplicate two"),
]


def tags_only(html: str) -> str:
    """Django's templates put line breaks and indents between tags; browsers ignore them."""
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize("value", ["", "a&b", "3", "g2", "dup", "missing", None])
def test_single_select_matches_djangos(value):
    attrs = {"id": "id_x", "required": True, "aria-describedby": "x_help"}
    quick = QuickSelect(choices=CHOICES).render("x", value, attrs)
    django = forms.Select(choices=CHOICES).render("x", value, attrs)
    assert tags_only(quick) == tags_only(django)


def test_multiple_select_matches_djangos():
    quick = QuickSelect(choices=CHOICES)
    quick.allow_multiple_selected = True
    django = forms.SelectMultiple(choices=CHOICES)
    value = ["a&b", "dup", "g1"]
    assert tags_only(quick.render("x", value, {"id": "id_x"})) == tags_only(
        django.render("x", value, {"id": "id_x"})
    )


def test_only_the_first_matching_option_is_selected():
    html = QuickSelect(choices=CHOICES).render("x", "dup", {})
    assert html.count(" selected") == 1
    assert '<option value="dup" selected>Duplicate one</option>' in html


@pytest.mark.django_db
def test_directory_filters_render_as_djangos_selects():
    form = DirectoryFilterForm({"country": "KE", "travel": "", "engagement": "keynote"})
    form.is_valid()
    for name in ("country", "travel", "engagement", "availability", "budget_currency"):
        field = form.fields[name]
        django = forms.Select(choices=field.choices)
        attrs = form[name].build_widget_attrs({"id": f"id_{name}"})
        assert tags_only(form[name].as_widget(attrs=attrs)) == tags_only(
            django.render(form[name].html_name, form[name].value(), attrs)
        )
