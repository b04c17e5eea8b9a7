"""Wagtail's own interface strings that its Spanish catalogue does not translate yet.

Listed here so that makemessages puts them in Podium's catalogue, which comes first, and
a Spanish-speaking consultant's admin has no English left. Delete a line once Wagtail
translates it.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = (
    gettext_noop("Saved"),  # the autosave indicator of the page editor
    gettext_noop("Actions"),  # the header's action bar (templates/wagtailadmin/shared/headers)
)
