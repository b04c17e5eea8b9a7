"""What every consultant's page shares: an audience they choose, and the effective one.

Who sees a page is decided by portfolio.viewer; `visibility` is the page's effective
audience, kept in step (with Wagtail view restrictions) by portfolio.services, never
edited by hand.
"""

from typing import TYPE_CHECKING

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.utils.decorators import cached_classmethod

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, site_meta_description
from core.richtext import clean_rich_text
from portfolio.enums import Audience
from portfolio.models.forms import ConsultantPageForm

if TYPE_CHECKING:
    from portfolio.models.profile import SpeakerProfilePage


class ConsultantPage(BasePage):
    """What a consultant's pages share: an audience they choose, and the effective one."""

    base_form_class = ConsultantPageForm

    audience = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PRIVATE,
    )
    # The effective audience (the narrowest of this page's, its profile's and a pause),
    # written by portfolio.services.visibility_sync after every publish, pause or resume.
    visibility = models.CharField(
        max_length=10, choices=Audience.choices, default=Audience.PRIVATE, editable=False
    )

    @property
    def is_public(self) -> bool:
        """Everyone may see it (what feeds and search engines are told about)."""
        return self.visibility == Audience.PUBLIC

    # Wagtail's own privacy control would fight the audience field; Podium sets the view
    # restrictions itself.
    private_page_options: list[str] = []

    # Fields that describe the live page's state rather than its content: restoring or
    # publishing an older revision must not bring back an old value.
    state_fields = ("visibility",)

    class Meta:
        abstract = True

    # Who sees the page is the first thing asked, above the content, with the private
    # default already chosen: a choice tucked away on a later tab goes unseen.
    audience_panels = [
        FieldPanel(
            "audience",
            widget=forms.RadioSelect,
            help_text=_("You can change this at any time; it applies when you publish."),
        )
    ]
    settings_panels: list = []

    @property
    def live_audience_label(self) -> str:
        """What the admin says instead of "live" when the published page is not public.

        Wagtail calls every published page "live" or "published"; for a page only its
        consultant (or only the network) can see, that would say the opposite of the truth.
        Empty for a public page or one not published.
        """
        if not self.live or self.visibility == Audience.PUBLIC:
            return ""
        if self.visibility == Audience.NETWORK:
            return str(_("Members only"))
        return str(_("Only you"))

    @property
    def status_string(self):
        label = self.live_audience_label
        if not label:
            return super().status_string
        if self.workflow_in_progress:
            return _("%(audience)s + in review") % {"audience": label}
        if self.has_unpublished_changes:
            return _("%(audience)s + draft") % {"audience": label}
        return label

    @cached_classmethod
    def get_edit_handler(cls):
        tabs = [ObjectList([*cls.audience_panels, *cls.content_panels], heading=_("Content"))]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading=_("Address")))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    # Rich text fields of the page, cleaned on every save (core.richtext).
    rich_text_fields: tuple[str, ...] = ()

    def get_admin_display_title(self):
        # Wagtail's admin names a page by its latest draft's title wherever it lists it,
        # also to people who may see only the published page (the page chooser, bulk
        # actions, usage): an unpublished change stays with its editor. Once published,
        # a page goes by its published title; its editor shows the draft.
        if self.live:
            return self.title
        return super().get_admin_display_title()

    def save(self, *args, **kwargs):
        for name in self.rich_text_fields:
            setattr(self, name, clean_rich_text(getattr(self, name), RICH_TEXT_FEATURES))
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in self.state_fields:
            setattr(page, field, getattr(self, field))
        return page

    @property
    def profile(self) -> "SpeakerProfilePage":
        raise NotImplementedError

    @property
    def allow_search_engine_indexing(self) -> bool:
        # Only a public page of a consultant who opted in.
        return self.visibility == Audience.PUBLIC and self.profile.allow_search_engines

    def get_sitemap_urls(self, request=None):
        if not self.allow_search_engine_indexing:
            return []
        return super().get_sitemap_urls(request)

    def get_meta_description(self) -> str:
        # Search snippets and link previews quote the description to whoever fetches the
        # address: only a page everyone may see lends it its own words.
        if self.visibility != Audience.PUBLIC:
            return site_meta_description()
        return super().get_meta_description()
