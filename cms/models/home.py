from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from core.i18n import Label, field_label
from core.models import BasePage
from core.richtext import clean_rich_text
from portfolio.enums import Audience
from portfolio.models import ConsultantPage


class HomePage(BasePage):
    """The site's root page; one per site."""

    mission = RichTextField(_("mission statement"), features=["bold", "italic", "link"], blank=True)
    mission_es = RichTextField(
        _("mission statement in Spanish"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown when the interface is in Spanish. Empty: the statement above."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("mission"),
        FieldPanel("mission_es"),
        InlinePanel(
            "featured_items",
            heading=_("Featured"),
            label=_("featured page"),
            help_text=_(
                "Only public pages of consultants who agreed to be featured can be chosen. "
                "If a consultant withdraws or pauses, their item disappears at once."
            ),
        ),
    ]

    def get_context(self, request, *args, **kwargs):
        # Here, not at the top: the selectors import these models, an import cycle.
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_context(home=self))
        return context

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portfolio.SpeakerIndexPage", "cms.ResourceIndexPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def save(self, *args, **kwargs):
        self.mission = clean_rich_text(self.mission, ["bold", "italic", "link"])
        self.mission_es = clean_rich_text(self.mission_es, ["bold", "italic", "link"])
        super().save(*args, **kwargs)

    @property
    def shown_mission(self) -> Label:
        """The introduction in the interface's language: it introduces the site, so it
        is interface, not content."""
        return field_label(self, "mission")


FEATURABLE_PAGE_TYPES = (
    "portfolio.speakerprofilepage",
    "portfolio.blogpostpage",
    "portfolio.videopage",
)


class FeaturedItem(Orderable):
    """A consultant's page an editor puts on the home page, for a time if they wish."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    go_live_at = models.DateTimeField(_("show from"), null=True, blank=True)
    expire_at = models.DateTimeField(_("show until"), null=True, blank=True)

    panels = [
        # cms.wagtail_hooks recognises this chooser by these types and lists only what
        # may be featured; clean() below still refuses anything else.
        PageChooserPanel("page", list(FEATURABLE_PAGE_TYPES)),
        FieldRowPanel([FieldPanel("go_live_at"), FieldPanel("expire_at")]),
    ]

    def clean(self):
        super().clean()
        page = self.page.specific if self.page_id else None
        if not isinstance(page, ConsultantPage):
            raise ValidationError({"page": _("Choose a speaker profile, a blog post or a video.")})
        if page.profile.featuring_consent_at is None:
            raise ValidationError(
                {"page": _("This consultant has not agreed to be featured on the home page.")}
            )
        if not page.live or page.visibility != Audience.PUBLIC:
            raise ValidationError({"page": _("Only public, published pages can be featured.")})
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError({"expire_at": _("The end must come after the start.")})
