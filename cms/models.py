from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from core.models import BasePage


class HomePage(BasePage):
    """The site's root page; one per site."""

    mission = RichTextField(_("mission statement"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("mission")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portfolio.SpeakerIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
