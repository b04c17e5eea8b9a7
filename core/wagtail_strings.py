"""Wagtail's own interface strings that its Spanish catalogue does not translate yet.

Listed here, exactly as Wagtail writes them, so that makemessages puts them in Podium's
catalogue, which comes first: a Spanish-speaking consultant's admin then has no English
left. These are the ones a consultant meets (tests/test_spanish_crawler.py finds any
other). Delete a line once Wagtail translates it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_STRINGS = (
    gettext_noop("Saved"),  # the page editor's autosave indicator
    gettext_noop("Autosave is paused"),
    gettext_noop("Actions"),  # the header's action bar (templates/wagtailadmin/shared/headers)
    gettext_noop("Actions (footer)"),
    gettext_noop("Show filters"),
    gettext_noop("Search…"),
    gettext_noop("Search all pages…"),
    gettext_noop("There are no results."),
    gettext_noop("Toggle checks"),
    gettext_noop("Disable custom ordering"),
    gettext_noop(
        "Focus on the drag button and press up or down arrows to move the item, then press "
        "enter to submit the change."
    ),
    gettext_noop("If you confirm deletion"),
    gettext_noop("will unset the reference"),  # an image's usage, before deleting it
    gettext_noop("Edit account avatar"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
)
# The site summary on the admin's home page.
WAGTAIL_PLURALS = (
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)
