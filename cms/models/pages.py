from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import BasePage, SpanishTitleMixin
from core.richtext import clean_stream_rich_text


class StandardPage(SpanishTitleMixin, BasePage):
    """About, fair pay, code of conduct, privacy, safety: editors' pages with the shared
    blocks. A standard page may hold others (a guideline under "About", say)."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("title_es"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def default_meta_description(self) -> str:
        return self.intro or super().default_meta_description()

    def save(self, *args, **kwargs):
        # Draftail limits the admin; this covers every other path (core.richtext).
        clean_stream_rich_text(self.body, RICH_TEXT_FEATURES)
        super().save(*args, **kwargs)
