"""A consultant's profile: one page per consultant, its one-sheet (media kit) and feeds."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import PagePermissionTester
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.links import full_url
from core.models import BasePage, SiteSettings
from portfolio.enums import Audience, Availability, Travel
from portfolio.media_kit_pdf import kept_media_kit_pdf
from portfolio.models.base import ConsultantPage
from portfolio.models.taxonomy import Language, Topic

# How many of the consultant's newest posts and videos the profile lists.
PROFILE_CARDS = 10


class ProfilePermissionTester(PagePermissionTester):
    """A profile lives under the speakers' index and nowhere else, one per consultant: it
    is never moved or copied (those forms would show its consultant the index, which they
    cannot open, and a copy would be a second profile of the same person)."""

    def can_move(self):
        return False

    def can_copy(self):
        return False


class SpeakerProfilePage(RoutablePageMixin, ConsultantPage):
    """One per consultant, created (as a draft) with the account; owned by them."""

    consultant = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="speaker_profile",
        editable=False,
    )
    headline = models.CharField(_("headline"), max_length=140, blank=True)
    bio = RichTextField(_("professional bio"), features=RICH_TEXT_FEATURES, blank=True)
    lived_experience = RichTextField(
        _("lived-experience statement"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Optional. Kept apart from your bio, with its own audience."),
    )
    lived_experience_audience = models.CharField(
        _("who can see the statement"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PRIVATE,
    )
    photo = models.ForeignKey(
        "core.PodiumImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: without one, a calm drawn placeholder is shown."),
    )
    cover_image = models.ForeignKey(
        "core.PodiumImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: a wide picture shown as a banner above your profile. A landscape, "
            "a pattern or your work works well; it is cropped to a wide strip."
        ),
    )
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    languages = ParentalManyToManyField(Language, verbose_name=_("languages"), blank=True)
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True
    )
    credentials = models.TextField(_("credentials"), blank=True, max_length=2000)
    country = CountryField(
        _("country you travel from"),
        blank=True,
        blank_label=_("No country given"),
        help_text=_("A country, never a street or a city, unless you choose to name one."),
    )
    region = models.CharField(_("region"), max_length=80, blank=True)
    travel = models.CharField(
        _("travel"), max_length=20, choices=Travel.choices, default=Travel.NONE
    )
    virtual = models.BooleanField(_("available for virtual events"), default=True)
    rates_audience = models.CharField(
        _("who can see your rates"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.NETWORK,
    )
    topics_not_discussed = models.TextField(
        _("topics I will not discuss"), blank=True, max_length=1000
    )
    no_personal_story = models.BooleanField(_("no requests for my personal story"), default=False)
    accommodation_needs = models.TextField(
        _("accommodation needs"),
        blank=True,
        max_length=1000,
        help_text=_("Shown only to an organization whose booking you have confirmed."),
    )
    availability = models.CharField(
        _("availability"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.OPEN,
    )
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    allow_search_engines = models.BooleanField(
        _("let search engines list my profile"),
        default=False,
        help_text=_(
            "Off: search engines are asked not to list your pages, they are left out of "
            "the sitemap, and no structured data describes you. Only public pages can be "
            "listed."
        ),
    )
    # A pause hides the profile everywhere at once; it is state, not content.
    paused_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The consultant's yes to being featured on the home page, never assumed.
    # State, like the pause: set and withdrawn from the dashboard, effective at once.
    featuring_consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    state_fields = ("visibility", "paused_at", "featuring_consent_at")
    rich_text_fields = ("bio", "lived_experience")

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("headline"),
        index.SearchField("bio"),
        index.SearchField("credentials"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("visibility"),
    ]

    content_panels = [
        FieldPanel(
            "title",
            heading=_("Professional name"),
            help_text=_(
                "The name you work under. A professional name is normal; your legal name is "
                "never needed."
            ),
        ),
        FieldPanel("headline"),
        FieldPanel("pronouns"),
        FieldPanel("photo"),
        FieldPanel("cover_image"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("lived_experience"),
                FieldPanel("lived_experience_audience", widget=forms.RadioSelect),
            ],
            heading=_("Lived experience (optional)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("years_of_experience"),
                FieldPanel("credentials"),
                InlinePanel("links", label=_("links")),
            ],
            heading=_("Expertise"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("travel"),
                FieldPanel("virtual"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rates_audience", widget=forms.RadioSelect),
                InlinePanel("rates", label=_("rates")),
            ],
            heading=_("Engagements and rates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics_not_discussed"),
                FieldPanel("no_personal_story"),
                FieldPanel("accommodation_needs"),
            ],
            heading=_("Boundaries"),
        ),
        InlinePanel("past_engagements", heading=_("Past engagements"), label=_("engagement")),
        MultiFieldPanel(
            [
                FieldPanel("availability"),
                FieldPanel("paused_until"),
            ],
            heading=_("Availability"),
        ),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("allow_search_engines")],
            heading=_("Address and search engines"),
        )
    ]

    parent_page_types = ["portfolio.SpeakerIndexPage"]
    subpage_types = ["portfolio.BlogPostPage", "portfolio.VideoPage"]

    class Meta:
        verbose_name = _("speaker profile")

    def permissions_for_user(self, user):
        return ProfilePermissionTester(user, self)

    @property
    def profile(self):
        return self

    def default_meta_description(self) -> str:
        # The headline and topics show to everyone who may see the profile; the bio and
        # the lived-experience statement (with its own audience) are left out. Prefetched,
        # so that the page's own list of topics reuses this query.
        if self.pk:
            prefetch_related_objects([self], "topics")
        topics = ", ".join(str(topic) for topic in self.topics.all())
        if self.headline and topics:
            return gettext("%(headline)s. Topics: %(topics)s.") % {
                "headline": self.headline.rstrip(". "),
                "topics": topics,
            }
        if self.headline or topics:
            return self.headline or gettext("Topics: %(topics)s.") % {"topics": topics}
        return gettext("%(name)s: speaker, trainer and consultant.") % {"name": self.title}

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def get_route_paths(self):
        # Wagtail records a redirect for each of these when the profile's slug changes.
        return ["/", "/media-kit/", "/media-kit/pdf/", "/feed/", "/feed/atom/"]

    def sections_context(self, request) -> dict:
        """What the profile, its one-sheet and the one-sheet's PDF show to this viewer."""
        viewer = request.viewer
        return {
            "is_owner": viewer.is_owner(self),
            "show_lived_experience": bool(self.lived_experience)
            and viewer.can_see_section(self, self.lived_experience_audience),
            "show_rates": viewer.can_see_section(self, self.rates_audience),
            "rates": self.rates.all(),
            # Editors keep the figures in site settings; shown beside every rate card.
            "benchmarks": SiteSettings.load(request_or_site=request).benchmark_pairs(),
        }

    def person_json_ld(self, request) -> dict:
        """schema.org Person for an opted-in public profile (rendered by core's json_ld filter)."""
        # Prefetched, as in default_meta_description: the page's description and list of
        # topics then read the same query instead of one each.
        prefetch_related_objects([self], "topics")
        return {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.title,
            "description": self.headline or strip_tags(self.bio)[:300],
            # The site's configured address, as the sitemap and feeds give it, not the
            # Wagtail site record's host and port.
            "url": full_url(self.get_url(request)),
            "knowsAbout": [t.name for t in self.topics.all()],
        }

    @path("")
    def profile_view(self, request):
        # Imported here: portfolio.selectors imports these page models (a cycle).
        from portfolio import selectors

        viewer = request.viewer
        context = self.sections_context(request)
        context["testimonials"] = selectors.approved_testimonials(profile=self)
        context["past_engagements"] = selectors.shown_past_engagements(profile=self)
        context["posts"] = selectors.card_pictures_attach(
            selectors.profile_posts(profile=self, viewer=viewer)[:PROFILE_CARDS]
        )
        context["videos"] = selectors.card_pictures_attach(
            selectors.profile_videos(profile=self, viewer=viewer)[:PROFILE_CARDS]
        )
        if self.allow_search_engine_indexing:
            context["structured_data"] = self.person_json_ld(request)
        return self.render(
            request, template="portfolio/speaker_profile_page.html", context_overrides=context
        )

    @path("media-kit/")
    def media_kit(self, request):
        return self.render(
            request,
            template="portfolio/media_kit.html",
            context_overrides=self.sections_context(request),
        )

    @path("media-kit/pdf/")
    def media_kit_pdf(self, request):
        context = {**self.get_context(request), **self.sections_context(request)}
        pdf = kept_media_kit_pdf(context, request)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="one-sheet.pdf"'
        return response

    @path("feed/")
    def feed(self, request):
        # Imported here: portfolio.feeds reads through portfolio.selectors, which imports
        # these page models (a cycle).
        from portfolio import feeds

        return feeds.ProfileFeed()(request, profile=self)

    @path("feed/atom/")
    def atom_feed(self, request):
        # Imported here: portfolio.feeds reads through portfolio.selectors, which imports
        # these page models (a cycle).
        from portfolio import feeds

        return feeds.ProfileAtomFeed()(request, profile=self)
