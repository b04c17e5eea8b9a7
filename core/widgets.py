"""Form widgets that render the same markup as Django's, faster."""

from html import escape as escape_text

from django import forms
from django.utils.functional import Promise
from django.utils.safestring import SafeString

SELECTED = " selected"


def _escape(value) -> str:
    """Django's escape without its lazy-string wrapper (called once per option)."""
    return escape_text(str(value))


def _conditional_escape(text) -> str:
    """Django's conditional_escape: text already marked safe is written as it is."""
    if isinstance(text, Promise):
        text = str(text)
    return text.__html__() if hasattr(text, "__html__") else escape_text(str(text))


def _attributes(attrs: dict) -> str:
    """As Django's attrs.html writes them: in order, False left out, True as a bare name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """A select that writes its options itself.

    Django's select renders each option through a template of its own: for a list of
    every country that is some 250 templates, most of the time a page with such a form
    takes to render. Building each option's dictionary (`optgroups`) and formatting it
    with `format_html` still cost several milliseconds for the countries, so the options
    are written straight from the choices. The markup, and which option is selected (the
    first match only, unless the select takes several), are those of Django's select and
    option templates; tests/core/test_widgets.py compares the two.
    """

    def _option(self, value, label, selected: bool) -> str:
        return (
            f'<option value="{_escape(value)}"{SELECTED if selected else ""}>'
            f"{_conditional_escape(label)}</option>"
        )

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        values = self.format_value(value)
        several = self.allow_multiple_selected
        has_selected = False
        groups = []
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            grouped = isinstance(option_label, (list, tuple))
            options = option_label if grouped else [(option_value, option_label)]
            rows = []
            for sub_value, sub_label in options:
                selected = (not has_selected or several) and str(sub_value) in values
                has_selected |= selected
                rows.append(self._option(sub_value, sub_label, selected))
            if grouped:
                groups.append(
                    f'<optgroup label="{_conditional_escape(option_value)}">'
                    f"{chr(10).join(rows)}</optgroup>"
                )
            else:
                groups.append(rows[0])
        return SafeString(
            f'<select name="{_conditional_escape(name)}"{_attributes(final_attrs)}>\n'
            + "\n".join(groups)
            + "\n</select>"
        )
