"""Form widgets that render the same markup as Django's, faster."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class QuickSelect(forms.Select):
    """A select that writes its options itself.

    Django's select renders each option through a template of its own: for a list of
    every country that is some 250 templates, most of the time a page with such a form
    takes to render. The markup is that of Django's select and option templates.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rows = format_html_join(
                "\n",
                '<option value="{}"{}>{}</option>',
                ((opt["value"], flatatt(opt["attrs"]), opt["label"]) for opt in options),
            )
            if group_name:
                rows = format_html('<optgroup label="{}">{}</optgroup>', group_name, rows)
            groups.append(rows)
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            SafeString("\n".join(groups)),
        )
