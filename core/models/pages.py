"""What every page type shares: search-engine rules, descriptions, Spanish titles."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction

from core.i18n import Label, field_label

# Search results cut snippets at about this many characters.
META_DESCRIPTION_LENGTH = 160


def meta_description_text(text: str) -> str:
    """Plain text on one line, cut at a word near the length search results show."""
    plain = " ".join(strip_tags(str(text)).split())
    return Truncator(plain).chars(META_DESCRIPTION_LENGTH)


def site_meta_description() -> str:
    """The description of every page that has none of its own, in the reader's language."""
    return gettext(
        "Speakers, trainers and consultants with lived experience: find them, read their "
        "work and book them for fair pay."
    )


class BasePage(Page):
    """Shared by every page type. Pages are kept out of search engines unless they say so."""

    allow_search_engine_indexing = True

    class Meta:
        abstract = True

    def get_robots_directive(self, request=None) -> str:
        return "index, follow" if self.allow_search_engine_indexing else "noindex, noimageindex"

    def get_meta_description(self) -> str:
        """What search results and link previews show under the title: the description
        written on the page's "Promote" tab, else one the page type draws from itself."""
        return meta_description_text(self.search_description or self.default_meta_description())

    def default_meta_description(self) -> str:
        return site_meta_description()

    def get_view_restrictions(self):
        """The view restrictions of this page and its ancestors, in one query.

        Wagtail reads the ancestors first and then their restrictions (two queries on every
        page served); the ancestors' paths are the prefixes of the page's own, so their ids
        are a subquery of the restrictions' query. An alias in the chain counts as its
        source page, as in Wagtail's own version.
        """
        steps = range(self.steplen, len(self.path) + 1, self.steplen)
        chain = Page.objects.filter(path__in=[self.path[:end] for end in steps])
        # The alias's source, else the page: an index lookup per level, never a scan of
        # the restrictions (a restricted page each for thousands of profiles and posts).
        ids = chain.values(page_id=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=ids)


class SpanishTitleMixin(models.Model):
    """For editors' site pages whose title is navigation (the directory, the resource
    page, about, privacy...): a Spanish title, shown in a Spanish interface. The body of
    such a page is content and keeps the language it was written in."""

    title_es = models.CharField(
        _("title in Spanish"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the interface is in Spanish. Empty: the title above."),
    )

    class Meta:
        abstract = True

    @property
    def shown_title(self) -> Label:
        return field_label(self, "title")


class DirectoryIntroMixin(SpanishTitleMixin):
    """For the editors' directory pages (speakers, resources): a Spanish title and an
    introduction in both languages, with the panels to edit them."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    intro_es = models.TextField(_("introduction in Spanish"), blank=True, max_length=1000)

    directory_panels = [FieldPanel("title_es"), FieldPanel("intro"), FieldPanel("intro_es")]

    class Meta:
        abstract = True

    @property
    def shown_intro(self) -> Label:
        return field_label(self, "intro")
